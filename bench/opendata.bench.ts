// The SCDL export through HTTP for 10,000 and 100,000 grants: the peak live heap while streaming each,
// the 100,000 one against the 10,000 one (aim under 1.5x: memory stays flat, the file is never held).
// Also the time per row against a bare aggregation cursor over the same grants (formatting + HTTP cost),
// and memory given back: three consecutive exports of 100,000 grants from Maillage in its own process
// (production configuration, bench/e2e/), its RSS after the third against after the first (aim: <= 1.2x).
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Types } from 'mongoose';
import { createApp } from '../src/app';
import { testConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { OrganisationModel } from '../src/modules/organisation/organisation.model';
import { GrantApplicationModel } from '../src/modules/grants/application/grant-application.model';
import { FundingProgrammeModel } from '../src/modules/grants/budget/funding-programme.model';
import { foldText } from '../src/shared/text';
import { fakeRna, fakeSiret } from '../seeds/random';
import { result, type Bench, type BenchResult } from './harness';
import { startChild } from './e2e/spawn';

const SMALL = 10_000;
const LARGE = 100_000;

async function insertGrants(year: number, count: number, orgs: Types.ObjectId[], programme: Types.ObjectId): Promise<void> {
  const decided = new Date(`${year}-05-01T10:00:00Z`);
  for (let i = 0; i < count; i += 5000) {
    const docs = [];
    for (let k = i; k < Math.min(count, i + 5000); k++) {
      docs.push({
        number: `${year}-${String(k + 1).padStart(6, '0')}`,
        organisation: orgs[k % orgs.length],
        programme,
        year,
        title: `Projet de démonstration n°${k + 1}, "quartiers solidaires"`,
        description: 'Projet fictif pour la mesure des exports.',
        budgetLines: [
          { kind: 'EXPENSE', label: 'Dépenses', amount: 3_000_000 + k },
          { kind: 'INCOME', label: 'Ville', amount: 1_234_567 },
        ],
        otherFunders: [],
        requestedAmount: 1_234_567,
        status: 'APPROVED',
        createdBy: programme,
        decision: { outcome: 'APPROVED', amount: 1_234_567 + (k % 100), motivation: 'Conforme.', decidedBy: programme, decidedAt: decided },
        payments: [
          { _id: new Types.ObjectId(), amount: 600_000, dueDate: new Date(`${year}-06-01`), paidAt: null },
          { _id: new Types.ObjectId(), amount: 634_567, dueDate: new Date(`${year}-10-01`), paidAt: null },
        ],
        convention: k % 3 ? null : { reference: `C-${k}`, signedAt: new Date(`${year}-05-10`) },
        paidAmount: 0,
        createdAt: decided,
        updatedAt: decided,
      });
    }
    await GrantApplicationModel.collection.insertMany(docs, { ordered: false });
  }
}

// A full collection on demand, to read the live heap (what the export holds) rather than garbage not yet
// collected, which grows with the run's length whatever is retained.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Streams the export, discarding it, while sampling the live heap every 50 ms (after a forced GC) if asked. */
async function measure(url: string, sampleHeap = true): Promise<{ bytes: number; lines: number; ms: number; peak: number }> {
  gc();
  let peak = getHeapStatistics().used_heap_size;
  const timer = setInterval(() => {
    if (!sampleHeap) return;
    gc();
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  }, 50);
  const t = process.hrtime.bigint();
  const res = await fetch(url);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  clearInterval(timer);
  return { bytes, lines, ms, peak };
}

const bench: Bench = {
  name: 'opendata',
  async run(ctx) {
    const uri = await ctx.connectFreshDatabase();
    const config = testConfig();
    const { app, stop } = await createApp({ config, log: createLogger('silent') });
    const server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const results: BenchResult[] = [];
    try {
      const orgDocs = Array.from({ length: 2000 }, (_, i) => ({
        name: `Association de mesure ${i}`,
        nameKey: foldText(`Association de mesure ${i}`),
        legalForm: 'ASSOCIATION',
        rna: fakeRna(800_000 + i),
        ...(i % 2 ? { siret: fakeSiret(800_000 + i) } : {}),
        description: '',
        status: 'ACTIVE',
        isPublic: true,
        domains: [],
        neighbourhoods: [],
        labels: [],
        source: 'MAILLAGE',
        locallyEditedFields: [],
      }));
      const orgIds = Object.values((await OrganisationModel.collection.insertMany(orgDocs)).insertedIds) as Types.ObjectId[];
      const programme = (
        await FundingProgrammeModel.create({
          name: 'Mesure',
          year: 2026,
          opensOn: new Date('2026-01-01'),
          closesOn: new Date('2026-12-31'),
          minAmount: 0,
          maxAmount: 1e9,
        })
      )._id;
      await insertGrants(2026, SMALL, orgIds, programme);
      await insertGrants(2027, LARGE, orgIds, programme);
      ctx.log(`inserted ${SMALL + LARGE} grants`);

      await measure(`${base}/api/open-data/scdl/subventions-2026.csv`); // warm-up
      const small = await measure(`${base}/api/open-data/scdl/subventions-2026.csv`);
      const large = await measure(`${base}/api/open-data/scdl/subventions-2027.csv`);
      const mb = (n: number) => Number((n / 1024 / 1024).toFixed(1));
      ctx.log(`10k: ${small.lines - 1} rows, ${mb(small.bytes)} MB in ${small.ms.toFixed(0)} ms, peak heap ${mb(small.peak)} MB`);
      ctx.log(`100k: ${large.lines - 1} rows, ${mb(large.bytes)} MB in ${large.ms.toFixed(0)} ms, peak heap ${mb(large.peak)} MB`);
      if (small.lines - 1 !== SMALL || large.lines - 1 !== LARGE) throw new Error(`export rows: ${small.lines - 1} and ${large.lines - 1}`);

      // The floor: the same grants through a bare cursor, no formatting, no HTTP.
      const t = process.hrtime.bigint();
      // Counted so the loop reads every document, as the export does; the count itself is not reported.
      let _read = 0;
      for await (const g of GrantApplicationModel.collection.find({ 'decision.outcome': 'APPROVED', year: 2027 }, { batchSize: 500 })) _read += g ? 1 : 0;
      const floorMs = Number(process.hrtime.bigint() - t) / 1e6;
      const giving = await measure(`${base}/api/open-data/360giving-2027.json`);
      // Time without the heap sampling (its forced collections slow the stream down).
      const timed = await measure(`${base}/api/open-data/scdl/subventions-2027.csv`, false);
      ctx.log(`100k without heap sampling: ${timed.ms.toFixed(0)} ms; bare cursor ${floorMs.toFixed(0)} ms`);

      // Memory given back: the server alone in its process, three exports in a row, RSS read after each
      // once the response is read to its end (no forced collection: RSS is what the machine sees).
      const child = await startChild('maillage', 'e2e/maillage-server.ts', uri);
      const rss: number[] = [];
      try {
        const url = `${child.url}/api/open-data/scdl/subventions-2027.csv`;
        const booted = await child.memory();
        for (let i = 0; i < 3; i++) {
          const run = await measure(url, false);
          if (run.lines - 1 !== LARGE) throw new Error(`export ${i + 1} from the child: ${run.lines - 1} rows`);
          await new Promise((r) => setTimeout(r, 500));
          rss.push((await child.memory()).rss);
        }
        ctx.log(`child RSS: ${mb(booted.rss)} MB booted, after each export ${rss.map((x) => mb(x)).join(', ')} MB`);
      } finally {
        await child.stop();
      }

      results.push(
        result({
          name: `SCDL export of ${LARGE.toLocaleString('en')} grants, three in a row, server RSS after the third vs after the first`,
          value: mb(rss[2]!),
          baseline: mb(rss[0]!),
          unit: 'MB',
          aim: '<= 1.2x',
          ok: rss[2]! <= 1.2 * rss[0]!,
        }),
        result({
          name: `SCDL export peak live heap, ${LARGE.toLocaleString('en')} grants (${mb(large.bytes)} MB of CSV) vs ${SMALL.toLocaleString('en')}`,
          value: mb(large.peak),
          baseline: mb(small.peak),
          unit: 'MB',
          aim: '< 1.5x',
          ok: large.peak / small.peak < 1.5,
        }),
        result({
          name: `SCDL export of ${LARGE.toLocaleString('en')} grants over HTTP vs a bare cursor over them`,
          value: Math.round(timed.ms),
          baseline: Math.round(floorMs),
          unit: 'ms',
          aim: 'reported',
        }),
        result({
          name: `360Giving export of ${LARGE.toLocaleString('en')} grants, peak live heap vs SCDL of ${SMALL.toLocaleString('en')}`,
          value: mb(giving.peak),
          baseline: mb(small.peak),
          unit: 'MB',
          aim: '< 1.5x',
          ok: giving.peak / small.peak < 1.5,
        }),
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await stop();
      await ctx.disconnectDatabase();
    }
    return results;
  },
};

export default bench;
