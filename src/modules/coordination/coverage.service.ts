// Coverage gaps: one cell per domain x neighbourhood with the active organisations serving it and the
// grants approved that year; a gap is a priority neighbourhood (QPV) with no active partner in the domain.
// Two aggregations answer the whole matrix (organisations grouped by their domain and neighbourhood lists,
// the year's grants by $unwind + $group); no query per cell.
import { Types, type PipelineStage } from 'mongoose';
import { Problems } from '../../errors/app-error';
import type { Context } from '../../context';
import { toObjectIds } from '../../shared/ids';
import { DomainModel, type DomainDoc } from '../reference/domain.model';
import { NeighbourhoodModel, type NeighbourhoodDoc } from '../reference/neighbourhood.model';
import { OrganisationModel } from '../organisation/organisation.model';
import { GrantApplicationModel } from '../grants/application/grant-application.model';
import { checkYear as checkProgrammeYear } from '../../shared/dates';
import { clock } from '../../shared/clock';

const sumOf = (input: unknown, cond: unknown, field: string) => ({
  $sum: { $map: { input: { $filter: { input: { $ifNull: [input, []] }, as: 'x', cond } }, as: 'x', in: `$$x.${field}` } },
});
const isMultiYear = { $gt: [{ $size: { $ifNull: ['$multiYear.years', []] } }, 0] };
/** Cash of `year`: a multi-year convention's amount voted for it, else the decision's. */
const yearCashExpr = (year: number) => ({
  $cond: [
    isMultiYear,
    sumOf('$multiYear.years', { $and: [{ $eq: ['$$x.year', year] }, { $eq: ['$$x.status', 'COMMITTED'] }] }, 'amount'),
    { $ifNull: ['$decision.amount', 0] },
  ],
});
/** Aid in kind of `year` (all of a one-year grant's). */
const yearInKindExpr = (year: number) => ({
  $cond: [isMultiYear, sumOf('$inKind', { $eq: ['$$x.year', year] }, 'valuation'), sumOf('$inKind', true, 'valuation')],
});

export interface CoverageFilter {
  domainIds?: string[] | null;
  year?: number | null;
}

export interface CoverageCell {
  domain: DomainDoc;
  neighbourhood: NeighbourhoodDoc;
  activeOrganisations: number;
  approvedApplications: number;
  amountGranted: number;
  isGap: boolean;
}

export const FUNDED_STATUSES = ['APPROVED', 'COMPLETED'] as const;

/** 1 January of `year`, 00:00 in Paris (always UTC+1 in winter): the legal year of a decision. */
export function parisYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3600_000);
}

/** The year asked for, this year by default; a problem on `field` when it is not a programme year. */
export function checkYear(year: number | null | undefined, field: string, p: Problems): number {
  const y = year ?? clock.now().getUTCFullYear();
  checkProgrammeYear(y, field, p);
  return y;
}

/** `$setUnion` of a document's domains and their parents, so a parent domain's cell counts its children's. */
function withParents(field: string, parentOf: Map<string, Types.ObjectId>): Record<string, unknown> {
  const branches = [...parentOf].map(([child, parent]) => ({ case: { $eq: ['$$d', new Types.ObjectId(child)] }, then: parent }));
  if (!branches.length) return { $ifNull: [field, []] };
  return { $setUnion: [{ $ifNull: [field, []] }, { $map: { input: { $ifNull: [field, []] }, as: 'd', in: { $switch: { branches, default: '$$d' } } } }] };
}

export async function coverage(_ctx: Context, filter: CoverageFilter | null | undefined) {
  const p = new Problems();
  const year = checkYear(filter?.year, 'filter.year', p);
  let wanted: Types.ObjectId[] = [];
  try {
    wanted = toObjectIds(filter?.domainIds, 'filter.domainIds', 50);
  } catch (err) {
    p.add((err as { field?: string }).field ?? 'filter.domainIds', (err as Error).message);
  }
  p.throwIfAny();

  // Archived domains and neighbourhoods have left the grid (reference data in use only).
  const [allDomains, hoods] = await Promise.all([
    DomainModel.find({ archivedAt: null }).lean<DomainDoc[]>(),
    NeighbourhoodModel.find({ archivedAt: null }, { geometry: 0 }).lean<NeighbourhoodDoc[]>(),
  ]);
  const parentOf = new Map(allDomains.filter((d) => d.parent).map((d) => [String(d._id), d.parent as Types.ObjectId]));
  const wantedSet = new Set(wanted.map(String));
  const unknown = wanted.filter((id) => !allDomains.some((d) => d._id.equals(id)));
  if (unknown.length) p.add('filter.domainIds', `Unknown domain: ${unknown.map(String).join(', ')}.`);
  p.throwIfAny();
  const domains = wanted.length ? allDomains.filter((d) => wantedSet.has(String(d._id))) : allDomains;
  const domainIds = domains.map((d) => d._id);

  // Organisations grouped by their exact (domains, neighbourhoods) lists: a few thousand combinations at
  // most, whatever the number of organisations; each is then spread over its cells here.
  const orgPipeline: PipelineStage[] = [
    { $match: { status: 'ACTIVE', 'neighbourhoods.0': { $exists: true }, 'domains.0': { $exists: true } } },
    { $group: { _id: { d: '$domains', n: '$neighbourhoods' }, count: { $sum: 1 } } },
  ];
  const start = parisYearStart(year);
  const end = parisYearStart(year + 1);
  const grantPipeline: PipelineStage[] = [
    // Grants decided in the year, and multi-year conventions with a year voted for it (grants/convention).
    {
      $match: {
        status: { $in: [...FUNDED_STATUSES] },
        'decision.outcome': 'APPROVED',
        $or: [{ 'decision.decidedAt': { $gte: start, $lt: end } }, { 'multiYear.years': { $elemMatch: { year, status: 'COMMITTED' } } }],
      },
    },
    {
      $lookup: {
        from: OrganisationModel.collection.name,
        localField: 'organisation',
        foreignField: '_id',
        as: 'org',
        pipeline: [{ $project: { domains: 1, neighbourhoods: 1 } }],
      },
    },
    { $unwind: { path: '$org', preserveNullAndEmptyArrays: true } },
    // A project's own targets when it names them, else its organisation's domains and neighbourhoods.
    {
      $project: {
        _id: 0,
        // The year's cash (a convention's voted amount for the year) and its aid in kind.
        amount: { $add: [yearCashExpr(year), yearInKindExpr(year)] },
        d: { $cond: [{ $gt: [{ $size: { $ifNull: ['$targetDomains', []] } }, 0] }, '$targetDomains', { $ifNull: ['$org.domains', []] }] },
        n: { $cond: [{ $gt: [{ $size: { $ifNull: ['$targetNeighbourhoods', []] } }, 0] }, '$targetNeighbourhoods', { $ifNull: ['$org.neighbourhoods', []] }] },
      },
    },
    { $project: { amount: 1, n: 1, d: withParents('$d', parentOf) } },
    { $unwind: '$d' },
    { $match: { d: { $in: domainIds } } },
    { $unwind: '$n' },
    { $group: { _id: { d: '$d', n: '$n' }, count: { $sum: 1 }, amount: { $sum: '$amount' } } },
  ];
  const [orgCounts, grantSums] = await Promise.all([
    OrganisationModel.aggregate<{ _id: { d: Types.ObjectId[]; n: Types.ObjectId[] }; count: number }>(orgPipeline),
    GrantApplicationModel.aggregate<{ _id: { d: Types.ObjectId; n: Types.ObjectId }; count: number; amount: number }>(grantPipeline),
  ]);
  const key = (d: unknown, n: unknown) => `${String(d)}:${String(n)}`;
  const wantedIds = new Set(domainIds.map(String));
  const orgs = new Map<string, number>();
  for (const r of orgCounts) {
    // Each organisation counts once in a cell: its domains plus their parents, deduplicated.
    const ds = new Set(r._id.d.flatMap((d) => [String(d), ...(parentOf.has(String(d)) ? [String(parentOf.get(String(d)))] : [])]));
    for (const d of ds) {
      if (!wantedIds.has(d)) continue;
      for (const n of new Set(r._id.n.map(String))) orgs.set(key(d, n), (orgs.get(key(d, n)) ?? 0) + r.count);
    }
  }
  const grants = new Map(grantSums.map((r) => [key(r._id.d, r._id.n), r]));

  const sortedHoods = [...hoods].sort((a, b) => Number(b.isPriority) - Number(a.isPriority) || a.name.localeCompare(b.name, 'fr'));
  const sortedDomains = [...domains].sort((a, b) => a.proposal - b.proposal || Number(!!a.parent) - Number(!!b.parent) || a.name.localeCompare(b.name, 'fr'));
  const cells: CoverageCell[] = [];
  for (const n of sortedHoods) {
    for (const d of sortedDomains) {
      const active = orgs.get(key(d._id, n._id)) ?? 0;
      const g = grants.get(key(d._id, n._id));
      cells.push({
        domain: d,
        neighbourhood: n,
        activeOrganisations: active,
        approvedApplications: g?.count ?? 0,
        amountGranted: g?.amount ?? 0,
        isGap: n.isPriority && active === 0,
      });
    }
  }
  return { year, cells, gapCount: cells.filter((c) => c.isGap).length };
}
