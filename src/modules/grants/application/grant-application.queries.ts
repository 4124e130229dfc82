// Reading applications: the acting officer or member (with their recusals), one application the viewer
// may see, the visible list with its filters, overdue final reports, and the officer's own declarations.
import { Types } from 'mongoose';
import { AppError, notFound, nullIfNotFound, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { actorOf as organisationActorOf } from '../../organisation/organisation.actor';
import { withSubdomains } from '../../reference/reference.service';
import { objectIdOrProblem, toObjectId, toObjectIds } from '../../../shared/ids';
import { paginate, type Connection, type PageArgs } from '../../../shared/pagination';
import { today } from '../kernel/clock';
import { GRANT_STATUSES, GrantApplicationModel, type App, type GrantStatus } from './grant-application.model';
import { ConflictOfInterestModel, type ConflictOfInterestDoc } from '../../organisation/conflict-of-interest.model';
import { applicationVisibility, canSeeApplication, type GrantActor } from './grant-application.policy';

export type { App };

/** The viewer with the organisations they are recused from (the organisation module's, one query per request). */
export const actorOf = (ctx: Context): Promise<GrantActor> => organisationActorOf(ctx);

/** Loads an application the viewer may see, fresh from the database; otherwise NOT_FOUND (never reveals it exists). */
export async function loadApplication(ctx: Pick<Context, 'viewer'>, id: string): Promise<App> {
  const app = await GrantApplicationModel.findById(toObjectId(id)).lean<App>();
  if (!app || !canSeeApplication(ctx.viewer, app)) throw notFound('Grant application');
  return app;
}

export async function getGrantApplication(ctx: Context, id: string): Promise<App | null> {
  return nullIfNotFound(() => loadApplication(ctx, id));
}

/**
 * A final report is overdue from the day after its due date until an officer ACCEPTS it: submitting one
 * does not lift the block (a report of zeros sent to escape it would), accepting it does.
 */
export function isReportOverdue(app: Pick<App, 'status' | 'reportDueOn' | 'finalReport'>): boolean {
  return app.status === 'APPROVED' && !app.finalReport?.acceptedAt && !!app.reportDueOn && app.reportDueOn < today();
}

type Overdue = Pick<App, '_id' | 'number' | 'reportDueOn' | 'finalReport'>;

/** An organisation's grants whose final report is overdue today (the same rule as isReportOverdue). */
export async function overdueReports(organisation: Types.ObjectId): Promise<Overdue[]> {
  return GrantApplicationModel.find(
    { organisation, status: 'APPROVED', 'finalReport.acceptedAt': null, reportDueOn: { $lt: today() } },
    { number: 1, reportDueOn: 1, 'finalReport.submittedAt': 1, 'finalReport.acceptedAt': 1 },
  ).lean<Overdue[]>();
}

export function overdueProblem(overdue: Pick<Overdue, 'number' | 'reportDueOn' | 'finalReport'>[]): { code: 'REPORT_OVERDUE'; message: string; field: string } {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const what = (o: (typeof overdue)[number]) =>
    o.finalReport?.submittedAt
      ? `${o.number} (due ${day(o.reportDueOn!)}, submitted ${day(o.finalReport.submittedAt)}, awaiting an officer's acceptance)`
      : `${o.number} (due ${day(o.reportDueOn!)}, not submitted)`;
  return {
    code: 'REPORT_OVERDUE',
    message: `The final report of grant ${overdue.map(what).join(', ')} is overdue: it must be submitted (submitFinalReport) and accepted by an officer first.`,
    field: 'organisationId',
  };
}

export interface ApplicationFilter {
  status?: GrantStatus[] | null;
  programmeId?: string | null;
  organisationId?: string | null;
  domainIds?: string[] | null;
  neighbourhoodIds?: string[] | null;
  assignedToMe?: boolean | null;
  year?: number | null;
  search?: string | null;
}

export async function listGrantApplications(ctx: Context, filter: ApplicationFilter = {}, args: PageArgs): Promise<Connection<App>> {
  const p = new Problems();
  const and: Record<string, unknown>[] = [applicationVisibility(ctx.viewer)];
  const first: Record<string, unknown> = {};
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) p.add('filter.search', 'The search text is limited to 200 characters.');
    else first.$text = { $search: search, $language: 'french' };
  }
  if (filter.status?.length) {
    if (filter.status.some((s) => !GRANT_STATUSES.includes(s))) p.add('filter.status', 'Unknown status.');
    else and.push({ status: { $in: filter.status } });
  }
  const programme = filter.programmeId ? objectIdOrProblem(filter.programmeId, 'filter.programmeId', p) : null;
  if (programme) and.push({ programme });
  const organisation = filter.organisationId ? objectIdOrProblem(filter.organisationId, 'filter.organisationId', p) : null;
  if (organisation) and.push({ organisation });
  for (const [key, field] of [
    ['domainIds', 'targetDomains'],
    ['neighbourhoodIds', 'targetNeighbourhoods'],
  ] as const) {
    try {
      let ids = toObjectIds(filter[key], `filter.${key}`, 50);
      // As in the directory, a parent domain includes its sub-domains.
      if (key === 'domainIds') ids = await withSubdomains(ids);
      if (ids.length) and.push({ [field]: { $in: ids } });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      p.add(err.field ?? `filter.${key}`, err.message);
    }
  }
  if (filter.year !== undefined && filter.year !== null) and.push({ year: filter.year });
  if (filter.assignedToMe) and.push({ assignedTo: ctx.viewer ? new Types.ObjectId(ctx.viewer.id) : null });
  p.throwIfAny();
  return paginate<App>(GrantApplicationModel, {
    match: { ...first, $and: and },
    sort: [{ field: 'createdAt', direction: -1 }],
    args,
  });
}

export async function myConflictsOfInterest(ctx: Context): Promise<ConflictOfInterestDoc[]> {
  if (!ctx.viewer) return [];
  return ConflictOfInterestModel.find({ officer: new Types.ObjectId(ctx.viewer.id) })
    .sort({ declaredAt: 1 })
    .lean<ConflictOfInterestDoc[]>();
}
