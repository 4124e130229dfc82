// The directory through the real HTTP endpoint: each filter alone and combined, ordering, paging, one organisation.
import type { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { fakeSiret, makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { NEIGHBOURHOODS } from '../../../seeds/reference';
import { OrganisationModel, type OrganisationDoc } from '../../../src/modules/organisation/organisation.model';

useTestDatabase();
let server: TestServer;

const DIRECTORY = `query($filter: OrganisationFilter, $first: Int, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id name legalForm domains { code } neighbourhoods { code isPriority } servesPriorityNeighbourhood location { lat lng } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; name: string; legalForm: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const hood = (code: string) => NEIGHBOURHOODS.find((n) => n.code === code)!;
const at = (code: string, dLat = 0, dLng = 0) => ({ type: 'Point', coordinates: [hood(code).lng + dLng, hood(code).lat + dLat] });

let domains: Map<string, Types.ObjectId>;
let hoods: Map<string, Types.ObjectId>;
const orgs: Record<string, OrganisationDoc> = {};
const fillers: OrganisationDoc[] = [];

async function page(filter: Record<string, unknown> | null, first?: number, after?: string | null): Promise<Page> {
  return dataOf(await server.gql(DIRECTORY, { filter, first, after })).organisations as Page;
}

async function names(filter: Record<string, unknown>): Promise<string[]> {
  return (await page(filter, 100)).edges.map((e) => e.node.name);
}

/** Walks every page with `after` and returns the ids in the order served. */
async function walk(filter: Record<string, unknown> | null, size: number): Promise<{ ids: string[]; pages: number; totals: Set<number> }> {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const p: Page = await page(filter, size, after);
    pages++;
    totals.add(p.totalCount);
    expect(p.edges.length).toBeLessThanOrEqual(size);
    expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
    ids.push(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) break;
    expect(p.edges).toHaveLength(size);
    after = p.pageInfo.endCursor;
    if (pages > 200) throw new Error('paging does not end');
  }
  return { ids, pages, totals };
}

beforeAll(async () => {
  server = await startServer();
  const ref = await seedReference();
  domains = new Map([...ref.domainByCode].map(([k, v]) => [k, v._id]));
  hoods = new Map([...ref.neighbourhoodByCode].map(([k, v]) => [k, v._id]));
  const d = (...codes: string[]) => codes.map((c) => domains.get(c)!);
  const n = (...codes: string[]) => codes.map((c) => hoods.get(c)!);

  orgs.theatre = await makeOrganisation({
    name: 'Théâtre de l’Arc',
    description: 'Ateliers de pratique amateur pour les habitants du centre.',
    domains: d('culture'),
    neighbourhoods: n('centre-historique'),
    location: at('centre-historique'),
  });
  orgs.streetArts = await makeOrganisation({
    name: 'Compagnie des Places',
    description: 'Spectacles de rue, cirque et THÉÂTRE dans toute la ville.',
    domains: d('arts-de-la-rue'),
    neighbourhoods: n('encagnane'),
    location: at('encagnane'),
  });
  orgs.grocery = await makeOrganisation({
    name: 'Épicerie Solidaire de Corsy',
    legalForm: 'SCOP',
    rna: undefined,
    siret: fakeSiret(900001),
    description: 'Épicerie solidaire à prix réduits et ateliers de cuisine.',
    domains: d('circuits-courts'),
    neighbourhoods: n('corsy'),
    location: at('corsy'),
  });
  orgs.mutual = await makeOrganisation({
    name: 'Zèbre Mutuelle des Aînés',
    legalForm: 'MUTUAL',
    rna: undefined,
    siret: fakeSiret(900002),
    description: 'Portage de repas et visites aux personnes âgées isolées.',
    domains: d('seniors'),
    neighbourhoods: n('puyricard'),
    location: at('puyricard'),
  });
  orgs.music = await makeOrganisation({
    name: 'éveil musical des Facultés',
    description: 'Éveil musical pour les tout-petits et leurs parents.',
    domains: d('culture', 'petite-enfance'),
    neighbourhoods: n('facultes', 'beisson'),
    location: at('facultes'),
  });
  orgs.hidden = await makeOrganisation({
    name: 'Association Théâtre Privé',
    isPublic: false,
    description: 'Une troupe de théâtre qui ne veut pas être listée.',
    domains: d('culture'),
    neighbourhoods: n('corsy'),
    location: at('corsy'),
  });
  orgs.dissolved = await makeOrganisation({
    name: 'Ancienne Troupe de Théâtre',
    status: 'DISSOLVED',
    description: 'Troupe de théâtre dissoute en 2020.',
    domains: d('culture'),
    neighbourhoods: n('encagnane'),
    location: at('encagnane'),
  });
  // Fillers: same shape, same words, so relevance ties and the `_id` tie-break are exercised.
  for (let i = 0; i < 24; i++) {
    fillers.push(
      await makeOrganisation({
        name: `Association Quartier ${String.fromCharCode(65 + (i % 26))}${i}`,
        description: 'Animation de la vie de quartier et accompagnement des bénévoles.',
        domains: d('vie-associative'),
        neighbourhoods: n('saint-eutrope'),
        location: at('saint-eutrope', (i % 5) * 0.0003, (i % 3) * 0.0003),
      }),
    );
  }
});
afterAll(() => server.close());

const publicActive = () => [orgs.theatre!, orgs.streetArts!, orgs.grocery!, orgs.mutual!, orgs.music!, ...fillers];
const byNameKey = (list: OrganisationDoc[]) =>
  [...list].sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : String(a._id) < String(b._id) ? -1 : 1));

describe('the directory without a filter', () => {
  it('lists the public, active organisations ordered by name, accents and case ignored', async () => {
    const p = await page(null, 100);
    expect(p.edges.map((e) => e.node.id)).toEqual(byNameKey(publicActive()).map((o) => String(o._id)));
    // "éveil" sorts among the e's, not after "Zèbre" as a byte order on the raw name would put it.
    const list = p.edges.map((e) => e.node.name);
    expect(list.indexOf('éveil musical des Facultés')).toBeLessThan(list.indexOf('Théâtre de l’Arc'));
    expect(list.indexOf('Épicerie Solidaire de Corsy')).toBeLessThan(list.indexOf('éveil musical des Facultés'));
    expect(p.totalCount).toBe(publicActive().length);
    expect(p.pageInfo.hasNextPage).toBe(false);
  });

  it('serves 20 a page by default', async () => {
    const p = await page(null);
    expect(p.edges).toHaveLength(20);
    expect(p.pageInfo.hasNextPage).toBe(true);
  });

  it('lists dissolved organisations only when asked', async () => {
    expect(await names({})).not.toContain('Ancienne Troupe de Théâtre');
    expect(await names({ includeDissolved: true })).toContain('Ancienne Troupe de Théâtre');
  });

  it('resolves nested domains and neighbourhoods, and flags priority neighbourhoods', async () => {
    const p = await page({ search: 'éveil musical' }, 5);
    const node = p.edges[0]!.node as unknown as {
      domains: { code: string }[];
      neighbourhoods: { code: string; isPriority: boolean }[];
      servesPriorityNeighbourhood: boolean;
      location: { lat: number; lng: number };
    };
    expect(node.domains.map((x) => x.code).sort()).toEqual(['culture', 'petite-enfance']);
    expect(node.neighbourhoods).toEqual(
      expect.arrayContaining([
        { code: 'beisson', isPriority: true },
        { code: 'facultes', isPriority: false },
      ]),
    );
    expect(node.servesPriorityNeighbourhood).toBe(true);
    expect(node.location).toEqual({ lat: hood('facultes').lat, lng: hood('facultes').lng });
  });
});

describe('each filter alone', () => {
  it.each(['theatre', 'THEATRE', 'Théâtre', 'théâtres'])('finds "Théâtre" when searching %p, accents, case and plural ignored', async (search) => {
    const found = await names({ search });
    expect(found).toEqual(expect.arrayContaining(['Théâtre de l’Arc', 'Compagnie des Places']));
    expect(found).toHaveLength(2);
  });

  it('orders search results by relevance: a match in the name ranks above a match in the purpose', async () => {
    expect(await names({ search: 'theatre' })).toEqual(['Théâtre de l’Arc', 'Compagnie des Places']);
  });

  it('matches whole words, not prefixes', async () => {
    expect(await names({ search: 'théât' })).toEqual([]);
  });

  it('matches any of several words', async () => {
    expect((await names({ search: 'théâtre épicerie' })).sort()).toEqual(['Compagnie des Places', 'Théâtre de l’Arc', 'Épicerie Solidaire de Corsy'].sort());
  });

  it('searches the acronym too', async () => {
    await makeOrganisation({ name: 'Zone Acronyme Test', acronym: 'ZQXW', description: 'Sans autre mot commun ici.', isPublic: false });
    // Private: proves the acronym is searched without changing what the other tests see.
    const admin = await makeUser({ role: 'ADMIN' });
    const res = dataOf(await server.gql(DIRECTORY, { filter: { search: 'zqxw' } }, admin.token));
    expect(res.organisations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Zone Acronyme Test']);
  });

  it('treats a blank search as no search (ordered by name)', async () => {
    const p = await page({ search: '   ' }, 100);
    expect(p.edges.map((e) => e.node.id)).toEqual(byNameKey(publicActive()).map((o) => String(o._id)));
  });

  it('filters by domain, a parent domain including its children', async () => {
    expect(await names({ domainIds: [String(domains.get('arts-de-la-rue'))] })).toEqual(['Compagnie des Places']);
    expect((await names({ domainIds: [String(domains.get('culture'))] })).sort()).toEqual(
      ['Compagnie des Places', 'Théâtre de l’Arc', 'éveil musical des Facultés'].sort(),
    );
    expect(await names({ domainIds: [String(domains.get('ess'))] })).toEqual(['Épicerie Solidaire de Corsy']);
  });

  it('filters by neighbourhood', async () => {
    expect(await names({ neighbourhoodIds: [String(hoods.get('corsy'))] })).toEqual(['Épicerie Solidaire de Corsy']);
    expect((await names({ neighbourhoodIds: [String(hoods.get('beisson')), String(hoods.get('puyricard'))] })).sort()).toEqual(
      ['Zèbre Mutuelle des Aînés', 'éveil musical des Facultés'].sort(),
    );
  });

  it('filters by legal form', async () => {
    expect(await names({ legalForms: ['SCOP', 'MUTUAL'] })).toEqual(['Épicerie Solidaire de Corsy', 'Zèbre Mutuelle des Aînés']);
    expect(await names({ legalForms: ['FOUNDATION'] })).toEqual([]);
  });

  it('keeps only organisations serving a priority neighbourhood', async () => {
    const found = await names({ priorityNeighbourhoodsOnly: true });
    expect(found).toEqual(['Compagnie des Places', 'Épicerie Solidaire de Corsy', 'éveil musical des Facultés']);
    expect(await names({ priorityNeighbourhoodsOnly: false })).toHaveLength(publicActive().length);
  });

  it('finds the organisations within a circle', async () => {
    const corsy = hood('corsy');
    expect(await names({ near: { lat: corsy.lat, lng: corsy.lng, radiusMeters: 300 } })).toEqual(['Épicerie Solidaire de Corsy']);
    const se = hood('saint-eutrope');
    const around = await names({ near: { lat: se.lat, lng: se.lng, radiusMeters: 400 } });
    expect(around.sort()).toEqual(fillers.map((f) => f.name).sort());
    // About 1.4 km from Corsy to the historic centre: a 2 km circle takes both, no more than that.
    const wide = await names({ near: { lat: corsy.lat, lng: corsy.lng, radiusMeters: 2000 } });
    expect(wide).toEqual(expect.arrayContaining(['Épicerie Solidaire de Corsy', 'Théâtre de l’Arc']));
    expect(wide).not.toContain('Zèbre Mutuelle des Aînés');
  });
});

describe('filters combined', () => {
  it('intersects search and neighbourhood', async () => {
    expect(await names({ search: 'theatre', neighbourhoodIds: [String(hoods.get('encagnane'))] })).toEqual(['Compagnie des Places']);
  });

  it('intersects a parent domain and priority neighbourhoods', async () => {
    expect((await names({ domainIds: [String(domains.get('culture'))], priorityNeighbourhoodsOnly: true })).sort()).toEqual(
      ['Compagnie des Places', 'éveil musical des Facultés'].sort(),
    );
  });

  it('intersects legal form and circle', async () => {
    const corsy = hood('corsy');
    const near = { lat: corsy.lat, lng: corsy.lng, radiusMeters: 2000 };
    expect(await names({ legalForms: ['SCOP'], near })).toEqual(['Épicerie Solidaire de Corsy']);
    expect(await names({ legalForms: ['ASSOCIATION'], near, domainIds: [String(domains.get('ess'))] })).toEqual([]);
  });

  it('intersects every filter at once', async () => {
    const enc = hood('encagnane');
    const filter = {
      search: 'théâtre',
      domainIds: [String(domains.get('culture'))],
      neighbourhoodIds: [String(hoods.get('encagnane')), String(hoods.get('centre-historique'))],
      legalForms: ['ASSOCIATION'],
      priorityNeighbourhoodsOnly: true,
      near: { lat: enc.lat, lng: enc.lng, radiusMeters: 1000 },
    };
    const p = await page(filter, 10);
    expect(p.edges.map((e) => e.node.name)).toEqual(['Compagnie des Places']);
    expect(p.totalCount).toBe(1);
  });

  it('counts the matches of the filter, not of the page', async () => {
    const p = await page({ domainIds: [String(domains.get('vie-associative'))] }, 5);
    expect(p.edges).toHaveLength(5);
    expect(p.totalCount).toBe(fillers.length);
  });
});

describe('paging through every result', () => {
  it.each([1, 7, 100])('gives each organisation exactly once, with no gap, in pages of %i', async (size) => {
    const all = byNameKey(publicActive()).map((o) => String(o._id));
    const { ids, pages, totals } = await walk(null, size);
    expect(ids).toEqual(all);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(all.length / size));
    expect([...totals]).toEqual([all.length]);
  });

  it.each([1, 7, 100])('gives each match exactly once while searching, in pages of %i', async (size) => {
    // Every filler matches "quartier" with the same relevance: the order among ties comes from `_id`.
    const reference = (await page({ search: 'quartier' }, 100)).edges.map((e) => e.node.id);
    expect(new Set(reference)).toEqual(new Set(fillers.map((f) => String(f._id))));
    const { ids, totals } = await walk({ search: 'quartier' }, size);
    expect(ids).toEqual(reference);
    expect([...totals]).toEqual([fillers.length]);
  });

  it('does not skip or repeat an organisation when one is added before the cursor during paging', async () => {
    const first = await page(null, 10);
    const late = await makeOrganisation({ name: 'AAA Arrivée Tardive', description: 'Créée pendant que le client parcourt les pages.' });
    try {
      const seen = first.edges.map((e) => e.node.id);
      let after = first.pageInfo.endCursor;
      for (;;) {
        const p = await page(null, 10, after);
        seen.push(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(seen).toEqual(byNameKey(publicActive()).map((o) => String(o._id)));
    } finally {
      await OrganisationModel.deleteOne({ _id: late._id });
    }
  });
});

describe('one organisation', () => {
  const ONE = 'query($id: ID!) { organisation(id: $id) { id name rna legalForm description domains { code } neighbourhoods { code } } }';

  it('returns it by id', async () => {
    const res = dataOf(await server.gql(ONE, { id: String(orgs.theatre!._id) }));
    expect(res.organisation).toEqual({
      id: String(orgs.theatre!._id),
      name: 'Théâtre de l’Arc',
      rna: orgs.theatre!.rna,
      legalForm: 'ASSOCIATION',
      description: 'Ateliers de pratique amateur pour les habitants du centre.',
      domains: [{ code: 'culture' }],
      neighbourhoods: [{ code: 'centre-historique' }],
    });
  });

  it('returns null for an id that matches nothing', async () => {
    const res = await server.gql(ONE, { id: '0123456789abcdef01234567' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.organisation).toBeNull();
  });
});
