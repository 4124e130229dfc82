// Abuse limits: sign-in attempts per account and per client address, and requests per account (or per
// address when anonymous). Counters live in a pluggable store: this process's memory, or MongoDB so that
// every instance behind the proxy counts against the same budget.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import jwt from 'jsonwebtoken';
import mongoose from 'mongoose';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { RateLimiterMemory, RateLimiterMongo, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';

export type LimiterStore = 'memory' | 'mongo';

/** The collection that holds shared counters (RATE_LIMIT_STORE=mongo); expired ones go through a TTL index. */
export const RATE_LIMIT_COLLECTION = 'rate_limits';

/** Root mutation fields that take credentials: each call counts as one sign-in attempt. */
export const SIGN_IN_FIELDS: ReadonlySet<string> = new Set(['login']);

export interface LimiterOptions {
  store: LimiterStore;
  /** Distinguishes counters of different limits in one store. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/**
 * One limit in the chosen store. The Mongo store is insured by an in-memory limiter: while the database is
 * away the requests fail with SERVICE_UNAVAILABLE anyway, and the limits keep holding per instance.
 */
export function createLimiter(opts: LimiterOptions): RateLimiterAbstract {
  const base = { keyPrefix: opts.keyPrefix, points: opts.points, duration: opts.durationSeconds };
  if (opts.store === 'memory') return new RateLimiterMemory(base);
  return new RateLimiterMongo({
    ...base,
    // The mongoose connection buffers until connected, so the limiter can be built before the first connect.
    storeClient: mongoose.connection,
    tableName: RATE_LIMIT_COLLECTION,
    insuranceLimiter: new RateLimiterMemory(base),
  });
}

export interface Limits {
  loginPerAccount: RateLimiterAbstract;
  loginPerAddress: RateLimiterAbstract;
  requests: RateLimiterAbstract;
}

export function createLimits(config: Pick<Config, 'rateLimitStore' | 'loginMaxAttempts' | 'loginWindowSeconds' | 'requestsPerWindow' | 'requestWindowSeconds'>): Limits {
  const store = config.rateLimitStore;
  const login = { store, points: config.loginMaxAttempts, durationSeconds: config.loginWindowSeconds };
  return {
    loginPerAccount: createLimiter({ ...login, keyPrefix: 'login-account' }),
    loginPerAddress: createLimiter({ ...login, keyPrefix: 'login-address' }),
    requests: createLimiter({ store, keyPrefix: 'requests', points: config.requestsPerWindow, durationSeconds: config.requestWindowSeconds }),
  };
}

/** Paths never limited: probes and scraping must keep answering under attack. */
const UNLIMITED_PATHS = new Set(['/health', '/ready', '/metrics']);

function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** 429 in the GraphQL error shape, with the retry time in the header and in the extensions. */
export function sendRateLimited(res: Response, retryAfter: number, message: string): void {
  res.locals.errorCode = 'RATE_LIMITED';
  res
    .status(429)
    .setHeader('Retry-After', String(retryAfter))
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }] }));
}

/** Who a request counts against: the account behind a valid token, else the client address. */
export function requestKey(req: Request, jwtSecret: string): string {
  const header = req.get('authorization');
  const m = header ? /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(header.trim()) : null;
  if (m) {
    try {
      // Signature only (no database): a forged token must not buy a fresh budget, so it counts as its address.
      const payload = jwt.verify(m[1]!, jwtSecret, { algorithms: ['HS256'] });
      if (typeof payload === 'object' && typeof payload.sub === 'string') return `account:${payload.sub}`;
    } catch {
      /* falls through to the address */
    }
  }
  return `address:${req.ip ?? 'unknown'}`;
}

/** Express middleware: requests per account or address. A failing store never fails the request. */
export function requestLimit(limits: Limits, config: Pick<Config, 'jwtSecret'>, log: Logger): RequestHandler {
  return (req, res, next) => {
    if (UNLIMITED_PATHS.has(req.path)) return next();
    limits.requests.consume(requestKey(req, config.jwtSecret)).then(
      () => next(),
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) {
          const wait = retryAfterSeconds(rejection);
          return sendRateLimited(res, wait, `Too many requests. Try again in ${wait} seconds.`);
        }
        log.warn({ err: rejection, requestId: res.locals.requestId }, 'rate-limit store failed; request let through');
        next();
      },
    );
  };
}

/** The sign-in attempts of one request: the accounts (emails) named by each sign-in field it would run. */
export function signInAttempts(body: unknown): string[] | null {
  if (!body || typeof body !== 'object') return null;
  const { query, variables, operationName } = body as { query?: unknown; variables?: unknown; operationName?: unknown };
  // Cheap test first: most requests never come near a sign-in field.
  if (typeof query !== 'string' || ![...SIGN_IN_FIELDS].some((f) => query.includes(f))) return null;
  let doc: DocumentNode;
  try {
    doc = parse(query, { maxTokens: 5000 });
  } catch {
    return null; // Apollo refuses it with GRAPHQL_PARSE_FAILED
  }
  const vars = variables && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : {};
  const fragments = new Map(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = typeof operationName === 'string' ? operations.filter((o) => o.name?.value === operationName) : operations;

  const emails: string[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (SIGN_IN_FIELDS.has(sel.name.value)) {
          const arg = sel.arguments?.find((a) => a.name.value === 'email');
          emails.push(normaliseEmail(arg ? literal(arg.value, vars) : undefined));
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet);
      } else if (!seen.has(sel.name.value)) {
        // Fragments spread at the root count too; a fragment is walked once (cycles are refused later anyway).
        seen.add(sel.name.value);
        const f = fragments.get(sel.name.value);
        if (f) walk(f.selectionSet);
      }
    }
  };
  for (const op of chosen) if (op.operation === 'mutation') walk(op.selectionSet);
  return emails.length ? emails : null;
}

function literal(node: ValueNode, vars: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return vars[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  return undefined;
}

/** Counter key of an account: the email as the sign-in matches it, hashed so counters hold no personal data. */
function normaliseEmail(value: unknown): string {
  const email = typeof value === 'string' ? value.trim().toLowerCase().slice(0, 320) : '';
  return createHash('sha256').update(email).digest('base64url').slice(0, 32);
}

/**
 * Express middleware on /graphql, after the body is parsed: each sign-in attempt consumes one point of its
 * account's budget and one of the client address's; when either is spent, the request is refused whole.
 */
export function signInLimit(limits: Limits, log: Logger): RequestHandler {
  return (req, res, next) => {
    const accounts = req.method === 'POST' ? signInAttempts(req.body) : null;
    if (!accounts) return next();
    const address = req.ip ?? 'unknown';
    const checks = [limits.loginPerAddress.consume(address, accounts.length), ...accounts.map((a) => limits.loginPerAccount.consume(a))];
    Promise.allSettled(checks).then((results) => {
      const refused = results.flatMap((r) => (r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [r.reason] : []));
      if (refused.length) {
        const wait = Math.max(...refused.map(retryAfterSeconds));
        return sendRateLimited(res, wait, `Too many sign-in attempts. Try again in ${wait} seconds.`);
      }
      for (const r of results) {
        if (r.status === 'rejected') log.warn({ err: r.reason, requestId: res.locals.requestId }, 'rate-limit store failed; sign-in let through');
      }
      next();
    });
  };
}
