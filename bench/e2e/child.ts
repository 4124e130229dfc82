// What a bench server child shares with its parent over IPC (spawn.ts is the parent's side): its port once
// listening, its own CPU time and memory on request (so CPU per request and RSS are the server's alone, not
// the load generator's), a clean stop.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ToChild = { type: 'cpu' } | { type: 'memory'; gc: boolean } | { type: 'stop' };
export type FromChild =
  /** `bootMs`: the boot's own time when the child measured it (connect to listen); `rss` once listening. */
  | { type: 'ready'; port: number; bootMs?: number; rss: number }
  | { type: 'cpu'; userUs: number; systemUs: number }
  | { type: 'memory'; rss: number; heapUsed: number }
  | { type: 'failed'; message: string };

function send(msg: FromChild): void {
  process.send?.(msg);
}

/** Listens on a free loopback port, tells the parent, then answers its CPU and stop requests. */
export async function serveForBench(server: Server, close: () => Promise<void>, bootMs?: number): Promise<void> {
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', (msg: ToChild) => {
    if (msg.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', userUs: user, systemUs: system });
    } else if (msg.type === 'memory') {
      // --expose-gc is given by spawn.ts; a full collection first when asked, to read the live heap.
      if (msg.gc) (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'memory', rss, heapUsed });
    } else if (msg.type === 'stop') {
      server.closeAllConnections();
      server.close(() => {
        // A normal exit, so that --cpu-prof writes its profile.
        void close().finally(() => process.exit(0));
      });
    }
  });
  send({ type: 'ready', port: (server.address() as AddressInfo).port, bootMs, rss: process.memoryUsage().rss });
}

/** Reports a boot failure to the parent instead of leaving it waiting. */
export function failBoot(err: unknown): never {
  send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
}
