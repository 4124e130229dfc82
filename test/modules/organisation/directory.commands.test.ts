// The N+1 proof: the database commands behind one directory page, counted with MongoDB command monitoring.
// The count is a constant, the same for 10 and 100 organisations a page; the instance's caches (counts,
// reference lists) leave the page and one small read of the data versions once warm.
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

// Once the instance's caches are warm: the page itself and the data versions (one small find, which tells
// the cached counts and reference lists whether they are still valid). Domains and neighbourhoods come
// from the reference cache, the count from the count cache.
const ANONYMOUS = ['aggregate organisations', 'find dataversions'].sort();
// Staff: plus the account behind the token, their declared conflicts of interest, and the members of every organisation of the page at once.
const STAFF = [...ANONYMOUS, 'find users', 'find users', 'find conflictofinterests'].sort();
// After a write to an organisation, the first page counts again; after a reference write, it reloads the lists.
const AFTER_ORGANISATION_WRITE = [...ANONYMOUS, 'aggregate organisations'].sort();
const AFTER_REFERENCE_WRITE = [...ANONYMOUS, 'find domains', 'find neighbourhoods'].sort();

describe('database commands for one directory page', () => {
  beforeAll(async () => {
    // Warm the caches the way the first visitors would.
    await measure(PUBLIC_PAGE, { first: 100 });
    await measure(STAFF_PAGE, { first: 100 }, officerToken);
  });

  it(`are ${ANONYMOUS.length} for an anonymous page of 100 with domains and neighbourhoods: the page and the data versions`, async () => {
    const { commands: sent, data } = await measure(PUBLIC_PAGE, { first: 100 });
    expect(data.organisations.edges).toHaveLength(100);
    expect(data.organisations.totalCount).toBe(ORGANISATIONS);
    expect(
      data.organisations.edges.every(
        (e: { node: { domains: unknown[]; neighbourhoods: unknown[] } }) => e.node.domains.length > 0 && e.node.neighbourhoods.length > 0,
      ),
    ).toBe(true);
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
      await server.gql('query($after: String) { organisations(first: 100, after: $after) { edges { node { id domains { id } neighbourhoods { id } } } } }', {
        after: first.data.organisations.pageInfo.endCursor,
      }),
    );
    expect(next.organisations.edges).toHaveLength(ORGANISATIONS - 100);
    expect([...commands].sort()).toEqual(ANONYMOUS);
  });

  it('add none for filters that need reference data (children of a domain, the priority neighbourhoods): the cache answers', async () => {
    const ess = await DomainModel.findOne({ code: 'ess' }).lean();
    const filter = { domainIds: [String(ess!._id)], priorityNeighbourhoodsOnly: true };
    await measure(PUBLIC_PAGE, { first: 100, filter });
    const { commands: sent } = await measure(PUBLIC_PAGE, { first: 100, filter });
    expect(sent).toEqual(ANONYMOUS);
  });

  it('count again on the first page after a write to an organisation, then answer from the cache', async () => {
    await OrganisationModel.updateOne({}, { $set: { acronym: 'TOUCHÉ' } });
    const after = await measure(PUBLIC_PAGE, { first: 100 });
    expect(after.commands).toEqual(AFTER_ORGANISATION_WRITE);
    expect(after.data.organisations.totalCount).toBe(ORGANISATIONS);
    expect((await measure(PUBLIC_PAGE, { first: 100 })).commands).toEqual(ANONYMOUS);
  });

  it('reload the reference lists once after a write to them', async () => {
    await DomainModel.updateOne({ code: 'ess' }, { $set: { description: 'Coopératives et insertion.' } });
    expect((await measure(PUBLIC_PAGE, { first: 100 })).commands).toEqual(AFTER_REFERENCE_WRITE);
    expect((await measure(PUBLIC_PAGE, { first: 100 })).commands).toEqual(ANONYMOUS);
  });

  it('are 1 for the whole domain tree, however deep it is walked: the data versions (the tree is cached)', async () => {
    const { commands: sent, data } = await measure('{ domains { name parent { name } children { name parent { name } children { name } } } }', {});
    expect(data.domains.length).toBeGreaterThan(12);
    expect(sent).toEqual(['find dataversions']);
  });
});
