// Messaging: (1) events a second through the outbox (publish, then the dispatcher's lease, send and
// record) to a local SMTP server and a local webhook receiver, against sending the same email and
// webhook directly; (2) the directory's throughput while the dispatcher delivers a steady stream of
// events, against the same app with no dispatcher. Both measured in this run, interleaved.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app';
import { testConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { seedDirectory } from './directory-data';
import { publish } from '../src/modules/messaging/events';
import { createDispatcher } from '../src/modules/messaging/dispatcher';
import { smtpTransport } from '../src/modules/messaging/channels/email';
import { newWebhookSecret, postWebhook } from '../src/modules/messaging/channels/webhook';
import { seal } from '../src/modules/messaging/crypto';
import { renderEmail } from '../src/modules/messaging/templates';
import { WebhookModel } from '../src/modules/messaging/messaging.model';
import { startReceiver, startSmtp } from '../test/modules/messaging/receivers';
import { compareMs, result, type Bench } from './harness';

const EVENTS = 300;
const CONCURRENCY = 8;
const QUERY = `{ organisations(first: 20) { totalCount edges { node { id name legalForm domains { id name } neighbourhoods { id name isPriority } } } } }`;
const CLIENTS = 8;
const REQUESTS_PER_RUN = 200;

async function listen(app: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

async function burst(url: string): Promise<void> {
  let left = REQUESTS_PER_RUN;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (left-- > 0) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
        const body = (await res.json()) as { errors?: unknown };
        if (res.status !== 200 || body.errors) throw new Error(`directory query failed (${res.status})`);
      }
    }),
  );
}

const bench: Bench = {
  name: 'messaging outbox',
  async run(ctx) {
    await ctx.connectFreshDatabase();
    const smtp = await startSmtp();
    const receiver = await startReceiver();
    const config = testConfig({ smtpUrl: smtp.url });
    const log = createLogger('silent');
    const secret = newWebhookSecret();
    const hook = await WebhookModel.create({
      url: receiver.url,
      events: ['payment.recorded'],
      secret: seal(secret, config.jwtSecret, 'webhook-secret'),
      createdAt: new Date(),
    });
    const email = smtpTransport(smtp.url, config.mailFrom);
    const dispatcher = createDispatcher({ config, log, jobs: false, email: smtpTransport(smtp.url, config.mailFrom), concurrency: CONCURRENCY });
    let round = 0;
    const data = (i: number) => ({ applicationId: `app${i}`, number: `2026-${String(i).padStart(5, '0')}`, amount: 150000 });
    try {
      const times = await compareMs(
        {
          outbox: async () => {
            round++;
            for (let i = 0; i < EVENTS; i += 50) {
              await Promise.all(
                Array.from({ length: 50 }, (_, j) =>
                  publish({ type: 'payment.recorded', key: `bench:${round}:${i + j}`, recipients: [{ email: `t${i + j}@asso.test` }], data: data(i + j) }),
                ),
              );
            }
            const report = await dispatcher.dispatchOnce();
            if (report.delivered !== 2 * EVENTS) throw new Error(`outbox delivered ${report.delivered} of ${2 * EVENTS}`);
          },
          direct: async () => {
            let next = 0;
            await Promise.all(
              Array.from({ length: CONCURRENCY }, async () => {
                for (let i = next++; i < EVENTS; i = next++) {
                  const message = renderEmail('payment.recorded', data(i), config.publicUrl, null);
                  await email.send({ to: `t${i}@asso.test`, ...message, messageId: `<direct-${round}-${i}@maillage>` });
                  await postWebhook({
                    url: receiver.url,
                    secret,
                    messageId: `msg_direct_${round}_${i}`,
                    type: 'payment.recorded',
                    occurredAt: new Date(),
                    sentAt: new Date(),
                    data: data(i),
                    allowPrivate: true,
                  });
                }
              }),
            );
          },
        },
        5,
        1,
      );
      const outboxRate = EVENTS / (times.outbox! / 1000);
      const directRate = EVENTS / (times.direct! / 1000);
      ctx.log(`events: ${outboxRate.toFixed(0)}/s through the outbox, ${directRate.toFixed(0)}/s sent directly (each an email and a webhook)`);

      await WebhookModel.deleteOne({ _id: hook._id });
      await WebhookModel.create({
        url: receiver.url,
        events: ['payment.recorded'],
        secret: seal(secret, config.jwtSecret, 'webhook-secret'),
        createdAt: new Date(),
      });
      await seedDirectory(120);
      const app = await createApp({ config: testConfig({ requestsPerWindow: 1_000_000 }), log, ops: { accessLog: false } });
      const server = await listen(app.app);
      const running = createDispatcher({ config: { ...config, dispatchIntervalMs: 200 }, log, jobs: true, email: smtpTransport(smtp.url, config.mailFrom) });
      let streamed = 0;
      try {
        // Interleaved runs; only the burst is timed. The dispatcher starts before it and delivers a
        // stream of 100 events (an email and a webhook each) published while it runs.
        const runs: { with: number[]; without: number[] } = { with: [], without: [] };
        const timed = async (work: () => Promise<void>) => {
          const t = process.hrtime.bigint();
          await work();
          return Number(process.hrtime.bigint() - t) / 1e6;
        };
        for (let i = 0; i < 8; i++) {
          running.start();
          const stream = (async () => {
            for (let j = 0; j < 100; j++)
              await publish({ type: 'payment.recorded', key: `stream:${streamed++}`, recipients: [{ email: `s${j}@asso.test` }], data: data(j) });
          })();
          const w = await timed(() => burst(server.url));
          await stream;
          await running.stop();
          const wo = await timed(() => burst(server.url));
          if (i > 0) {
            runs.with.push(w);
            runs.without.push(wo);
          }
        }
        const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const dir = { withDispatcher: median(runs.with), without: median(runs.without) };
        const withRps = REQUESTS_PER_RUN / (dir.withDispatcher! / 1000);
        const withoutRps = REQUESTS_PER_RUN / (dir.without! / 1000);
        ctx.log(`directory: ${withRps.toFixed(0)} req/s with the dispatcher delivering, ${withoutRps.toFixed(0)} req/s without`);
        return [
          result({
            name: 'events/s through the outbox (email + webhook) vs sent directly',
            value: Number(outboxRate.toFixed(1)),
            baseline: Number(directRate.toFixed(1)),
            unit: 'events/s',
            higherIsBetter: true,
            aim: '>= 0.5',
            ok: outboxRate / directRate >= 0.5,
          }),
          result({
            name: 'directory query with the dispatcher delivering vs no dispatcher',
            value: Number(withRps.toFixed(1)),
            baseline: Number(withoutRps.toFixed(1)),
            unit: 'req/s',
            higherIsBetter: true,
            aim: '>= 0.9',
            ok: withRps / withoutRps >= 0.9,
          }),
        ];
      } finally {
        await running.stop();
        server.server.closeAllConnections();
        await new Promise<void>((resolve) => server.server.close(() => resolve()));
        await app.stop();
      }
    } finally {
      email.close();
      await dispatcher.stop();
      await smtp.close();
      await receiver.close();
      await ctx.disconnectDatabase();
    }
  },
};

export default bench;
