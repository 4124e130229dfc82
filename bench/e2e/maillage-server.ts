// Maillage as it runs in production, in a child process of the HTTP bench: production config, the
// operations layer on (access log written to /dev/null asynchronously, metrics, rate limits checked
// with a limit the bench never reaches). MONGODB_URI names the bench's database. BENCH_BOOT=1 boots as
// src/index.ts does (each module's boot step, e.g. the budget reconciliation, before the app) and reports
// the time from connecting to listening.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { devNull } from 'node:os';
import mongoose from 'mongoose';
import pino from 'pino';
import { createApp } from '../../src/app';
import { onBoot } from '../../src/boot';
import { loadConfig } from '../../src/config';
import { connectionOptions } from '../../src/db';
import { createLogger } from '../../src/shared/logger';
import { failBoot, serveForBench } from './child';

async function main() {
  const config = loadConfig({
    NODE_ENV: 'production',
    MONGODB_URI: process.env.MONGODB_URI,
    JWT_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_REQUESTS: '1000000',
    LOG_LEVEL: 'info',
  });
  const started = process.hrtime.bigint();
  mongoose.set('strictQuery', true);
  await mongoose.connect(config.mongodbUri, connectionOptions(config));
  const log = createLogger(config.logLevel, pino.destination({ dest: devNull, sync: false }));
  const boot = process.env.BENCH_BOOT === '1';
  if (boot) await onBoot({ config, log, embedded: false });
  const { app, stop } = await createApp({ config, log });
  const server = createServer(app);
  await serveForBench(
    server,
    async () => {
      await stop();
      await mongoose.disconnect();
    },
    boot ? Number(process.hrtime.bigint() - started) / 1e6 : undefined,
  );
}

main().catch(failBoot);
