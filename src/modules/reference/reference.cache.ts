// The reference lists (domains, neighbourhoods) held in memory by each API instance: a few dozen small
// documents every directory page names. Neighbourhoods are held without their polygons (a name never
// needs one; `Neighbourhood.geometry` loads its own). Fresh through the data version (src/shared/versions.ts):
// each request that reads the lists compares the token it read once with the cached one, and any write
// through the models replaces the token, so an edit on one instance is seen by the next request on every
// instance. MAX_AGE_MS bounds how long a write that bypassed the models (a shell, a restore) can stay unseen.
import type { Types } from 'mongoose';
import { onLocalWrite, readVersions } from '../../shared/versions';
import { DomainModel, type DomainDoc } from './domain.model';
import { NeighbourhoodModel, type NeighbourhoodDoc } from './neighbourhood.model';

export const MAX_AGE_MS = 60_000;

export interface ReferenceSnapshot {
  /** The domains in use, sorted as `domains` lists them: roots first, by proposal, then name. */
  domains: readonly DomainDoc[];
  /** The neighbourhoods in use, without `geometry`; sorted as `neighbourhoods` lists them: priority ones first, then by name. */
  neighbourhoods: readonly NeighbourhoodDoc[];
  /** The same lists with the archived ones, in the same order (for staff, `includeArchived`). */
  allDomains: readonly DomainDoc[];
  allNeighbourhoods: readonly NeighbourhoodDoc[];
  /** Archived ones included: a past record still names what it carries. */
  domainById: ReadonlyMap<string, DomainDoc>;
  neighbourhoodById: ReadonlyMap<string, NeighbourhoodDoc>;
  /** The children in use of each domain, by name. */
  childrenOf: ReadonlyMap<string, readonly DomainDoc[]>;
  /** The priority neighbourhoods in use. */
  priorityNeighbourhoodIds: readonly Types.ObjectId[];
}

interface Entry {
  token: string;
  loadedAt: number;
  snapshot: Promise<ReferenceSnapshot>;
}

let cached: Entry | null = null;
onLocalWrite((kind) => {
  if (kind === 'reference') cached = null;
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

async function load(): Promise<ReferenceSnapshot> {
  const [domains, neighbourhoods] = await Promise.all([
    DomainModel.find({}).lean<DomainDoc[]>(),
    NeighbourhoodModel.find({}, { geometry: 0 }).lean<NeighbourhoodDoc[]>(),
  ]);
  domains.sort((a, b) => Number(!!a.parent) - Number(!!b.parent) || a.proposal - b.proposal || a.name.localeCompare(b.name, 'fr'));
  neighbourhoods.sort((a, b) => Number(b.isPriority) - Number(a.isPriority) || a.name.localeCompare(b.name, 'fr'));
  const childrenOf = new Map<string, DomainDoc[]>();
  // By name in code-point order, as the database sorted them before (`sort({ name: 1 })`).
  for (const d of [...domains].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!d.parent || d.archivedAt) continue;
    const key = String(d.parent);
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), d]);
  }
  return deepFreeze({
    domains: domains.filter((d) => !d.archivedAt),
    neighbourhoods: neighbourhoods.filter((n) => !n.archivedAt),
    allDomains: domains,
    allNeighbourhoods: neighbourhoods,
    domainById: new Map(domains.map((d) => [String(d._id), d])),
    neighbourhoodById: new Map(neighbourhoods.map((n) => [String(n._id), n])),
    childrenOf,
    priorityNeighbourhoodIds: neighbourhoods.filter((n) => n.isPriority && !n.archivedAt).map((n) => n._id),
  });
}

/**
 * The lists as of `token` (the reference version read by this request): the cached ones when their
 * token matches and they are younger than MAX_AGE_MS, otherwise loaded once for all concurrent callers.
 */
export function referenceAt(token: string): Promise<ReferenceSnapshot> {
  const now = Date.now();
  if (cached && cached.token === token && now - cached.loadedAt < MAX_AGE_MS) return cached.snapshot;
  const entry: Entry = { token, loadedAt: now, snapshot: load() };
  // The caller read the token before this call, so the lists are never older than their token says.
  cached = entry;
  entry.snapshot.catch(() => {
    if (cached === entry) cached = null;
  });
  return entry.snapshot;
}

/** Outside a request (no per-request version read to share): reads the version, then the lists. */
export async function currentReference(): Promise<ReferenceSnapshot> {
  return referenceAt((await readVersions()).reference);
}
