// What a bench server child shares with its parent over IPC: its port once listening, its own CPU
// time on request (so CPU per request is the server's alone, not the load generator's), a clean stop.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ToChild = { type: 'cpu' } | { type: 'stop' };
export type FromChild = { type: 'ready'; port: number } | { type: 'cpu'; userUs: number; systemUs: number } | { type: 'failed'; message: string };

function send(msg: FromChild): void {
  process.send?.(msg);
}

/** Listens on a free loopback port, tells the parent, then answers its CPU and stop requests. */
export async function serveForBench(server: Server, close: () => Promise<void>): Promise<void> {
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', (msg: ToChild) => {
    if (msg.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', userUs: user, systemUs: system });
    } else if (msg.type === 'stop') {
      server.closeAllConnections();
      server.close(() => {
        // A normal exit, so that --cpu-prof writes its profile.
        void close().finally(() => process.exit(0));
      });
    }
  });
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
}

/** Reports a boot failure to the parent instead of leaving it waiting. */
export function failBoot(err: unknown): never {
  send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
}
