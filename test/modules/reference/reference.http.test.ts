// Reference data through HTTP: the domain tree (proposals 12 to 23) and the neighbourhoods as GeoJSON.
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { seedReference } from '../../helpers/factories';
import { DOMAINS, NEIGHBOURHOODS, hexagon } from '../../../seeds/reference';

useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await seedReference();
});
afterAll(() => server.close());

const TREE = `query($rootsOnly: Boolean) {
  domains(rootsOnly: $rootsOnly) { id code name description proposal parent { code } children { code name proposal parent { code } } }
}`;

interface DomainNode {
  id: string;
  code: string;
  proposal: number;
  parent: { code: string } | null;
  children: { code: string; proposal: number; parent: { code: string } }[];
}

describe('domains', () => {
  it('cover every proposal from 12 to 23', async () => {
    const { domains } = dataOf<{ domains: DomainNode[] }>(await server.gql(TREE));
    expect([...new Set(domains.map((d) => d.proposal))].sort((a, b) => a - b)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });

  it('form a tree: top-level ones first, each child pointing back to its parent with the same proposal', async () => {
    const { domains } = dataOf<{ domains: DomainNode[] }>(await server.gql(TREE));
    const childCount = DOMAINS.reduce((n, d) => n + (d.children?.length ?? 0), 0);
    expect(domains).toHaveLength(DOMAINS.length + childCount);
    const firstChild = domains.findIndex((d) => d.parent);
    expect(domains.slice(0, firstChild).every((d) => d.parent === null)).toBe(true);
    expect(domains.slice(firstChild).every((d) => d.parent !== null)).toBe(true);
    const ess = domains.find((d) => d.code === 'ess')!;
    expect(ess.children.map((c) => c.code).sort()).toEqual(['circuits-courts', 'insertion']);
    for (const c of ess.children) expect(c).toMatchObject({ proposal: 16, parent: { code: 'ess' } });
    expect(domains.find((d) => d.code === 'handicap')!.children).toEqual([]);
  });

  it('list only the top-level ones when asked', async () => {
    const { domains } = dataOf<{ domains: DomainNode[] }>(await server.gql(TREE, { rootsOnly: true }));
    expect(domains.map((d) => d.code)).toEqual(DOMAINS.map((d) => d.code));
  });

  it('can be read one by one, and an unknown id gives null', async () => {
    const { domains } = dataOf<{ domains: DomainNode[] }>(await server.gql(TREE));
    const culture = domains.find((d) => d.code === 'culture')!;
    const one = dataOf(await server.gql('query($id: ID!) { domain(id: $id) { code proposal } }', { id: culture.id }));
    expect(one.domain).toEqual({ code: 'culture', proposal: 20 });
    const none = await server.gql('query($id: ID!) { domain(id: $id) { code } }', { id: '0123456789abcdef01234567' });
    expect(none.body).toEqual({ data: { domain: null } });
  });

  it('refuse a malformed id with BAD_USER_INPUT on id', async () => {
    const res = await server.gql('query($id: ID!) { domain(id: $id) { code } }', { id: 'culture' });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

const HOODS = `query($priorityOnly: Boolean) { neighbourhoods(priorityOnly: $priorityOnly) { id code name isPriority population geometry } }`;

interface Hood {
  id: string;
  code: string;
  name: string;
  isPriority: boolean;
  geometry: { type: string; coordinates: number[][][] };
}

describe('neighbourhoods', () => {
  it('are the 15 of the city, the 4 priority ones (QPV) first', async () => {
    const { neighbourhoods } = dataOf<{ neighbourhoods: Hood[] }>(await server.gql(HOODS));
    expect(neighbourhoods).toHaveLength(NEIGHBOURHOODS.length);
    expect(
      neighbourhoods
        .slice(0, 4)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['Beisson', 'Corsy', 'Encagnane', 'Jas de Bouffan']);
    expect(neighbourhoods.slice(0, 4).every((n) => n.isPriority)).toBe(true);
    expect(neighbourhoods.slice(4).every((n) => !n.isPriority)).toBe(true);
  });

  it('come with the closed GeoJSON polygon the seeds drew, in [longitude, latitude] order', async () => {
    const { neighbourhoods } = dataOf<{ neighbourhoods: Hood[] }>(await server.gql(HOODS));
    for (const n of neighbourhoods) {
      // Compared with the seed's own centre and radius, not with any city's coordinates.
      const seed = NEIGHBOURHOODS.find((x) => x.code === n.code)!;
      expect(n.geometry).toEqual({ type: 'Polygon', coordinates: hexagon(seed.lat, seed.lng, seed.radius) });
      const ring = n.geometry.coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });

  it('can be restricted to the priority ones', async () => {
    const { neighbourhoods } = dataOf<{ neighbourhoods: Hood[] }>(await server.gql(HOODS, { priorityOnly: true }));
    expect(neighbourhoods.map((n) => n.code).sort()).toEqual(['beisson', 'corsy', 'encagnane', 'jas-de-bouffan']);
  });

  it('can be read one by one', async () => {
    const { neighbourhoods } = dataOf<{ neighbourhoods: Hood[] }>(await server.gql(HOODS));
    const corsy = neighbourhoods.find((n) => n.code === 'corsy')!;
    const one = dataOf(await server.gql('query($id: ID!) { neighbourhood(id: $id) { name isPriority } }', { id: corsy.id }));
    expect(one.neighbourhood).toEqual({ name: 'Corsy', isPriority: true });
  });
});
