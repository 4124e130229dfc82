// Two things the HTTP bench made cheaper without changing what a client sees: the cache-control header
// (now set once per response instead of by a per-field plugin) and edge cursors (now encoded only when
// a client asks for them).
import { useTestDatabase } from '../helpers/db';
import { dataOf, startServer, type TestServer } from '../helpers/server';
import { makeOrganisation } from '../helpers/factories';

useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  for (let i = 0; i < 7; i++) await makeOrganisation({ name: `Organisation ${String.fromCharCode(65 + i)}` });
});
afterAll(() => server.close());

describe('caching', () => {
  it('tells browsers and proxies not to store a GraphQL answer', async () => {
    const res = await server.gql('{ organisations(first: 2) { edges { node { id } } } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('tells them the same when the answer is an error', async () => {
    const res = await server.gql('{ organisations(first: 500) { edges { node { id } } } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('cursors', () => {
  const PAGE = `query($first: Int, $after: String) { organisations(first: $first, after: $after) {
    edges { cursor node { name } } pageInfo { startCursor endCursor hasNextPage } } }`;
  type Page = {
    organisations: { edges: { cursor: string; node: { name: string } }[]; pageInfo: { startCursor: string; endCursor: string; hasNextPage: boolean } };
  };

  it('gives start and end cursors equal to the first and last edge cursors', async () => {
    const { organisations: p } = dataOf<Page>(await server.gql(PAGE, { first: 4 }));
    expect(p.edges.map((e) => e.node.name)).toEqual(['Organisation A', 'Organisation B', 'Organisation C', 'Organisation D']);
    expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
    expect(p.pageInfo.endCursor).toBe(p.edges[3]!.cursor);
    expect(new Set(p.edges.map((e) => e.cursor)).size).toBe(4);
  });

  it('continues right after the edge whose cursor is passed, whichever edge it is', async () => {
    const { organisations: p } = dataOf<Page>(await server.gql(PAGE, { first: 4 }));
    const { organisations: rest } = dataOf<Page>(await server.gql(PAGE, { first: 3, after: p.edges[1]!.cursor }));
    expect(rest.edges.map((e) => e.node.name)).toEqual(['Organisation C', 'Organisation D', 'Organisation E']);
  });

  it('gives an endCursor that pages on when no edge cursor is asked for', async () => {
    const only = `query($after: String) { organisations(first: 5, after: $after) { edges { node { name } } pageInfo { endCursor hasNextPage } } }`;
    const first = dataOf<{ organisations: { pageInfo: { endCursor: string; hasNextPage: boolean } } }>(await server.gql(only));
    expect(first.organisations.pageInfo.hasNextPage).toBe(true);
    const next = dataOf<{ organisations: { edges: { node: { name: string } }[] } }>(await server.gql(only, { after: first.organisations.pageInfo.endCursor }));
    expect(next.organisations.edges.map((e) => e.node.name)).toEqual(['Organisation F', 'Organisation G']);
  });
});
