// docs/notifications.md: the lines a receiver needs to verify a delivery are run as written, against a
// real delivery POSTed by the dispatcher's webhook channel to a real HTTP receiver.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newWebhookSecret, postWebhook } from '../../src/modules/messaging/channels/webhook';
import { startReceiver, type Receiver } from '../modules/messaging/receivers';

const guide = readFileSync(join(__dirname, '..', '..', 'docs', 'notifications.md'), 'utf8');
const section = guide.slice(guide.indexOf('### Verifying a delivery'));
const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

async function delivered(secret: string) {
  await postWebhook({
    url: receiver.url,
    secret,
    messageId: `msg_${Date.now()}`,
    type: 'payment.recorded',
    occurredAt: new Date(),
    sentAt: new Date(),
    data: { applicationId: 'a1', amount: 150000 },
    allowPrivate: true,
  });
  return receiver.deliveries[receiver.deliveries.length - 1]!;
}

it('the guide shows two ways to verify, both run here', () => {
  expect(blocks).toHaveLength(2);
});

it("the reference library's lines accept a real delivery and refuse a forged one", async () => {
  const secret = newWebhookSecret();
  const d = await delivered(secret);
  // The guide's example runs as a reader would paste it: its text becomes a function.
  const run = (rawBody: string) =>
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('require', 'process', 'rawBody', 'request', `${blocks[0]}\nreturn event;`)(require, { env: { MAILLAGE_WEBHOOK_SECRET: secret } }, rawBody, {
      headers: d.headers,
    });
  expect(run(d.body)).toEqual({ type: 'payment.recorded', timestamp: expect.any(String), data: { applicationId: 'a1', amount: 150000 } });
  expect(() => run(d.body.replace('150000', '950000'))).toThrow();
});

it('the hand-written lines accept a real delivery and refuse a forged body, another secret and a stale timestamp', async () => {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the guide's hand-written lines, run as written
  const verify = new Function('require', `${blocks[1]}\nreturn verifyMaillageWebhook;`)(require) as (
    s: string,
    h: Record<string, unknown>,
    b: string,
  ) => boolean;
  const secret = newWebhookSecret();
  const d = await delivered(secret);
  expect(verify(secret, d.headers, d.body)).toBe(true);
  expect(verify(secret, d.headers, d.body.replace('150000', '950000'))).toBe(false);
  expect(verify(newWebhookSecret(), d.headers, d.body)).toBe(false);
  expect(verify(secret, { ...d.headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600) }, d.body)).toBe(false);
});
