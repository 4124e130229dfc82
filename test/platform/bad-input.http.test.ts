// Bad input through HTTP: every malformed request gets a stable code, a message a person can act on and,
// where there is one, the field at fault. Never a 500, a stack trace or database text.
// (Forged, expired and alg-none tokens: test/modules/user/auth.http.test.ts.)
import { useTestDatabase } from '../helpers/db';
import { startServer, type GqlResult, type TestServer } from '../helpers/server';
import { makeOrganisation } from '../helpers/factories';

useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  for (let i = 0; i < 3; i++) await makeOrganisation({ name: `Organisation ${i}` });
});
afterAll(() => server.close());

const LEAKS = /stack|\bat \w+ \(|node_modules|Mongo|E11000|dup key|index:|BSON|CastError|\.ts:\d+/;

/** The first error of a response, after checking the response leaks nothing. */
function firstError(res: GqlResult) {
  expect(res.status).not.toBe(500);
  expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
  const err = res.body.errors?.[0];
  expect(err).toBeDefined();
  return { code: err!.extensions?.code, field: err!.extensions?.field, message: err!.message, status: res.status };
}

const PAGE =
  'query($first: Int, $after: String, $filter: OrganisationFilter) { organisations(first: $first, after: $after, filter: $filter) { totalCount edges { node { id } } pageInfo { endCursor } } }';

describe('paging arguments', () => {
  it.each([
    ['random text', 'not-a-cursor'],
    ['characters outside base64url', 'abc$%^&*()'],
    ['base64 of something that is not a cursor', Buffer.from('{"hello":"world"}').toString('base64url')],
    ['base64 of broken JSON', Buffer.from('{"s":"nameKey:1","v":[').toString('base64url')],
    ['a cursor whose id is not an id', Buffer.from(JSON.stringify({ s: 'nameKey:1', v: ['a', { $o: 'zz' }] })).toString('base64url')],
    ['a very long string', 'A'.repeat(5000)],
  ])('refuses a malformed cursor (%s) with BAD_USER_INPUT on after', async (_label, after) => {
    const e = firstError(await server.gql(PAGE, { first: 2, after }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(e.message).toMatch(/cursor is not valid/);
  });

  it('refuses a cursor made for another ordering (by name, reused while searching)', async () => {
    const byName = (await server.gql(PAGE, { first: 1 })).body.data.organisations.pageInfo.endCursor;
    expect(byName).toEqual(expect.any(String));
    const e = firstError(await server.gql(PAGE, { first: 1, after: byName, filter: { search: 'organisation' } }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a cursor taken from another filter with the same ordering (one search reused for another)', async () => {
    const cursor = (await server.gql(PAGE, { first: 1, filter: { legalForms: ['ASSOCIATION'] } })).body.data.organisations.pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));
    const same = await server.gql(PAGE, { first: 1, after: cursor, filter: { legalForms: ['ASSOCIATION'] } });
    expect(same.body.errors).toBeUndefined();
    const e = firstError(await server.gql(PAGE, { first: 1, after: cursor, filter: { legalForms: ['SCOP'] } }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(e.message).toMatch(/same filter and order/);
  });

  it.each([[-1], [0], [101], [1_000_000]])('refuses first = %i with BAD_USER_INPUT on first, saying the range', async (first) => {
    const e = firstError(await server.gql(PAGE, { first }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(e.message).toMatch(/between 1 and 100/);
  });

  it('refuses a first beyond a 32-bit integer as a wrong variable type', async () => {
    const e = firstError(await server.gql(PAGE, { first: 2 ** 31 }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
    expect(e.message).toMatch(/\$first/);
  });
});

describe('ids and variable types', () => {
  it.each(['not-an-id', '123', '0123456789abcdef0123456z', ''])('refuses organisation(id: %p) with BAD_USER_INPUT on id', async (id) => {
    const e = firstError(await server.gql('query($id: ID!) { organisation(id: $id) { id } }', { id }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses a malformed id in a filter, naming its position', async () => {
    const e = firstError(await server.gql(PAGE, { filter: { domainIds: ['0123456789abcdef01234567', 'culture'] } }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.domainIds[1]' });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a string for an Int', { first: 'ten' }, /\$first/],
    ['a float for an Int', { first: 2.5 }, /\$first/],
    ['an unknown legal form', { filter: { legalForms: ['SARL'] } }, /legalForms/],
    ['a string for a latitude', { filter: { near: { lat: 'north', lng: 5.4, radiusMeters: 100 } } }, /lat/],
    ['a missing radius', { filter: { near: { lat: 43.5, lng: 5.4 } } }, /radiusMeters/],
    ['an unknown filter field', { filter: { colour: 'blue' } }, /colour/],
    ['a list for a string', { filter: { search: ['a', 'b'] } }, /search/],
  ])('refuses %s with 400 BAD_USER_INPUT naming the variable', async (_label, variables, message) => {
    const e = firstError(await server.gql(PAGE, variables));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
    expect(e.message).toMatch(message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a latitude beyond 90', { near: { lat: 91, lng: 5.4, radiusMeters: 100 } }, 'filter.near'],
    ['a zero radius', { near: { lat: 43.5, lng: 5.4, radiusMeters: 0 } }, 'filter.near.radiusMeters'],
    ['a radius beyond 50 km', { near: { lat: 43.5, lng: 5.4, radiusMeters: 50_001 } }, 'filter.near.radiusMeters'],
    ['a search over 200 characters', { search: 'théâtre '.repeat(30) }, 'filter.search'],
    ['more than 50 domains', { domainIds: Array.from({ length: 51 }, () => '0123456789abcdef01234567') }, 'filter.domainIds'],
  ])('refuses %s in a filter with BAD_USER_INPUT on its field', async (_label, filter, field) => {
    const e = firstError(await server.gql(PAGE, { filter }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it.each(['"', '"théâtre', '-', '\\', '*', '$where', '{"$gt": ""}', 'le la les', '\u0000'])(
    'treats the search %p as plain text: an answer, never an error',
    async (search) => {
      const res = await server.gql(PAGE, { filter: { search } });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.organisations.edges).toEqual(expect.any(Array));
    },
  );

  it('refuses a literal of the wrong type in the query itself', async () => {
    const e = firstError(await server.gql('{ organisations(first: "ten") { totalCount } }'));
    expect(e).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
  });
});

describe('query shape limits', () => {
  it('refuses a query deeper than MAX_QUERY_DEPTH with 400, saying the limit', async () => {
    const deep = '{ organisations { edges { node { domains { parent { parent { parent { children { children { children { name } } } } } } } } } } }';
    const e = firstError(await server.gql(deep));
    expect(e).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
    expect(e.message).toMatch(`depth limit of ${server.config.maxQueryDepth}`);
  });

  it('accepts a query at exactly the depth limit', async () => {
    const res = await server.gql('{ organisations(first: 1) { edges { node { domains { parent { parent { children { children { name } } } } } } } } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses more aliases than MAX_ALIASES', async () => {
    const query = `{ ${Array.from({ length: server.config.maxAliases + 1 }, (_, i) => `a${i}: apiVersion`).join(' ')} }`;
    const e = firstError(await server.gql(query));
    expect(e).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
    expect(e.message).toMatch(/Aliases limit/);
  });

  it('refuses a query whose estimated cost is over the limit', async () => {
    const e = firstError(await server.gql('{ organisations(first: 99999999) { edges { node { domains { children { children { name } } } } } } }'));
    expect(e).toMatchObject({ code: 'QUERY_TOO_COSTLY', status: 400 });
  });

  it('refuses a document of too many tokens with 400, not 500', async () => {
    const e = firstError(await server.gql(`{ ${'apiVersion '.repeat(6000)} }`));
    expect(e).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', status: 400 });
    expect(e.message).toMatch(/tokens/);
  });

  it('refuses a query with a syntax error with 400 GRAPHQL_PARSE_FAILED, saying where', async () => {
    const e = firstError(await server.gql('{ apiVersion '));
    expect(e).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', status: 400 });
    expect(e.message).toMatch(/Syntax Error/);
  });

  it('refuses an unknown field with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const e = firstError(await server.gql('{ organisations { edges { node { password } } } }'));
    expect(e).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
  });
});

describe('HTTP requests that are not GraphQL requests', () => {
  async function json(res: Response) {
    expect(res.status).not.toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).not.toMatch(LEAKS);
    return JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
  }

  it('refuses a body over the size limit with 413', async () => {
    const res = await server.post('/graphql', JSON.stringify({ query: '{ apiVersion }', variables: { pad: 'x'.repeat(server.config.bodyLimitBytes + 1) } }), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(413);
    const body = await json(res);
    expect(body.errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0]!.message).toMatch(/larger than \d+ bytes/);
  });

  it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
    const res = await server.post('/graphql', '{"query": "{ apiVersion }"', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/not valid JSON/) });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses content type %s with 415, naming the right one',
    async (type) => {
      const res = await server.post('/graphql', '{ apiVersion }', { 'content-type': type });
      expect(res.status).toBe(415);
      expect((await json(res)).errors[0]!.message).toMatch(/Content-Type: application\/json/);
    },
  );

  it('refuses a batch (a JSON array) with 400', async () => {
    const res = await server.post('/graphql', JSON.stringify([{ query: '{ apiVersion }' }]), { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0]!.message).toMatch(/batches are not accepted/);
  });

  it('refuses a JSON body without a query with 400', async () => {
    const res = await server.post('/graphql', JSON.stringify({ variables: {} }), { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a GET without a query with 400', async () => {
    const res = await server.get('/graphql', { 'apollo-require-preflight': 'true' });
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/non-empty `query`/) });
  });

  it('blocks a GET without a preflight header (CSRF prevention) with 400', async () => {
    const res = await server.get(`/graphql?query=${encodeURIComponent('{ apiVersion }')}`);
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0]!.message).toMatch(/Cross-Site Request Forgery/);
  });

  it('answers a GET query with a preflight header, but refuses a mutation over GET with 405', async () => {
    const ok = await server.get(`/graphql?query=${encodeURIComponent('{ apiVersion }')}`, { 'apollo-require-preflight': 'true' });
    expect(ok.status).toBe(200);
    const res = await server.get(`/graphql?query=${encodeURIComponent('mutation { ping }')}`, { 'apollo-require-preflight': 'true' });
    expect(res.status).toBe(405);
    expect((await json(res)).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it.each(['/nope', '/graphql/extra', '/api'])('answers an unknown route (%s) with 404 JSON pointing at /graphql', async (path) => {
    const res = await server.get(path);
    expect(res.status).toBe(404);
    expect((await json(res)).errors[0]).toEqual({ message: 'No such endpoint. The API is at /graphql.', extensions: { code: 'NOT_FOUND' } });
  });

  it('tags every response with a request id, and keeps a well-formed one given by the client', async () => {
    const res = await server.get('/nope', { 'x-request-id': 'client-chosen-id-123' });
    expect(res.headers.get('x-request-id')).toBe('client-chosen-id-123');
    const other = await server.get('/nope', { 'x-request-id': 'bad id with spaces' });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
