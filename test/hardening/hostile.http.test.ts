// Hostile input against a real listening server: thousands of requests generated from the live schema
// (every root field, every argument and input field) plus malformed HTTP, sent anonymously and as each
// role. Nothing may answer 5xx or leak internals, the server must keep serving, and no data may change.
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { EJSON } from 'bson';
import { useTestDatabase } from '../helpers/db';
import { startServer, dataOf, type TestServer } from '../helpers/server';
import { buildSchema } from '../../src/schema';
import { seedAll } from '../../seeds/seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seeds/users';
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { hostileValues, minimalVariables, operationFor, requiredArgs, rootFields, setAt, slotsOf, INJECTIONS, type Root } from './schema-walk';

useTestDatabase();

interface HostileRequest {
  category: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Index into the callers (anonymous, then each role); the token is added as a bearer header. */
  caller?: number;
}

interface Outcome {
  category: string;
  status: number;
  code: string;
  body: string;
}

/** What no response body may contain: driver and database text, index names, stack frames, paths. */
const LEAKS: [string, RegExp][] = [
  ['database text', /mongo|E11000|dup key|bson|mongoose|collection:|WriteError|CastError/i],
  ['index name', /\b[a-z][A-Za-z.]*_(?:1|-1|text|2dsphere)\b/],
  ['stack frame', /\bat [\w.<>$]+ \(|\bat (?:async )?[\w./-]+:\d+:\d+|"stack"|stacktrace/i],
  ['file path', /\/(?:work|home|usr|app|tmp)\/|node_modules|\.[jt]s:\d+/],
];

const schema: GraphQLSchema = buildSchema();
const CALLERS = ['anonymous', 'MEMBER', 'COORDINATOR', 'OFFICER', 'ADMIN'] as const;

let server: TestServer;
const tokens: (string | null)[] = [null];
let before: Snapshot;

type Snapshot = Record<string, { count: number; hash: string }>;

/** Every collection's count and a hash of its documents in _id order. */
async function snapshot(): Promise<Snapshot> {
  const db = mongoose.connection.db!;
  const out: Snapshot = {};
  for (const c of (await db.listCollections().toArray()).map((c) => c.name).sort()) {
    const docs = await db.collection(c).find().sort({ _id: 1 }).toArray();
    out[c] = {
      count: docs.length,
      hash: createHash('sha256')
        .update(EJSON.stringify(docs, { relaxed: false }))
        .digest('hex'),
    };
  }
  return out;
}

beforeAll(async () => {
  await seedAll({ log: { info: () => undefined }, bcryptCost: 4, organisations: 12 });
  server = await startServer();
  // Sign in as each role through the API, as a client would.
  for (const role of CALLERS.slice(1)) {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    const res = dataOf(
      await server.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: account.email, p: DEMO_PASSWORD }),
    );
    tokens.push(res.login.token);
  }
  before = await snapshot();
}, 60_000);
afterAll(() => server.close());

const json = (v: unknown) => JSON.stringify(v);
const gqlBody = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) => json({ query, variables, ...extra });

/** A chain of object fields without required arguments, from Query, as deep as asked (cycling when the graph has cycles). */
function deepSelection(depth: number): string {
  let type: GraphQLObjectType = schema.getQueryType()!;
  const names: string[] = [];
  for (let i = 0; i < depth; i++) {
    const next = Object.values(type.getFields()).find((f) => requiredArgs(f).length === 0 && isObjectType(getNamedType(f.type)) && !f.name.startsWith('__'));
    if (!next) break;
    names.push(next.name);
    type = getNamedType(next.type) as GraphQLObjectType;
  }
  return names.reduceRight((inner, name) => `${name} { ${inner} }`, '__typename');
}

/** Requests built from the schema: every slot of every root field with every hostile value, by every caller. */
function schemaRequests(): HostileRequest[] {
  const out: HostileRequest[] = [];
  let n = 0;
  for (const root of ['Query', 'Mutation'] as Root[]) {
    for (const field of rootFields(schema, root)) {
      const query = operationFor(root, field, field.args);
      const valid = minimalVariables(field);
      for (const slot of slotsOf(field)) {
        for (const { kind, value } of hostileValues(slot.type)) {
          out.push({ category: `variables:${kind}`, body: gqlBody(query, setAt(valid, slot.path, value)), caller: n++ % CALLERS.length });
        }
      }
      // The same field with injections inlined in the document, where the parser sees them first.
      for (const arg of field.args) {
        for (const inj of INJECTIONS.slice(0, 5)) {
          const literal = JSON.stringify(inj).replace(/"(\$\w+)":/g, '$1:');
          const args = requiredArgs(field)
            .filter((a) => a.name !== arg.name)
            .map((a) => `${a.name}: $${a.name}`);
          const defs = requiredArgs(field)
            .filter((a) => a.name !== arg.name)
            .map((a) => `$${a.name}: ${String(a.type)}`);
          const sel = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
          const doc = `${root === 'Query' ? 'query' : 'mutation'}${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}(${[...args, `${arg.name}: ${literal}`].join(', ')})${sel} }`;
          out.push({ category: 'inline:operator-injection', body: gqlBody(doc, valid), caller: n++ % CALLERS.length });
        }
      }
      // Unknown fields and arguments on each root field.
      out.push({
        category: 'unknown-field',
        body: gqlBody(`${root === 'Query' ? 'query' : 'mutation'} { ${field.name}(notAnArgument: 1) { __typename } }`),
        caller: n++ % CALLERS.length,
      });
      out.push({
        category: 'unknown-field',
        body: gqlBody(
          `${root === 'Query' ? 'query' : 'mutation'} { ${field.name}${isLeafType(getNamedType(field.type)) ? '' : ' { password passwordHash __proto__ constructor }'} }`,
        ),
        caller: n++ % CALLERS.length,
      });
      // Variables sent with the wrong shape altogether.
      // (An extra variable beside valid ones only for queries: a mutation would then run for real.)
      const shapes: unknown[] = ['not an object', [valid], 42, ...(root === 'Query' ? [{ ...valid, extra: { $where: 'sleep(1)' } }] : [])];
      for (const vars of shapes) {
        out.push({ category: 'variables:wrong-shape', body: gqlBody(query, vars), caller: n++ % CALLERS.length });
      }
    }
  }
  return out;
}

/** Requests that attack the shape of documents and of HTTP itself. */
function structuralRequests(): HostileRequest[] {
  const out: HostileRequest[] = [];
  const firstQuery = rootFields(schema, 'Query').find((f) => isLeafType(getNamedType(f.type)) && requiredArgs(f).length === 0)!.name;
  const listQuery = rootFields(schema, 'Query').find((f) => f.args.some((a) => a.name === 'first'))?.name ?? firstQuery;

  // Deep nesting: selections, lists in variables, introspection cycles.
  for (const depth of [11, 20, 50, 200]) out.push({ category: 'deep-nesting', body: gqlBody(`{ ${deepSelection(depth)} }`) });
  for (const depth of [50, 500, 5000]) out.push({ category: 'deep-nesting', body: gqlBody(`{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`) });
  for (const depth of [3, 6, 10, 20]) {
    out.push({ category: 'introspection-cycle', body: gqlBody(`{ __schema { types { ${'fields { type { '.repeat(depth)}name${' } }'.repeat(depth)} } } }`) });
    out.push({
      category: 'introspection-cycle',
      body: gqlBody(`{ __type(name: "Query") { ${'fields { type { ofType { fields { name '.repeat(depth)}${' } } } }'.repeat(depth)} } }`),
    });
  }
  out.push({ category: 'deep-nesting', body: `{"query":"{ ${firstQuery} }","variables":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}` });
  out.push({ category: 'deep-nesting', body: `{"query":"{ ${firstQuery} }","variables":{"x":${'['.repeat(20000)}${']'.repeat(20000)}}}` });

  // Alias and fragment bombs, directives, huge documents.
  for (const n of [16, 100, 1000]) {
    out.push({ category: 'alias-bomb', body: gqlBody(`{ ${Array.from({ length: n }, (_, i) => `a${i}: ${firstQuery}`).join(' ')} }`) });
    out.push({ category: 'alias-bomb', body: gqlBody(`{ ${Array.from({ length: n }, (_, i) => `a${i}: ${listQuery} { __typename }`).join(' ')} }`) });
    out.push({ category: 'directive-bomb', body: gqlBody(`{ ${firstQuery} ${'@include(if: true) '.repeat(n)} }`) });
    out.push({ category: 'field-repetition', body: gqlBody(`{ ${`${firstQuery} `.repeat(n)} }`) });
  }
  for (const levels of [10, 20, 30]) {
    // Each fragment spreads the next one twice: 2^levels fields once expanded.
    const frags = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : firstQuery} }`);
    out.push({ category: 'fragment-bomb', body: gqlBody(`{ ...F0 } ${frags.join(' ')}`) });
  }
  out.push({ category: 'fragment-bomb', body: gqlBody(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`) });
  out.push({ category: 'fragment-bomb', body: gqlBody(`{ ...A } fragment A on Query { ...A }`) });
  out.push({ category: 'fragment-bomb', body: gqlBody(`{ ${'...A '.repeat(2000)} } fragment A on Query { ${firstQuery} }`) });
  out.push({ category: 'huge-document', body: gqlBody(`{ ${firstQuery} } # ${'x'.repeat(90_000)}`) });
  out.push({ category: 'huge-document', body: gqlBody(`{ ${firstQuery}(${Array.from({ length: 3000 }, (_, i) => `a${i}: 1`).join(', ')}) }`) });
  out.push({ category: 'huge-document', body: gqlBody(`query(${Array.from({ length: 2000 }, (_, i) => `$v${i}: String`).join(', ')}) { ${firstQuery} }`) });

  // Batches of operations.
  for (const size of [0, 2, 10, 500]) out.push({ category: 'batch', body: json(Array.from({ length: size }, () => ({ query: `{ ${firstQuery} }` }))) });
  out.push({ category: 'batch', body: json([[{ query: `{ ${firstQuery} }` }]]) });
  out.push({ category: 'batch', body: gqlBody(`{ ${firstQuery} } { ${firstQuery} }`) });
  out.push({ category: 'batch', body: gqlBody(`query A { ${firstQuery} } query B { ${firstQuery} }`) });
  out.push({ category: 'batch', body: gqlBody(`query A { ${firstQuery} } mutation B { __typename }`, {}, { operationName: 'C' }) });

  // Malformed envelopes.
  const badEnvelopes = [
    '',
    '{',
    '}',
    '{"query": }',
    '{"query": "{ apiVersion }",}',
    "{'query': '{ apiVersion }'}",
    'null',
    'true',
    '"{ apiVersion }"',
    '12345',
    'NaN',
    '{"query": NaN}',
    '{"query": "\\x41"}',
    '{"query": "\\ud800"}',
    `{"query": "{ ${firstQuery} }"} trailing`,
    '\ufeff{"query": "{ apiVersion }"}',
    '{"query": 1}',
    '{"query": null}',
    '{"query": {}}',
    '{"query": ["{ apiVersion }"]}',
    '{"query": ""}',
    '{"query": "   "}',
    '{"query": "{ apiVersion }", "variables": "null"}',
    '{"query": "{ apiVersion }", "operationName": 5}',
    '{"query": "{ apiVersion }", "operationName": {"$ne": null}}',
    '{"query": "{ apiVersion }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
    '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0000000000000000000000000000000000000000000000000000000000000000"}}}',
    '{"query": "{ apiVersion }", "extensions": "x"}',
    '{"__proto__": {"admin": true}, "query": "{ apiVersion }"}',
    '{"constructor": {"prototype": {"isAdmin": true}}, "query": "{ me { role } }"}',
    `{"query": "${'{'.repeat(5000)}"}`,
    '{"query": "query { apiVersion ',
    '{"query": "mutation { }"}',
    '{"query": "subscription { apiVersion }"}',
    '{"query": "fragment F on Query { apiVersion }"}',
    `{"query": "{ ${firstQuery} }", "variables": ${'['.repeat(100)}${']'.repeat(100)}}`,
    `{"query": "{ ${firstQuery} }", "x": "${'y'.repeat(99_000)}"}`,
    `{"query": "{ ${firstQuery} }", "pad": "${'y'.repeat(200_000)}"}`,
  ];
  for (const body of badEnvelopes) out.push({ category: 'malformed-json', body });

  // Content types and encodings.
  const ok = gqlBody(`{ ${firstQuery} }`);
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/graphql',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/json; charset=ebcdic',
    'application/JSON',
    '*/*',
    'application/json, text/plain',
    'image/png',
    'application/graphql-response+json',
  ]) {
    out.push({ category: 'content-type', headers: { 'content-type': type }, body: ok });
  }
  out.push({ category: 'content-type', headers: {}, body: ok });
  out.push({ category: 'content-type', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: ok });
  out.push({
    category: 'content-type',
    headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
    body: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]),
  });
  out.push({
    category: 'content-type',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `query=${encodeURIComponent(`{ ${firstQuery} }`)}`,
  });
  const utf8 = (bytes: number[]) =>
    Buffer.concat([Buffer.from(`{"query": "{ ${listQuery}(filter: {search: \\"`), Buffer.from(bytes), Buffer.from('\\"}) { __typename } }"}')]);
  for (const bytes of [
    [0xff],
    [0xc3, 0x28],
    [0xe2, 0x28, 0xa1],
    [0xf0, 0x28, 0x8c, 0xbc],
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0x00],
    [0xfe, 0xff],
  ]) {
    out.push({ category: 'invalid-utf8', body: utf8(bytes) });
    out.push({ category: 'invalid-utf8', body: Buffer.concat([Buffer.from('{"query": "{ '), Buffer.from(bytes), Buffer.from(` ${firstQuery} }"}`)]) });
    out.push({ category: 'invalid-utf8', body: Buffer.concat([Buffer.from('{"qu'), Buffer.from(bytes), Buffer.from(`ery": "{ ${firstQuery} }"}`)]) });
  }
  out.push({ category: 'invalid-utf8', headers: { 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from([0xd8, 0x00, 0x00, 0x7b]) });

  // Methods, paths, headers.
  const q = encodeURIComponent(`{ ${firstQuery} }`);
  out.push({ category: 'http-method', method: 'GET', path: `/graphql?query=${q}` });
  out.push({ category: 'http-method', method: 'GET', path: `/graphql?query=${q}`, headers: { 'apollo-require-preflight': 'true' } });
  out.push({
    category: 'http-method',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('mutation { ping }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  });
  out.push({ category: 'http-method', method: 'GET', path: `/graphql?query=${q}&variables=%7B%24where%7D`, headers: { 'apollo-require-preflight': 'true' } });
  out.push({ category: 'http-method', method: 'GET', path: `/graphql?query[$ne]=1`, headers: { 'apollo-require-preflight': 'true' } });
  out.push({ category: 'http-method', method: 'GET', path: `/graphql?query=${q}&query=${q}`, headers: { 'apollo-require-preflight': 'true' } });
  for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'])
    out.push({ category: 'http-method', method, body: method === 'HEAD' || method === 'OPTIONS' ? undefined : ok });
  for (const path of [
    '/graphql/',
    '/GRAPHQL',
    '/graphql/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/graphql%00',
    '/.env',
    '/dist/src/index.js',
    '/package.json',
    '/node_modules/',
    `/${'a'.repeat(4000)}`,
    '/graphql?__proto__[x]=1',
  ]) {
    out.push({ category: 'path', method: 'GET', path });
  }
  for (const authorization of [
    'Bearer',
    'Bearer ',
    'Basic YWRtaW46YWRtaW4=',
    'Bearer {"$ne":null}',
    `Bearer ${'a'.repeat(5000)}`,
    'Bearer a.b.c',
    'bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOnsiJG5lIjpudWxsfSwicm9sZSI6IkFETUlOIn0.x',
  ]) {
    out.push({ category: 'bad-token', headers: { 'content-type': 'application/json', authorization }, body: gqlBody('{ me { id role } }') });
  }
  for (const id of ['../../etc', 'x'.repeat(500), '{"$ne":1}']) {
    out.push({ category: 'header', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: ok });
  }
  out.push({ category: 'header', headers: { 'content-type': 'application/json', 'x-forwarded-for': '1.2.3.4, {"$gt":""}' }, body: ok });
  return out;
}

async function send(r: HostileRequest): Promise<Outcome> {
  const token = r.caller ? tokens[r.caller] : null;
  const headers: Record<string, string> = r.headers ?? { 'content-type': 'application/json' };
  if (token && !headers.authorization) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}${r.path ?? '/graphql'}`, { method: r.method ?? 'POST', headers, body: r.body });
  const body = await res.text();
  let code = 'none';
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    code = parsed.errors?.[0]?.extensions?.code ?? (parsed.errors ? 'no-code' : 'data');
  } catch {
    code = body ? 'non-json' : 'empty';
  }
  return { category: r.category, status: res.status, code, body };
}

/** Sends every request, `concurrency` at a time, in order. */
async function sendAll(requests: HostileRequest[], concurrency = 8): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(requests.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const i = next++;
        outcomes[i] = await send(requests[i]!);
      }
    }),
  );
  return outcomes;
}

describe('hostile input', () => {
  let outcomes: Outcome[] = [];
  let requests: HostileRequest[] = [];

  beforeAll(async () => {
    requests = [...schemaRequests(), ...structuralRequests()];
    outcomes = await sendAll(requests);
    const byStatus = new Map<string, number>();
    const byCategory = new Map<string, number>();
    for (const o of outcomes) {
      byStatus.set(`${o.status} ${o.code}`, (byStatus.get(`${o.status} ${o.code}`) ?? 0) + 1);
      byCategory.set(o.category, (byCategory.get(o.category) ?? 0) + 1);
    }
    const lines = [...byStatus].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${k}: ${v}`);
    const cats = [...byCategory].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${k}: ${v}`);
    console.log(`hostile requests: ${outcomes.length}\nby status and code:\n${lines.join('\n')}\nby category:\n${cats.join('\n')}`);
  }, 240_000);

  it('sends at least 2,000 requests, across every category', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(2000);
    const categories = new Set(outcomes.map((o) => o.category.split(':')[0]));
    for (const c of [
      'variables',
      'inline',
      'unknown-field',
      'deep-nesting',
      'introspection-cycle',
      'alias-bomb',
      'fragment-bomb',
      'batch',
      'malformed-json',
      'content-type',
      'invalid-utf8',
      'http-method',
      'bad-token',
    ]) {
      expect(categories).toContain(c);
    }
  });

  it('never answers with a server error, nor meets an error it did not expect', () => {
    const failures = outcomes
      .map((o, i) => ({ o, i }))
      .filter(({ o }) => o.status >= 500 || o.code === 'INTERNAL_SERVER_ERROR')
      .map(({ o, i }) => `${o.category} -> ${o.status} ${o.body.slice(0, 200)} (request: ${String(requests[i]!.body ?? requests[i]!.path).slice(0, 300)})`);
    expect(failures).toEqual([]);
  });

  it('never shows database text, index names, stack frames or file paths', () => {
    const leaks = outcomes.flatMap((o) =>
      LEAKS.filter(([, re]) => re.test(o.body)).map(([what, re]) => `${o.category}: ${what}: ${re.exec(o.body)![0]} in ${o.body.slice(0, 200)}`),
    );
    expect(leaks).toEqual([]);
  });

  it('refuses what it cannot accept with a JSON error that has a code', () => {
    const uncoded = outcomes.filter(
      (o) => o.status >= 400 && o.status !== 404 && o.status !== 405 && !['none', 'empty'].includes(o.code) && o.code === 'no-code',
    );
    expect(uncoded.map((o) => `${o.category} ${o.status} ${o.body.slice(0, 120)}`)).toEqual([]);
    const injectionsAccepted = outcomes.filter(
      (o) => o.category.endsWith('operator-injection') && o.code === 'data' && /"\$(?:gt|ne|where|regex|in)"/.test(o.body),
    );
    expect(injectionsAccepted).toEqual([]);
  });

  it('still answers /ready and a normal query afterwards', async () => {
    expect((await server.get('/ready')).status).toBe(200);
    expect((await server.get('/health')).status).toBe(200);
    const listQuery = rootFields(schema, 'Query').find((f) => f.name === 'organisations');
    const res = listQuery
      ? dataOf(await server.gql('{ organisations(first: 5) { totalCount edges { node { id name } } } }'))
      : dataOf(await server.gql('{ apiVersion }'));
    expect(res).toBeTruthy();
    if (listQuery) expect(res.organisations.edges.length).toBe(5);
  });

  it('leaves the data exactly as it was', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
