// The network's rules: creating and ending partnerships, and the graph of who works with whom.
import { Types } from 'mongoose';
import { AppError, forbidden, notFound, Problems } from '../../errors/app-error';
import { fromDatabaseError } from '../../errors/known-error';
import type { Context } from '../../context';
import { objectIdOrProblem, toObjectId } from '../../shared/ids';
import { OrganisationModel, type OrganisationDoc } from '../organisation/organisation.model';
import { canSeeOrganisation, ensure } from '../organisation/organisation.policy';
import { directoryMatch } from '../organisation/organisation.service';
import { actorOf } from '../organisation/organisation.actor';
import { createPartnershipRefusal, endPartnershipRefusal } from './network.policy';
import { DIRECTED_KINDS, PARTNERSHIP_KINDS, PartnershipModel, type PartnershipDoc, type PartnershipKind } from './partnership.model';
import { startOfDay } from '../../shared/dates';
import { clock, today } from '../../shared/clock';

/** The graph is bounded: beyond this many organisations the answer is cut (and says so). */
export const NETWORK_MAX_NODES = 2000;
/** The most partnerships drawn (declared `@listSize(assumedSize: 5000)` on Network.edges). */
export const NETWORK_MAX_EDGES = 5000;
/** A hub has at least this many partners... */
export const HUB_MIN_DEGREE = 3;
/** ...and a degree in the top decile of the graph shown. */
export const HUB_PERCENTILE = 0.9;

export interface PartnershipInput {
  fromId: string;
  toId: string;
  kind: PartnershipKind;
  since?: string | null;
  description?: string | null;
}

export async function createPartnership(ctx: Context, input: PartnershipInput): Promise<PartnershipDoc> {
  if (!ctx.viewer) throw forbidden();
  const p = new Problems();
  const fromId = objectIdOrProblem(input.fromId, 'input.fromId', p);
  const toId = objectIdOrProblem(input.toId, 'input.toId', p);
  if (fromId && toId && fromId.equals(toId)) p.add('input.toId', 'An organisation cannot be its own partner: choose two different organisations.');
  if (!PARTNERSHIP_KINDS.includes(input.kind)) p.add('input.kind', `Choose one of ${PARTNERSHIP_KINDS.join(', ')}.`);
  const description = (input.description ?? '').trim();
  if (description.length > 1000) p.add('input.description', 'The description is limited to 1,000 characters.');
  const since = input.since ? startOfDay(input.since) : undefined;
  if (since && since.getTime() > clock.now().getTime() + 366 * 24 * 3600 * 1000)
    p.add('input.since', 'The start date is more than a year ahead: check the year.');
  p.throwIfAny();

  const [from, to] = await Promise.all([ctx.loaders.organisation.byId.load(fromId!), ctx.loaders.organisation.byId.load(toId!)]);
  if (!from || !canSeeOrganisation(ctx.viewer, from)) throw notFound('Organisation', 'input.fromId');
  if (!to || !canSeeOrganisation(ctx.viewer, to)) throw notFound('Organisation', 'input.toId');
  ensure(createPartnershipRefusal(await actorOf(ctx), from, to));

  // Symmetric kinds are stored in id order, so A-B and B-A are the same edge for the unique index.
  let [a, b] = [from._id, to._id];
  if (!DIRECTED_KINDS.includes(input.kind) && String(a) > String(b)) [a, b] = [b, a];
  try {
    const doc = await PartnershipModel.create({
      from: a,
      to: b,
      parties: [a, b],
      kind: input.kind,
      since,
      description,
      active: true,
      createdBy: new Types.ObjectId(ctx.viewer.id),
    });
    return doc.toObject() as PartnershipDoc;
  } catch (err) {
    if (fromDatabaseError(err)?.code === 'CONFLICT') {
      throw new AppError('CONFLICT', `${from.name} and ${to.name} already have an active partnership of this kind.`, { field: 'input.kind' });
    }
    throw err;
  }
}

export async function endPartnership(ctx: Context, id: string, until?: string | null): Promise<PartnershipDoc> {
  const _id = toObjectId(id, 'id');
  const existing = await PartnershipModel.findById(_id).lean<PartnershipDoc>();
  if (!existing) throw notFound('Partnership');
  const [from, to] = await Promise.all([ctx.loaders.organisation.byId.load(existing.from), ctx.loaders.organisation.byId.load(existing.to)]);
  // An end deleted since: the rules read what is known of it (its id), so its members keep the right to end the link.
  ensure(endPartnershipRefusal(await actorOf(ctx), from ?? { _id: existing.from }, to ?? { _id: existing.to }));
  const end = until ? startOfDay(until) : today();
  if (existing.since && end < existing.since) {
    throw new AppError('BAD_USER_INPUT', 'The end date is before the start of the partnership.', { field: 'until' });
  }
  // Conditional update: ending twice (or concurrently) ends it once; the loser learns it was already ended.
  const updated = await PartnershipModel.findOneAndUpdate(
    { _id, active: true },
    { $set: { active: false, until: end, endedBy: new Types.ObjectId(ctx.viewer!.id) } },
    { returnDocument: 'after' },
  ).lean<PartnershipDoc>();
  if (!updated) throw new AppError('INVALID_TRANSITION', 'This partnership has already ended.', { field: 'id' });
  ctx.loaders.network.partnershipsByOrganisation.clearAll();
  return updated;
}

/** The active partnerships of an organisation the viewer may see: both ends must be visible to them. */
export async function partnershipsOf(ctx: Context, org: OrganisationDoc): Promise<PartnershipDoc[]> {
  const edges = await ctx.loaders.network.partnershipsByOrganisation.load(org._id);
  const others = await ctx.loaders.organisation.byId.loadMany(edges.map((e) => (String(e.from) === String(org._id) ? e.to : e.from)));
  return edges.filter((_, i) => {
    const other = others[i];
    return !!other && !(other instanceof Error) && canSeeOrganisation(ctx.viewer, other);
  });
}

export interface NetworkFilter {
  domainIds?: string[] | null;
  neighbourhoodIds?: string[] | null;
}

export interface NetworkNode {
  organisation: OrganisationDoc;
  degree: number;
  isHub: boolean;
  isIsolated: boolean;
}

export interface Network {
  nodes: NetworkNode[];
  edges: { id: string; from: string; to: string; kind: PartnershipKind }[];
  truncated: boolean;
  hubThreshold: number;
}

/**
 * The graph of active organisations matching the filter (visibility included: the public sees public
 * organisations, so only edges between public ones) and the active partnerships among them. Degree counts
 * the edges inside the graph shown. Isolated: degree 0. Hub: degree >= HUB_MIN_DEGREE and in the top decile.
 */
export async function network(ctx: Context, filter: NetworkFilter | null | undefined): Promise<Network> {
  const match = await directoryMatch(ctx, { domainIds: filter?.domainIds, neighbourhoodIds: filter?.neighbourhoodIds });
  const orgs = (await OrganisationModel.find(match)
    .sort({ nameKey: 1, _id: 1 })
    .limit(NETWORK_MAX_NODES + 1)
    .lean()) as OrganisationDoc[];
  const truncated = orgs.length > NETWORK_MAX_NODES;
  if (truncated) orgs.length = NETWORK_MAX_NODES;
  const ids = orgs.map((o) => o._id);
  for (const o of orgs) ctx.loaders.organisation.byId.prime(String(o._id), o);

  const links = await PartnershipModel.find({ active: true, from: { $in: ids }, to: { $in: ids } }, { from: 1, to: 1, kind: 1 })
    .sort({ _id: 1 })
    .lean<PartnershipDoc[]>();
  const degree = new Map<string, number>();
  for (const l of links) {
    degree.set(String(l.from), (degree.get(String(l.from)) ?? 0) + 1);
    degree.set(String(l.to), (degree.get(String(l.to)) ?? 0) + 1);
  }
  const hubThreshold = hubDegreeThreshold(orgs.map((o) => degree.get(String(o._id)) ?? 0));
  return {
    nodes: orgs.map((o) => {
      const d = degree.get(String(o._id)) ?? 0;
      return { organisation: o, degree: d, isHub: d >= hubThreshold, isIsolated: d === 0 };
    }),
    // Degrees count every link; the graph draws at most NETWORK_MAX_EDGES of them.
    edges: links.slice(0, NETWORK_MAX_EDGES).map((l) => ({ id: String(l._id), from: String(l.from), to: String(l.to), kind: l.kind as PartnershipKind })),
    truncated: truncated || links.length > NETWORK_MAX_EDGES,
    hubThreshold,
  };
}

/** The smallest degree that makes a hub: the 90th percentile of degrees, and at least HUB_MIN_DEGREE. */
export function hubDegreeThreshold(degrees: number[]): number {
  if (!degrees.length) return HUB_MIN_DEGREE;
  const sorted = [...degrees].sort((a, b) => a - b);
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(HUB_PERCENTILE * sorted.length) - 1)]!;
  return Math.max(HUB_MIN_DEGREE, p90);
}
