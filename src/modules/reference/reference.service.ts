// Reference data: small, fixed lists read by everyone, served from each instance's cache (reference.cache.ts).
import type { Types } from 'mongoose';
import type { Context } from '../../context';
import { isStaff } from '../../auth/viewer';
import { forbidden } from '../../errors/app-error';
import { toObjectId } from '../../shared/ids';
import { currentReference, type ReferenceSnapshot } from './reference.cache';
import type { DomainDoc } from './domain.model';
import { NeighbourhoodModel, type NeighbourhoodDoc } from './neighbourhood.model';

/** The request's snapshot when there is a request (one version read shared by all), else a fresh one. */
function reference(ctx?: Partial<Pick<Context, 'loaders'>> | null): Promise<ReferenceSnapshot> {
  return ctx?.loaders ? ctx.loaders.reference.snapshot() : currentReference();
}

/** Archived entries are for staff only (`includeArchived`); the public reads what is in use. */
function archivedAllowed(ctx: Pick<Context, 'viewer'>, includeArchived: boolean): boolean {
  if (includeArchived && !isStaff(ctx.viewer)) throw forbidden('Only officers and admins list archived entries (includeArchived).');
  return includeArchived;
}

export async function listDomains(ctx: Pick<Context, 'loaders' | 'viewer'>, rootsOnly: boolean, includeArchived = false): Promise<DomainDoc[]> {
  const s = await reference(ctx);
  const domains = archivedAllowed(ctx, includeArchived) ? s.allDomains : s.domains;
  return rootsOnly ? domains.filter((d) => !d.parent) : [...domains];
}

/** Without polygons: `Neighbourhood.geometry` loads them when asked. */
export async function listNeighbourhoods(
  ctx: Pick<Context, 'loaders' | 'viewer'>,
  priorityOnly: boolean,
  includeArchived = false,
): Promise<NeighbourhoodDoc[]> {
  const s = await reference(ctx);
  const neighbourhoods = archivedAllowed(ctx, includeArchived) ? s.allNeighbourhoods : s.neighbourhoods;
  return priorityOnly ? neighbourhoods.filter((n) => n.isPriority) : [...neighbourhoods];
}

/** One domain by id; an archived one only for staff (the public reads entries in use). */
export async function getDomain(ctx: Pick<Context, 'loaders' | 'viewer'>, id: unknown): Promise<DomainDoc | null> {
  const d = await ctx.loaders.reference.domainById.load(toObjectId(id));
  return d && (!d.archivedAt || isStaff(ctx.viewer)) ? d : null;
}

/** One neighbourhood by id; an archived one only for staff. */
export async function getNeighbourhood(ctx: Pick<Context, 'loaders' | 'viewer'>, id: unknown): Promise<NeighbourhoodDoc | null> {
  const n = await ctx.loaders.reference.neighbourhoodById.load(toObjectId(id));
  return n && (!n.archivedAt || isStaff(ctx.viewer)) ? n : null;
}

/** Ids of the priority neighbourhoods (QPV) in use. */
export async function priorityNeighbourhoodIds(ctx?: Partial<Pick<Context, 'loaders'>> | null): Promise<Types.ObjectId[]> {
  return [...(await reference(ctx)).priorityNeighbourhoodIds];
}

/** The neighbourhoods in use whose shape contains a point (what an organisation's location suggests). */
export async function neighbourhoodsContaining(lng: number, lat: number) {
  return (
    await NeighbourhoodModel.find(
      { archivedAt: null, geometry: { $geoIntersects: { $geometry: { type: 'Point', coordinates: [lng, lat] } } } },
      { _id: 1 },
    ).lean()
  ).map((n) => n._id);
}

/** The domains and their sub-domains: filtering on a parent domain includes its children. */
export async function withSubdomains(ids: Types.ObjectId[], ctx?: Partial<Pick<Context, 'loaders'>> | null): Promise<Types.ObjectId[]> {
  if (!ids.length) return [];
  const { childrenOf } = await reference(ctx);
  return [...ids, ...ids.flatMap((id) => (childrenOf.get(String(id)) ?? []).map((c) => c._id))];
}
