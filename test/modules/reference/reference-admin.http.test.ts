// Reference data administered through HTTP: only admins change domains and neighbourhoods; bad input and
// bad shapes are refused on the field (the ring) at fault; the tree never gets a cycle, even under
// concurrent edits; archived entries leave the lists and filters and stay on records; every change is in
// the trail; and the city-bounds check and neighbourhoodAt follow the shapes. No seeds: the data here is
// made by these operations, in no particular city.
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { fakeRna, makeOrganisation, makeRoles } from '../../helpers/factories';

useTestDatabase();
let server: TestServer;
let people: Awaited<ReturnType<typeof makeRoles>>;

const DOMAIN_FIELDS = 'id code name description proposal archivedAt parent { code } children { code }';
const CREATE_DOMAIN = `mutation($input: CreateDomainInput!) { createDomain(input: $input) { domain { ${DOMAIN_FIELDS} } errors { code message field } } }`;
const UPDATE_DOMAIN = `mutation($id: ID!, $input: UpdateDomainInput!) { updateDomain(id: $id, input: $input) { domain { ${DOMAIN_FIELDS} } errors { code message field } } }`;
const ARCHIVE_DOMAIN = `mutation($id: ID!) { archiveDomain(id: $id) { domain { ${DOMAIN_FIELDS} } errors { code message field } } }`;
const HOOD_FIELDS = 'id code name isPriority population geometry archivedAt';
const CREATE_HOOD = `mutation($input: CreateNeighbourhoodInput!) { createNeighbourhood(input: $input) { neighbourhood { ${HOOD_FIELDS} } errors { code message field } } }`;
const UPDATE_HOOD = `mutation($id: ID!, $input: UpdateNeighbourhoodInput!) { updateNeighbourhood(id: $id, input: $input) { neighbourhood { ${HOOD_FIELDS} } errors { code message field } } }`;
const ARCHIVE_HOOD = `mutation($id: ID!) { archiveNeighbourhood(id: $id) { neighbourhood { ${HOOD_FIELDS} } errors { code message field } } }`;
const HISTORY = `query($id: ID!) { domain(id: $id) { history(first: 10) { totalCount edges { node { action actor { id } fromStatus toStatus changes { field before after } } } } } }`;
const HOOD_HISTORY = `query($id: ID!) { neighbourhood(id: $id) { history(first: 10) { edges { node { action actor { id } changes { field before after } } } } } }`;

const ring = (x: number, y: number, w: number, h: number) => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
  [x, y],
];

beforeAll(async () => {
  server = await startServer();
  people = await makeRoles();
});
afterAll(() => server.close());

async function createDomain(input: Record<string, unknown>) {
  const res = dataOf(await server.gql(CREATE_DOMAIN, { input }, people.admin.token)).createDomain;
  expect(res.errors).toEqual([]);
  return res.domain as { id: string; code: string; proposal: number };
}
async function createHood(input: Record<string, unknown>) {
  const res = dataOf(await server.gql(CREATE_HOOD, { input }, people.admin.token)).createNeighbourhood;
  expect(res.errors).toEqual([]);
  return res.neighbourhood as { id: string; code: string };
}

describe('domains, administered', () => {
  it('are created by an admin, a sub-domain serving its parent’s proposal, and listed at once', async () => {
    const sport = await createDomain({ code: 'sport', name: 'Sport pour tous', proposal: 7, description: 'Clubs et pratiques libres.' });
    const child = dataOf(await server.gql(CREATE_DOMAIN, { input: { code: 'sport-adapte', name: 'Sport adapté', parentId: sport.id } }, people.admin.token));
    expect(child.createDomain.domain).toMatchObject({ code: 'sport-adapte', proposal: 7, parent: { code: 'sport' }, archivedAt: null });
    const { domains } = dataOf(await server.gql('{ domains { code children { code } } }'));
    expect(domains).toEqual([
      { code: 'sport', children: [{ code: 'sport-adapte' }] },
      { code: 'sport-adapte', children: [] },
    ]);
  });

  it('are changed by admins only', async () => {
    const input = { code: 'culture-x', name: 'Culture', proposal: 3 };
    for (const who of [people.officer, people.coordinator, people.member]) {
      const res = await server.gql(CREATE_DOMAIN, { input }, who.token);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await server.gql(CREATE_DOMAIN, { input })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(dataOf(await server.gql('{ domains { code } }')).domains.map((d: { code: string }) => d.code)).not.toContain('culture-x');
  });

  it('refuse bad input with every problem at once, each on its field', async () => {
    const res = dataOf(
      await server.gql(CREATE_DOMAIN, { input: { code: 'Pas Bon', name: ' ', proposal: 0, description: 'x'.repeat(1001) } }, people.admin.token),
    );
    expect(res.createDomain.domain).toBeNull();
    expect(res.createDomain.errors.map((e: { field: string }) => e.field).sort()).toEqual(['input.code', 'input.description', 'input.name', 'input.proposal']);
    const noProposal = dataOf(await server.gql(CREATE_DOMAIN, { input: { code: 'sans-proposition', name: 'Sans' } }, people.admin.token));
    expect(noProposal.createDomain.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.proposal', message: 'A top-level domain needs the number of the proposal it serves (1 to 99).' },
    ]);
    const twice = dataOf(await server.gql(CREATE_DOMAIN, { input: { code: 'sport', name: 'Encore', proposal: 1 } }, people.admin.token));
    expect(twice.createDomain.errors).toEqual([{ code: 'CONFLICT', field: 'input.code', message: expect.stringMatching(/exists already/) }]);
  });

  it('form a two-level tree without cycles: no own parent, no sub-domain as parent, no parent for a domain with sub-domains', async () => {
    const a = await createDomain({ code: 'tree-a', name: 'Arbre A', proposal: 1 });
    const b = await createDomain({ code: 'tree-b', name: 'Arbre B', parentId: a.id });
    const c = await createDomain({ code: 'tree-c', name: 'Arbre C', proposal: 2 });
    const refusal = async (id: string, parentId: string) =>
      dataOf(await server.gql(UPDATE_DOMAIN, { id, input: { parentId } }, people.admin.token)).updateDomain.errors;
    expect(await refusal(a.id, a.id)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.parentId', message: 'A domain cannot be its own parent.' }]);
    expect(await refusal(a.id, b.id)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.parentId', message: expect.stringMatching(/making it the parent would make a cycle/) },
    ]);
    expect(await refusal(c.id, b.id)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.parentId', message: expect.stringMatching(/is itself a sub-domain: domains have two levels/) },
    ]);
    const moved = dataOf(await server.gql(UPDATE_DOMAIN, { id: b.id, input: { parentId: c.id, name: 'Arbre B2' } }, people.admin.token)).updateDomain;
    expect(moved.domain).toMatchObject({ name: 'Arbre B2', parent: { code: 'tree-c' } });
    expect(await refusal(c.id, a.id)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.parentId', message: expect.stringMatching(/has sub-domains in use \(Arbre B2\): it stays top-level/) },
    ]);
    const root = dataOf(await server.gql(UPDATE_DOMAIN, { id: b.id, input: { parentId: null } }, people.admin.token)).updateDomain;
    expect(root.domain.parent).toBeNull();
  });

  it('never end in a cycle when two admins make each domain the other’s parent at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const x = await createDomain({ code: `race-x-${round}`, name: `Course X ${round}`, proposal: 4 });
      const y = await createDomain({ code: `race-y-${round}`, name: `Course Y ${round}`, proposal: 4 });
      const [rx, ry] = await Promise.all([
        server.gql(UPDATE_DOMAIN, { id: x.id, input: { parentId: y.id } }, people.admin.token),
        server.gql(UPDATE_DOMAIN, { id: y.id, input: { parentId: x.id } }, people.admin.token),
      ]);
      const outcomes = [dataOf(rx).updateDomain, dataOf(ry).updateDomain];
      const { domains } = dataOf(await server.gql('{ domains { code parent { code parent { code } } } }'));
      const pair = domains.filter((d: { code: string }) => d.code.endsWith(`-${round}`));
      // At most one of them has a parent, and a parent never has one.
      expect(pair.filter((d: { parent: unknown }) => d.parent).length).toBeLessThanOrEqual(1);
      expect(pair.every((d: { parent: { parent: unknown } | null }) => !d.parent?.parent)).toBe(true);
      // Each request was either applied or refused with a reason, never a server error.
      for (const o of outcomes) expect(o.domain !== null || o.errors.length > 0).toBe(true);
      expect(outcomes.filter((o) => o.domain).length).toBe(pair.filter((d: { parent: unknown }) => d.parent).length);
    }
  });

  it('once archived, leave the lists and filters, stay on the organisations that carry them, and are read by staff only', async () => {
    const parent = await createDomain({ code: 'jeunesse', name: 'Jeunesse', proposal: 9 });
    const child = await createDomain({ code: 'colonies', name: 'Colonies de vacances', parentId: parent.id });
    const org = await makeOrganisation({ name: 'Les Colons', domains: [child.id], location: undefined });
    const refused = dataOf(await server.gql(ARCHIVE_DOMAIN, { id: parent.id }, people.admin.token)).archiveDomain;
    expect(refused.errors).toEqual([
      { code: 'CONFLICT', field: 'id', message: expect.stringMatching(/has sub-domains in use \(Colonies de vacances\): archive or move them first/) },
    ]);

    const archived = dataOf(await server.gql(ARCHIVE_DOMAIN, { id: child.id }, people.admin.token)).archiveDomain;
    expect(archived.domain.archivedAt).toEqual(expect.any(String));
    const codes = async (query: string, token?: string) => dataOf(await server.gql(query, {}, token)).domains.map((d: { code: string }) => d.code);
    expect(await codes('{ domains { code } }')).not.toContain('colonies');
    expect(dataOf(await server.gql('query($id: ID!) { domain(id: $id) { code children { code } } }', { id: parent.id })).domain.children).toEqual([]);
    expect(dataOf(await server.gql('query($id: ID!) { domain(id: $id) { code } }', { id: child.id })).domain).toBeNull();
    expect(dataOf(await server.gql('query($id: ID!) { domain(id: $id) { code } }', { id: child.id }, people.officer.token)).domain).toEqual({
      code: 'colonies',
    });
    expect(await codes('{ domains(includeArchived: true) { code } }', people.officer.token)).toContain('colonies');
    expect((await server.gql('{ domains(includeArchived: true) { code } }', {}, people.member.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The organisation's record still names it.
    const seen = dataOf(await server.gql('query($id: ID!) { organisation(id: $id) { domains { code archivedAt } } }', { id: String(org._id) }));
    expect(seen.organisation.domains).toEqual([{ code: 'colonies', archivedAt: archived.domain.archivedAt }]);
    // It may stay where it is, but nobody chooses it anew.
    const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { errors { code field message } } }`;
    const keep = await server.gql(
      UPDATE_ORG,
      { id: String(org._id), input: { domainIds: [child.id], description: 'Séjours de vacances pour les enfants du quartier.' } },
      people.admin.token,
    );
    expect(dataOf(keep).updateOrganisation.errors).toEqual([]);
    const other = await makeOrganisation({ name: 'Les Autres', location: undefined });
    const choose = await server.gql(UPDATE_ORG, { id: String(other._id), input: { domainIds: [child.id] } }, people.admin.token);
    expect(dataOf(choose).updateOrganisation.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.domainIds', message: '"Colonies de vacances" is archived: choose a domain in use.' },
    ]);
    // The map's filter refuses it, saying why.
    const map = await server.get('/api/organisations.geojson?domain=colonies');
    expect(map.status).toBe(400);
    expect(await map.json()).toEqual({
      errors: [
        {
          message: 'Archived domain: colonies. See the lists of domains in use.',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'domain' }),
        },
      ],
    });
    // No more edits; archiving twice changes nothing.
    const edit = dataOf(await server.gql(UPDATE_DOMAIN, { id: child.id, input: { name: 'Autre' } }, people.admin.token)).updateDomain;
    expect(edit.errors).toEqual([{ code: 'CONFLICT', field: 'id', message: 'This domain is archived: it can no longer be edited.' }]);
    // Its parent may go now.
    expect(dataOf(await server.gql(ARCHIVE_DOMAIN, { id: parent.id }, people.admin.token)).archiveDomain.errors).toEqual([]);
  });

  it('keep every change in their trail, with who and what, shown to staff only', async () => {
    const d = await createDomain({ code: 'trace', name: 'Traçabilité', proposal: 5 });
    await server.gql(UPDATE_DOMAIN, { id: d.id, input: { name: 'Traçabilité des actions', proposal: 6 } }, people.admin.token);
    await server.gql(UPDATE_DOMAIN, { id: d.id, input: { name: 'Traçabilité des actions' } }, people.admin.token);
    await server.gql(ARCHIVE_DOMAIN, { id: d.id }, people.admin.token);
    const { history } = dataOf(await server.gql(HISTORY, { id: d.id }, people.officer.token)).domain;
    expect(history.totalCount).toBe(3);
    const [archive, update, create] = history.edges.map((e: { node: unknown }) => e.node);
    expect(archive).toMatchObject({ action: 'ARCHIVE', actor: { id: people.admin.id }, fromStatus: 'IN_USE', toStatus: 'ARCHIVED' });
    expect(update).toMatchObject({
      action: 'UPDATE',
      changes: [
        { field: 'name', before: 'Traçabilité', after: 'Traçabilité des actions' },
        { field: 'proposal', before: '5', after: '6' },
      ],
    });
    expect(create.action).toBe('CREATE');
    expect(create.changes).toEqual(expect.arrayContaining([{ field: 'code', before: null, after: 'trace' }]));
    const officerView = dataOf(await server.gql(HISTORY, { id: d.id }, people.member.token)).domain;
    expect(officerView).toBeNull(); // archived: not for the public
    const live = await createDomain({ code: 'trace-vivante', name: 'Trace vivante', proposal: 5 });
    expect(dataOf(await server.gql(HISTORY, { id: live.id }, people.member.token)).domain.history).toBeNull();
    expect(dataOf(await server.gql(HISTORY, { id: live.id })).domain.history).toBeNull();
  });
});

describe('neighbourhoods, administered', () => {
  it('are created with a Polygon or a MultiPolygon kept as given, and listed priority ones first', async () => {
    const plain = await createHood({ code: 'centre-bourg', name: 'Centre-bourg', geometry: { polygon: [ring(2.0, 46.0, 0.02, 0.01)] }, population: 3200 });
    const qpv = dataOf(
      await server.gql(
        CREATE_HOOD,
        {
          input: {
            code: 'QN09901M',
            name: 'Les Peupliers',
            isPriority: true,
            geometry: { multiPolygon: [[ring(2.03, 46.0, 0.01, 0.01), ring(2.033, 46.003, 0.002, 0.002)], [ring(2.05, 46.0, 0.005, 0.004)]] },
          },
        },
        people.admin.token,
      ),
    ).createNeighbourhood;
    expect(qpv.errors).toEqual([]);
    expect(qpv.neighbourhood.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [[ring(2.03, 46.0, 0.01, 0.01), ring(2.033, 46.003, 0.002, 0.002)], [ring(2.05, 46.0, 0.005, 0.004)]],
    });
    const { neighbourhoods } = dataOf(await server.gql('{ neighbourhoods { code isPriority } }'));
    expect(neighbourhoods).toEqual([
      { code: 'QN09901M', isPriority: true },
      { code: plain.code, isPriority: false },
    ]);
    const shapes = (await (await server.get('/api/neighbourhoods.geojson')).json()) as {
      features: { geometry: { type: string }; properties: { code: string } }[];
    };
    expect(shapes.features.map((f) => f.geometry.type)).toEqual(['MultiPolygon', 'Polygon']);
  });

  it('refuse a shape the spatial index would refuse, naming the ring at fault, and store nothing', async () => {
    const bowtie = [
      [2.1, 46.0],
      [2.11, 46.01],
      [2.11, 46.0],
      [2.1, 46.01],
      [2.1, 46.0],
    ];
    const refuse = async (geometry: unknown) =>
      dataOf(await server.gql(CREATE_HOOD, { input: { code: 'mauvais', name: 'Mauvais', geometry } }, people.admin.token)).createNeighbourhood;
    expect((await refuse({ multiPolygon: [[ring(2.1, 46.0, 0.01, 0.01)], [bowtie]] })).errors).toEqual([
      {
        code: 'BAD_USER_INPUT',
        field: 'input.geometry.multiPolygon[1][0]',
        message: 'Polygon 1, ring 0 (the outline) crosses itself: its edges 0 and 2 meet. Draw it without a loop or a figure of eight.',
      },
    ]);
    expect((await refuse({ polygon: [ring(2.1, 46.0, 0.01, 0.01).slice(0, 4)] })).errors).toEqual([
      {
        code: 'BAD_USER_INPUT',
        field: 'input.geometry.polygon[0]',
        message: 'Ring 0 (the outline) is not closed: its last position must repeat its first, [2.1, 46].'.replace('Ring', 'ring'),
      },
    ]);
    expect(
      (
        await refuse({
          polygon: [
            [
              [2.1, 46],
              [2.2, 96],
              [2.3, 46],
              [2.1, 46],
            ],
          ],
        })
      ).errors[0],
    ).toMatchObject({ field: 'input.geometry.polygon[0][1]', message: expect.stringMatching(/out of range/) });
    expect((await refuse({ polygon: [ring(2.1, 46.0, 0.01, 0.01), ring(2.5, 46.5, 0.001, 0.001)] })).errors[0]).toMatchObject({
      field: 'input.geometry.polygon[1]',
      message: expect.stringMatching(/not inside the outline/),
    });
    expect((await refuse({ polygon: [ring(2.1, 46.0, 0.01, 0.01)], multiPolygon: [[ring(2.1, 46.0, 0.01, 0.01)]] })).errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.geometry', message: 'Give the shape as exactly one of `polygon` and `multiPolygon`.' },
    ]);
    const codes = dataOf(await server.gql('{ neighbourhoods { code } }')).neighbourhoods.map((n: { code: string }) => n.code);
    expect(codes).not.toContain('mauvais');
  });

  it('are changed by admins only, and a code is unique', async () => {
    const input = { code: 'interdit', name: 'Interdit', geometry: { polygon: [ring(2.2, 46.0, 0.01, 0.01)] } };
    for (const who of [people.officer, people.member])
      expect((await server.gql(CREATE_HOOD, { input }, who.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const dup = dataOf(await server.gql(CREATE_HOOD, { input: { ...input, code: 'centre-bourg' } }, people.admin.token)).createNeighbourhood;
    expect(dup.errors).toEqual([{ code: 'CONFLICT', field: 'input.code', message: expect.stringMatching(/exists already/) }]);
  });

  it('are edited with their shape, the trail saying which shape it was without copying its coordinates', async () => {
    const h = await createHood({ code: 'gare', name: 'Gare', geometry: { polygon: [ring(2.3, 46.0, 0.01, 0.01)] } });
    const edited = dataOf(
      await server.gql(
        UPDATE_HOOD,
        { id: h.id, input: { name: 'Quartier de la gare', isPriority: true, geometry: { polygon: [ring(2.3, 46.0, 0.02, 0.01)] } } },
        people.admin.token,
      ),
    ).updateNeighbourhood;
    expect(edited.neighbourhood).toMatchObject({
      name: 'Quartier de la gare',
      isPriority: true,
      geometry: { type: 'Polygon', coordinates: [ring(2.3, 46.0, 0.02, 0.01)] },
    });
    const { edges } = dataOf(await server.gql(HOOD_HISTORY, { id: h.id }, people.admin.token)).neighbourhood.history;
    const change = edges[0].node;
    expect(change.action).toBe('UPDATE');
    expect(change.actor).toEqual({ id: people.admin.id });
    expect(change.changes.map((c: { field: string }) => c.field)).toEqual(['geometry', 'isPriority', 'name']);
    const geometry = change.changes[0];
    expect(geometry.before).toMatch(/^Polygon: 1 polygon, 5 positions #[0-9a-f]{8}$/);
    expect(geometry.after).toMatch(/^Polygon: 1 polygon, 5 positions #[0-9a-f]{8}$/);
    expect(geometry.after).not.toBe(geometry.before);
  });
});

describe('neighbourhoodAt and the city’s bounds', () => {
  let inner: { id: string };
  beforeAll(async () => {
    // A priority neighbourhood inside a larger plain one: where they overlap, the priority one answers.
    await createHood({ code: 'plateau', name: 'Plateau', geometry: { polygon: [ring(3.0, 45.0, 0.04, 0.04)] } });
    inner = await createHood({ code: 'QN09902M', name: 'Les Hauts', isPriority: true, geometry: { polygon: [ring(3.01, 45.01, 0.01, 0.01)] } });
  });

  it('names the neighbourhood under a point, the priority one first, and null outside every shape', async () => {
    const at = async (lat: number, lng: number) =>
      dataOf(await server.gql('query($lat: Float!, $lng: Float!) { neighbourhoodAt(lat: $lat, lng: $lng) { code } }', { lat, lng })).neighbourhoodAt;
    expect(await at(45.015, 3.015)).toEqual({ code: 'QN09902M' });
    expect(await at(45.035, 3.035)).toEqual({ code: 'plateau' });
    expect(await at(10, 10)).toBeNull();
    const bad = await server.gql('{ neighbourhoodAt(lat: 95, lng: 3) { code } }');
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lat' });
  });

  it('accepts an organisation located in a neighbourhood, which it then serves, and refuses one outside them all', async () => {
    const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { neighbourhoods { code } location { lat lng } } errors { field message } } }`;
    const input = (location: { lat: number; lng: number }) => ({
      name: 'Les Amis du Plateau',
      legalForm: 'ASSOCIATION',
      rna: fakeRna(880000 + Math.floor(location.lat)),
      description: 'Une association du plateau.',
      location,
    });
    const inside = dataOf(await server.gql(CREATE, { input: input({ lat: 45.015, lng: 3.015 }) }, people.officer.token)).createOrganisation;
    expect(inside.errors).toEqual([]);
    expect(inside.organisation.neighbourhoods.map((n: { code: string }) => n.code).sort()).toEqual(['QN09902M', 'plateau']);
    const outside = dataOf(await server.gql(CREATE, { input: input({ lat: 48.85, lng: 2.35 }) }, people.officer.token)).createOrganisation;
    expect(outside.errors).toEqual([
      {
        field: 'input.location',
        message: 'The location must be inside the city (one of its neighbourhoods, or its outline). Check that latitude and longitude are not swapped.',
      },
    ]);
  });

  it('leaves an archived neighbourhood out of the lists, the map, neighbourhoodAt and the bounds, keeping it on past records', async () => {
    const org = await makeOrganisation({ name: 'Les Hauts Solidaires', neighbourhoods: [inner.id], location: { type: 'Point', coordinates: [3.015, 45.015] } });
    expect(dataOf(await server.gql(ARCHIVE_HOOD, { id: inner.id }, people.admin.token)).archiveNeighbourhood.errors).toEqual([]);
    const codes = dataOf(await server.gql('{ neighbourhoods { code } }')).neighbourhoods.map((n: { code: string }) => n.code);
    expect(codes).not.toContain('QN09902M');
    expect(dataOf(await server.gql('{ neighbourhoods(priorityOnly: true) { code } }')).neighbourhoods.map((n: { code: string }) => n.code)).not.toContain(
      'QN09902M',
    );
    const shapes = (await (await server.get('/api/neighbourhoods.geojson')).json()) as {
      features: { geometry: { type: string }; properties: { code: string } }[];
    };
    expect(shapes.features.map((f) => f.properties.code)).not.toContain('QN09902M');
    expect(dataOf(await server.gql('{ neighbourhoodAt(lat: 45.015, lng: 3.015) { code } }')).neighbourhoodAt).toEqual({ code: 'plateau' });
    const seen = dataOf(await server.gql('query($id: ID!) { organisation(id: $id) { neighbourhoods { code archivedAt } } }', { id: String(org._id) }));
    expect(seen.organisation.neighbourhoods).toEqual([{ code: 'QN09902M', archivedAt: expect.any(String) }]);
    const map = await server.get('/api/organisations.geojson?neighbourhood=QN09902M');
    expect(map.status).toBe(400);
  });
});

describe('the city', () => {
  it('is named by its settings', async () => {
    const { city } = dataOf(await server.gql('{ city { name insee siret address publicUrl } apiVersion }'));
    expect(city).toEqual({
      name: server.config.cityName,
      insee: server.config.cityInsee,
      siret: server.config.citySiret,
      address: [...server.config.cityAddress],
      publicUrl: server.config.publicUrl,
    });
  });
});
