// GeoJSON for maps and portals: the public organisations as points, the neighbourhoods as shapes.
// Organisations are streamed from a cursor, so the memory stays flat whatever the size of the directory.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Types, type Model } from 'mongoose';
import { AppError, Problems } from '../../errors/app-error';
import { DOMAIN_CODE, DomainModel, type DomainDoc } from '../reference/domain.model';
import { NEIGHBOURHOOD_CODE, NeighbourhoodModel, type NeighbourhoodDoc } from '../reference/neighbourhood.model';
import { OrganisationModel, type OrganisationDoc } from '../organisation/organisation.model';
import { directoryMatch, type OrganisationFilter } from '../organisation/organisation.service';

export const GEOJSON_DEFAULT_LIMIT = 5000;
export const GEOJSON_MAX_LIMIT = 10000;

export interface MapQuery {
  domain?: unknown;
  neighbourhood?: unknown;
  search?: unknown;
  limit?: unknown;
}

/** Query parameters -> a directory filter. `domain` and `neighbourhood` take ids or codes, comma-separated. */
export async function mapFilter(query: MapQuery): Promise<{ filter: OrganisationFilter; limit: number }> {
  const p = new Problems();
  const list = (name: 'domain' | 'neighbourhood'): string[] => {
    const raw = query[name];
    if (raw === undefined || raw === '') return [];
    const values = (Array.isArray(raw) ? raw : [raw])
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length > 50) p.add(name, `\`${name}\` accepts at most 50 values.`);
    const code = name === 'domain' ? DOMAIN_CODE : NEIGHBOURHOOD_CODE;
    if (values.some((v) => !/^[0-9a-f]{24}$/i.test(v) && !code.test(v))) {
      p.add(name, `\`${name}\` takes ids or codes (letters, digits and dashes), separated by commas.`);
    }
    return values;
  };
  const domains = list('domain');
  const hoods = list('neighbourhood');
  const search = typeof query.search === 'string' ? query.search : query.search === undefined ? undefined : null;
  if (search === null) p.add('search', '`search` must be given once.');
  else if (search && search.trim().length > 200) p.add('search', 'The search text is limited to 200 characters.');
  let limit = GEOJSON_DEFAULT_LIMIT;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > GEOJSON_MAX_LIMIT) p.add('limit', `\`limit\` must be a whole number from 1 to ${GEOJSON_MAX_LIMIT}.`);
  }
  p.throwIfAny();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mongoose's Model is invariant in its document type: any model is a Model<any>
  const resolve = async (model: Model<any>, values: string[], field: string) => {
    if (!values.length) return [];
    const ids = values.filter((v) => /^[0-9a-f]{24}$/i.test(v)).map((v) => new Types.ObjectId(v));
    const found = (await model.find({ $or: [{ _id: { $in: ids } }, { code: { $in: values } }] }, { _id: 1, code: 1, archivedAt: 1 }).lean()) as {
      _id: Types.ObjectId;
      code: string;
      archivedAt?: Date | null;
    }[];
    // Archived entries have left the filters: naming one is refused like an unknown one, and said so.
    const archived = found.filter((d) => d.archivedAt);
    if (archived.length)
      throw new AppError(
        'BAD_USER_INPUT',
        `Archived ${field}: ${archived
          .slice(0, 5)
          .map((d) => d.code)
          .join(', ')}. See the lists of ${field}s in use.`,
        { field },
      );
    const known = new Set(found.flatMap((d) => [String(d._id), d.code]));
    const unknown = values.filter((v) => !known.has(v));
    if (unknown.length) throw new AppError('BAD_USER_INPUT', `Unknown ${field}: ${unknown.slice(0, 5).join(', ')}. See the lists of ${field}s.`, { field });
    return found.map((d) => String(d._id));
  };
  const filter: OrganisationFilter = {
    domainIds: await resolve(DomainModel, domains, 'domain'),
    neighbourhoodIds: await resolve(NeighbourhoodModel, hoods, 'neighbourhood'),
    search: search ?? undefined,
  };
  return { filter, limit };
}

const PROJECTION = {
  name: 1,
  acronym: 1,
  legalForm: 1,
  description: 1,
  domains: 1,
  neighbourhoods: 1,
  address: 1,
  location: 1,
  website: 1,
  publicEmail: 1,
  publicPhone: 1,
  labels: 1,
} as const;

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes a FeatureCollection of the public, active, located organisations matching the filter. */
export async function writeOrganisationsGeoJson(out: Writable, filter: OrganisationFilter, limit: number): Promise<number> {
  // Always as the public sees it: this endpoint is for maps and open-data portals.
  const match = await directoryMatch({ viewer: null }, filter);
  const [domains, hoods] = await Promise.all([
    DomainModel.find({}, { code: 1, name: 1 }).lean<DomainDoc[]>(),
    NeighbourhoodModel.find({}, { code: 1, name: 1, isPriority: 1 }).lean<NeighbourhoodDoc[]>(),
  ]);
  const domainById = new Map(domains.map((d) => [String(d._id), { id: String(d._id), code: d.code, name: d.name }]));
  const hoodById = new Map(hoods.map((n) => [String(n._id), { id: String(n._id), code: n.code, name: n.name, isPriority: n.isPriority }]));
  const cursor = OrganisationModel.find({ ...match, location: { $exists: true } }, PROJECTION)
    .sort('$text' in match ? { score: { $meta: 'textScore' } } : { nameKey: 1 })
    .limit(limit)
    .lean<OrganisationDoc>()
    .cursor({ batchSize: 500 });
  await write(out, '{"type":"FeatureCollection","features":[');
  let count = 0;
  let buffer = '';
  for await (const o of cursor) {
    const org = o as unknown as OrganisationDoc;
    const feature = {
      type: 'Feature',
      id: String(org._id),
      geometry: { type: 'Point', coordinates: org.location!.coordinates },
      properties: {
        id: String(org._id),
        name: org.name,
        acronym: org.acronym ?? null,
        legalForm: org.legalForm,
        description: (org.description ?? '').slice(0, 400),
        domains: (org.domains ?? []).map((d) => domainById.get(String(d))).filter(Boolean),
        neighbourhoods: (org.neighbourhoods ?? []).map((n) => hoodById.get(String(n))).filter(Boolean),
        address: org.address && Object.values(org.address).some(Boolean) ? org.address : null,
        website: org.website ?? null,
        publicEmail: org.publicEmail ?? null,
        publicPhone: org.publicPhone ?? null,
        labels: org.labels ?? [],
      },
    };
    buffer += (count ? ',' : '') + JSON.stringify(feature);
    count++;
    if (buffer.length > 64 * 1024) {
      await write(out, buffer);
      buffer = '';
    }
  }
  await write(out, `${buffer}]}`);
  return count;
}

/** Every neighbourhood in use as a Feature with its shape as stored (imported or drawn); priority ones (QPV) are flagged. */
export async function neighbourhoodsGeoJson() {
  const hoods = await NeighbourhoodModel.find({ archivedAt: null }).lean<NeighbourhoodDoc[]>();
  hoods.sort((a, b) => Number(b.isPriority) - Number(a.isPriority) || a.name.localeCompare(b.name, 'fr'));
  return {
    type: 'FeatureCollection',
    features: hoods.map((n) => ({
      type: 'Feature',
      id: String(n._id),
      geometry: n.geometry,
      properties: { id: String(n._id), code: n.code, name: n.name, isPriority: n.isPriority, population: n.population ?? null },
    })),
  };
}
