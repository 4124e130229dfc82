import { groupByLoader } from '../../shared/loaders';
import { PartnershipModel, type PartnershipDoc } from './partnership.model';

export function createNetworkLoaders() {
  return {
    /** Active partnerships of an organisation (either end). */
    partnershipsByOrganisation: groupByLoader<PartnershipDoc & Record<string, unknown>>(PartnershipModel, 'parties', {
      match: { active: true },
      sort: { since: -1, _id: 1 },
    }),
  };
}
