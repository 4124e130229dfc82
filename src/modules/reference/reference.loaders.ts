import { byIdLoader, groupByLoader } from '../../shared/loaders';
import { DomainModel, type DomainDoc } from './domain.model';
import { NeighbourhoodModel, type NeighbourhoodDoc } from './neighbourhood.model';

export function createReferenceLoaders() {
  return {
    domainById: byIdLoader<DomainDoc>(DomainModel),
    domainsByParent: groupByLoader<DomainDoc & Record<string, unknown>>(DomainModel, 'parent', { sort: { name: 1 } }),
    neighbourhoodById: byIdLoader<NeighbourhoodDoc>(NeighbourhoodModel),
  };
}
