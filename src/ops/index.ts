// The operations layer plugged into createApp: access log, metrics, abuse limits. Each part can be
// turned off (the limits bench compares with and without); by default all are on.
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Config } from '../config';
import type { Context } from '../context';
import type { Logger } from '../shared/logger';
import { toAppError } from '../errors/format-error';
import { accessLog, type RequestFacts } from './access-log';
import { createMetrics, type Metrics } from './metrics';
import { watchDatabase } from './readiness';
import { createLimits, requestLimit, type Limits } from './rate-limit';
import { signInGate } from './sign-in-limits';
import { accountRequestGate } from './account-limits';
import type { AccountRequestGate, SignInGate } from '../modules/user/user.service';
import { sendError } from '../http/errors';

export interface OpsOptions {
  accessLog: boolean;
  metrics: boolean;
  rateLimits: boolean;
}

export interface Operations {
  /** Run on every request, right after the request id is set. */
  before: RequestHandler[];
  /** The sign-in limits of a request from this client address (null when limits are off). */
  signInGate: ((address: string) => SignInGate) | null;
  /** The limits of account emails (registration, resend, reset request) from this client address (null when off). */
  accountRequestGate: ((address: string) => AccountRequestGate) | null;
  plugins: ApolloServerPlugin<Context>[];
  /** Mounts GET /metrics on the API's app when enabled and exposed there (see metricsExposure). */
  mount: (app: Express) => void;
  /** The app of the metrics port (METRICS_PORT), or null when /metrics is not served on its own port. */
  metricsApp: () => Express | null;
  limits: Limits | null;
  metrics: Metrics | null;
  close: () => Promise<void>;
}

export function createOperations(deps: { config: Config; log: Logger; options?: Partial<OpsOptions> }): Operations {
  const { config, log } = deps;
  const options: OpsOptions = { accessLog: true, metrics: config.metricsEnabled, rateLimits: true, ...deps.options };
  const facts = new Map<string, RequestFacts>();
  const metrics = options.metrics ? createMetrics() : null;
  const limits = options.rateLimits ? createLimits(config) : null;
  const unwatch = watchDatabase({ log, timeoutMs: config.dbTimeoutMs });

  const before: RequestHandler[] = [];
  // Forget a request's facts when its response is done, logged or not.
  before.push((_req, res, next) => {
    res.once('close', () => facts.delete(res.locals.requestId as string));
    next();
  });
  if (options.accessLog) before.push(accessLog(log, facts));
  if (metrics) before.push(metrics.middleware);
  if (limits) before.push(requestLimit(limits, config, log));

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, contextValue }) {
          if (!operation) return;
          metrics?.countOperation(operation.operation);
          const name = request.operationName ?? operation.name?.value;
          facts.set(contextValue.requestId, {
            operationType: operation.operation,
            // Client-chosen text: trimmed so a log line stays a line.
            operationName: typeof name === 'string' ? name.slice(0, 100) : undefined,
            userId: contextValue.viewer?.id,
          });
        },
        async willSendResponse({ response, errors }) {
          // A sign-in refused by its limits (raised inside the resolver) is a 429 with Retry-After, like
          // the refusals made before GraphQL runs.
          const waits = (errors ?? []).flatMap((e) => {
            const known = toAppError(unwrapResolverError(e));
            return known?.code === 'RATE_LIMITED' ? [Number(known.extra.retryAfterSeconds) || 1] : [];
          });
          if (!waits.length) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(Math.max(...waits)));
        },
        async didEncounterErrors({ errors }) {
          if (!metrics) return;
          for (const err of errors) {
            const original = unwrapResolverError(err);
            const code = toAppError(original)?.code ?? (err.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
            metrics.countError(code);
          }
        },
      };
    },
  };

  return {
    before,
    signInGate: limits ? (address) => signInGate(limits, config, log, address) : null,
    accountRequestGate: limits ? (address) => accountRequestGate(limits, log, address) : null,
    plugins: [plugin],
    mount: (app) => {
      const exposure = metricsExposure(config);
      if (!metrics || exposure === 'own-port') return;
      if (exposure === 'hidden') {
        log.warn('/metrics is not served: in production set METRICS_PORT (internal scraping) or METRICS_TOKEN');
        return;
      }
      app.get('/metrics', ...(exposure === 'token' ? [requireMetricsToken(config.metricsToken)] : []), metrics.handler);
    },
    metricsApp: () => {
      if (!metrics || metricsExposure(config) !== 'own-port') return null;
      const app = express();
      app.disable('x-powered-by');
      app.get('/metrics', ...(config.metricsToken ? [requireMetricsToken(config.metricsToken)] : []), metrics.handler);
      app.use((_req, res) => res.status(404).type('text/plain').send('Not found: this port serves /metrics only.\n'));
      return app;
    },
    limits,
    metrics,
    close: async () => {
      unwatch();
      metrics?.close();
    },
  };
}

/**
 * Where /metrics is served: on its own port (METRICS_PORT), on the API port behind a bearer token
 * (METRICS_TOKEN), openly on the API port outside production, or not at all in production without either.
 */
export function metricsExposure(config: Pick<Config, 'nodeEnv' | 'metricsPort' | 'metricsToken'>): 'own-port' | 'token' | 'open' | 'hidden' {
  if (config.metricsPort) return 'own-port';
  if (config.metricsToken) return 'token';
  return config.nodeEnv === 'production' ? 'hidden' : 'open';
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** 401 unless the request carries `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time). */
export function requireMetricsToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const m = /^Bearer\s+(\S+)$/.exec(req.get('authorization')?.trim() ?? '');
    if (m && timingSafeEqual(digest(m[1]!), expected)) return next();
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    sendError(res, 401, 'UNAUTHENTICATED', 'The metrics need the bearer token set in METRICS_TOKEN.');
  };
}
