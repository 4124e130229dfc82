// The operations layer plugged into createApp: access log, metrics, abuse limits. Each part can be
// turned off (the limits bench compares with and without); by default all are on.
import type { Express, RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Config } from '../config';
import type { Context } from '../context';
import type { Logger } from '../shared/logger';
import { toAppError } from '../errors/format-error';
import { accessLog, type RequestFacts } from './access-log';
import { createMetrics, type Metrics } from './metrics';
import { watchDatabase } from './readiness';
import { createLimits, requestLimit, signInLimit, type Limits } from './rate-limit';

export interface OpsOptions {
  accessLog: boolean;
  metrics: boolean;
  rateLimits: boolean;
}

export interface Operations {
  /** Run on every request, right after the request id is set. */
  before: RequestHandler[];
  /** Run on /graphql once the JSON body is parsed (sign-in limits read the operation). */
  graphqlBefore: RequestHandler[];
  plugins: ApolloServerPlugin<Context>[];
  /** Mounts GET /metrics when enabled. */
  mount: (app: Express) => void;
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
    graphqlBefore: limits ? [signInLimit(limits, log)] : [],
    plugins: [plugin],
    mount: (app) => {
      if (metrics) app.get('/metrics', metrics.handler);
    },
    limits,
    metrics,
    close: async () => {
      unwatch();
      metrics?.close();
    },
  };
}
