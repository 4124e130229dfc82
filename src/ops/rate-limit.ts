// Abuse limits: requests per account (or per address when anonymous), and the counters of failed sign-ins
// (used by sign-in-limits.ts). Counters live in a pluggable store: this process's memory, or MongoDB so
// that every instance behind the proxy counts against the same budget.
import type { Request, RequestHandler, Response } from 'express';
import mongoose from 'mongoose';
import { RateLimiterMemory, RateLimiterMongo, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import { sendError } from '../http/errors';
import { bearerToken, verifyToken } from '../auth/token';

export type LimiterStore = 'memory' | 'mongo';

/** The collection that holds shared counters (RATE_LIMIT_STORE=mongo); expired ones go through a TTL index. */
export const RATE_LIMIT_COLLECTION = 'rate_limits';

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
  /** Failed sign-ins of one account from one address: refused beyond LOGIN_MAX_ATTEMPTS. */
  loginPerPair: RateLimiterAbstract;
  /** Failed sign-ins from one address, whatever the account: refused beyond LOGIN_MAX_ATTEMPTS_PER_ADDRESS. */
  loginPerAddress: RateLimiterAbstract;
  /** Failed sign-ins of one account from anywhere: never refuses, only counts (the delay grows with it). */
  loginAccountFailures: RateLimiterAbstract;
  requests: RateLimiterAbstract;
  /** Account emails asked for one email address (registration, resend, reset request): see account-limits.ts. */
  accountPerEmail: RateLimiterAbstract;
  /** The same requests from one client address, whatever the emails. */
  accountPerAddress: RateLimiterAbstract;
}

export type LimitsConfig = Pick<
  Config,
  | 'rateLimitStore'
  | 'loginMaxAttempts'
  | 'loginMaxAttemptsPerAddress'
  | 'loginWindowSeconds'
  | 'requestsPerWindow'
  | 'requestWindowSeconds'
  | 'accountRequestsPerEmail'
  | 'accountRequestsPerAddress'
  | 'accountRequestWindowSeconds'
>;

export function createLimits(config: LimitsConfig): Limits {
  const store = config.rateLimitStore;
  const window = { store, durationSeconds: config.loginWindowSeconds };
  return {
    loginPerPair: createLimiter({ ...window, keyPrefix: 'login-pair', points: config.loginMaxAttempts }),
    loginPerAddress: createLimiter({ ...window, keyPrefix: 'login-address', points: config.loginMaxAttemptsPerAddress }),
    loginAccountFailures: createLimiter({ ...window, keyPrefix: 'login-account', points: Number.MAX_SAFE_INTEGER }),
    requests: createLimiter({ store, keyPrefix: 'requests', points: config.requestsPerWindow, durationSeconds: config.requestWindowSeconds }),
    accountPerEmail: createLimiter({
      store,
      keyPrefix: 'account-email',
      points: config.accountRequestsPerEmail,
      durationSeconds: config.accountRequestWindowSeconds,
    }),
    accountPerAddress: createLimiter({
      store,
      keyPrefix: 'account-address',
      points: config.accountRequestsPerAddress,
      durationSeconds: config.accountRequestWindowSeconds,
    }),
  };
}

/** Paths never limited: probes and scraping must keep answering under attack. */
const UNLIMITED_PATHS = new Set(['/health', '/ready', '/metrics']);

export function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** 429 in the GraphQL error shape, with the retry time in the header and in the extensions. */
export function sendRateLimited(res: Response, retryAfter: number, message: string): void {
  res.setHeader('Retry-After', String(retryAfter));
  sendError(res, 429, 'RATE_LIMITED', message, { retryAfterSeconds: retryAfter });
}

/** Who a request counts against: the account behind a valid token, else the client address. */
export function requestKey(req: Request, jwtSecret: string): string {
  try {
    // The one token check (algorithm, signature, issuer, audience, expiry), without the database: a forged
    // or foreign token must not buy a fresh budget, so it counts as its address.
    const token = bearerToken(req.get('authorization'));
    if (token) return `account:${verifyToken(token, jwtSecret).sub}`;
  } catch {
    /* falls through to the address */
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
