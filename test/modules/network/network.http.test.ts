// The network through GraphQL over HTTP: creating and ending partnerships, who may, and the graph.
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeRoles, makeUser } from '../../helpers/factories';
import { DomainModel } from '../../../src/modules/reference/domain.model';
import { hubDegreeThreshold, network, NETWORK_MAX_NODES } from '../../../src/modules/network/network.service';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { PartnershipModel } from '../../../src/modules/network/partnership.model';
import { createContext } from '../../../src/context';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';

useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const CREATE = `mutation($input: CreatePartnershipInput!) {
  createPartnership(input: $input) {
    partnership { id kind since isActive description from { id } to { id } permissions { canEnd } }
    errors { code message field }
  }
}`;
const END = `mutation($id: ID!, $until: Date) {
  endPartnership(id: $id, until: $until) { partnership { id isActive until } errors { code message field } }
}`;
const NETWORK = `query($filter: NetworkFilter) {
  network(filter: $filter) { nodes { organisation { id name } degree isHub isIsolated } edges { id from to kind } truncated hubThreshold }
}`;

describe('createPartnership', () => {
  it('lets a member of one organisation link it to another, and both see it in `partnerships`', async () => {
    const a = await makeOrganisation();
    const b = await makeOrganisation();
    const { token } = await makeUser({ memberOf: [{ organisation: a._id }] });
    const res = dataOf(
      await server.gql(
        CREATE,
        { input: { fromId: String(a._id), toId: String(b._id), kind: 'JOINT_PROJECT', since: '2025-09-01', description: 'Festival de quartier' } },
        token,
      ),
    );
    expect(res.createPartnership.errors).toEqual([]);
    expect(res.createPartnership.partnership).toMatchObject({
      kind: 'JOINT_PROJECT',
      since: '2025-09-01',
      isActive: true,
      description: 'Festival de quartier',
      permissions: { canEnd: true },
    });
    const q = `query($id: ID!) { organisation(id: $id) { partnerships { kind from { id } to { id } } } }`;
    const seenFromB = dataOf(await server.gql(q, { id: String(b._id) }));
    expect(seenFromB.organisation.partnerships).toHaveLength(1);
    expect([seenFromB.organisation.partnerships[0].from.id, seenFromB.organisation.partnerships[0].to.id].sort()).toEqual(
      [String(a._id), String(b._id)].sort(),
    );
  });

  it('refuses a person who belongs to neither organisation, and an anonymous caller', async () => {
    const a = await makeOrganisation();
    const b = await makeOrganisation();
    const { token } = await makeUser();
    const input = { fromId: String(a._id), toId: String(b._id), kind: 'PARTNER' };
    const outsider = await server.gql(CREATE, { input }, token);
    expect(outsider.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.gql(CREATE, { input });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a coordinator link any two organisations', async () => {
    const a = await makeOrganisation();
    const b = await makeOrganisation();
    const { coordinator } = await makeRoles();
    const res = dataOf(await server.gql(CREATE, { input: { fromId: String(a._id), toId: String(b._id), kind: 'FEDERATION_MEMBER' } }, coordinator.token));
    expect(res.createPartnership.partnership).toMatchObject({ from: { id: String(a._id) }, to: { id: String(b._id) } });
  });

  it('refuses the same active link twice, in either direction, with CONFLICT on the kind', async () => {
    const a = await makeOrganisation();
    const b = await makeOrganisation();
    const { coordinator } = await makeRoles();
    dataOf(await server.gql(CREATE, { input: { fromId: String(a._id), toId: String(b._id), kind: 'SHARED_PREMISES' } }, coordinator.token));
    const again = dataOf(await server.gql(CREATE, { input: { fromId: String(b._id), toId: String(a._id), kind: 'SHARED_PREMISES' } }, coordinator.token));
    expect(again.createPartnership.partnership).toBeNull();
    expect(again.createPartnership.errors).toEqual([
      { code: 'CONFLICT', field: 'input.kind', message: expect.stringContaining('already have an active partnership') },
    ]);
  });

  it('reports every bad field at once: a malformed id, a self-link, a long description', async () => {
    const a = await makeOrganisation();
    const { coordinator } = await makeRoles();
    const bad = dataOf(await server.gql(CREATE, { input: { fromId: 'nope', toId: String(a._id), kind: 'PARTNER' } }, coordinator.token));
    expect(bad.createPartnership.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.fromId', message: expect.any(String) }]);
    const self = dataOf(
      await server.gql(CREATE, { input: { fromId: String(a._id), toId: String(a._id), kind: 'PARTNER', description: 'x'.repeat(1001) } }, coordinator.token),
    );
    expect(self.createPartnership.errors.map((e: { field: string }) => e.field)).toEqual(['input.toId', 'input.description']);
  });

  it('answers NOT_FOUND on the field for an organisation that does not exist', async () => {
    const a = await makeOrganisation();
    const { coordinator } = await makeRoles();
    const res = await server.gql(CREATE, { input: { fromId: String(a._id), toId: '65a0a0a0a0a0a0a0a0a0a0a0', kind: 'PARTNER' } }, coordinator.token);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.toId' });
  });
});

describe('endPartnership', () => {
  it('never shows a private organisation at the other end to someone who may not see it', async () => {
    const mine = await makeOrganisation();
    const hidden = await makeOrganisation({ isPublic: false, name: 'Cercle discret' });
    const { coordinator } = await makeRoles();
    const { token } = await makeUser({ memberOf: [{ organisation: mine._id }] });
    const created = dataOf(await server.gql(CREATE, { input: { fromId: String(mine._id), toId: String(hidden._id), kind: 'PARTNER' } }, coordinator.token));
    const ended = dataOf(
      await server.gql(
        `mutation($id: ID!) { endPartnership(id: $id) { partnership { from { name } to { name } } errors { code } } }`,
        { id: created.createPartnership.partnership.id },
        token,
      ),
    );
    const ends = [ended.endPartnership.partnership.from, ended.endPartnership.partnership.to];
    expect(ends).toContainEqual(null);
    expect(JSON.stringify(ends)).not.toContain('Cercle discret');
  });

  it('ends a partnership once; ending it again is an INVALID_TRANSITION', async () => {
    const a = await makeOrganisation();
    const b = await makeOrganisation();
    const { token } = await makeUser({ memberOf: [{ organisation: b._id }] });
    const created = dataOf(await server.gql(CREATE, { input: { fromId: String(a._id), toId: String(b._id), kind: 'PARTNER', since: '2024-01-01' } }, token));
    const id = created.createPartnership.partnership.id;
    const ended = dataOf(await server.gql(END, { id, until: '2026-01-31' }, token));
    expect(ended.endPartnership).toEqual({ partnership: { id, isActive: false, until: '2026-01-31' }, errors: [] });
    const again = dataOf(await server.gql(END, { id }, token));
    expect(again.endPartnership.errors).toEqual([{ code: 'INVALID_TRANSITION', field: 'id', message: 'This partnership has already ended.' }]);
    const q = `query($id: ID!) { organisation(id: $id) { partnerships { id } } }`;
    expect(dataOf(await server.gql(q, { id: String(a._id) })).organisation.partnerships).toEqual([]);
  });

  it('refuses an end date before the start', async () => {
    const a = await makeOrganisation();
    const b = await makeOrganisation();
    const { coordinator } = await makeRoles();
    const created = dataOf(
      await server.gql(CREATE, { input: { fromId: String(a._id), toId: String(b._id), kind: 'PARTNER', since: '2024-06-01' } }, coordinator.token),
    );
    const res = dataOf(await server.gql(END, { id: created.createPartnership.partnership.id, until: '2024-01-01' }, coordinator.token));
    expect(res.endPartnership.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'until', message: 'The end date is before the start of the partnership.' }]);
  });
});

describe('a dissolved organisation and its partnerships', () => {
  it('takes no new partnership, from anyone, with ORGANISATION_DISSOLVED on the field naming it', async () => {
    const gone = await makeOrganisation({ name: 'Amicale dissoute', status: 'DISSOLVED' });
    const live = await makeOrganisation();
    const { coordinator, officer } = await makeRoles();
    const member = await makeUser({ memberOf: [{ organisation: live._id }] });
    for (const token of [member.token, coordinator.token, officer.token]) {
      for (const [input, field] of [
        [{ fromId: String(gone._id), toId: String(live._id), kind: 'PARTNER' }, 'input.fromId'],
        [{ fromId: String(live._id), toId: String(gone._id), kind: 'PARTNER' }, 'input.toId'],
      ] as const) {
        const res = dataOf(await server.gql(CREATE, { input }, token)).createPartnership;
        expect({ partnership: res.partnership, errors: res.errors.map((e: { code: string; field: string }) => [e.code, e.field]) }).toEqual({
          partnership: null,
          errors: [['ORGANISATION_DISSOLVED', field]],
        });
        expect(res.errors[0].message).toMatch(/Amicale dissoute is dissolved.*officer or admin.*reactivate/);
      }
    }
    expect(await PartnershipModel.countDocuments({ parties: gone._id })).toBe(0);
  });

  it("is read-only for its members, who cannot end its partnerships; its partner's members and staff still can", async () => {
    const a = await makeOrganisation();
    const b = await makeOrganisation();
    const c = await makeOrganisation();
    const { officer } = await makeRoles();
    const ofA = await makeUser({ memberOf: [{ organisation: a._id }] });
    const ofB = await makeUser({ memberOf: [{ organisation: b._id }] });
    const link = async (x: { _id: unknown }, y: { _id: unknown }) =>
      dataOf(await server.gql(CREATE, { input: { fromId: String(x._id), toId: String(y._id), kind: 'PARTNER' } }, officer.token)).createPartnership.partnership
        .id as string;
    const ab = await link(a, b);
    const ac = await link(a, c);
    await OrganisationModel.updateOne({ _id: a._id }, { $set: { status: 'DISSOLVED' } });

    const PERMS = `query($id: ID!) { organisation(id: $id) { partnerships { id permissions { canEnd } } } }`;
    const canEnd = async (token: string) =>
      (dataOf(await server.gql(PERMS, { id: String(a._id) }, token)).organisation.partnerships as { id: string; permissions: { canEnd: boolean } }[])
        .filter((p) => p.id === ab)
        .map((p) => p.permissions.canEnd);
    expect(await canEnd(ofA.token)).toEqual([false]);
    expect(await canEnd(ofB.token)).toEqual([true]);

    const refused = dataOf(await server.gql(END, { id: ab }, ofA.token)).endPartnership;
    expect({ partnership: refused.partnership, errors: refused.errors.map((e: { code: string; field: string }) => [e.code, e.field]) }).toEqual({
      partnership: null,
      errors: [['ORGANISATION_DISSOLVED', 'id']],
    });
    expect((await PartnershipModel.findById(ab).lean())!.active).toBe(true);

    expect(dataOf(await server.gql(END, { id: ab }, ofB.token)).endPartnership).toMatchObject({ errors: [], partnership: { isActive: false } });
    expect(dataOf(await server.gql(END, { id: ac }, officer.token)).endPartnership).toMatchObject({ errors: [], partnership: { isActive: false } });
  });
});

describe('network', () => {
  it('counts degrees, marks hubs and isolated actors; the public sees only edges between public organisations', async () => {
    const { coordinator } = await makeRoles();
    const domain = (await DomainModel.create({ code: `net-${Date.now()}`, name: 'Réseau test', proposal: 21 }))._id;
    const make = (extra: Record<string, unknown> = {}) => makeOrganisation({ domains: [domain], ...extra });
    const hub = await make({ name: 'A Hub' });
    const spokes = [await make({ name: 'B Spoke' }), await make({ name: 'C Spoke' }), await make({ name: 'D Spoke' })];
    const hidden = await make({ name: 'E Private', isPublic: false });
    const lonely = await make({ name: 'F Alone' });
    for (const s of [...spokes, hidden]) {
      dataOf(await server.gql(CREATE, { input: { fromId: String(s._id), toId: String(hub._id), kind: 'FEDERATION_MEMBER' } }, coordinator.token));
    }
    const filter = { domainIds: [String(domain)] };

    const full = dataOf(await server.gql(NETWORK, { filter }, coordinator.token)).network;
    expect(full.nodes.map((n: { organisation: { name: string } }) => n.organisation.name)).toEqual([
      'A Hub',
      'B Spoke',
      'C Spoke',
      'D Spoke',
      'E Private',
      'F Alone',
    ]);
    expect(full.edges).toHaveLength(4);
    const byName = new Map(full.nodes.map((n: { organisation: { name: string } }) => [n.organisation.name, n]));
    expect(byName.get('A Hub')).toMatchObject({ degree: 4, isHub: true, isIsolated: false });
    expect(byName.get('B Spoke')).toMatchObject({ degree: 1, isHub: false, isIsolated: false });
    expect(byName.get('F Alone')).toMatchObject({ degree: 0, isHub: false, isIsolated: true });
    expect(full.truncated).toBe(false);

    const pub = dataOf(await server.gql(NETWORK, { filter })).network;
    expect(pub.nodes.map((n: { organisation: { name: string } }) => n.organisation.name)).not.toContain('E Private');
    expect(pub.edges).toHaveLength(3);
    expect(pub.edges.every((e: { from: string; to: string }) => e.from !== String(hidden._id) && e.to !== String(hidden._id))).toBe(true);
    expect(pub.nodes.find((n: { organisation: { name: string } }) => n.organisation.name === 'A Hub')).toMatchObject({ degree: 3, isHub: true });
    expect(lonely).toBeDefined();
  });

  it('refuses a malformed filter id on its field', async () => {
    const res = await server.gql(NETWORK, { filter: { neighbourhoodIds: ['bad'] } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.neighbourhoodIds[0]' });
  });
});

describe('the graph bound', () => {
  it(`cuts the graph at ${NETWORK_MAX_NODES} organisations and says so`, async () => {
    const domain = (await DomainModel.create({ code: `big-${Date.now()}`, name: 'Grand domaine', proposal: 21 }))._id;
    await OrganisationModel.collection.insertMany(
      Array.from({ length: NETWORK_MAX_NODES + 1 }, (_, i) => ({
        name: `Org ${i}`,
        nameKey: `org ${String(i).padStart(5, '0')}`,
        legalForm: 'ASSOCIATION',
        status: 'ACTIVE',
        isPublic: true,
        domains: [domain],
        neighbourhoods: [],
      })),
    );
    const graph = await network(createContext({ config: testConfig(), log: createLogger('silent') }, null), { domainIds: [String(domain)] });
    expect(graph.truncated).toBe(true);
    expect(graph.nodes).toHaveLength(NETWORK_MAX_NODES);
    expect(graph.nodes[0]!.organisation.name).toBe('Org 0');
  });
});

describe('hubDegreeThreshold', () => {
  it('is the 90th percentile of degrees, never below 3', () => {
    expect(hubDegreeThreshold([])).toBe(3);
    expect(hubDegreeThreshold([0, 0, 1, 1, 2])).toBe(3);
    expect(hubDegreeThreshold([1, 1, 1, 2, 2, 2, 3, 4, 5, 9])).toBe(5);
  });
});
