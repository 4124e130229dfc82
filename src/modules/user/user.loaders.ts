import { byIdLoader, groupByLoader } from '../../shared/loaders';
import { UserModel, type UserDoc } from './user.model';

export function createUserLoaders() {
  return {
    userById: byIdLoader<UserDoc>(UserModel),
    /** Users holding a membership in an organisation, by organisation id. */
    usersByOrganisation: groupByLoader<UserDoc & Record<string, unknown>>(UserModel, 'memberships.organisation', {
      sort: { name: 1 },
    }),
  };
}
