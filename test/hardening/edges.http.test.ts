// The edges of the server (issue 9, finding 13), each through a real server: security headers on every
// response, introspection and suggestions in production, who may name the client address, slow clients
// cut off, and /metrics never public in production.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { useTestDatabase } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { createApp } from '../../src/app';
import { testConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { createHttpServer } from '../../src/ops/http-server';

useTestDatabase();

const INTROSPECTION = '{ __schema { queryType { name } } }';
const TYPO_FIELD = '{ organisatons(first: 1) { totalCount } }';
const ENUM_VARIABLE = 'query($f: OrganisationFilter) { organisations(filter: $f, first: 1) { totalCount } }';
const ENUM_LITERAL = '{ organisations(filter: { legalForms: [ASSOCIATON] }, first: 1) { totalCount } }';

async function withServer<T>(overrides: Partial<Config>, run: (s: TestServer) => Promise<T>): Promise<T> {
  const server = await startServer(overrides);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('are on every response: GraphQL, probes, open data, refusals, unknown routes and malformed bodies', async () => {
    const responses = [
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ apiVersion }' }),
      }),
      await server.get('/health'),
      await server.get('/api/open-data/scdl/subventions-2026.csv'),
      await server.get('/api/open-data/scdl/subventions-26.csv'),
      await server.get('/no/such/route'),
      await server.post('/graphql', '{not json', { 'content-type': 'application/json' }),
      await server.post('/graphql', 'query', { 'content-type': 'text/plain' }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 400, 404, 400, 415]);
    for (const res of responses) {
      expect({ url: res.url, headers: pick(res.headers) }).toEqual({
        url: res.url,
        headers: {
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'x-frame-options': 'DENY',
          'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        },
      });
    }
  });

  it('let a page set its own Content-Security-Policy: the map keeps the one it needs', async () => {
    const page = await server.get('/');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

function pick(headers: Headers): Record<string, string | null> {
  return Object.fromEntries(['x-content-type-options', 'referrer-policy', 'x-frame-options', 'content-security-policy'].map((h) => [h, headers.get(h)]));
}

describe('introspection and suggestions', () => {
  const messages = (res: { body: { errors?: { message: string }[] } }) => (res.body.errors ?? []).map((e) => e.message).join(' | ');

  it('in production: introspection is refused and no error suggests a field or an enum value', async () => {
    await withServer({ nodeEnv: 'production', graphqlIntrospection: false }, async (server) => {
      const introspection = await server.gql(INTROSPECTION);
      expect(introspection.status).toBe(400);
      expect(introspection.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(messages(introspection)).toMatch(/introspection/i);
      // The API itself answers, __typename included.
      expect((await server.gql('{ __typename apiVersion }')).body.data).toEqual({ __typename: 'Query', apiVersion: expect.any(String) });

      const typo = await server.gql(TYPO_FIELD);
      const variable = await server.gql(ENUM_VARIABLE, { f: { legalForms: ['ASSOCIATON'] } });
      const literal = await server.gql(ENUM_LITERAL);
      for (const res of [typo, variable, literal]) {
        expect(res.status).toBe(400);
        expect(messages(res)).not.toMatch(/did you mean|organisations"|"ASSOCIATION"|Suggestion/i);
      }
      expect(messages(typo)).toContain('Cannot query field "organisatons" on type "Query".');
      expect(messages(variable)).toContain('Value "ASSOCIATON" does not exist in "LegalForm" enum.');
    });
  });

  it('GRAPHQL_INTROSPECTION=true turns introspection on in production', async () => {
    await withServer({ nodeEnv: 'production', graphqlIntrospection: true }, async (server) => {
      expect((await server.gql(INTROSPECTION)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });
  });

  it('outside production both stay, for developers', async () => {
    await withServer({}, async (server) => {
      expect((await server.gql(INTROSPECTION)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect(messages(await server.gql(ENUM_VARIABLE, { f: { legalForms: ['ASSOCIATON'] } }))).toMatch(/Did you mean the enum value "ASSOCIATION"\?/);
    });
  });
});

describe('TRUST_PROXY', () => {
  const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
  const loginFrom = (server: TestServer, claimed: string, email: string, password: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': claimed },
      body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
    });

  it('a peer that is not a listed proxy cannot choose the address its failures count against', async () => {
    // The test client is 127.0.0.1; the only trusted proxy is elsewhere, so X-Forwarded-For is ignored.
    await withServer({ trustProxy: ['10.20.30.40'], loginMaxAttempts: 1000, loginMaxAttemptsPerAddress: 3 }, async (server) => {
      const { user } = await makeUser();
      for (let i = 1; i <= 3; i++) expect((await loginFrom(server, `10.7.7.${i}`, user.email, 'wrong password')).status).toBe(200);
      expect((await loginFrom(server, '10.7.7.99', user.email, TEST_PASSWORD)).status).toBe(429);
    });
  });

  it('a listed proxy does name the client address', async () => {
    await withServer({ trustProxy: ['127.0.0.1'], loginMaxAttempts: 1000, loginMaxAttemptsPerAddress: 3 }, async (server) => {
      const { user } = await makeUser();
      for (let i = 1; i <= 3; i++) expect((await loginFrom(server, `10.8.8.${i}`, user.email, 'wrong password')).status).toBe(200);
      expect((await loginFrom(server, '10.8.8.99', user.email, TEST_PASSWORD)).status).toBe(200);
    });
  });
});

describe('slow clients', () => {
  let server: Server;
  let port: number;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const config = testConfig({ httpHeadersTimeoutMs: 300, httpRequestTimeoutMs: 600, httpKeepAliveTimeoutMs: 300 });
    const made = await createApp({ config, log: createLogger('silent') });
    stop = made.stop;
    server = createHttpServer(made.app, config);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stop();
  });

  /** Opens a connection, sends `first`, then one more byte every 100 ms; resolves with what came back once the server closes it. */
  function dripping(first: string, drip: string): Promise<{ answer: string; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      let timer: NodeJS.Timeout;
      const giveUp = setTimeout(() => {
        clearInterval(timer);
        socket.destroy();
        reject(new Error(`still open after 10 s: ${answer}`));
      }, 10_000);
      socket.on('connect', () => {
        socket.write(first);
        timer = setInterval(() => socket.write(drip), 100);
      });
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('error', () => undefined); // a write after the server closed
      socket.on('close', () => {
        clearInterval(timer);
        clearTimeout(giveUp);
        resolve({ answer, ms: Date.now() - started });
      });
    });
  }

  it('cuts off a client that sends its headers too slowly, with 408', async () => {
    const { answer } = await dripping('GET /health HTTP/1.1\r\nHost: x\r\n', 'X-Slow: a\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off a client that sends its body too slowly, with 408', async () => {
    const { answer } = await dripping('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{', ' ');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('still answers a client that sends its request at a normal pace', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);
  });
});

describe('/metrics', () => {
  const TOKEN = 'k7Qe9vR2xLm4Tz8pWc1sYb6nHd3Jf5Ga';

  it('is not served in production without METRICS_PORT or METRICS_TOKEN', async () => {
    await withServer({ nodeEnv: 'production', metricsEnabled: true }, async (server) => {
      expect((await server.get('/metrics')).status).toBe(404);
    });
  });

  it('with METRICS_TOKEN, answers only the bearer of the token', async () => {
    await withServer({ nodeEnv: 'production', metricsEnabled: true, metricsToken: TOKEN }, async (server) => {
      expect((await server.get('/metrics')).status).toBe(401);
      expect((await server.get('/metrics', { authorization: `Bearer ${TOKEN.slice(0, -1)}x` })).status).toBe(401);
      const ok = await server.get('/metrics', { authorization: `Bearer ${TOKEN}` });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('maillage_http_requests_total');
    });
  });

  it('with METRICS_PORT, is served on that port only', async () => {
    const config = testConfig({ nodeEnv: 'production', metricsEnabled: true, metricsPort: 9464 });
    const made = await createApp({ config, log: createLogger('silent') });
    const api = createHttpServer(made.app, config);
    const metricsApp = made.operations.metricsApp();
    expect(metricsApp).not.toBeNull();
    const metrics = createHttpServer(metricsApp!, config);
    try {
      await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => metrics.listen(0, '127.0.0.1', resolve));
      const at = (s: Server, path: string) => fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}${path}`);
      expect((await at(api, '/metrics')).status).toBe(404);
      expect((await at(metrics, '/metrics')).status).toBe(200);
      expect((await at(metrics, '/graphql')).status).toBe(404);
    } finally {
      for (const s of [api, metrics]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      await made.stop();
    }
  });

  it('outside production stays open on the API port, for development', async () => {
    await withServer({ metricsEnabled: true }, async (server) => {
      expect((await server.get('/metrics')).status).toBe(200);
    });
  });
});
