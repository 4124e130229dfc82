// Reference data: small, fixed lists read by everyone, served from each instance's cache (reference.cache.ts).
import type { Types } from 'mongoose';
import type { Context } from '../../context';
import { currentReference, type ReferenceSnapshot } from './reference.cache';
import type { DomainDoc } from './domain.model';
import { NeighbourhoodModel, type NeighbourhoodDoc } from './neighbourhood.model';

/** The request's snapshot when there is a request (one version read shared by all), else a fresh one. */
function reference(ctx?: Partial<Pick<Context, 'loaders'>> | null): Promise<ReferenceSnapshot> {
  return ctx?.loaders ? ctx.loaders.reference.snapshot() : currentReference();
}

export async function listDomains(ctx: Pick<Context, 'loaders'>, rootsOnly: boolean): Promise<DomainDoc[]> {
  const { domains } = await reference(ctx);
  return rootsOnly ? domains.filter((d) => !d.parent) : [...domains];
}

/** Without polygons: `Neighbourhood.geometry` loads them when asked. */
export async function listNeighbourhoods(ctx: Pick<Context, 'loaders'>, priorityOnly: boolean): Promise<NeighbourhoodDoc[]> {
  const { neighbourhoods } = await reference(ctx);
  return priorityOnly ? neighbourhoods.filter((n) => n.isPriority) : [...neighbourhoods];
}

/** Ids of the priority neighbourhoods (QPV). */
export async function priorityNeighbourhoodIds(ctx?: Partial<Pick<Context, 'loaders'>> | null): Promise<Types.ObjectId[]> {
  return [...(await reference(ctx)).priorityNeighbourhoodIds];
}

/** The neighbourhoods whose shape contains a point. */
export async function neighbourhoodsContaining(lng: number, lat: number) {
  return (await NeighbourhoodModel.find({ geometry: { $geoIntersects: { $geometry: { type: 'Point', coordinates: [lng, lat] } } } }, { _id: 1 }).lean()).map(
    (n) => n._id,
  );
}

/** The domains and their sub-domains: filtering on a parent domain includes its children. */
export async function withSubdomains(ids: Types.ObjectId[], ctx?: Partial<Pick<Context, 'loaders'>> | null): Promise<Types.ObjectId[]> {
  if (!ids.length) return [];
  const { childrenOf } = await reference(ctx);
  return [...ids, ...ids.flatMap((id) => (childrenOf.get(String(id)) ?? []).map((c) => c._id))];
}
