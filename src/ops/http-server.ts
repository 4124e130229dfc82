// The HTTP servers: the API's, with timeouts against slow clients, and the metrics port when there is one.
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { Config } from '../config';

export type TimeoutConfig = Pick<Config, 'httpRequestTimeoutMs' | 'httpHeadersTimeoutMs' | 'httpKeepAliveTimeoutMs'>;

/**
 * A server that cuts slow clients off: the headers must arrive within HTTP_HEADERS_TIMEOUT_MS and the whole
 * request within HTTP_REQUEST_TIMEOUT_MS (then Node answers 408 and closes the connection); an idle
 * kept-alive connection closes after HTTP_KEEP_ALIVE_TIMEOUT_MS. Node checks the first two on a timer
 * (30 s by default), here at most every second so a slow client is cut off close to its deadline.
 */
export function createHttpServer(app: Express, config: TimeoutConfig): Server {
  const server = createServer(
    {
      requestTimeout: config.httpRequestTimeoutMs,
      headersTimeout: config.httpHeadersTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(config.httpHeadersTimeoutMs / 4))),
    },
    app,
  );
  server.keepAliveTimeout = config.httpKeepAliveTimeoutMs;
  return server;
}
