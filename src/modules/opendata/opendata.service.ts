// The legal publication of grants, streamed from one MongoDB cursor (export-stream.ts) so memory stays flat
// however many grants: SCDL "Subventions" 2.1.1 CSV and 360Giving JSON. Published: every grant APPROVED (or since
// COMPLETED) whose decision falls in the year, Paris time, not only those above 23,000 EUR (the legal
// minimum): the law allows more, and a complete list is what coordinators and citizens ask for.
// A grant whose beneficiary has neither SIRET nor RNA number cannot be a valid row: it is left out and
// listed for officers by `openDataExclusions(year)` (and counted in the X-Excluded-Grants header).
import type { Writable } from 'node:stream';
import { AppError, Problems } from '../../errors/app-error';
import type { Config } from '../../config';
import { OrganisationModel, type OrganisationDoc } from '../organisation/organisation.model';
import { GrantApplicationModel } from '../grants/application/grant-application.model';
import { parisYearStart } from '../coordination/coverage.service';
import { grantValueOf, scdlHeaderLine, scdlLine, scdlRow, type ExportGrant } from './scdl';
import { giving360Json } from './giving360';
import { streamExport } from './export-stream';
import { isKnownYear, YEARS } from '../../shared/dates';
import { today } from '../../shared/clock';
import { recordFirstPublication } from '../grants/convention/publication';

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

/**
 * Records the day each grant first appeared in an export (décret 2017-779: within three months of the
 * convention's signature; openDataDue lists those not published yet). Once per grant, whatever the file.
 */
async function markPublished(grants: ExportGrant[]): Promise<void> {
  await recordFirstPublication(grants.filter((g) => !g.firstPublishedAt).map((g) => g._id));
}

/** The SCDL CSV: header line, then one line per publishable grant, streamed. Returns the number of rows. */
export function writeScdlCsv(out: Writable, year: number, config: Pick<Config, 'cityName' | 'citySiret'>): Promise<number> {
  const city = { name: config.cityName, siret: config.citySiret };
  return streamExport(out, decidedIn(year), {
    head: scdlHeaderLine(),
    row: (g) => {
      const row = scdlRow(g, city);
      return row ? scdlLine(row) : null;
    },
    written: markPublished,
    tail: '',
  });
}

/**
 * The 360Giving JSON package, `{ "grants": [...] }`, streamed. Returns the number of grants. Its schema
 * wants at least one grant (`minItems: 1`): a year with none publishable is NOT_FOUND (404), with why.
 */
export async function write360GivingJson(out: Writable, year: number, config: Pick<Config, 'cityName' | 'citySiret'>): Promise<number> {
  const [decided, excluded] = await Promise.all([GrantApplicationModel.countDocuments(decidedIn(year)), countExclusions(year)]);
  if (decided - excluded <= 0) {
    throw new AppError(
      'NOT_FOUND',
      decided
        ? `No grant decided in ${year} can be published (${decided} left out: see openDataExclusions), and a 360Giving file holds at least one grant.`
        : `No grant was decided in ${year}: a 360Giving file holds at least one grant, so there is none for that year. The SCDL file of the year is a header alone.`,
      { field: 'year' },
    );
  }
  return streamExport(out, decidedIn(year), {
    head: '{"grants":[',
    row: (g) => giving360Json(g, config),
    separator: ',',
    tail: ']}',
    written: markPublished,
  });
}

export interface Exclusion {
  application: { _id: unknown; number: string; title: string; organisation: unknown; decision: { amount: number; decidedAt: Date } };
  organisation: OrganisationDoc;
  reason: string;
}

/** Grants decided in the year that the publication leaves out: their organisation has neither SIRET nor RNA. */
export async function openDataExclusions(year: number, limit: number): Promise<Exclusion[]> {
  const noIds = (await OrganisationModel.find({ rna: { $not: /^W\d{9}$/ }, siret: { $not: /^\d{14}$/ } }).lean()) as OrganisationDoc[];
  if (!noIds.length) return [];
  const byId = new Map(noIds.map((o) => [String(o._id), o]));
  const apps = await GrantApplicationModel.find({ ...decidedIn(year), organisation: { $in: noIds.map((o) => o._id) } }, { outbox: 0 })
    .sort({ 'decision.decidedAt': 1, number: 1 })
    .limit(limit)
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

/** Décret 2017-779: the essential data of a grant above 23,000 EUR are published within three months of the convention's signature. */
export const PUBLICATION_DELAY_MONTHS = 3;
export const PUBLICATION_THRESHOLD = 2_300_000;

export interface OpenDataDue {
  application: { _id: unknown } & Record<string, unknown>;
  signedOn: Date;
  dueOn: Date;
  amount: number;
  overdue: boolean;
  legallyRequired: boolean;
}

/**
 * Decided grants not published yet (no export has listed them), soonest due first: due three months
 * after the convention's signature, or after the decision when no convention was signed.
 */
export async function openDataDue(limit: number): Promise<OpenDataDue[]> {
  const rows = await GrantApplicationModel.aggregate<{ app: Record<string, unknown> & { _id: unknown }; signedAt: Date; dueOn: Date }>([
    { $match: { status: { $in: ['APPROVED', 'COMPLETED'] }, 'decision.outcome': 'APPROVED', firstPublishedAt: null } },
    { $project: { _id: 0, app: '$$ROOT', signedAt: { $ifNull: ['$convention.signedAt', '$decision.decidedAt'] } } },
    { $addFields: { dueOn: { $dateAdd: { startDate: '$signedAt', unit: 'month', amount: PUBLICATION_DELAY_MONTHS } } } },
    { $sort: { dueOn: 1, 'app.number': 1 } },
    { $limit: limit },
    { $project: { 'app.outbox': 0 } },
  ]);
  const now = today();
  return rows.map(({ app, signedAt, dueOn }) => {
    const amount = grantValueOf(app as unknown as ExportGrant);
    return { application: app, signedOn: signedAt, dueOn, amount, overdue: dueOn < now, legallyRequired: amount > PUBLICATION_THRESHOLD };
  });
}
