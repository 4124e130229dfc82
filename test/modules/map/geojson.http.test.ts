// The GeoJSON endpoints through real HTTP: what the public sees, the filters, and clear refusals.
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, seedReference } from '../../helpers/factories';
import { NEIGHBOURHOODS } from '../../../seeds/reference';

/** The centre of a seeded neighbourhood, from the seeds (no city's coordinates written here). */
const seeded = NEIGHBOURHOODS.find((n) => n.code === 'corsy')!;
const CORSY = [seeded.lng, seeded.lat];

useTestDatabase();
let server: TestServer;
let ref: Awaited<ReturnType<typeof seedReference>>;
beforeAll(async () => {
  server = await startServer();
  ref = await seedReference();
  const culture = ref.domainByCode.get('culture')!._id;
  const occitan = ref.domainByCode.get('culture-occitane')!._id;
  const ess = ref.domainByCode.get('ess')!._id;
  const encagnane = ref.neighbourhoodByCode.get('encagnane')!._id;
  const corsy = ref.neighbourhoodByCode.get('corsy')!._id;
  await makeOrganisation({ name: 'Théâtre du Cours', domains: [culture], neighbourhoods: [encagnane], description: 'Théâtre amateur et ateliers pour tous.' });
  await makeOrganisation({ name: 'Escolo Occitano', domains: [occitan], neighbourhoods: [corsy], location: { type: 'Point', coordinates: CORSY } });
  await makeOrganisation({ name: 'Ressourcerie', domains: [ess], neighbourhoods: [corsy] });
  await makeOrganisation({ name: 'Cercle Privé', domains: [culture], isPublic: false });
  await makeOrganisation({ name: 'Ancienne Troupe', domains: [culture], status: 'DISSOLVED' });
  await makeOrganisation({ name: 'Sans Adresse', domains: [culture], location: undefined });
});
afterAll(() => server.close());

async function features(path: string) {
  const res = await server.get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
  const body = (await res.json()) as { type: string; features: { geometry: { type: string; coordinates: number[] }; properties: Record<string, any> }[] };
  expect(body.type).toBe('FeatureCollection');
  return body.features;
}
const names = (fs: { properties: Record<string, any> }[]) => fs.map((f) => f.properties.name).sort();

describe('GET /api/organisations.geojson', () => {
  it('lists the public, active, located organisations as points with their card fields, never private ones', async () => {
    const fs = await features('/api/organisations.geojson');
    expect(names(fs)).toEqual(['Escolo Occitano', 'Ressourcerie', 'Théâtre du Cours']);
    const occitan = fs.find((f) => f.properties.name === 'Escolo Occitano')!;
    expect(occitan.geometry).toEqual({ type: 'Point', coordinates: CORSY });
    expect(occitan.properties.domains).toEqual([expect.objectContaining({ code: 'culture-occitane', name: 'Culture occitane et provençale' })]);
    expect(occitan.properties.neighbourhoods).toEqual([expect.objectContaining({ code: 'corsy', isPriority: true })]);
    expect(JSON.stringify(fs)).not.toMatch(/iban|privateContact/);
  });

  it('filters by domain code (a parent includes its children), by neighbourhood id, and by search text', async () => {
    expect(names(await features('/api/organisations.geojson?domain=culture'))).toEqual(['Escolo Occitano', 'Théâtre du Cours']);
    const corsy = String(ref.neighbourhoodByCode.get('corsy')!._id);
    expect(names(await features(`/api/organisations.geojson?neighbourhood=${corsy}`))).toEqual(['Escolo Occitano', 'Ressourcerie']);
    expect(names(await features('/api/organisations.geojson?domain=culture,ess&neighbourhood=corsy'))).toEqual(['Escolo Occitano', 'Ressourcerie']);
    expect(names(await features('/api/organisations.geojson?search=theatre'))).toEqual(['Théâtre du Cours']);
  });

  it('refuses an unknown domain, a bad limit and a too long search with the parameter at fault', async () => {
    const unknown = await server.get('/api/organisations.geojson?domain=astronomie');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      errors: [{ message: expect.stringContaining('Unknown domain: astronomie'), extensions: { code: 'BAD_USER_INPUT', field: 'domain' } }],
    });
    const several = await server.get(`/api/organisations.geojson?limit=0&search=${'x'.repeat(201)}&neighbourhood=${encodeURIComponent('<script>')}`);
    expect(several.status).toBe(400);
    const body = (await several.json()) as { errors: { extensions: { field: string } }[] };
    expect(body.errors.map((e) => e.extensions.field)).toEqual(['neighbourhood', 'search', 'limit']);
  });

  it('stops at `limit` features', async () => {
    expect(await features('/api/organisations.geojson?limit=2')).toHaveLength(2);
  });
});

describe('GET /api/neighbourhoods.geojson', () => {
  it('gives every neighbourhood shape, the priority ones first and flagged', async () => {
    const fs = await features('/api/neighbourhoods.geojson');
    expect(fs).toHaveLength(15);
    expect(
      fs
        .slice(0, 4)
        .map((f) => f.properties.name)
        .sort(),
    ).toEqual(['Beisson', 'Corsy', 'Encagnane', 'Jas de Bouffan']);
    expect(fs.slice(0, 4).every((f) => f.properties.isPriority)).toBe(true);
    expect(fs[0]!.geometry.type).toBe('Polygon');
  });
});

describe('GET /', () => {
  it('serves the map page with a policy that forbids any other origin', async () => {
    const res = await server.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<svg id="map"');
    expect(html).not.toMatch(/https?:\/\//);
  });
});
