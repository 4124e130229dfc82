import { byIdLoader } from '../../shared/loaders';
import { OrganisationModel, type OrganisationDoc } from './organisation.model';

export function createOrganisationLoaders() {
  return {
    byId: byIdLoader<OrganisationDoc>(OrganisationModel),
  };
}
