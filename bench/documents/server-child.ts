// The documents bench's server, in a child process so that its peak RSS is the server's alone (not the
// client's buffers): the real app on a loopback port, sampling its own RSS every few milliseconds.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { connectionOptions } from '../../src/db';
import { createLogger } from '../../src/shared/logger';

export type ToServer = { type: 'reset' } | { type: 'peak' } | { type: 'stop' };
export type FromServer = { type: 'ready'; port: number } | { type: 'peak'; rss: number } | { type: 'failed'; message: string };

const send = (msg: FromServer) => process.send?.(msg);

async function main() {
  const config = loadConfig({
    NODE_ENV: 'test',
    MONGODB_URI: process.env.MONGODB_URI,
    JWT_SECRET: process.env.JWT_SECRET,
    MAX_UPLOAD_BYTES: String(64 * 1024 * 1024),
    DOCUMENT_QUOTA_BYTES: String(4 * 1024 * 1024 * 1024),
    RATE_LIMIT_REQUESTS: '1000000',
    HTTP_REQUEST_TIMEOUT_MS: '600000',
  });
  await mongoose.connect(config.mongodbUri, connectionOptions(config));
  const { app, stop } = await createApp({ config, log: createLogger('silent') });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  process.on('message', (msg: ToServer) => {
    if (msg.type === 'reset') {
      (globalThis as { gc?: () => void }).gc?.();
      peak = process.memoryUsage().rss;
      send({ type: 'peak', rss: peak });
    } else if (msg.type === 'peak') {
      send({ type: 'peak', rss: Math.max(peak, process.memoryUsage().rss) });
    } else {
      clearInterval(sampler);
      server.closeAllConnections();
      server.close(() => void stop().finally(() => mongoose.disconnect().finally(() => process.exit(0))));
    }
  });
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
}

main().catch((err: unknown) => {
  send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
