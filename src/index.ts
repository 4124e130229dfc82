// Boot: config -> database -> app -> listen; graceful shutdown on SIGTERM and SIGINT.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { createLogger, wantsPrettyLogs } from './shared/logger';
import { connectDatabase } from './db';
import { createApp } from './app';
import { onBoot } from './boot';
import { printLines, printLine } from './cli/terminal';

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
  const { app, stop } = await createApp({ config, log });

  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
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
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    log.info('http server closed');
    try {
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
