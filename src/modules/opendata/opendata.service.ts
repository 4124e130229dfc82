// The legal publication of grants, streamed from one MongoDB cursor so memory stays flat however many
// grants: SCDL "Subventions" 2.1.1 CSV and 360Giving JSON. Published: every grant APPROVED (or since
// COMPLETED) whose decision falls in the year, Paris time, not only those above 23,000 EUR (the legal
// minimum): the law allows more, and a complete list is what coordinators and citizens ask for.
// A grant whose beneficiary has neither SIRET nor RNA number cannot be a valid row: it is left out and
// listed for officers by `openDataExclusions(year)` (and counted in the X-Excluded-Grants header).
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Types } from 'mongoose';
import { Problems } from '../../errors/app-error';
import type { Config } from '../../config';
import { OrganisationModel, type OrganisationDoc } from '../organisation/organisation.model';
import { GrantApplicationModel } from '../grants/application/grant-application.model';
import { FundingProgrammeModel } from '../grants/budget/funding-programme.model';
import { parisYearStart } from '../coordination/coverage.service';
import { beneficiaryIds, centsToDecimal, parisDay, scdlHeaderLine, scdlLine, scdlRow, utcDay, type ExportGrant } from './scdl';
import { isKnownYear, YEARS } from '../../shared/dates';

export function checkExportYear(raw: string): number {
  const p = new Problems();
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || !isKnownYear(year))
    p.add('year', `The year must be written with 4 digits, from ${YEARS.min} to ${YEARS.max} (got "${raw.slice(0, 10)}").`);
  p.throwIfAny();
  return year;
}

function decidedIn(year: number): Record<string, unknown> {
  return {
    'decision.outcome': 'APPROVED',
    'decision.decidedAt': { $gte: parisYearStart(year), $lt: parisYearStart(year + 1) },
    status: { $in: ['APPROVED', 'COMPLETED'] },
  };
}

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
};
const BATCH = 500;
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

/** Writes with backpressure: waits for the socket when its buffer is full. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function streamGrants(year: number, each: (g: ExportGrant) => string, out: Writable): Promise<number> {
  // One cursor in decision order (index opendata_decided_at); organisations and programmes fetched once per batch.
  const cursor = GrantApplicationModel.collection
    .find(decidedIn(year), { projection: EXPORT_FIELDS, batchSize: BATCH })
    .sort({ 'decision.decidedAt': 1, number: 1 });
  const orgs = new Names<{ name: string; siret?: string | null; rna?: string | null }>(
    (ids) => OrganisationModel.collection.find({ _id: { $in: ids } }, { projection: { name: 1, siret: 1, rna: 1 } }).toArray() as never,
  );
  const programmes = new Names<{ name: string }>(
    (ids) => FundingProgrammeModel.collection.find({ _id: { $in: ids } }, { projection: { name: 1 } }).toArray() as never,
  );
  let rows = 0;
  let batch: (ExportGrant & { organisation: unknown; programme: unknown })[] = [];
  const flush = async () => {
    await Promise.all([orgs.fill(batch.map((g) => g.organisation)), programmes.fill(batch.map((g) => g.programme))]);
    let chunk = '';
    for (const g of batch) {
      const line = each({ ...g, org: orgs.get(g.organisation), programmeName: programmes.get(g.programme)?.name ?? null });
      if (!line) continue;
      chunk += line;
      rows++;
    }
    batch = [];
    if (chunk) await write(out, chunk);
  };
  try {
    for await (const g of cursor) {
      batch.push(g as never);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await cursor.close();
  }
  return rows;
}

/** The SCDL CSV: header line, then one line per publishable grant. Returns the number of rows. */
export async function writeScdlCsv(out: Writable, year: number, config: Pick<Config, 'cityName' | 'citySiret'>): Promise<number> {
  const city = { name: config.cityName, siret: config.citySiret };
  await write(out, scdlHeaderLine());
  return streamGrants(
    year,
    (g) => {
      const row = scdlRow(g, city);
      return row ? scdlLine(row) : '';
    },
    out,
  );
}

/** 360Giving identifiers follow org-id.guide: FR-SIRET / FR-RNA, and a grant id under the 360G- prefix. */
export function giving360Grant(g: ExportGrant, config: Pick<Config, 'cityName' | 'citySiret'>): Record<string, unknown> | null {
  const ids = beneficiaryIds(g);
  if (!ids) return null;
  return {
    id: `360G-FR-SIRET-${config.citySiret}-${g.number}`,
    title: g.title,
    description: g.description?.trim() || g.title,
    currency: 'EUR',
    amountAwarded: '__AMOUNT__',
    awardDate: parisDay(g.decision.decidedAt),
    ...(g.updatedAt ? { dateModified: g.updatedAt.toISOString() } : {}),
    recipientOrganization: [{ id: ids.siret ? `FR-SIRET-${ids.siret}` : `FR-RNA-${ids.rna}`, name: g.org?.name ?? '' }],
    fundingOrganization: [{ id: `FR-SIRET-${config.citySiret}`, name: config.cityName }],
    ...(g.programmeName ? { grantProgramme: [{ title: g.programmeName }] } : {}),
    ...(g.convention?.signedAt ? { plannedDates: [{ startDate: utcDay(g.convention.signedAt) }] } : {}),
  };
}

/** The 360Giving JSON package: `{ "grants": [...] }`, amounts as JSON numbers written from cents. */
export async function write360GivingJson(out: Writable, year: number, config: Pick<Config, 'cityName' | 'citySiret'>): Promise<number> {
  await write(out, '{"grants":[');
  let first = true;
  const rows = await streamGrants(
    year,
    (g) => {
      const grant = giving360Grant(g, config);
      if (!grant) return '';
      // The amount is spliced in as a number literal built from integer cents ("1234.50"), never a float.
      const json = JSON.stringify(grant).replace('"__AMOUNT__"', centsToDecimal(g.decision.amount));
      const chunk = (first ? '' : ',') + json;
      first = false;
      return chunk;
    },
    out,
  );
  await write(out, ']}');
  return rows;
}

export interface Exclusion {
  application: { _id: unknown; number: string; title: string; organisation: unknown; decision: { amount: number; decidedAt: Date } };
  organisation: OrganisationDoc;
  reason: string;
}

/** Grants decided in the year that the publication leaves out: their organisation has neither SIRET nor RNA. */
export async function openDataExclusions(year: number): Promise<Exclusion[]> {
  const noIds = (await OrganisationModel.find({ rna: { $not: /^W\d{9}$/ }, siret: { $not: /^\d{14}$/ } }).lean()) as OrganisationDoc[];
  if (!noIds.length) return [];
  const byId = new Map(noIds.map((o) => [String(o._id), o]));
  const apps = await GrantApplicationModel.find({ ...decidedIn(year), organisation: { $in: noIds.map((o) => o._id) } }, { outbox: 0 })
    .sort({ 'decision.decidedAt': 1, number: 1 })
    .lean();
  return apps.map((a) => ({
    application: a as unknown as Exclusion['application'],
    organisation: byId.get(String(a.organisation))!,
    reason: 'The beneficiary has neither a SIRET nor an RNA number: SCDL requires one. Add it to the organisation and the grant will be published.',
  }));
}

export async function countExclusions(year: number): Promise<number> {
  const noIds = await OrganisationModel.find({ rna: { $not: /^W\d{9}$/ }, siret: { $not: /^\d{14}$/ } }, { _id: 1 }).lean();
  if (!noIds.length) return 0;
  return GrantApplicationModel.countDocuments({ ...decidedIn(year), organisation: { $in: noIds.map((o) => o._id) } });
}
