// Per request: the reference lists come from the instance's cache (reference.cache.ts), checked against
// the data version read once for the whole request; only polygons are read from the database, and only
// when `geometry` is asked.
import DataLoader from 'dataloader';
import { byIdLoader } from '../../shared/loaders';
import { readVersions, type DataKind } from '../../shared/versions';
import { referenceAt, type ReferenceSnapshot } from './reference.cache';
import { NeighbourhoodModel, type NeighbourhoodDoc } from './neighbourhood.model';
import type { DomainDoc } from './domain.model';

const key = (id: unknown) => String(id);

/** A by-id loader answered from the snapshot: same contract as byIdLoader (order of the keys, null when missing). */
function fromSnapshot<T>(snapshot: () => Promise<ReferenceSnapshot>, pick: (s: ReferenceSnapshot) => ReadonlyMap<string, T>) {
  return new DataLoader<unknown, T | null, string>(
    async (ids) => {
      const byId = pick(await snapshot());
      return ids.map((id) => byId.get(key(id)) ?? null);
    },
    { cacheKeyFn: key },
  );
}

export function createReferenceLoaders() {
  let versions: Promise<Record<DataKind, string>> | null = null;
  let snap: Promise<ReferenceSnapshot> | null = null;
  /** Every data version, read once per request (the organisation count cache reads it here too). */
  const dataVersions = () => (versions ??= readVersions());
  const snapshot = () => (snap ??= dataVersions().then((v) => referenceAt(v.reference)));
  return {
    dataVersions,
    snapshot,
    domainById: fromSnapshot<DomainDoc>(snapshot, (s) => s.domainById),
    domainsByParent: new DataLoader<unknown, readonly DomainDoc[], string>(
      async (ids) => {
        const s = await snapshot();
        return ids.map((id) => s.childrenOf.get(key(id)) ?? []);
      },
      { cacheKeyFn: key },
    ),
    /** Without `geometry`: see neighbourhoodGeometry. */
    neighbourhoodById: fromSnapshot<NeighbourhoodDoc>(snapshot, (s) => s.neighbourhoodById),
    /** The polygon alone, for `Neighbourhood.geometry`. */
    neighbourhoodGeometry: byIdLoader<Pick<NeighbourhoodDoc, '_id' | 'geometry'>>(NeighbourhoodModel, { geometry: 1 }),
  };
}
