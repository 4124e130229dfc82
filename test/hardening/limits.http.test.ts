// Abuse limits through HTTP: failed sign-ins per address and per (account, address), an account slowed
// down but never locked, requests per account or address, with both stores; the Mongo store is shared by two app instances as it is behind a proxy.
import mongoose from 'mongoose';
import { useTestDatabase } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { RATE_LIMIT_COLLECTION } from '../../src/ops/rate-limit';
import { accountDelayMs } from '../../src/ops/sign-in-limits';
import { ConfigError, loadConfig, type Config } from '../../src/config';

useTestDatabase();

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token errors { code } } }`;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
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
  loginMaxAttemptsPerAddress: 5,
  loginMaxDelaySeconds: 1,
  loginWindowSeconds: 600,
  requestsPerWindow: 5,
  requestWindowSeconds: 600,
});

/** The answer and how long it took (a lower bound on a deliberate delay is reliable; an upper one is not asserted). */
async function timed<T>(run: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await run();
  return { answer, ms: performance.now() - started };
}

const signedIn = (a: Answer) => {
  expect(a.status).toBe(200);
  expect(a.body.data.login.token).toEqual(expect.any(String));
};
const wrongPassword = (a: Answer) => {
  expect(a.status).toBe(200);
  expect(a.body.data.login.errors[0].code).toBe('UNAUTHENTICATED');
};

describe.each(['memory', 'mongo'] as const)('with the %s store', (store) => {
  let server: TestServer;
  beforeEach(async () => {
    await mongoose.connection.db!.collection(RATE_LIMIT_COLLECTION).deleteMany({});
    server = await startServer({ ...limits(store), requestsPerWindow: 1000 });
  });
  afterEach(() => server.close());

  it("never turns the owner's right password away after failures from rotating addresses: the account is slowed down, not locked", async () => {
    const { user } = await makeUser();
    for (let i = 1; i <= 12; i++) wrongPassword(await login(server, user.email, 'wrong password', `10.0.${store.length}.${i}`));
    // Twelve failures, over LOGIN_MAX_ATTEMPTS: each attempt on the account now waits (1 s here), then is checked.
    const owner = await timed(() => login(server, user.email, TEST_PASSWORD, '10.9.9.9'));
    signedIn(owner.answer);
    expect(owner.ms).toBeGreaterThanOrEqual(950);
    const attacker = await timed(() => login(server, user.email, 'another guess', '10.9.9.10'));
    wrongPassword(attacker.answer);
    expect(attacker.ms).toBeGreaterThanOrEqual(950);
  });

  it('refuses one address against one account once their failures are spent; the owner elsewhere and other accounts from that address still get in', async () => {
    const victim = await makeUser();
    const neighbour = await makeUser();
    for (let i = 0; i < 3; i++) wrongPassword(await login(server, victim.user.email, 'wrong password', '10.2.2.1'));
    const refused = await login(server, victim.user.email, TEST_PASSWORD, '10.2.2.1');
    expectRateLimited(refused);
    expect(refused.body.data?.login ?? null).toBeNull();
    signedIn(await login(server, neighbour.user.email, TEST_PASSWORD, '10.2.2.1'));
    signedIn(await login(server, victim.user.email, TEST_PASSWORD, '10.2.2.2'));
  });

  it('refuses an address after its failures are spent, whatever the account', async () => {
    for (let i = 1; i <= 5; i++) wrongPassword(await login(server, `nobody${i}@example.test`, 'whatever it is', '10.1.1.1'));
    const { user } = await makeUser();
    expectRateLimited(await login(server, user.email, TEST_PASSWORD, '10.1.1.1'));
    signedIn(await login(server, user.email, TEST_PASSWORD, '10.1.1.2'));
  });

  it('counts failures, not attempts: sign-ins with the right password spend nothing', async () => {
    const { user } = await makeUser();
    for (let i = 0; i < 8; i++) signedIn(await login(server, user.email, TEST_PASSWORD, '10.5.5.5'));
    wrongPassword(await login(server, user.email, 'wrong password', '10.5.5.5'));
    // A success also forgets the failures of its (account, address) pair.
    wrongPassword(await login(server, user.email, 'wrong password', '10.5.5.5'));
    signedIn(await login(server, user.email, TEST_PASSWORD, '10.5.5.5'));
    for (let i = 0; i < 3; i++) wrongPassword(await login(server, user.email, 'wrong password', '10.5.5.5'));
    expectRateLimited(await login(server, user.email, TEST_PASSWORD, '10.5.5.5'));
  });

  it('counts every sign-in of a request, through aliases and fragments', async () => {
    const { user } = await makeUser();
    const query = `mutation($e: String!) {
      a: login(email: $e, password: "x1") { token }
      ...More
    }
    fragment More on Mutation { b: login(email: $e, password: "x2") { token } c: login(email: $e, password: "x3") { token } d: login(email: $e, password: "x4") { token } }`;
    const answer = await call(server, { query, variables: { e: user.email } }, { address: '10.2.2.2' });
    expectRateLimited(answer);
    expect(answer.body.errors?.[0]?.path).toEqual(['d']);
  });

  it("counts the account as executed: a variable's default value and a literal in the operation are counted like variables", async () => {
    const { user } = await makeUser();
    const byDefault = `mutation($e: String! = "${user.email}") { login(email: $e, password: "wrong password") { token errors { code } } }`;
    const byLiteral = `mutation { login(email: "${user.email.toUpperCase()}", password: "wrong password") { token errors { code } } }`;
    // From one address: the pair's budget is spent by operations that carry no variables at all.
    for (const query of [byDefault, byLiteral, byDefault]) wrongPassword(await call(server, { query }, { address: '10.6.6.6' }));
    expectRateLimited(await login(server, user.email, TEST_PASSWORD, '10.6.6.6'));
    // And the account counted those failures: from elsewhere the owner gets in, slowed down.
    const owner = await timed(() => login(server, user.email, TEST_PASSWORD, '10.6.6.7'));
    signedIn(owner.answer);
    expect(owner.ms).toBeGreaterThanOrEqual(950);
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
      // Sign-in failures too: three on one instance spend the (account, address) budget on the other,
      // and slow the account down there.
      for (let i = 0; i < 3; i++) await login(one, user.email, 'wrong password', '10.4.4.1');
      expectRateLimited(await login(two, user.email, TEST_PASSWORD, '10.4.4.1'));
      const owner = await timed(() => login(two, user.email, TEST_PASSWORD, '10.4.4.9'));
      expect(owner.answer.body.data.login.token).toEqual(expect.any(String));
      expect(owner.ms).toBeGreaterThanOrEqual(950);
      expect(await mongoose.connection.db!.collection(RATE_LIMIT_COLLECTION).countDocuments()).toBeGreaterThan(0);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('the delay of an account under attack', () => {
  it('is nothing below LOGIN_MAX_ATTEMPTS failures, then 1 s doubling with each failure, never above LOGIN_MAX_DELAY_SECONDS', () => {
    const config = { loginMaxAttempts: 10, loginMaxDelaySeconds: 10 };
    expect([0, 9, 10, 11, 12, 13, 14, 50, 10_000].map((f) => accountDelayMs(f, config))).toEqual([0, 0, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});

describe('configuration of the limits', () => {
  it('reads every limit from the environment and refuses an unknown store at boot', () => {
    const config = loadConfig({
      LOGIN_MAX_ATTEMPTS: '4',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '12',
      LOGIN_MAX_DELAY_SECONDS: '20',
      LOGIN_WINDOW_SECONDS: '60',
      RATE_LIMIT_REQUESTS: '50',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_STORE: 'mongo',
    });
    expect(config).toMatchObject({
      loginMaxAttempts: 4,
      loginMaxAttemptsPerAddress: 12,
      loginMaxDelaySeconds: 20,
      loginWindowSeconds: 60,
      requestsPerWindow: 50,
      requestWindowSeconds: 10,
      rateLimitStore: 'mongo',
    });
    expect(loadConfig({})).toMatchObject({ rateLimitStore: 'memory', loginMaxAttempts: 10, loginMaxAttemptsPerAddress: 30, loginMaxDelaySeconds: 10 });
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
