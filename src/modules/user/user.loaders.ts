import { byIdLoader, groupByLoader } from '../../shared/loaders';
import { UserModel, type UserDoc } from './user.model';

export function createUserLoaders() {
  return {
    byId: byIdLoader<UserDoc>(UserModel),
    /** Users holding a membership in an organisation, by organisation id. */
    byOrganisation: groupByLoader<UserDoc & Record<string, unknown>>(UserModel, 'memberships.organisation', {
      sort: { name: 1 },
    }),
  };
}
