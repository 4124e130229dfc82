// Boot: config -> database -> app -> listen; graceful shutdown on SIGTERM and SIGINT.
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { createLogger, wantsPrettyLogs } from './shared/logger';
import { connectDatabase } from './db';
import { createApp } from './app';
import { onBoot } from './boot';
import { createHttpServer } from './ops/http-server';
import { printLines, printLine } from './cli/terminal';
import { startMessaging } from './modules/messaging';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      // The message quotes the values given, which may hold anything: filtered for the terminal.
      printLines(process.stderr, err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const log = createLogger(config.logLevel, undefined, { pretty: wantsPrettyLogs(config.nodeEnv) });
  const started = Date.now();
  const db = await connectDatabase(config, log);
  await onBoot({ config, log, embedded: db.embedded });
  const { app, stop, operations } = await createApp({ config, log });
  // The outbox dispatcher and the reminders run in every instance; leases in the database share the work.
  const dispatcher = startMessaging({ config, log });

  const server = createHttpServer(app, config);
  // METRICS_PORT: /metrics for the scraper on the internal network, never on the API's port.
  const metricsApp = operations.metricsApp();
  const metricsServer = metricsApp ? createHttpServer(metricsApp, config) : null;
  metricsServer?.listen(config.metricsPort, () => log.info({ port: config.metricsPort }, 'metrics served on their own port'));
  server.listen(config.port, () => {
    // The bound port (PORT=0 asks the system for a free one).
    const port = (server.address() as AddressInfo).port;
    log.info({ port, bootMs: Date.now() - started }, `Maillage API ready at http://localhost:${port}/graphql`);
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const force = setTimeout(() => {
      log.warn('requests still in flight after the shutdown timeout; closing anyway');
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    force.unref();
    metricsServer?.close();
    metricsServer?.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    log.info('http server closed');
    try {
      await dispatcher.stop();
      log.info('outbox dispatcher stopped');
      await stop();
      log.info('graphql server stopped');
      await db.close();
      log.info('database closed; stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  printLine(process.stderr, `Maillage failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
