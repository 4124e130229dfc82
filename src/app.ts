// createApp: Express + Apollo, wired with limits, error masking and the modules' routes. No listen:
// index.ts listens, tests call createApp directly.
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Config } from './config';
import type { Logger } from './shared/logger';
import { contextFromRequest, type Context } from './context';
import { viewerFromToken } from './modules/user/user.service';
import { formatError, isUnexpected, REQUEST_ID, appErrorExtensions, toAppError } from './errors/format-error';
import { sendError } from './http/errors';
import { buildSchema } from './schema';
import { modules } from './modules';
import { createOperations, type Operations, type OpsOptions } from './ops';
import { SupportedOperationTypes } from './ops/validation';
import { queryCostPlugin } from './ops/query-cost';
import { pingDatabase } from './ops/readiness';
import { securityHeaders, withoutSuggestions } from './ops/security-headers';
import { mountExplorer } from './explorer/explorer';
import { configureMessaging } from './modules/messaging';
import { lettersSettled } from './modules/letters/letters.service';

export interface AppDeps {
  config: Config;
  log: Logger;
  schema?: GraphQLSchema;
  /** Access log, metrics and rate limits: all on unless turned off here (the limits bench compares). */
  ops?: Partial<OpsOptions>;
  /** The query cost analysis (MAX_QUERY_COST): on unless turned off here (the limits bench compares). */
  queryCost?: boolean;
}

export interface App {
  app: Express;
  apollo: ApolloServer<Context>;
  stop: () => Promise<void>;
  operations: Operations;
}

const REQUEST_ID_HEADER = /^[A-Za-z0-9_-]{8,64}$/;

/** Tags every error with the request id and logs the unexpected ones in full (they are masked at the edge). */
function errorPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            (err as unknown as Record<symbol, unknown>)[REQUEST_ID] = contextValue.requestId;
            if (isUnexpected(err)) {
              contextValue.log.error({ err: err.originalError ?? err, path: err.path }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ response, errors }) {
          // A database outage is a 503 even when it surfaces inside a resolver.
          if (response.body.kind === 'single' && errors?.some((e) => toAppError(e.originalError)?.code === 'SERVICE_UNAVAILABLE')) {
            if (!response.body.singleResult.data || Object.values(response.body.singleResult.data).every((v) => v === null)) {
              response.http.status = 503;
            }
          }
        },
      };
    },
  };
}

/** GraphQL answers are per viewer: never stored by a browser or a proxy (as Apollo's cache-control plugin said). */
function noStore(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, log } = deps;
  // Events published by this app's services carry its config (links under PUBLIC_URL, sealing keys).
  configureMessaging({ config, log });
  const production = config.nodeEnv === 'production';
  const schema = deps.schema ?? buildSchema();

  const armor = new ApolloArmor({
    maxDepth: { n: config.maxQueryDepth, ignoreIntrospection: true },
    // Armor's cost limit adds fields up without multiplying by list sizes: queryCostPlugin replaces it.
    costLimit: { enabled: false },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: 20 },
    // Token limit: enforced by graphql-js's own parser (parseOptions below). Armor's version re-parses in
    // a hook, so any syntax error (and the limit itself) came back as a 500 instead of a 400.
    maxTokens: { enabled: false },
    // Validation errors lose their suggestions here; formatError below strips the rest (enum values in variables).
    blockFieldSuggestion: { enabled: production, mask: '' },
  });
  const protection = armor.protect();
  const operations = createOperations({ config, log, options: deps.ops });

  const apollo = new ApolloServer<Context>({
    schema,
    // `maxTokens` (alias of maxLexicalTokens) exists in every graphql 16 release we allow.
    parseOptions: { maxTokens: 5000 },
    // Off in production unless GRAPHQL_INTROSPECTION=true: the schema is documented, not served to anyone who asks.
    introspection: config.graphqlIntrospection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // index.ts owns shutdown (stop accepting, drain, close the database); Apollo must not race it.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: production ? withoutSuggestions(formatError) : formatError,
    validationRules: [...protection.validationRules, SupportedOperationTypes],
    // Apollo's landing page loads from its CDN and Google Fonts; browsers get our own explorer (mountExplorer).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ...protection.plugins,
      ...(deps.queryCost === false ? [] : [queryCostPlugin<Context>(config.maxQueryCost)]),
      errorPlugin(),
      ...operations.plugins,
    ],
    logger: {
      debug: (m) => log.debug(m),
      info: (m) => log.info(m),
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    },
  });
  // No field sets a cache hint (no @cacheControl in graphql/, no setCacheHint in src/), so Apollo's
  // default cache-control plugin only wrapped every field resolver to conclude "no-store": it is off,
  // and noStore() sends that header once per response.
  apollo.addPlugin(ApolloServerPluginCacheControlDisabled());
  apollo.addPlugin(noStore());
  await apollo.start();
  // The context knows no module: the user module turns a verified token into the person asking.
  const resolveViewer = (token: string) => viewerFromToken(token, config.jwtSecret);

  const app = express();
  app.disable('x-powered-by');
  // Only the configured proxies may name the client address the limits count (TRUST_PROXY).
  app.set('trust proxy', typeof config.trustProxy === 'object' ? [...config.trustProxy] : config.trustProxy);
  app.use(securityHeaders());

  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID_HEADER.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });
  for (const mw of operations.before) app.use(mw);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ok = await databaseReachable(config.dbTimeoutMs);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', database: ok ? 'up' : 'down' });
  });

  operations.mount(app);

  const router = express.Router();
  for (const m of modules) m.routes?.(router, { config, log });
  app.use(router);

  mountExplorer(app, { config, log });

  const bodyTypes = ['application/json', 'application/graphql-response+json'];
  const notFound = (res: express.Response) => sendError(res, 404, 'NOT_FOUND', 'No such endpoint. The API is at /graphql.');
  app.use(
    '/graphql',
    // `use` matches a prefix: /graphql/anything is an unknown route, not the API.
    (req, res, next) => (req.path === '/' ? next() : notFound(res)),
    express.json({ limit: config.bodyLimitBytes, type: bodyTypes }),
    (req, res, next) => {
      if (req.method === 'POST' && req.body === undefined) {
        return sendError(res, 415, 'BAD_REQUEST', 'Send GraphQL requests as JSON with the header Content-Type: application/json.');
      }
      if (req.method === 'POST' && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))) {
        return sendError(res, 400, 'BAD_REQUEST', 'The request body must be one JSON object { query, variables, operationName }; batches are not accepted.');
      }
      if (req.body === undefined) req.body = {};
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          const signIn = operations.signInGate?.(req.ip ?? 'unknown') ?? null;
          const accountRequests = operations.accountRequestGate?.(req.ip ?? 'unknown') ?? null;
          return await contextFromRequest(
            { config, log, resolveViewer },
            { authorization: req.get('authorization') },
            res.locals.requestId as string,
            signIn,
            accountRequests,
            (task) => res.once('close', task),
          );
        } catch (err) {
          const known = toAppError(err);
          res.locals.errorCode = known?.code ?? 'INTERNAL_SERVER_ERROR';
          if (!known) {
            log.error({ err, requestId: res.locals.requestId }, 'context creation failed');
            throw new GraphQLError('Something went wrong on our side. Please try again.', {
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.locals.requestId, http: { status: 500 } },
            });
          }
          throw new GraphQLError(known.message, {
            originalError: known,
            extensions: { ...appErrorExtensions(known, res.locals.requestId as string), http: { status: known.httpStatus ?? 400 } },
          });
        }
      },
    }),
  );

  app.use((_req, res) => notFound(res));

  // Body parsing failures and anything else thrown outside GraphQL: a clear JSON error, never a stack.
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') {
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${config.bodyLimitBytes} bytes.`);
    }
    if (e.type === 'entity.parse.failed') return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      return sendError(res, 415, 'BAD_REQUEST', 'The request body must be UTF-8 JSON.');
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return sendError(res, e.status, 'BAD_REQUEST', 'The request could not be read.');
    }
    const known = toAppError(err);
    if (known) return sendError(res, known.httpStatus ?? 400, known.code, known.message);
    log.error({ err, requestId: res.locals.requestId }, 'unhandled error');
    return sendError(res, 500, 'INTERNAL_SERVER_ERROR', `Something went wrong on our side (reference ${res.locals.requestId}).`);
  };
  app.use(onError);

  return {
    app,
    apollo,
    operations,
    stop: async () => {
      await apollo.stop();
      // Letters queued by the last steps finish before the database closes (bounded: what is left, the
      // next boot's reconcileLetters makes).
      await Promise.race([lettersSettled(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await operations.close();
    },
  };
}

/** Ready when the database answers a ping through the driver (which also nudges it to reconnect). */
function databaseReachable(timeoutMs: number): Promise<boolean> {
  return pingDatabase(timeoutMs);
}
