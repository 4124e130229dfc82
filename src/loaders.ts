// Every module's DataLoaders, created fresh for each request so no cache is shared between users.
import { createUserLoaders } from './modules/user/user.loaders';
import { createReferenceLoaders } from './modules/reference/reference.loaders';
import { createOrganisationLoaders } from './modules/organisation/organisation.loaders';
import { createNetworkLoaders } from './modules/network/network.loaders';
import { createGrantsLoaders } from './modules/grants/grants.loaders';
import { createActivityLoaders } from './modules/activity/activity.loaders';

export function createLoaders() {
  return {
    ...createUserLoaders(),
    ...createReferenceLoaders(),
    ...createOrganisationLoaders(),
    ...createNetworkLoaders(),
    ...createGrantsLoaders(),
    ...createActivityLoaders(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
