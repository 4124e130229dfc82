import { PUBLIC } from '../../auth/policy';
import type { Context } from '../../context';
import { toObjectId } from '../../shared/ids';
import type { AppModule } from '../module';
import type { DomainDoc } from './domain.model';
import { listDomains, listNeighbourhoods } from './reference.service';

export const referenceModule: AppModule = {
  name: 'reference',
  policies: {
    Query: { domains: PUBLIC, domain: PUBLIC, neighbourhoods: PUBLIC, neighbourhood: PUBLIC },
  },
  resolvers: {
    Query: {
      domains: (_: unknown, args: { rootsOnly?: boolean }) => listDomains(!!args.rootsOnly),
      domain: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.domainById.load(toObjectId(args.id)),
      neighbourhoods: (_: unknown, args: { priorityOnly?: boolean }) => listNeighbourhoods(!!args.priorityOnly),
      neighbourhood: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.neighbourhoodById.load(toObjectId(args.id)),
    },
    Domain: {
      id: (d: DomainDoc) => String(d._id),
      parent: (d: DomainDoc, _: unknown, ctx: Context) => (d.parent ? ctx.loaders.domainById.load(d.parent) : null),
      children: (d: DomainDoc, _: unknown, ctx: Context) => ctx.loaders.domainsByParent.load(d._id),
    },
    Neighbourhood: {
      id: (n: { _id: unknown }) => String(n._id),
    },
  },
};
