import { byIdLoader } from '../../shared/loaders';
import { OrganisationModel, type OrganisationDoc } from './organisation.model';

export function createOrganisationLoaders() {
  return {
    organisationById: byIdLoader<OrganisationDoc>(OrganisationModel),
  };
}
