// Prometheus metrics: requests, errors by code, latency, GraphQL operations, and the database pool.
// One registry per app (tests build several apps in one process); labels are bounded sets, never
// anything a client chooses (an operation name or a path would let anyone grow the series without end).
import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import client from 'prom-client';

const KNOWN_ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);

/** The route label: a fixed path, a module route's pattern, or `other`. */
function routeLabel(req: Parameters<RequestHandler>[0]): string {
  if (KNOWN_ROUTES.has(req.path)) return req.path;
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : 'other';
}

type PoolEvent = 'connectionCreated' | 'connectionClosed' | 'connectionCheckedOut' | 'connectionCheckedIn' | 'connectionPoolCleared';

export interface Metrics {
  registry: client.Registry;
  /** Express middleware: counts and times every response. */
  middleware: RequestHandler;
  /** Counts one error code (GraphQL errors and refusals before GraphQL). */
  countError: (code: string) => void;
  countOperation: (type: string) => void;
  handler: RequestHandler;
  close: () => void;
}

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new client.Registry();
  registry.setDefaultLabels({ service: 'maillage' });
  if (opts.defaultMetrics ?? true) client.collectDefaultMetrics({ register: registry, prefix: 'maillage_process_' });

  const requests = new client.Counter({
    name: 'maillage_http_requests_total',
    help: 'HTTP responses, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'maillage_http_request_duration_seconds',
    help: 'Time from request to response, by route and status class.',
    labelNames: ['route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  const errors = new client.Counter({
    name: 'maillage_errors_total',
    help: 'Errors returned to clients, by code (BAD_USER_INPUT, RATE_LIMITED, SERVICE_UNAVAILABLE, ...).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const operations = new client.Counter({
    name: 'maillage_graphql_operations_total',
    help: 'GraphQL operations resolved, by type (query, mutation).',
    labelNames: ['type'] as const,
    registers: [registry],
  });

  // The database: connection state, and the driver's pool through its connection-pool events.
  const pool = { open: 0, checkedOut: 0 };
  const poolCleared = new client.Counter({
    name: 'maillage_mongodb_pool_cleared_total',
    help: 'Times the driver cleared its connection pool (the database was unreachable).',
    registers: [registry],
  });
  new client.Gauge({
    name: 'maillage_mongodb_up',
    help: '1 when the database connection is open, else 0.',
    registers: [registry],
    collect() {
      this.set(mongoose.connection.readyState === 1 ? 1 : 0);
    },
  });
  new client.Gauge({
    name: 'maillage_mongodb_pool_connections',
    help: 'Connections of the driver pool: open, and checked out by an operation.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'open' }, pool.open);
      this.set({ state: 'checked_out' }, pool.checkedOut);
    },
  });
  const listeners: Record<PoolEvent, () => void> = {
    connectionCreated: () => void pool.open++,
    connectionClosed: () => void (pool.open = Math.max(0, pool.open - 1)),
    connectionCheckedOut: () => void pool.checkedOut++,
    connectionCheckedIn: () => void (pool.checkedOut = Math.max(0, pool.checkedOut - 1)),
    connectionPoolCleared: () => poolCleared.inc(),
  };
  let attached: ReturnType<typeof mongoose.connection.getClient> | null = null;
  const attach = () => {
    const c = mongoose.connection.readyState === 1 ? mongoose.connection.getClient() : null;
    if (!c || c === attached) return;
    attached = c;
    for (const [event, fn] of Object.entries(listeners)) c.on(event as PoolEvent, fn);
  };
  attach();
  mongoose.connection.on('connected', attach);

  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeLabel(req);
      const status = res.statusCode;
      requests.inc({ method: req.method, route, status: String(status) });
      latency.observe({ route, status_class: `${Math.floor(status / 100)}xx` }, Number(process.hrtime.bigint() - started) / 1e9);
      const code = res.locals.errorCode;
      if (typeof code === 'string') errors.inc({ code });
    });
    next();
  };

  const handler: RequestHandler = (_req, res, next) => {
    registry.metrics().then((text) => {
      res.setHeader('Content-Type', registry.contentType);
      res.send(text);
    }, next);
  };

  return {
    registry,
    middleware,
    countError: (code) => errors.inc({ code }),
    countOperation: (type) => operations.inc({ type }),
    handler,
    close: () => {
      mongoose.connection.off('connected', attach);
      if (attached) for (const [event, fn] of Object.entries(listeners)) attached.off(event as PoolEvent, fn);
      attached = null;
      registry.clear();
    },
  };
}
