// Reference data: small, fixed lists read by everyone.
import type { Types } from 'mongoose';
import { DomainModel, type DomainDoc } from './domain.model';
import { NeighbourhoodModel, type NeighbourhoodDoc } from './neighbourhood.model';

export async function listDomains(rootsOnly: boolean): Promise<DomainDoc[]> {
  const docs = (await DomainModel.find(rootsOnly ? { parent: null } : {}).lean()) as DomainDoc[];
  return docs.sort((a, b) => Number(!!a.parent) - Number(!!b.parent) || a.proposal - b.proposal || a.name.localeCompare(b.name, 'fr'));
}

export async function listNeighbourhoods(priorityOnly: boolean): Promise<NeighbourhoodDoc[]> {
  const docs = (await NeighbourhoodModel.find(priorityOnly ? { isPriority: true } : {}).lean()) as NeighbourhoodDoc[];
  return docs.sort((a, b) => Number(b.isPriority) - Number(a.isPriority) || a.name.localeCompare(b.name, 'fr'));
}

/** Ids of the priority neighbourhoods (QPV). */
export async function priorityNeighbourhoodIds() {
  return (await NeighbourhoodModel.find({ isPriority: true }, { _id: 1 }).lean()).map((n) => n._id);
}

/** The neighbourhoods whose shape contains a point. */
export async function neighbourhoodsContaining(lng: number, lat: number) {
  return (
    await NeighbourhoodModel.find({ geometry: { $geoIntersects: { $geometry: { type: 'Point', coordinates: [lng, lat] } } } }, { _id: 1 }).lean()
  ).map((n) => n._id);
}

/** The domains and their sub-domains: filtering on a parent domain includes its children. */
export async function withSubdomains(ids: Types.ObjectId[]): Promise<Types.ObjectId[]> {
  if (!ids.length) return [];
  const children = await DomainModel.find({ parent: { $in: ids } }, { _id: 1 }).lean();
  return [...ids, ...children.map((c) => c._id)];
}
