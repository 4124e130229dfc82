// Fetching only what is asked, kept honest: a directory page built from a projection answers every field
// exactly as the whole document does (aliases, fragments, nested objects, the fields permissions read);
// the cached counts and reference lists follow writes made here and writes another instance announces
// through the data version; a bounded search returns the best matches first and says where it stopped.
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { createContext } from '../../../src/context';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { DataVersionModel } from '../../../src/shared/versions';
import { DomainModel } from '../../../src/modules/reference/domain.model';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { connectionNodeProjection, projectionFor } from '../../../src/modules/organisation/organisation.projection';
import { searchOrganisations } from '../../../src/modules/organisation/organisation.service';
import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';

useTestDatabase();
let server: TestServer;
let member: Awaited<ReturnType<typeof makeUser>>;
let ownId: string;
const log = createLogger('silent');

beforeAll(async () => {
  const ref = await seedReference();
  const ess = ref.domainByCode.get('ess')!._id;
  const corsy = ref.neighbourhoodByCode.get('corsy')!._id;
  const own = await makeOrganisation({
    name: 'Atelier Vélo Solidaire',
    acronym: 'AVS',
    domains: [ess],
    neighbourhoods: [corsy],
    address: { street: '1 rue des Cyclistes', postcode: '13100', city: 'Aix-en-Provence' },
    website: 'https://velo.example.org',
    publicEmail: 'contact@velo.example.org',
    privateContact: { name: 'Camille', email: 'camille@velo.example.org' },
    iban: 'FR7630006000011234567890189',
    headcount: { staff: 2, volunteers: 14 },
    labels: ['ESUS'],
  });
  ownId = String(own._id);
  for (let i = 0; i < 4; i++) await makeOrganisation({ name: `Jardin partagé ${i}`, domains: [ess] });
  member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: own._id, role: 'MANAGER' }] });
  server = await startServer();
});
afterAll(() => server.close());

const CARD_FIELDS = `id nom: name acronym legalForm rna siret description
  domains { id code name parent { code } } neighbourhoods { id name isPriority } servesPriorityNeighbourhood
  address { city postcode } location { lat lng } website publicEmail publicPhone
  privateContact { name email } iban headcount { staff volunteers members } labels status isPublic
  members { role user { id } } permissions { canEdit canManageMembers canSeePrivate } createdAt updatedAt`;

describe('a directory page fetches only the fields asked for', () => {
  it('answers every field, aliased, through fragments and nested, exactly as the whole organisation does', async () => {
    const page = dataOf(
      await server.gql(
        `query { organisations(first: 20) { edges { node { ...Card ... on Organisation { seen: isPublic } } } } }
         fragment Card on Organisation { ${CARD_FIELDS} }`,
        {},
        member.token,
      ),
    );
    const nodes = page.organisations.edges.map((e: { node: { id: string } }) => e.node);
    expect(nodes).toHaveLength(5);
    for (const node of nodes) {
      const one = dataOf(await server.gql(`query($id: ID!) { organisation(id: $id) { ${CARD_FIELDS} seen: isPublic } }`, { id: node.id }, member.token));
      expect(node).toEqual(one.organisation);
    }
    const own = nodes.find((n: { id: string }) => n.id === ownId);
    // The fields the permission checks read came along: the manager sees the private ones and may edit.
    expect(own).toMatchObject({ nom: 'Atelier Vélo Solidaire', iban: 'FR7630006000011234567890189', privateContact: { name: 'Camille' } });
    expect(own.permissions).toEqual({ canEdit: true, canManageMembers: true, canSeePrivate: true });
    expect(own.members).toEqual([{ role: 'MANAGER', user: { id: member.id } }]);
  });

  it('derives the projection from the selection, with what the policies read, and falls back to whole documents for a field it does not know', () => {
    const doc = parse(`query { organisations { totalCount edges { cursor node { ...A ... on Organisation { loc: location { lat } } } } } }
      fragment A on Organisation { id name servesPriorityNeighbourhood permissions { canEdit } }`);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const fragments = { A: doc.definitions[1] as FragmentDefinitionNode };
    const projection = connectionNodeProjection({ fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments });
    expect(projection).toEqual({ _id: 1, isPublic: 1, status: 1, name: 1, neighbourhoods: 1, location: 1 });
    expect(projectionFor(['name', 'grantApplications'])).toBeUndefined();
  });
});

describe('the cached counts and reference lists', () => {
  const COUNT = '{ organisations(first: 1) { totalCount } }';
  const count = async () => dataOf(await server.gql(COUNT)).organisations.totalCount as number;

  it('count a new organisation at once when it is written here', async () => {
    const before = await count();
    expect(await count()).toBe(before);
    await makeOrganisation({ name: 'Nouvelle venue' });
    expect(await count()).toBe(before + 1);
  });

  it('follow a write another instance announces through the data version', async () => {
    const before = await count();
    // Another instance's write: straight to the collection (no hook here), then its version bump.
    await OrganisationModel.collection.insertOne({
      name: 'Venue d’ailleurs',
      nameKey: 'venue d’ailleurs',
      legalForm: 'OTHER',
      status: 'ACTIVE',
      isPublic: true,
      domains: [],
      neighbourhoods: [],
    });
    expect(await count()).toBe(before);
    await DataVersionModel.collection.updateOne({ _id: 'organisations' as never }, { $set: { token: new Types.ObjectId() } }, { upsert: true });
    expect(await count()).toBe(before + 1);
  });

  it('show a renamed domain on the next request, here or announced by another instance', async () => {
    const NAMES = `query($id: ID!) { organisation(id: $id) { domains { name } } }`;
    const name = async () => dataOf(await server.gql(NAMES, { id: ownId })).organisation.domains[0].name as string;
    expect(await name()).toBe('Économie sociale et solidaire');
    await DomainModel.updateOne({ code: 'ess' }, { $set: { name: 'ESS' } });
    expect(await name()).toBe('ESS');
    await DomainModel.collection.updateOne({ code: 'ess' }, { $set: { name: 'Économie solidaire' } });
    expect(await name()).toBe('ESS');
    await DataVersionModel.collection.updateOne({ _id: 'reference' as never }, { $set: { token: new Types.ObjectId() } }, { upsert: true });
    expect(await name()).toBe('Économie solidaire');
  });

  it('still read polygons when geometry is asked, though the cached neighbourhoods hold none', async () => {
    const data = dataOf(await server.gql('{ neighbourhoods { code geometry } }'));
    expect(data.neighbourhoods.length).toBeGreaterThan(10);
    for (const n of data.neighbourhoods) expect(n.geometry.type).toBe('Polygon');
  });
});

describe('a bounded text search', () => {
  it('returns the best matches first, stops at the bound and still counts every match', async () => {
    // 12 organisations naming "potager" (weighs 10) and 12 only describing it (weighs 2).
    for (let i = 0; i < 12; i++) {
      await makeOrganisation({ name: `Potager ${i} des Lilas`, description: 'Une association de quartier.' });
      await makeOrganisation({ name: `Quartier ${i}`, description: 'Nous cultivons un potager pour les voisins.' });
    }
    const ctx = createContext({ config: testConfig(), log }, null);
    const page1 = await searchOrganisations(ctx, { search: 'potager' }, { first: 6 }, { candidates: 10 });
    expect(page1.nodes.map((n) => n.name).every((name) => name.startsWith('Potager'))).toBe(true);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await searchOrganisations(ctx, { search: 'potager' }, { first: 6, after: page1.pageInfo.endCursor }, { candidates: 10 });
    // Only the 10 best: 4 more, all still of the better kind, then the search says it stopped.
    expect(page2.nodes).toHaveLength(4);
    expect(page2.nodes.every((n) => n.name.startsWith('Potager'))).toBe(true);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(await page2.totalCount()).toBe(24);
    const seen = [...page1.nodes, ...page2.nodes].map((n) => String(n._id));
    expect(new Set(seen).size).toBe(10);
  });

  it('pages through every match, once each and in order of relevance, when they fit under the bound', async () => {
    const ctx = createContext({ config: testConfig(), log }, null);
    const all = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof searchOrganisations>> = await searchOrganisations(ctx, { search: 'potager' }, { first: 5, after });
      all.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(all).toHaveLength(24);
    expect(new Set(all.map((n) => String(n._id))).size).toBe(24);
    const scores = all.map((n) => (n as unknown as { score: number }).score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
