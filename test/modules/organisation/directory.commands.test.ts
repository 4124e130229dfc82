// The N+1 proof: the database commands behind one directory page, counted with MongoDB command monitoring.
// The count is a constant (one per collection touched), the same for 10 and 100 organisations a page.
import mongoose, { Types } from 'mongoose';
import { databaseUri } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeUser, seedReference } from '../../helpers/factories';
import { connectionOptions, ensureIndexes } from '../../../src/db';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { UserModel } from '../../../src/modules/user/user.model';
import { DomainModel } from '../../../src/modules/reference/domain.model';
import { buildOrganisations } from '../../../seeds/organisations';

let server: TestServer;
let officerToken: string;
/** Every command this process sends, as "command collection" (e.g. "find domains"). */
let commands: string[] = [];

const ORGANISATIONS = 150;
const MEMBERS_PER_ORGANISATION = 3;

beforeAll(async () => {
  // Own connection, not useTestDatabase(): command monitoring must be on when the client is made.
  mongoose.set('bufferTimeoutMS', 2000);
  await mongoose.connect(databaseUri(), { ...connectionOptions({ dbTimeoutMs: 5000 }), monitorCommands: true });
  await ensureIndexes();
  mongoose.connection.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'hello' || e.commandName === 'isMaster' || e.commandName === 'ping') return;
    const target = (e.command as Record<string, unknown>)[e.commandName];
    commands.push(`${e.commandName} ${typeof target === 'string' ? target : ''}`.trim());
  });

  const ref = await seedReference();
  const domainIds = new Map([...ref.domainByCode].map(([k, v]) => [k, v._id]));
  const hoodIds = new Map([...ref.neighbourhoodByCode].map(([k, v]) => [k, v._id]));
  // The demo generator: varied domains (up to two) and neighbourhoods (up to two) per organisation.
  const docs = buildOrganisations(domainIds, hoodIds, ORGANISATIONS).map((d) => ({ ...d, status: 'ACTIVE', isPublic: true }));
  const orgs = await OrganisationModel.insertMany(docs);
  // More members in all than one cursor batch (101 documents) holds, so a hidden getMore would show.
  const users = orgs.flatMap((o, i) =>
    Array.from({ length: MEMBERS_PER_ORGANISATION }, (_, k) => ({
      _id: new Types.ObjectId(),
      email: `m${i}-${k}@example.test`,
      name: `Membre ${i}-${k}`,
      role: 'MEMBER',
      passwordHash: 'not-used',
      memberships: [{ organisation: o._id, role: k === 0 ? 'MANAGER' : 'EDITOR' }],
    })),
  );
  await UserModel.insertMany(users);
  officerToken = (await makeUser({ role: 'OFFICER' })).token;
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

const PUBLIC_PAGE = `query($first: Int, $filter: OrganisationFilter) {
  organisations(first: $first, filter: $filter) {
    totalCount
    edges { cursor node { id name domains { id name proposal } neighbourhoods { id name isPriority } servesPriorityNeighbourhood } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const STAFF_PAGE = `query($first: Int) {
  organisations(first: $first) {
    totalCount
    edges { node { id name iban domains { id name } neighbourhoods { id name isPriority } members { role user { id name email } } } }
  }
}`;

/** Runs one request and returns the commands it sent and its data. */
async function measure(query: string, variables: Record<string, unknown>, token: string | null = null) {
  commands = [];
  const data = dataOf(await server.gql(query, variables, token));
  return { commands: [...commands].sort(), data };
}

// One command per collection a page touches: the page itself, its count, then one batch per loader.
const ANONYMOUS = ['aggregate organisations', 'aggregate organisations', 'find domains', 'find neighbourhoods'].sort();
// Staff: plus the account behind the token, and the members of every organisation of the page at once.
const STAFF = [...ANONYMOUS, 'find users', 'find users'].sort();

describe('database commands for one directory page', () => {
  it(`are ${ANONYMOUS.length} for an anonymous page of 100 with domains and neighbourhoods: page, count, domains, neighbourhoods`, async () => {
    const { commands: sent, data } = await measure(PUBLIC_PAGE, { first: 100 });
    expect(data.organisations.edges).toHaveLength(100);
    expect(data.organisations.edges.every((e: { node: { domains: unknown[]; neighbourhoods: unknown[] } }) => e.node.domains.length > 0 && e.node.neighbourhoods.length > 0)).toBe(true);
    expect(sent).toEqual(ANONYMOUS);
  });

  it('do not grow with the page size: 10 and 100 organisations send the same commands', async () => {
    const ten = await measure(PUBLIC_PAGE, { first: 10 });
    const hundred = await measure(PUBLIC_PAGE, { first: 100 });
    expect(ten.data.organisations.edges).toHaveLength(10);
    expect(hundred.data.organisations.edges).toHaveLength(100);
    expect(ten.commands).toEqual(hundred.commands);
    expect(hundred.commands).toHaveLength(ANONYMOUS.length);
  });

  it(`are ${STAFF.length} for an officer's page of 100 with members (${100 * MEMBERS_PER_ORGANISATION} people), the same as for 10`, async () => {
    const hundred = await measure(STAFF_PAGE, { first: 100 }, officerToken);
    const members = hundred.data.organisations.edges.flatMap((e: { node: { members: unknown[] } }) => e.node.members);
    expect(members).toHaveLength(100 * MEMBERS_PER_ORGANISATION);
    expect(hundred.commands).toEqual(STAFF);
    const ten = await measure(STAFF_PAGE, { first: 10 }, officerToken);
    expect(ten.commands).toEqual(STAFF);
  });

  it('stay constant on the next page, reached with a cursor', async () => {
    const first = await measure(PUBLIC_PAGE, { first: 100 });
    commands = [];
    const next = dataOf(
      await server.gql(
        'query($after: String) { organisations(first: 100, after: $after) { edges { node { id domains { id } neighbourhoods { id } } } } }',
        { after: first.data.organisations.pageInfo.endCursor },
      ),
    );
    expect(next.organisations.edges).toHaveLength(ORGANISATIONS - 100);
    expect([...commands].sort()).toEqual(['aggregate organisations', 'find domains', 'find neighbourhoods']);
  });

  it('add one command per filter that needs reference data: children of a domain, the priority neighbourhoods', async () => {
    const ess = await DomainModel.findOne({ code: 'ess' }).lean();
    const { commands: sent } = await measure(PUBLIC_PAGE, { first: 100, filter: { domainIds: [String(ess!._id)], priorityNeighbourhoodsOnly: true } });
    expect(sent).toEqual([...ANONYMOUS, 'find domains', 'find neighbourhoods'].sort());
  });

  it('are 3 for the whole domain tree, however deep it is walked: the list, the parents, the children', async () => {
    const { commands: sent, data } = await measure('{ domains { name parent { name } children { name parent { name } children { name } } } }', {});
    expect(data.domains.length).toBeGreaterThan(12);
    expect(sent).toEqual(['find domains', 'find domains', 'find domains']);
  });
});
