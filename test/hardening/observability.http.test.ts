// Operability: JSON log lines with a request id and no secrets, an access line per request, and
// Prometheus metrics for requests, errors by code, latency and the database pool.
import { Writable } from 'node:stream';
import { useTestDatabase } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { createLogger } from '../../src/shared/logger';

useTestDatabase();

/** Collects every line the app logs. */
function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('debug', stream), lines };
}

describe('logs', () => {
  const captured = captureLog();
  let server: TestServer;
  let token = '';
  const iban = 'FR7630006000011234567890189';

  beforeAll(async () => {
    server = await startServer({}, { log: captured.log });
    const { user } = await makeUser({ email: 'logged@example.test' });
    captured.lines.length = 0; // only what requests produce
    const res = await server.gql(`mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, {
      email: user.email,
      password: TEST_PASSWORD,
    });
    token = res.body.data.login.token;
    await server.gql('query Me { me { id } }', {}, token);
    await server.gql(
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { errors { field } } }',
      { i: { name: 'X', legalForm: 'ASSOCIATION', description: 'short', iban } },
      token,
    );
    await server.gql('{ nope }');
    await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abcdef123456' },
      body: '{"query": "{ apiVersion }"}',
    });
    await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.valid-token' },
      body: '{"query": "{ me { id } }"}',
    });
    await fetch(`${server.url}/no-such-page?token=${token}`);
  });
  afterAll(() => server.close());

  it('writes one JSON object per line, each with the request id of the request that caused it', () => {
    expect(captured.lines.length).toBeGreaterThanOrEqual(7);
    for (const line of captured.lines) {
      const entry = JSON.parse(line);
      expect(entry).toMatchObject({ service: 'maillage', level: expect.any(Number), time: expect.any(String) });
      expect(entry.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    }
  });

  it('ends every request with an access line: method, path, status, duration, operation', () => {
    const access = captured.lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
    expect(access).toHaveLength(7);
    expect(access[0]).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationType: 'mutation',
      operationName: 'Login',
      durationMs: expect.any(Number),
    });
    expect(access[1]).toMatchObject({ operationName: 'Me', userId: expect.any(String) });
    expect(access[3]).toMatchObject({ status: 400 });
    expect(access[4]).toMatchObject({ requestId: 'trace-abcdef123456', status: 200 });
    expect(access[5]).toMatchObject({ status: 401, errorCode: 'UNAUTHENTICATED' });
    expect(access[6]).toMatchObject({ method: 'GET', path: '/no-such-page', status: 404 });
  });

  it('never writes a password, a token, an IBAN or a query text', () => {
    const all = captured.lines.join('\n');
    expect(token.length).toBeGreaterThan(20);
    for (const secret of [TEST_PASSWORD, token, token.split('.')[2]!, iban, 'not.a.valid-token', 'apiVersion', 'createOrganisation(']) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('serves requests, errors by code, latency and the database pool in Prometheus format', async () => {
    await server.gql('{ apiVersion }');
    await server.gql('{ me { id } }');
    await server.gql('{ nope }');
    await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    const res = await server.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
    expect(value(/^maillage_http_requests_total\{method="POST",route="\/graphql",status="200",service="maillage"\} (\d+)/m)).toBeGreaterThanOrEqual(2);
    expect(value(/^maillage_errors_total\{code="UNAUTHENTICATED",service="maillage"\} (\d+)/m)).toBe(1);
    expect(value(/^maillage_errors_total\{code="GRAPHQL_VALIDATION_FAILED",service="maillage"\} (\d+)/m)).toBe(1);
    expect(value(/^maillage_errors_total\{code="BAD_REQUEST",service="maillage"\} (\d+)/m)).toBe(1);
    expect(value(/^maillage_graphql_operations_total\{type="query",service="maillage"\} (\d+)/m)).toBeGreaterThanOrEqual(2);
    const buckets = text
      .split('\n')
      .filter((l) => l.startsWith('maillage_http_request_duration_seconds_bucket{') && l.includes('route="/graphql"') && l.includes('status_class="2xx"'));
    expect(buckets.length).toBeGreaterThan(5);
    expect(value(/^maillage_mongodb_up\{service="maillage"\} (\d+)/m)).toBe(1);
    expect(value(/^maillage_mongodb_pool_connections\{state="total",service="maillage"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^maillage_mongodb_pool_connections\{state="checked_out",service="maillage"\} (\d+)/m)).toBe(0);
    expect(text).toMatch(/^maillage_process_resident_memory_bytes/m);
  });

  it('serves no /metrics when METRICS_ENABLED is off', async () => {
    const off = await startServer({ metricsEnabled: false });
    try {
      expect((await off.get('/metrics')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
