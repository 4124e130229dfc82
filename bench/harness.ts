// Shared bench plumbing: one MongoDB for the run, a fresh database per bench, and timing helpers.
// Results are ratios against a baseline measured in the same run (machines here are shared and noisy).
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { MongoClient } from 'mongodb';
import { connectionOptions, ensureIndexes } from '../src/db';

export interface BenchResult {
  /** What was measured, e.g. "directory page of 100, HTTP vs hand-written aggregation". */
  name: string;
  /** The measured figure and its baseline, in the unit given. */
  value: number;
  baseline: number;
  unit: string;
  /** value / baseline, or baseline / value when `higherIsBetter` (so >1 always reads "x times the baseline"). */
  ratio: number;
  /** What the issue aims at, in words (e.g. "<= 3x"). */
  aim?: string;
  ok?: boolean;
}

export interface Bench {
  name: string;
  run: (ctx: BenchContext) => Promise<BenchResult[]>;
}

export interface BenchContext {
  mongoBaseUri: string;
  /** Connects mongoose to a fresh database and builds indexes; drop it with `disconnectDatabase`. */
  connectFreshDatabase: () => Promise<string>;
  disconnectDatabase: () => Promise<void>;
  log: (msg: string) => void;
}

/**
 * The embedded engine the benches run on (MONGOMS_SYSTEM_BINARY) is built without MongoDB's slot-based
 * execution engine, which MongoDB 9's cost-based plan ranker needs when the trial runs of several candidate
 * plans settle nothing (a rare filter over 100,000 documents: the directory page of SCOPs, a boot query that
 * matches none). The server then answers QueryFeatureNotAllowed (code 224) and the API a masked
 * INTERNAL_SERVER_ERROR. A real server has that engine; on this one the ranker is turned off, so the
 * planner picks from its trial runs as MongoDB 8 does. A server that does not know the flag is left as is.
 */
export async function withoutCostBasedRanker(uri: string): Promise<boolean> {
  const client = await MongoClient.connect(uri);
  try {
    await client.db('admin').command({ setParameter: 1, featureFlagCostBasedRanker: false });
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

export function makeContext(mongoBaseUri: string): BenchContext {
  return {
    mongoBaseUri,
    connectFreshDatabase: async () => {
      const uri = `${mongoBaseUri.replace(/\/$/, '')}/bench-${randomBytes(4).toString('hex')}`;
      await mongoose.connect(uri, connectionOptions({ dbTimeoutMs: 10_000 }));
      await ensureIndexes();
      return uri;
    },
    disconnectDatabase: async () => {
      if (mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase();
      await mongoose.disconnect();
    },
    log: (msg) => process.stderr.write(`  ${msg}\n`),
  };
}

/** Median wall time of `fn` over `runs` runs after `warmup` runs, in milliseconds. */
export async function medianMs(fn: () => Promise<unknown>, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Interleaves the variants run by run, so machine noise hits them alike; returns each one's median. */
export async function compareMs(variants: Record<string, () => Promise<unknown>>, runs = 15, warmup = 3): Promise<Record<string, number>> {
  const names = Object.keys(variants);
  for (let i = 0; i < warmup; i++) for (const n of names) await variants[n]!();
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const n of names) {
      const t = process.hrtime.bigint();
      await variants[n]!();
      times[n]!.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const sorted = times[n]!.sort((a, b) => a - b);
      return [n, sorted[Math.floor(sorted.length / 2)]!];
    }),
  );
}

export function result(r: Omit<BenchResult, 'ratio'> & { higherIsBetter?: boolean; ok?: boolean }): BenchResult {
  const ratio = r.higherIsBetter ? r.value / r.baseline : r.value / r.baseline;
  return { name: r.name, value: r.value, baseline: r.baseline, unit: r.unit, ratio: Number(ratio.toFixed(3)), aim: r.aim, ok: r.ok };
}
