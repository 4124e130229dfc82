// Prometheus metrics: requests, errors by code, latency, GraphQL operations, and the database pool.
// One registry per app (tests build several apps in one process); labels are bounded sets, never
// anything a client chooses (an operation name or a path would let anyone grow the series without end).
import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import client from 'prom-client';

const KNOWN_ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);

/** The route label: a fixed path, a module route's pattern, or `other`. */
function routeLabel(req: Parameters<RequestHandler>[0], path: string): string {
  if (KNOWN_ROUTES.has(path)) return path;
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : 'other';
}

interface PoolCounts {
  totalConnectionCount?: number;
  availableConnectionCount?: number;
  currentCheckedOutCount?: number;
  pendingConnectionCount?: number;
  waitQueueSize?: number;
}

/**
 * The driver's pool figures, summed over the servers it knows. The driver exposes them on its pools but
 * not through a public API, so every step is guarded: a driver that moves them yields zeros, not a crash.
 */
export function poolStats(): Record<'total' | 'available' | 'checked_out' | 'pending' | 'wait_queue', number> {
  const out = { total: 0, available: 0, checked_out: 0, pending: 0, wait_queue: 0 };
  try {
    const topology = (mongoose.connection.getClient() as unknown as { topology?: { s?: { servers?: Map<string, { pool?: PoolCounts }> } } }).topology;
    for (const server of topology?.s?.servers?.values() ?? []) {
      const p = server.pool;
      if (!p) continue;
      out.total += Number(p.totalConnectionCount) || 0;
      out.available += Number(p.availableConnectionCount) || 0;
      out.checked_out += Number(p.currentCheckedOutCount) || 0;
      out.pending += Number(p.pendingConnectionCount) || 0;
      out.wait_queue += Number(p.waitQueueSize) || 0;
    }
  } catch {
    /* no client yet */
  }
  return out;
}

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
  if (opts.defaultMetrics ?? true) client.collectDefaultMetrics({ register: registry, prefix: 'maillage_' });

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

  // The database: connection state, and the driver's pools (one per server of the replica set).
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
    help: 'Connections of the driver pools: total (open), available (idle), checked out, pending; and operations waiting for one.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const sum = poolStats();
      for (const [state, n] of Object.entries(sum)) this.set({ state }, n);
    },
  });
  const poolCleared = new client.Counter({
    name: 'maillage_mongodb_pool_cleared_total',
    help: 'Times the driver cleared a connection pool (a server was unreachable).',
    registers: [registry],
  });
  const onCleared = () => poolCleared.inc();
  let attached: ReturnType<typeof mongoose.connection.getClient> | null = null;
  const attach = () => {
    const c = mongoose.connection.readyState === 1 ? mongoose.connection.getClient() : null;
    if (!c || c === attached) return;
    attached?.off('connectionPoolCleared', onCleared);
    attached = c;
    c.on('connectionPoolCleared', onCleared);
  };
  attach();
  mongoose.connection.on('connected', attach);

  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    // Read now: mounted routers rewrite req.url while the request is handled.
    const path = req.path;
    res.once('finish', () => {
      const route = routeLabel(req, path);
      const status = res.statusCode;
      requests.inc({ method: req.method, route, status: String(status) });
      latency.observe({ route, status_class: `${Math.floor(status / 100)}xx` }, Number(process.hrtime.bigint() - started) / 1e9);
      const code: unknown = res.locals.errorCode;
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
      attached?.off('connectionPoolCleared', onCleared);
      attached = null;
      registry.clear();
    },
  };
}
