// Abuse limits through HTTP: sign-in attempts per account and per address, requests per account or
// address, with both stores; the Mongo store is shared by two app instances as it is behind a proxy.
import mongoose from 'mongoose';
import { useTestDatabase } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { RATE_LIMIT_COLLECTION } from '../../src/ops/rate-limit';
import { ConfigError, loadConfig, type Config } from '../../src/config';

useTestDatabase();

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token errors { code } } }`;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** POST /graphql as if from `address` (the test server trusts X-Forwarded-For from loopback, like a proxy). */
async function call(server: TestServer, body: unknown, opts: { address?: string; token?: string } = {}): Promise<Answer> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.address ? { 'x-forwarded-for': opts.address } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

const login = (server: TestServer, email: string, password: string, address: string) =>
  call(server, { query: LOGIN, variables: { email, password } }, { address });

function expectRateLimited(a: Answer) {
  expect(a.status).toBe(429);
  const err = a.body.errors?.[0];
  expect(err?.extensions?.code).toBe('RATE_LIMITED');
  expect(err?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  expect(Number(a.retryAfter)).toBe(err?.extensions?.retryAfterSeconds);
  expect(err?.message).toMatch(/try again in \d+ seconds/i);
}

const limits = (store: 'memory' | 'mongo'): Partial<Config> => ({
  rateLimitStore: store,
  loginMaxAttempts: 3,
  loginWindowSeconds: 600,
  requestsPerWindow: 5,
  requestWindowSeconds: 600,
});

describe.each(['memory', 'mongo'] as const)('with the %s store', (store) => {
  let server: TestServer;
  beforeEach(async () => {
    await mongoose.connection.db!.collection(RATE_LIMIT_COLLECTION).deleteMany({});
    server = await startServer({ ...limits(store), requestsPerWindow: 1000 });
  });
  afterEach(() => server.close());

  it('refuses sign-in to an account after its attempts are spent, even from new addresses and with the right password', async () => {
    const { user } = await makeUser();
    for (let i = 1; i <= 3; i++) {
      const a = await login(server, user.email, 'wrong password', `10.0.${store.length}.${i}`);
      expect(a.status).toBe(200);
      expect(a.body.data.login.errors[0].code).toBe('UNAUTHENTICATED');
    }
    const refused = await login(server, user.email, TEST_PASSWORD, '10.9.9.9');
    expectRateLimited(refused);
    expect(refused.body.data ?? null).toBeNull();
    // Another account is not affected.
    const other = await makeUser();
    const ok = await login(server, other.user.email, TEST_PASSWORD, '10.9.9.10');
    expect(ok.body.data.login.token).toEqual(expect.any(String));
  });

  it('refuses sign-in from an address after its attempts are spent, whatever the account', async () => {
    for (let i = 1; i <= 3; i++) {
      const a = await login(server, `nobody${i}@example.test`, 'whatever it is', '10.1.1.1');
      expect(a.status).toBe(200);
    }
    expectRateLimited(await login(server, 'someone-else@example.test', 'whatever it is', '10.1.1.1'));
    const elsewhere = await login(server, 'someone-else@example.test', 'whatever it is', '10.1.1.2');
    expect(elsewhere.status).toBe(200);
  });

  it('counts every sign-in of a request, through aliases and fragments', async () => {
    const { user } = await makeUser();
    const query = `mutation($e: String!) {
      a: login(email: $e, password: "x1") { token }
      ...More
    }
    fragment More on Mutation { b: login(email: $e, password: "x2") { token } c: login(email: $e, password: "x3") { token } d: login(email: $e, password: "x4") { token } }`;
    expectRateLimited(await call(server, { query, variables: { e: user.email } }, { address: '10.2.2.2' }));
  });

  it('limits requests per account, and per address for anonymous callers, leaving the probes alone', async () => {
    const limited = await startServer(limits(store));
    try {
      const alice = await makeUser();
      const bob = await makeUser();
      for (let i = 0; i < 5; i++) expect((await call(limited, { query: '{ me { id } }' }, { token: alice.token })).status).toBe(200);
      expectRateLimited(await call(limited, { query: '{ me { id } }' }, { token: alice.token }));
      // Bob has his own budget, even from the same address.
      expect((await call(limited, { query: '{ me { id } }' }, { token: bob.token })).status).toBe(200);
      // Anonymous callers count per address; a forged token counts as its address, not as a new account.
      for (let i = 0; i < 5; i++) expect((await call(limited, { query: '{ apiVersion }' }, { address: '10.3.3.3' })).status).toBe(200);
      const forged = `${alice.token.slice(0, -4)}AAAA`;
      expectRateLimited(await call(limited, { query: '{ apiVersion }' }, { address: '10.3.3.3', token: forged }));
      expect((await call(limited, { query: '{ apiVersion }' }, { address: '10.3.3.4' })).status).toBe(200);
      expect((await fetch(`${limited.url}/health`, { headers: { 'x-forwarded-for': '10.3.3.3' } })).status).toBe(200);
      expect((await fetch(`${limited.url}/ready`, { headers: { 'x-forwarded-for': '10.3.3.3' } })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the Mongo store', () => {
  it('shares one budget between two instances, as behind a load balancer', async () => {
    await mongoose.connection.db!.collection(RATE_LIMIT_COLLECTION).deleteMany({});
    const one = await startServer(limits('mongo'));
    const two = await startServer(limits('mongo'));
    try {
      const { user, token } = await makeUser();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await call(i % 2 ? two : one, { query: '{ me { id } }' }, { token })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      // Sign-in attempts too: three on one instance spend the account's budget on the other.
      for (let i = 0; i < 3; i++) await login(one, user.email, 'wrong password', `10.4.4.${i}`);
      expectRateLimited(await login(two, user.email, TEST_PASSWORD, '10.4.4.9'));
      expect(await mongoose.connection.db!.collection(RATE_LIMIT_COLLECTION).countDocuments()).toBeGreaterThan(0);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('configuration of the limits', () => {
  it('reads every limit from the environment and refuses an unknown store at boot', () => {
    const config = loadConfig({ LOGIN_MAX_ATTEMPTS: '4', LOGIN_WINDOW_SECONDS: '60', RATE_LIMIT_REQUESTS: '50', RATE_LIMIT_WINDOW_SECONDS: '10', RATE_LIMIT_STORE: 'mongo' });
    expect(config).toMatchObject({ loginMaxAttempts: 4, loginWindowSeconds: 60, requestsPerWindow: 50, requestWindowSeconds: 10, rateLimitStore: 'mongo' });
    expect(loadConfig({}).rateLimitStore).toBe('memory');
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'redis', RATE_LIMIT_REQUESTS: '0' })).toThrow(ConfigError);
    try {
      loadConfig({ RATE_LIMIT_STORE: 'redis', RATE_LIMIT_REQUESTS: '0' });
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        'RATE_LIMIT_STORE must be memory or mongo (got "redis")',
        'RATE_LIMIT_REQUESTS must be an integer between 1 and 1000000 (got "0")',
      ]);
    }
  });
});
