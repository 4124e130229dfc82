// Throughput of the directory query (20 organisations with their domains and neighbourhoods) through
// HTTP with the operations layer on (access log written out, metrics, rate limits checked on every
// request) against the same app with it off, and the query cost analysis on against off. The servers run
// in this process, interleaved run by run.
import { devNull } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../src/app';
import { testConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { seedAll } from '../seeds/seed';
import { compareMs, result, type Bench } from './harness';

const QUERY = `{ organisations(first: 20) { totalCount edges { node { id name legalForm domains { id name } neighbourhoods { id name isPriority } } } } }`;
const CLIENTS = 8;
const REQUESTS_PER_RUN = 200;

async function listen(app: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

/** REQUESTS_PER_RUN directory queries from CLIENTS concurrent clients; throws on any non-200. */
async function burst(url: string): Promise<void> {
  let left = REQUESTS_PER_RUN;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (left-- > 0) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
        const body = (await res.json()) as { errors?: unknown };
        if (res.status !== 200 || body.errors) throw new Error(`directory query failed (${res.status}): ${JSON.stringify(body).slice(0, 200)}`);
      }
    }),
  );
}

const bench: Bench = {
  name: 'limits and logging overhead',
  async run(ctx) {
    await ctx.connectFreshDatabase();
    await seedAll({ log: { info: () => undefined }, bcryptCost: 4, organisations: 120 });
    // Limits high enough never to refuse the bench, but checked on every request like in production.
    const config = testConfig({ requestsPerWindow: 1_000_000, loginMaxAttempts: 10_000 });
    const on = await createApp({ config, log: createLogger('info', pino.destination({ dest: devNull, sync: false })) });
    const off = await createApp({ config, log: createLogger('silent'), ops: { accessLog: false, metrics: false, rateLimits: false } });
    const noCost = await createApp({ config, log: createLogger('silent'), ops: { accessLog: false, metrics: false, rateLimits: false }, queryCost: false });
    const onServer = await listen(on.app);
    const offServer = await listen(off.app);
    const noCostServer = await listen(noCost.app);
    try {
      const times = await compareMs({ on: () => burst(onServer.url), off: () => burst(offServer.url), noCost: () => burst(noCostServer.url) }, 9, 2);
      const onRps = REQUESTS_PER_RUN / (times.on! / 1000);
      const offRps = REQUESTS_PER_RUN / (times.off! / 1000);
      const noCostRps = REQUESTS_PER_RUN / (times.noCost! / 1000);
      ctx.log(
        `directory query: ${onRps.toFixed(0)} req/s with limits and logging, ${offRps.toFixed(0)} req/s without, ${noCostRps.toFixed(0)} req/s without the cost analysis either`,
      );
      return [
        result({
          name: 'directory query (20 with domains and neighbourhoods), limits + logging + metrics on vs off',
          value: Number(onRps.toFixed(1)),
          baseline: Number(offRps.toFixed(1)),
          unit: 'req/s',
          higherIsBetter: true,
          aim: '> 0.8',
          ok: onRps / offRps > 0.8,
        }),
        result({
          name: 'directory query, the query cost analysis (lists multiplied) on vs off (ops off in both)',
          value: Number(offRps.toFixed(1)),
          baseline: Number(noCostRps.toFixed(1)),
          unit: 'req/s',
          higherIsBetter: true,
          aim: '> 0.95 (within noise)',
          ok: offRps / noCostRps > 0.95,
        }),
      ];
    } finally {
      for (const s of [onServer.server, offServer.server, noCostServer.server]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      await on.stop();
      await off.stop();
      await noCost.stop();
      await ctx.disconnectDatabase();
    }
  },
};

export default bench;
