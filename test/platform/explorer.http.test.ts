// GET /graphql for browsers: the bundled explorer with a strict CSP, off in production unless asked for;
// queries (POST, and GET with ?query=) still reach Apollo, whose CDN landing page is gone.
import { randomBytes } from 'node:crypto';
import { parse, validate } from 'graphql';
import { useTestDatabase } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { loadConfig } from '../../src/config';
import { buildSchema } from '../../src/schema';
import { startingTabs } from '../../src/explorer/explorer';
import { ensureExplorerBuilt } from '../../src/explorer/build';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const PRODUCTION_ENV = { NODE_ENV: 'production', MONGODB_URI: 'mongodb://db.invalid/maillage', JWT_SECRET: randomBytes(48).toString('base64') };

/** The CSP as a map of directive -> sources. */
function directives(csp: string | null): Map<string, string[]> {
  expect(csp).toBeTruthy();
  return new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

useTestDatabase();

describe('the explorer where it is on (development and test by default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    await ensureExplorerBuilt();
    server = await startServer();
  });
  afterAll(() => server.close());

  it('serves the GraphiQL page to a browser at GET /graphql, from this origin only', async () => {
    const res = await server.get('/graphql', { accept: BROWSER_ACCEPT });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<script src="\/explorer\/main\.js\?v=[0-9a-f]{12}" defer><\/script>/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/explorer\/main\.css\?v=[0-9a-f]{12}">/);
    // No other origin named anywhere in the page (Apollo's page loaded its CDN and Google Fonts).
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>|<script (?!src=|type="application\/json")/);
  });

  it('sends a strict Content-Security-Policy: own files, no inline script, no eval, no framing', async () => {
    const res = await server.get('/graphql', { accept: BROWSER_ACCEPT });
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    const styles = csp.get('style-src')!;
    expect(styles[0]).toBe("'self'");
    expect(styles[1]).toMatch(/^'nonce-[A-Za-z0-9+/]{24}'$/);
    expect(styles).toHaveLength(2);
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources.filter((s) => /^https?:|^\*/.test(s))).toEqual([]);
    }
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('gives the styles a new nonce with every page, and hands that nonce to the page script', async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => {
        const res = await server.get('/graphql', { accept: BROWSER_ACCEPT });
        const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)![1]!;
        expect(await res.text()).toContain(`"styleNonce":"${nonce}"`);
        return nonce;
      }),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('serves the bundled script and stylesheet, with fonts inlined rather than fetched', async () => {
    const js = await server.get('/explorer/main.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await js.text()).length).toBeGreaterThan(100_000);
    const css = await server.get('/explorer/main.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const text = await css.text();
    expect(text).toContain('.graphiql-container');
    expect(text).toContain('url(data:font/woff2;base64,');
    const urls = [...text.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]!);
    expect(urls.filter((u) => !u.startsWith('data:'))).toEqual([]);
    expect(text).not.toContain('@import');
  });

  it('opens on the demo sign-in in development, with the header hint', () => {
    const tabs = startingTabs({ nodeEnv: 'development' });
    expect(tabs[0]!.query).toContain('login(email: "member@maillage.test", password: "maillage-demo")');
    expect(tabs[0]!.query).toContain('"Authorization": "Bearer <the token>"');
    expect(tabs[1]!.headers).toContain('"Authorization": "Bearer');
  });

  it('opens on queries that are valid against the schema (a renamed field fails here)', () => {
    const schema = buildSchema();
    for (const env of ['development', 'production'] as const) {
      for (const tab of startingTabs({ nodeEnv: env })) {
        expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);
      }
    }
  });

  it('still runs queries: POST, and GET with ?query= even from a browser', async () => {
    expect((await server.gql('{ apiVersion }')).body.data?.apiVersion).toEqual(expect.any(String));
    for (const accept of ['application/json', BROWSER_ACCEPT]) {
      const res = await server.get('/graphql?query=%7B%20apiVersion%20%7D', { accept, 'apollo-require-preflight': 'true' });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { apiVersion: unknown } }).data.apiVersion).toEqual(expect.any(String));
    }
  });

  it('answers a GET without a query from a JSON client as Apollo does, not with the page', async () => {
    const res = await server.get('/graphql', { accept: 'application/json', 'apollo-require-preflight': 'true' });
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.status).toBe(400);
  });
});

describe('the explorer in production', () => {
  it('is off unless GRAPHQL_EXPLORER=true', () => {
    expect(loadConfig(PRODUCTION_ENV).graphqlExplorer).toBe(false);
    expect(loadConfig({ ...PRODUCTION_ENV, GRAPHQL_EXPLORER: 'true' }).graphqlExplorer).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).graphqlExplorer).toBe(true);
    expect(() => loadConfig({ ...PRODUCTION_ENV, GRAPHQL_EXPLORER: 'maybe' })).toThrow(/GRAPHQL_EXPLORER must be true or false/);
  });

  describe('when off', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({ nodeEnv: 'production', graphqlExplorer: loadConfig(PRODUCTION_ENV).graphqlExplorer });
    });
    afterAll(() => server.close());

    it("answers a browser with a short 404 page, not the explorer nor Apollo's landing page", async () => {
      const res = await server.get('/graphql', { accept: BROWSER_ACCEPT });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.has('script-src')).toBe(false);
      const html = await res.text();
      expect(html).toContain('The GraphQL explorer is turned off on this server');
      expect(html).not.toMatch(/<script|https?:\/\/|apollo/i);
      expect((await server.get('/explorer/main.js')).status).toBe(404);
    });

    it('still answers queries', async () => {
      expect((await server.gql('{ apiVersion }')).body.data?.apiVersion).toEqual(expect.any(String));
    });
  });

  describe('when GRAPHQL_EXPLORER=true', () => {
    let server: TestServer;
    beforeAll(async () => {
      await ensureExplorerBuilt();
      server = await startServer({ nodeEnv: 'production', graphqlExplorer: loadConfig({ ...PRODUCTION_ENV, GRAPHQL_EXPLORER: 'true' }).graphqlExplorer });
    });
    afterAll(() => server.close());

    it('serves the explorer, opening on a plain query: no demo account or password on a real site', async () => {
      const res = await server.get('/graphql', { accept: BROWSER_ACCEPT });
      expect(res.status).toBe(200);
      expect(directives(res.headers.get('content-security-policy')).get('script-src')).toEqual(["'self'"]);
      const html = await res.text();
      expect(html).toContain('apiVersion');
      expect(html).not.toContain('maillage-demo');
      expect(html).not.toContain('member@maillage.test');
    });
  });
});
