// Who sees what in the directory, role by role, through HTTP: private fields come back null, private
// organisations are absent from lists and `organisation(id)` is null for those not allowed.
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import type { OrganisationDoc } from '../../../src/modules/organisation/organisation.model';

useTestDatabase();
let server: TestServer;

const FIELDS = `id name iban privateContact { name email phone }
  members { role title user { id name email } }
  permissions { canEdit canManageMembers canSeePrivate }`;
const ONE = `query($id: ID!) { organisation(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: OrganisationFilter) { organisations(filter: $filter, first: 100) { totalCount edges { node { ${FIELDS} } } } }`;

type Who = 'anonymous' | 'outsider' | 'member' | 'coordinator' | 'officer' | 'admin';
const tokens: Record<Who, string | null> = { anonymous: null, outsider: '', member: '', coordinator: '', officer: '', admin: '' };
let open: OrganisationDoc;
let closed: OrganisationDoc;
let memberId: string;
let closedMemberToken: string;

const PRIVATE_CONTACT = { name: 'Camille Martin', email: 'camille@example.test', phone: '06 12 34 56 78' };

beforeAll(async () => {
  server = await startServer();
  open = await makeOrganisation({ name: 'Maison Ouverte', iban: 'FR7630004000031234567890143', privateContact: PRIVATE_CONTACT });
  closed = await makeOrganisation({ name: 'Cercle Fermé', isPublic: false, iban: 'FR7630004000031234567890143', privateContact: PRIVATE_CONTACT });
  const member = await makeUser({ role: 'MEMBER', name: 'Marc Membre', memberOf: [{ organisation: open._id, role: 'MANAGER' }] });
  memberId = member.id;
  tokens.member = member.token;
  tokens.outsider = (await makeUser({ role: 'MEMBER' })).token;
  tokens.coordinator = (await makeUser({ role: 'COORDINATOR' })).token;
  tokens.officer = (await makeUser({ role: 'OFFICER' })).token;
  tokens.admin = (await makeUser({ role: 'ADMIN' })).token;
  closedMemberToken = (await makeUser({ role: 'MEMBER', memberOf: [{ organisation: closed._id, role: 'EDITOR' }] })).token;
});
afterAll(() => server.close());

const one = async (who: Who, id: unknown) => dataOf(await server.gql(ONE, { id: String(id) }, tokens[who])).organisation;
const listed = async (token: string | null) =>
  dataOf(await server.gql(LIST, {}, token)).organisations.edges.map((e: { node: { id: string } }) => e.node.id) as string[];

describe('iban and private contact', () => {
  it.each<[Who, boolean]>([
    ['anonymous', false],
    ['outsider', false],
    ['coordinator', false],
    ['member', true],
    ['officer', true],
    ['admin', true],
  ])('are %s: shown = %p, else null (never an error)', async (who, shown) => {
    const res = await server.gql(ONE, { id: String(open._id) }, tokens[who]);
    expect(res.body.errors).toBeUndefined();
    const org = res.body.data.organisation;
    expect(org.iban).toBe(shown ? 'FR7630004000031234567890143' : null);
    expect(org.privateContact).toEqual(shown ? PRIVATE_CONTACT : null);
    expect(org.permissions.canSeePrivate).toBe(shown);
  });

  it('are hidden the same way in the list as in `organisation(id)`', async () => {
    const res = dataOf(await server.gql(LIST, {}, tokens.outsider));
    const node = res.organisations.edges.find((e: { node: { id: string } }) => e.node.id === String(open._id)).node;
    expect(node.iban).toBeNull();
    expect(node.privateContact).toBeNull();
    const mine = dataOf(await server.gql(LIST, {}, tokens.member));
    expect(mine.organisations.edges.find((e: { node: { id: string } }) => e.node.id === String(open._id)).node.iban).toBe('FR7630004000031234567890143');
  });
});

describe('members', () => {
  it.each<[Who, boolean]>([
    ['anonymous', false],
    ['outsider', false],
    ['coordinator', true],
    ['member', true],
    ['officer', true],
    ['admin', true],
  ])('are listed to the %s: %p, else null', async (who, shown) => {
    const org = await one(who, open._id);
    if (!shown) expect(org.members).toBeNull();
    else expect(org.members).toEqual([{ role: 'MANAGER', title: null, user: expect.objectContaining({ id: memberId, name: 'Marc Membre' }) }]);
  });

  it("show a member's email only to the person and to staff", async () => {
    expect((await one('coordinator', open._id)).members[0].user.email).toBeNull();
    expect((await one('member', open._id)).members[0].user.email).toMatch(/@example\.test$/);
    expect((await one('officer', open._id)).members[0].user.email).toMatch(/@example\.test$/);
  });
});

describe('permissions', () => {
  it.each<[Who, boolean, boolean]>([
    ['anonymous', false, false],
    ['outsider', false, false],
    ['coordinator', false, false],
    ['member', true, true],
    ['officer', true, true],
    ['admin', true, true],
  ])('tell the %s whether they may edit (%p) and manage members (%p)', async (who, canEdit, canManageMembers) => {
    expect((await one(who, open._id)).permissions).toMatchObject({ canEdit, canManageMembers });
  });
});

describe('a non-public organisation', () => {
  it.each<[Who, boolean]>([
    ['anonymous', false],
    ['outsider', false],
    ['member', false],
    ['coordinator', true],
    ['officer', true],
    ['admin', true],
  ])('is visible to the %s: %p (absent from lists and null by id otherwise)', async (who, visible) => {
    const ids = await listed(tokens[who]);
    expect(ids.includes(String(closed._id))).toBe(visible);
    expect(ids).toContain(String(open._id));
    const org = await one(who, closed._id);
    if (visible) expect(org).toMatchObject({ id: String(closed._id), name: 'Cercle Fermé' });
    else expect(org).toBeNull();
  });

  it('is visible to its own members, in lists and by id, with its private fields', async () => {
    expect(await listed(closedMemberToken)).toContain(String(closed._id));
    const org = dataOf(await server.gql(ONE, { id: String(closed._id) }, closedMemberToken)).organisation;
    expect(org.iban).toBe('FR7630004000031234567890143');
  });

  it('is not counted in totalCount for those who cannot see it', async () => {
    const anonymous = dataOf(await server.gql(LIST, {}, null)).organisations.totalCount;
    const admin = dataOf(await server.gql(LIST, {}, tokens.admin)).organisations.totalCount;
    expect(admin).toBe(anonymous + 1);
  });

  it('is found by its own members when they search, filter by place or page', async () => {
    const search = dataOf(await server.gql(LIST, { filter: { search: 'Cercle Fermé' } }, closedMemberToken));
    expect(search.organisations.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([String(closed._id)]);
    const near = dataOf(await server.gql(LIST, { filter: { near: { lat: 43.5283, lng: 5.4474, radiusMeters: 100 } } }, closedMemberToken));
    expect(near.organisations.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(String(closed._id));
  });

  it('cannot be found by searching its name', async () => {
    const res = dataOf(await server.gql(LIST, { filter: { search: 'Cercle Fermé' } }, null));
    expect(res.organisations.edges).toEqual([]);
    expect(res.organisations.totalCount).toBe(0);
  });
});
