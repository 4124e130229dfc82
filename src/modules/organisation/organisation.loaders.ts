// The organisation module's DataLoaders, fresh per request: organisations by id, and the organisations an
// officer declared a link to (read once per request by every recusal check, organisation's and grants').
import { byIdLoader, groupByLoader } from '../../shared/loaders';
import { OrganisationModel, type OrganisationDoc } from './organisation.model';
import { ConflictOfInterestModel, type ConflictOfInterestDoc } from './conflict-of-interest.model';

export function createOrganisationLoaders() {
  return {
    byId: byIdLoader<OrganisationDoc>(OrganisationModel),
    recusalsByOfficer: groupByLoader<ConflictOfInterestDoc & Record<string, unknown>>(ConflictOfInterestModel, 'officer', {
      projection: { organisation: 1, officer: 1 },
    }),
  };
}
