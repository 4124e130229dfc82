import { PUBLIC } from '../../auth/policy';
import { toObjectId } from '../../shared/ids';
import type { AppModule } from '../module';
import type { GeoJsonGeometry } from '../parents';
import { listDomains, listNeighbourhoods } from './reference.service';

/**
 * The sizes graphql/reference.graphql declares with @listSize (the query cost analysis counts on them).
 * Reference data comes from the seeds, far below these; a cap keeps the declaration true whatever is loaded.
 */
export const MAX_DOMAINS = 100;
export const MAX_NEIGHBOURHOODS = 50;
export const MAX_CHILD_DOMAINS = 10;

export const referenceModule: AppModule = {
  name: 'reference',
  policies: {
    Query: { domains: PUBLIC, domain: PUBLIC, neighbourhoods: PUBLIC, neighbourhood: PUBLIC },
  },
  resolvers: {
    Query: {
      domains: async (_, args, ctx) => (await listDomains(ctx, !!args.rootsOnly)).slice(0, MAX_DOMAINS),
      domain: (_, args, ctx) => ctx.loaders.reference.domainById.load(toObjectId(args.id)),
      neighbourhoods: async (_, args, ctx) => (await listNeighbourhoods(ctx, !!args.priorityOnly)).slice(0, MAX_NEIGHBOURHOODS),
      neighbourhood: (_, args, ctx) => ctx.loaders.reference.neighbourhoodById.load(toObjectId(args.id)),
    },
    Domain: {
      id: (d) => String(d._id),
      parent: (d, _, ctx) => (d.parent ? ctx.loaders.reference.domainById.load(d.parent) : null),
      children: async (d, _, ctx) => (await ctx.loaders.reference.domainsByParent.load(d._id)).slice(0, MAX_CHILD_DOMAINS),
    },
    Neighbourhood: {
      id: (n) => String(n._id),
      // The cached lists hold no polygons: the shape is read only when asked for.
      geometry: async (n, _, ctx) => (n.geometry ?? (await ctx.loaders.reference.neighbourhoodGeometry.load(n._id))?.geometry) as GeoJsonGeometry,
    },
  },
};
