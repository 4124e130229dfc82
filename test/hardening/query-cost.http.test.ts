// Issue 9, finding 1: one anonymous query over a hub of partnerships grew as N^4 and held the server.
// The cost analysis multiplies by list sizes and refuses it before any work: proven by counting the
// commands the driver sends during the request, not by timing it.
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { connectionOptions, ensureIndexes } from '../../src/db';
import { databaseUri } from '../helpers/db';
import { startServer, dataOf, type TestServer } from '../helpers/server';
import { fakeRna, makeOrganisation, makeUser } from '../helpers/factories';

// This file's own database, like useTestDatabase(), with the driver's command monitoring on.
beforeAll(async () => {
  await mongoose.connect(databaseUri(), { ...connectionOptions({ dbTimeoutMs: 5000 }), monitorCommands: true });
  await ensureIndexes();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

/** How many commands the driver sent while `work` ran. */
async function commandsDuring<T>(work: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  const commands: string[] = [];
  const listener = (e: CommandStartedEvent) => commands.push(e.commandName);
  const client = mongoose.connection.getClient();
  client.on('commandStarted', listener);
  try {
    return { result: await work(), commands };
  } finally {
    client.off('commandStarted', listener);
  }
}

const N = 20;
let server: TestServer;
let hub: string;

/** `partnerships { to { ... } }` nested `depth` times around `{ id }`. */
function nested(depth: number, first?: number): string {
  const args = first ? `(first: ${first})` : '';
  let inner = 'id';
  for (let i = 0; i < depth; i++) inner = `partnerships${args} { to { ${inner} } }`;
  return inner;
}

beforeAll(async () => {
  server = await startServer();
  // A member creates an organisation, then makes N public organisations members of it as a federation:
  // every link's `to` is the hub, so each level of `partnerships { to }` comes back to its N partnerships.
  const member = await makeUser();
  const created = dataOf(
    await server.gql(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } errors { code message field } } }`,
      {
        input: {
          name: 'Le Moyeu',
          legalForm: 'ASSOCIATION',
          rna: fakeRna(990001),
          description: 'Une association au centre de tout le réseau.',
          isPublic: true,
        },
      },
      member.token,
    ),
  ).createOrganisation;
  expect(created.errors).toEqual([]);
  hub = created.organisation.id;
  for (let i = 0; i < N; i++) {
    const other = await makeOrganisation({ name: `Rayon ${i}` });
    const linked = dataOf(
      await server.gql(
        `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { partnership { id } errors { code message field } } }`,
        { input: { fromId: String(other._id), toId: hub, kind: 'FEDERATION_MEMBER' } },
        member.token,
      ),
    ).createPartnership;
    expect(linked.errors).toEqual([]);
  }
});
afterAll(() => server.close());

describe('the query cost analysis over HTTP', () => {
  it('refuses the hub query at depth 4 with QUERY_TOO_COSTLY, HTTP 400, the cost and the limit, before any database command', async () => {
    const query = `query($id: ID!) { organisation(id: $id) { ${nested(4)} } }`;
    const { result, commands } = await commandsDuring(() => server.gql(query, { id: hub }));
    expect(result.status).toBe(400);
    expect(result.body.data).toBeUndefined();
    const err = result.body.errors?.[0];
    expect(err?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(err?.extensions?.maxCost).toBe(server.config.maxQueryCost);
    expect(err?.extensions?.cost).toBeGreaterThan(20 ** 4);
    expect(err?.message).toMatch(/would cost [\d,]+, above the limit of 20,000/);
    expect(commands).toEqual([]);
  });

  it('refuses it with 5 aliases too, and with `first: 100` at depth 2, before any database command', async () => {
    const aliased = Array.from({ length: 5 }, (_, i) => `a${i}: organisation(id: $id) { ${nested(4)} }`).join(' ');
    const big = `query($id: ID!) { organisation(id: $id) { ${nested(2, 100)} } }`;
    for (const query of [`query($id: ID!) { ${aliased} }`, big]) {
      const { result, commands } = await commandsDuring(() => server.gql(query, { id: hub }));
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
      expect(commands).toEqual([]);
    }
  });

  it('counts `first` given through a variable as its value', async () => {
    const query = `query($id: ID!, $n: Int) { organisation(id: $id) { partnerships(first: $n) { to { partnerships(first: $n) { to { partnerships(first: $n) { to { id } } } } } } } }`;
    const small = await server.gql(query, { id: hub, n: 5 });
    expect(small.status).toBe(200);
    expect(dataOf(small).organisation.partnerships).toHaveLength(5);
    const large = await server.gql(query, { id: hub, n: 100 });
    expect(large.status).toBe(400);
    expect(large.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('still answers the same query at depth 2, every partnership of every level', async () => {
    const res = await server.gql(`query($id: ID!) { organisation(id: $id) { ${nested(2)} } }`, { id: hub });
    expect(res.status).toBe(200);
    const org = dataOf(res).organisation;
    expect(org.partnerships).toHaveLength(N);
    for (const p of org.partnerships) {
      expect(p.to.partnerships).toHaveLength(N);
      for (const q of p.to.partnerships) expect(q.to.id).toBe(hub);
    }
  });

  it('refuses `first` above 100 on a list with a clear error on the argument', async () => {
    const res = await server.gql(`query($id: ID!) { organisation(id: $id) { partnerships(first: 101) { id } } }`, { id: hub });
    const err = res.body.errors?.[0];
    expect(err?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err?.extensions?.field).toBe('first');
    expect(err?.message).toMatch(/between 1 and 100/);
  });

  it('answers an introspection query at its fixed cost', async () => {
    const res = await server.gql(`{ __schema { types { name fields { name args { name type { name ofType { name } } } } } } }`);
    expect(res.status).toBe(200);
    expect(dataOf(res).__schema.types.length).toBeGreaterThan(10);
  });
});
