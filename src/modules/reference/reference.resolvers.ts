import { PUBLIC, roles } from '../../auth/policy';
import { isStaff } from '../../auth/viewer';
import { cityIdentity } from '../../shared/city';
import { payload } from '../../shared/payload';
import type { AppModule } from '../module';
import type { GeoJsonGeometry } from '../parents';
import { loadCityOutline } from './city-bounds';
import { archiveDomain, createDomain, MAX_CHILD_DOMAINS, MAX_DOMAINS, updateDomain } from './domain.service';
import { archiveNeighbourhood, createNeighbourhood, MAX_NEIGHBOURHOODS, neighbourhoodAt, updateNeighbourhood } from './neighbourhood.service';
import { referenceHistory } from './reference.history';
import { getDomain, getNeighbourhood, listDomains, listNeighbourhoods } from './reference.service';

/**
 * The sizes graphql/reference.graphql declares with @listSize (the query cost analysis counts on them);
 * the services refuse to put more in use, and the cap keeps the declaration true with archived ones listed.
 */
export { MAX_CHILD_DOMAINS, MAX_DOMAINS, MAX_NEIGHBOURHOODS };

const ADMIN = roles('ADMIN');

export const referenceModule: AppModule = {
  name: 'reference',
  policies: {
    Query: { domains: PUBLIC, domain: PUBLIC, neighbourhoods: PUBLIC, neighbourhood: PUBLIC, neighbourhoodAt: PUBLIC, city: PUBLIC },
    Mutation: {
      createDomain: ADMIN,
      updateDomain: ADMIN,
      archiveDomain: ADMIN,
      createNeighbourhood: ADMIN,
      updateNeighbourhood: ADMIN,
      archiveNeighbourhood: ADMIN,
    },
  },
  // A CITY_BOUNDS file that cannot be read or is not a valid outline stops the boot, naming the problem.
  onBoot: async ({ config, log }) => {
    if (!config.cityBoundsPath) return;
    const shapes = loadCityOutline(config.cityBoundsPath);
    log.info({ file: config.cityBoundsPath, shapes: shapes.length }, 'city outline loaded (CITY_BOUNDS)');
  },
  resolvers: {
    Query: {
      domains: async (_, args, ctx) => (await listDomains(ctx, !!args.rootsOnly, !!args.includeArchived)).slice(0, MAX_DOMAINS),
      domain: (_, args, ctx) => getDomain(ctx, args.id),
      neighbourhoods: async (_, args, ctx) => (await listNeighbourhoods(ctx, !!args.priorityOnly, !!args.includeArchived)).slice(0, MAX_NEIGHBOURHOODS),
      neighbourhood: (_, args, ctx) => getNeighbourhood(ctx, args.id),
      neighbourhoodAt: (_, args) => neighbourhoodAt(args.lat, args.lng),
      city: (_, __, ctx) => {
        const c = cityIdentity(ctx.config);
        return { name: c.name, insee: c.insee, siret: c.siret, address: [...c.address.lines], publicUrl: c.publicUrl };
      },
    },
    Mutation: {
      createDomain: (_, args, ctx) => payload('domain', () => createDomain(ctx, args.input)),
      updateDomain: (_, args, ctx) => payload('domain', () => updateDomain(ctx, args.id, args.input)),
      archiveDomain: (_, args, ctx) => payload('domain', () => archiveDomain(ctx, args.id)),
      createNeighbourhood: (_, args, ctx) => payload('neighbourhood', () => createNeighbourhood(ctx, args.input)),
      updateNeighbourhood: (_, args, ctx) => payload('neighbourhood', () => updateNeighbourhood(ctx, args.id, args.input)),
      archiveNeighbourhood: (_, args, ctx) => payload('neighbourhood', () => archiveNeighbourhood(ctx, args.id)),
    },
    Domain: {
      id: (d) => String(d._id),
      parent: (d, _, ctx) => (d.parent ? ctx.loaders.reference.domainById.load(d.parent) : null),
      children: async (d, _, ctx) => (await ctx.loaders.reference.domainsByParent.load(d._id)).slice(0, MAX_CHILD_DOMAINS),
      archivedAt: (d) => d.archivedAt ?? null,
      history: (d, args, ctx) => (isStaff(ctx.viewer) ? referenceHistory('Domain', d._id, args) : null),
    },
    Neighbourhood: {
      id: (n) => String(n._id),
      // The cached lists hold no polygons: the shape is read only when asked for.
      geometry: async (n, _, ctx) => (n.geometry ?? (await ctx.loaders.reference.neighbourhoodGeometry.load(n._id))?.geometry) as GeoJsonGeometry,
      archivedAt: (n) => n.archivedAt ?? null,
      history: (n, args, ctx) => (isStaff(ctx.viewer) ? referenceHistory('Neighbourhood', n._id, args) : null),
    },
  },
};
