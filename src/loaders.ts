// Every module's DataLoaders under its own name (`ctx.loaders.organisation.byId`), created fresh for each
// request so no cache is shared between users. A name registered twice stops the app at startup, like a
// policy declared twice: no loader silently replaces another.
import { createUserLoaders } from './modules/user/user.loaders';
import { createReferenceLoaders } from './modules/reference/reference.loaders';
import { createOrganisationLoaders } from './modules/organisation/organisation.loaders';
import { createNetworkLoaders } from './modules/network/network.loaders';
import { createGrantsLoaders } from './modules/grants/grants.loaders';
import { createActivityLoaders } from './modules/activity/activity.loaders';
import { createLettersLoaders } from './modules/letters/letters.loaders';
import { createDossierLoaders } from './modules/grants/dossier.loaders';
import { createDocumentLoaders } from './modules/document/document.loaders';

type Factory = () => object;
type Namespaced<E extends readonly (readonly [string, Factory])[]> = { readonly [K in E[number] as K[0]]: ReturnType<K[1]> };

/** Checks the names once, then returns the per-request factory. */
export function namespacedLoaders<const E extends readonly (readonly [string, Factory])[]>(entries: E): () => Namespaced<E> {
  const seen = new Set<string>();
  for (const [name] of entries) {
    if (seen.has(name)) throw new Error(`Loaders "${name}" are registered twice: give each module's loaders their own name.`);
    seen.add(name);
  }
  return () => Object.freeze(Object.fromEntries(entries.map(([name, create]) => [name, Object.freeze(create())]))) as Namespaced<E>;
}

export const createLoaders = namespacedLoaders([
  ['user', createUserLoaders],
  ['reference', createReferenceLoaders],
  ['organisation', createOrganisationLoaders],
  ['network', createNetworkLoaders],
  ['grants', createGrantsLoaders],
  ['activity', createActivityLoaders],
  ['letters', createLettersLoaders],
  ['dossier', createDossierLoaders],
  ['document', createDocumentLoaders],
]);

export type Loaders = ReturnType<typeof createLoaders>;
