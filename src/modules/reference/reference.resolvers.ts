import { PUBLIC } from '../../auth/policy';
import { toObjectId } from '../../shared/ids';
import type { AppModule } from '../module';
import { listDomains, listNeighbourhoods } from './reference.service';

export const referenceModule: AppModule = {
  name: 'reference',
  policies: {
    Query: { domains: PUBLIC, domain: PUBLIC, neighbourhoods: PUBLIC, neighbourhood: PUBLIC },
  },
  resolvers: {
    Query: {
      domains: (_, args) => listDomains(!!args.rootsOnly),
      domain: (_, args, ctx) => ctx.loaders.reference.domainById.load(toObjectId(args.id)),
      neighbourhoods: (_, args) => listNeighbourhoods(!!args.priorityOnly),
      neighbourhood: (_, args, ctx) => ctx.loaders.reference.neighbourhoodById.load(toObjectId(args.id)),
    },
    Domain: {
      id: (d) => String(d._id),
      parent: (d, _, ctx) => (d.parent ? ctx.loaders.reference.domainById.load(d.parent) : null),
      children: (d, _, ctx) => ctx.loaders.reference.domainsByParent.load(d._id),
    },
    Neighbourhood: {
      id: (n) => String(n._id),
    },
  },
};
