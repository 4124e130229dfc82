// GET /graphql from a browser: the GraphiQL explorer, bundled with the app (dist/explorer) and served
// from this origin under a strict CSP. Off in production unless GRAPHQL_EXPLORER=true; queries (POST, and
// GET with ?query=) always go on to Apollo.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express, Request, Response } from 'express';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import { explorerAssetsDir, EXPLORER_FILES } from './assets';

/**
 * Everything from this origin, nothing inline, nothing evaluated. `default-src 'none'`: what is not named
 * below is refused (frames, workers, objects, manifests).
 * - script-src 'self': one external file; GraphiQL 4 and CodeMirror 5 need no inline code and no eval.
 * - style-src nonce: GraphiQL's dialogs (Radix, via react-remove-scroll) add a <style> element when they
 *   open; it carries this request's nonce (the page script hands it over as `__webpack_nonce__`, which
 *   that library reads). Style attributes set from script go through the CSSOM, which CSP allows.
 * - font-src/img-src data:: GraphiQL's fonts and icons are inlined into main.css as data: URLs.
 */
export function explorerCsp(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The refusal page (and the not-built one): nothing to load at all. */
const PLAIN_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Tab {
  query: string;
  headers?: string;
}

const DEMO_SIGN_IN = `# Maillage API explorer (development): sign in as a demo account.
#
# 1. Run this mutation (the pink button, or Ctrl+Enter).
#    Every demo account has the password maillage-demo; the README lists them
#    (admin@, officer@, coordinator@, member@, member2@ maillage.test).
# 2. Copy the token from the result.
# 3. Open the next tab ("Me"), paste it into its Headers (below the query):
#    { "Authorization": "Bearer <the token>" }
#    then run it: you are now that person for every query you send from that tab.
mutation SignIn {
  login(email: "member@maillage.test", password: "maillage-demo") {
    token
    expiresAt
    user { id name role }
    errors { code message field }
  }
}
`;

const ME = `# Who am I? Needs the Authorization header (Headers, below): { "Authorization": "Bearer <token>" }
query Me {
  me {
    name
    role
    memberships { role organisation { name } }
  }
}
`;

const PRODUCTION_START = `# Maillage GraphQL API. Sign in with the login mutation, then send the token in
# Headers (below the query): { "Authorization": "Bearer <token>" }
query Version {
  apiVersion
}
`;

/** The tabs a first visit opens with: the demo sign-in in development, a bare query elsewhere. */
export function startingTabs(config: Pick<Config, 'nodeEnv'>): Tab[] {
  if (config.nodeEnv === 'production') return [{ query: PRODUCTION_START }];
  return [{ query: DEMO_SIGN_IN }, { query: ME, headers: '{ "Authorization": "Bearer <paste the token from the SignIn tab>" }' }];
}

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

function page(config: Config, version: string, styleNonce: string): string {
  const settings = { endpoint: '/graphql', tabs: startingTabs(config), showHeaders: config.nodeEnv !== 'production', styleNonce };
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>Maillage – GraphQL explorer</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/explorer/main.css?v=${version}">
  <script type="application/json" id="explorer-settings">${escapeJson(settings)}</script>
  <script src="/explorer/main.js?v=${version}" defer></script>
</head>
<body data-state="loading">
  <div id="graphiql"><noscript>The explorer needs JavaScript. The API answers POST /graphql with JSON.</noscript></div>
</body>
</html>
`;
}

function plainPage(title: string, text: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style></head>
<body><h1>${title}</h1><p>${text}</p></body></html>
`;
}

/** A browser asking for the page: GET, HTML preferred over JSON, and no query to run. */
function wantsPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.query.query !== undefined) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

function sendHtml(res: Response, status: number, csp: string, html: string): void {
  res.setHeader('content-security-policy', csp);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('vary', 'Accept');
  res.status(status).type('text/html; charset=utf-8').send(html);
}

/** Mounts the page on GET /graphql (before Apollo) and its two files under /explorer/. */
export function mountExplorer(app: Express, { config, log }: { config: Config; log: Logger }): void {
  if (!config.graphqlExplorer) {
    app.get('/graphql', (req, res, next) => {
      if (!wantsPage(req)) return next();
      sendHtml(
        res,
        404,
        PLAIN_CSP,
        plainPage('No explorer here', 'The GraphQL explorer is turned off on this server (GRAPHQL_EXPLORER). The API answers POST /graphql with JSON.'),
      );
    });
    return;
  }

  const dir = explorerAssetsDir();
  const built = EXPLORER_FILES.every((f) => existsSync(join(dir, f)));
  if (!built) {
    log.warn({ dir }, 'GraphQL explorer not built: GET /graphql answers 404 to browsers (run npm run build:explorer)');
    app.get('/graphql', (req, res, next) => {
      if (!wantsPage(req)) return next();
      sendHtml(
        res,
        404,
        PLAIN_CSP,
        plainPage(
          'Explorer not built',
          'The GraphQL explorer is on but its files are missing: run <code>npm run build:explorer</code> (npm run build does it). The API answers POST /graphql with JSON.',
        ),
      );
    });
    return;
  }

  // Read once: the files change only with a new build, and a new build means a restart.
  const files = new Map(EXPLORER_FILES.map((f) => [f, readFileSync(join(dir, f))]));
  // In the files' addresses, so a browser never mixes a cached main.js with a newer page.
  const version = createHash('sha256')
    .update(Buffer.concat([...files.values()]))
    .digest('hex')
    .slice(0, 12);

  app.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) return next();
    // A fresh nonce each time, or it is no secret: the page is small and built per request.
    const styleNonce = randomBytes(18).toString('base64');
    sendHtml(res, 200, explorerCsp(styleNonce), page(config, version, styleNonce));
  });
  for (const file of EXPLORER_FILES) {
    app.get(`/explorer/${file}`, (_req, res) => {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('cache-control', 'public, max-age=300');
      res.type(file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8').send(files.get(file));
    });
  }
}
