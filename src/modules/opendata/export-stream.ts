// The export pipeline, apart from what a row says: one MongoDB cursor over the year's published grants,
// their organisation and programme looked up per batch, each grant turned into text by a format (scdl.ts,
// giving360.ts), and the text piped to the response with backpressure. Nothing holds more than one batch:
// the generator is read only as fast as the socket drains, and a client that leaves destroys the pipeline,
// which closes the cursor (an abandoned export keeps nothing).
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Types } from 'mongoose';
import { OrganisationModel } from '../organisation/organisation.model';
import { GrantApplicationModel } from '../grants/application/grant-application.model';
import { FundingProgrammeModel } from '../grants/budget/funding-programme.model';
import { CouncilDecisionModel } from '../grants/convention/council-decision.model';
import type { ExportGrant } from './scdl';

/** What a format writes: text before the rows, one row per grant (null: left out), between rows, after. */
export interface ExportFormat {
  head: string;
  row: (g: ExportGrant) => string | null;
  /** Told, batch by batch, which grants were written (the first publication's date is recorded from it). */
  written?: (grants: ExportGrant[]) => Promise<void>;
  separator?: string;
  tail: string;
}

/** The grants a year's publication lists: approved (or since completed), decided in the year (Paris time). */
export type YearMatch = Record<string, unknown>;

const EXPORT_FIELDS = {
  number: 1,
  title: 1,
  description: 1,
  budgetLines: 1,
  decision: 1,
  convention: 1,
  payments: 1,
  updatedAt: 1,
  organisation: 1,
  programme: 1,
  // The row's content (scdl.ts): years, aid in kind, the beneficiary as of the decision, the council decision.
  year: 1,
  'multiYear.years.year': 1,
  'multiYear.years.amount': 1,
  'inKind.valuation': 1,
  beneficiary: 1,
  councilDecision: 1,
  firstPublishedAt: 1,
};
/** Grants read per round trip, and names looked up per batch. */
export const EXPORT_BATCH = 500;
/** Text handed to the socket at a time: a few rows' worth, never the file. */
const CHUNK_BYTES = 64 * 1024;
/** Organisations and programmes are looked up per batch of grants, with a bounded cache (memory stays flat). */
const CACHE_LIMIT = 20_000;

class Names<T> {
  private readonly cache = new Map<string, T | null>();
  constructor(private readonly load: (ids: Types.ObjectId[]) => Promise<(T & { _id: Types.ObjectId })[]>) {}
  async fill(ids: unknown[]): Promise<void> {
    const missing = [...new Set(ids.map(String))].filter((id) => !this.cache.has(id));
    if (!missing.length) return;
    if (this.cache.size + missing.length > CACHE_LIMIT) this.cache.clear();
    const found = await this.load(missing.map((id) => new Types.ObjectId(id)));
    for (const id of missing) this.cache.set(id, null);
    for (const doc of found) this.cache.set(String(doc._id), doc);
  }
  get(id: unknown): T | null {
    return this.cache.get(String(id)) ?? null;
  }
}

type Stored = Omit<ExportGrant, 'org' | 'programmeName' | 'councilReference'> & { organisation: unknown; programme: unknown; councilDecision?: unknown };

/**
 * The grants of `match` in decision order (index opendata_decided_at), each with its organisation's name and
 * identifiers and its programme's name, batch by batch. Closing the generator early closes the cursor.
 */
export async function* exportGrants(match: YearMatch): AsyncGenerator<ExportGrant[]> {
  const cursor = GrantApplicationModel.collection
    .find(match, { projection: EXPORT_FIELDS, batchSize: EXPORT_BATCH })
    .sort({ 'decision.decidedAt': 1, number: 1 });
  const orgs = new Names<{ name: string; siret?: string | null; rna?: string | null }>(
    (ids) => OrganisationModel.collection.find({ _id: { $in: ids } }, { projection: { name: 1, siret: 1, rna: 1 } }).toArray() as never,
  );
  const programmes = new Names<{ name: string }>(
    (ids) => FundingProgrammeModel.collection.find({ _id: { $in: ids } }, { projection: { name: 1 } }).toArray() as never,
  );
  const decisions = new Names<{ reference: string }>(
    (ids) => CouncilDecisionModel.collection.find({ _id: { $in: ids } }, { projection: { reference: 1 } }).toArray() as never,
  );
  const named = async (batch: Stored[]): Promise<ExportGrant[]> => {
    await Promise.all([
      orgs.fill(batch.map((g) => g.organisation)),
      programmes.fill(batch.map((g) => g.programme)),
      decisions.fill(batch.flatMap((g) => (g.councilDecision ? [g.councilDecision] : []))),
    ]);
    return batch.map((g) => ({
      ...g,
      org: orgs.get(g.organisation),
      programmeName: programmes.get(g.programme)?.name ?? null,
      councilReference: g.councilDecision ? (decisions.get(g.councilDecision)?.reference ?? null) : null,
    }));
  };
  try {
    let batch: Stored[] = [];
    for await (const g of cursor) {
      batch.push(g as unknown as Stored);
      if (batch.length < EXPORT_BATCH) continue;
      const full = batch;
      batch = [];
      yield await named(full);
    }
    if (batch.length) yield await named(batch);
  } finally {
    await cursor.close();
  }
}

/** The export as text chunks of about CHUNK_BYTES; `counted` learns the number of rows written. */
export async function* exportText(match: YearMatch, format: ExportFormat, counted: (rows: number) => void = () => {}): AsyncGenerator<string> {
  let rows = 0;
  let chunk = format.head;
  for await (const batch of exportGrants(match)) {
    const written: ExportGrant[] = [];
    for (const g of batch) {
      const line = format.row(g);
      if (line === null) continue;
      written.push(g);
      chunk += rows > 0 && format.separator ? format.separator + line : line;
      rows++;
      if (chunk.length >= CHUNK_BYTES) {
        yield chunk;
        chunk = '';
      }
    }
    if (format.written && written.length) await format.written(written);
  }
  counted(rows);
  yield chunk + format.tail;
}

/**
 * Pipes the export to `out` with backpressure (the generator waits while the socket's buffer is full) and
 * ends it. Resolves with the number of rows; rejects if the client leaves, after the cursor is closed.
 */
export async function streamExport(out: Writable, match: YearMatch, format: ExportFormat): Promise<number> {
  let rows = 0;
  // highWaterMark 1: the pipeline holds at most one chunk ahead of the socket.
  await pipeline(
    Readable.from(
      exportText(match, format, (n) => (rows = n)),
      { highWaterMark: 1 },
    ),
    out,
  );
  return rows;
}
