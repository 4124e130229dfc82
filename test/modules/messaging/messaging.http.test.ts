// Messaging end to end: events published, delivered by the dispatcher to a real SMTP server and a real
// HTTP receiver, and read over the API. The clock is moved to drive retries; signatures are checked
// with the reference `standardwebhooks` library.
import mongoose from 'mongoose';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeUser } from '../../helpers/factories';
import { testConfig, type Config } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { clock } from '../../../src/shared/clock';
import { publish } from '../../../src/modules/messaging/events';
import { createDispatcher, type Dispatcher } from '../../../src/modules/messaging/dispatcher';
import { smtpTransport } from '../../../src/modules/messaging/channels/email';
import { sendDigests, purgeOutbox } from '../../../src/modules/messaging/jobs';
import { OutboxMessageModel, WebhookModel } from '../../../src/modules/messaging/messaging.model';
import { emailText, startReceiver, startSmtp, type Receiver, type Smtp } from './receivers';

useTestDatabase();
const log = createLogger('silent');

let server: TestServer;
let smtp: Smtp;
let receiver: Receiver;
let config: Config;
const realNow = clock.now;

beforeAll(async () => {
  smtp = await startSmtp();
  receiver = await startReceiver();
  config = testConfig({ smtpUrl: smtp.url, publicUrl: 'https://subventions.ville.test' });
  server = await startServer({ smtpUrl: smtp.url, publicUrl: 'https://subventions.ville.test' });
});
afterAll(async () => {
  await server.close();
  await smtp.close();
  await receiver.close();
});
afterEach(() => {
  clock.now = realNow;
  receiver.respond = () => 204;
  smtp.failing = false;
});

function dispatcher(overrides: Partial<Config> = {}, extra: { webhookTimeoutMs?: number } = {}): Dispatcher {
  const c = { ...config, ...overrides };
  return createDispatcher({ config: c, log, jobs: false, email: smtpTransport(c.smtpUrl, c.mailFrom), ...extra });
}

/** Runs a dispatcher once and closes its SMTP pool. */
async function dispatch(overrides: Partial<Config> = {}, extra: { webhookTimeoutMs?: number } = {}) {
  const d = dispatcher(overrides, extra);
  try {
    return await d.dispatchOnce();
  } finally {
    await d.stop();
  }
}

async function createHook(adminToken: string, events: string[], url = receiver.url) {
  const res = await server.gql(
    `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id url events enabled } secret errors { code field message } } }`,
    { input: { url, events, description: 'Finances' } },
    adminToken,
  );
  return dataOf(res).createWebhook;
}

const emailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
const newRows = () => OutboxMessageModel.countDocuments({ status: 'PENDING' });

describe('an event reaches each recipient once on each channel', () => {
  it('emails every recipient, signs one webhook delivery, and shows the notification to its owner only', async () => {
    const admin = await makeUser({ role: 'ADMIN' });
    const manager = await makeUser();
    const other = await makeUser();
    const hook = await createHook(admin.token, ['grant_application.decided']);
    expect(hook.errors).toEqual([]);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const event = {
      type: 'grant_application.decided' as const,
      key: `app1:decided:${manager.id}`,
      recipients: [{ userId: manager.id }, { userId: manager.id }, { email: 'Tresorier@Asso.test' }],
      data: {
        applicationId: 'a1',
        number: '2026-00007',
        title: 'Atelier <vélo>',
        outcome: 'APPROVED',
        amount: 150000,
        motivation: 'Projet utile au quartier.',
        privateNote: 'never out',
        iban: 'FR76...',
      },
    };
    await publish(event);
    await publish(event); // recorded twice: sends nothing twice
    const report = await dispatch();
    expect(report).toMatchObject({ delivered: 3, failed: 0 });
    expect((await dispatch()).delivered).toBe(0);

    const mine = emailsTo(manager.user.email);
    expect(mine).toHaveLength(1);
    expect(emailsTo('tresorier@asso.test')).toHaveLength(1);
    const text = emailText(mine[0]!.raw);
    expect(text).toMatch(/1\s500,00\s€/u);
    expect(text).toContain('Motivation : Projet utile au quartier.');
    expect(text).toContain('https://subventions.ville.test/applications/a1');
    // Escaped in the HTML part, never raw markup from the data.
    expect(text).toContain('Atelier &lt;vélo&gt;');

    const got = receiver.deliveries.filter((d) => JSON.parse(d.body).type === 'grant_application.decided');
    expect(got).toHaveLength(1);
    const verified = new StandardWebhook(hook.secret).verify(got[0]!.body, got[0]!.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(verified.type).toBe('grant_application.decided');
    expect(verified.data).toMatchObject({ number: '2026-00007', amount: 150000 });
    expect(verified.data).not.toHaveProperty('privateNote');
    expect(verified.data).not.toHaveProperty('iban');
    // A tampered body fails the reference verification.
    expect(() => new StandardWebhook(hook.secret).verify(got[0]!.body.replace('150000', '990000'), got[0]!.headers as Record<string, string>)).toThrow();

    const query = `{ me { notifications(first: 10) { totalCount edges { node { id kind title body link createdAt readAt } } } } }`;
    const seen = dataOf(await server.gql(query, {}, manager.token)).me.notifications;
    expect(seen.totalCount).toBe(1);
    expect(seen.edges[0].node).toMatchObject({ kind: 'GRANT_APPLICATION_DECIDED', link: 'https://subventions.ville.test/applications/a1', readAt: null });
    expect(dataOf(await server.gql(query, {}, other.token)).me.notifications.totalCount).toBe(0);

    const id = seen.edges[0].node.id;
    const marked = dataOf(
      await server.gql(
        `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedCount unreadCount errors { field } } }`,
        { input: { ids: [id] } },
        other.token,
      ),
    ).markNotificationsRead;
    expect(marked).toEqual({ markedCount: 0, unreadCount: 0, errors: [] });
    const mark = dataOf(
      await server.gql(
        `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedCount unreadCount errors { field } } }`,
        { input: { ids: [id] } },
        manager.token,
      ),
    ).markNotificationsRead;
    expect(mark).toEqual({ markedCount: 1, unreadCount: 0, errors: [] });
    const unread = dataOf(await server.gql(`{ me { notifications(unreadOnly: true) { totalCount } } }`, {}, manager.token)).me.notifications;
    expect(unread.totalCount).toBe(0);
    const bad = dataOf(
      await server.gql(`mutation { markNotificationsRead(input: {}) { markedCount errors { code field } } }`, {}, manager.token),
    ).markNotificationsRead;
    expect(bad.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'input' }]);
  });
});

describe('one-time tokens', () => {
  it('never sits in clear in the outbox, reaches the email, and is erased once sent', async () => {
    const user = await makeUser();
    const token = 'tok_' + 'Zx9'.repeat(12);
    await publish({ type: 'account.password_reset', key: `reset:${user.id}:1`, recipients: [{ userId: user.id }], data: {}, secret: { token } });
    const raw = await mongoose.connection
      .collection('outbox_messages')
      .find({ eventKey: `reset:${user.id}:1` })
      .toArray();
    expect(raw).toHaveLength(1);
    expect(JSON.stringify(raw)).not.toContain(token);
    expect(raw[0]!.secret).toMatchObject({ iv: expect.any(String), data: expect.any(String), tag: expect.any(String) });

    await dispatch();
    const sent = emailsTo(user.user.email);
    expect(sent).toHaveLength(1);
    expect(emailText(sent[0]!.raw)).toContain(`https://subventions.ville.test/reset-password?token=${token}`);
    const after = await mongoose.connection.collection('outbox_messages').findOne({ eventKey: `reset:${user.id}:1` });
    expect(after!.status).toBe('DELIVERED');
    expect(after).not.toHaveProperty('secret');
    // No notification carries a token.
    expect(dataOf(await server.gql(`{ me { notifications { totalCount } } }`, {}, user.token)).me.notifications.totalCount).toBe(0);
  });

  it('without SMTP_URL nothing is sent: the email is held in the outbox, its token erased, and admins see it', async () => {
    const admin = await makeUser({ role: 'ADMIN' });
    const user = await makeUser();
    await publish({
      type: 'account.verify_email',
      key: `verify:${user.id}`,
      recipients: [{ userId: user.id }],
      data: {},
      secret: { token: 'secret-verify-token-123456' },
    });
    const d = createDispatcher({ config: { ...config, smtpUrl: '' }, log, jobs: false });
    expect(await d.dispatchOnce()).toMatchObject({ held: 1, delivered: 0 });
    await d.stop();
    expect(emailsTo(user.user.email)).toHaveLength(0);
    const list = dataOf(
      await server.gql(`{ outboxMessages(status: HELD) { totalCount edges { node { recipient subject status channel eventType } } } }`, {}, admin.token),
    ).outboxMessages;
    expect(list.edges).toContainEqual({
      node: { recipient: user.user.email, subject: 'Confirmez votre adresse email', status: 'HELD', channel: 'EMAIL', eventType: 'account.verify_email' },
    });
    const row = await mongoose.connection.collection('outbox_messages').findOne({ eventKey: `verify:${user.id}` });
    expect(row).not.toHaveProperty('secret');
    const refused = await server.gql(`{ outboxMessages { totalCount } }`, {}, user.token);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('preferences', () => {
  const update = `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { preferences { kind delivery locked } errors { code field message } } }`;

  it('NONE keeps the notification without an email; DAILY_DIGEST waits for the morning digest', async () => {
    const user = await makeUser();
    const res = dataOf(
      await server.gql(
        update,
        {
          input: {
            preferences: [
              { kind: 'PAYMENT_RECORDED', delivery: 'NONE' },
              { kind: 'FINAL_REPORT_DUE', delivery: 'DAILY_DIGEST' },
            ],
          },
        },
        user.token,
      ),
    ).updateNotificationPreferences;
    expect(res.errors).toEqual([]);
    expect(res.preferences).toContainEqual({ kind: 'PAYMENT_RECORDED', delivery: 'NONE', locked: false });
    const mine = dataOf(await server.gql(`{ me { notificationPreferences { kind delivery locked } } }`, {}, user.token)).me.notificationPreferences;
    expect(mine).toContainEqual({ kind: 'FINAL_REPORT_DUE', delivery: 'DAILY_DIGEST', locked: false });
    expect(mine).toContainEqual({ kind: 'ACCOUNT_PASSWORD_RESET', delivery: 'IMMEDIATE', locked: true });

    await publish({
      type: 'payment.recorded',
      key: `pay:${user.id}`,
      recipients: [{ userId: user.id }],
      data: { applicationId: 'a2', number: '2026-00002', amount: 5000 },
    });
    await publish({
      type: 'final_report.due',
      key: `due:${user.id}:a`,
      recipients: [{ userId: user.id }],
      data: { applicationId: 'a3', number: '2026-00003', daysLeft: 30 },
    });
    await publish({
      type: 'final_report.due',
      key: `due:${user.id}:b`,
      recipients: [{ userId: user.id }],
      data: { applicationId: 'a4', number: '2026-00004', daysLeft: 7 },
    });
    await dispatch();
    expect(emailsTo(user.user.email)).toHaveLength(0);
    expect(dataOf(await server.gql(`{ me { notifications { totalCount } } }`, {}, user.token)).me.notifications.totalCount).toBe(3);

    expect(await sendDigests()).toBeGreaterThanOrEqual(1);
    await sendDigests(); // the same day again: nothing new
    await dispatch();
    const digests = emailsTo(user.user.email);
    expect(digests).toHaveLength(1);
    const text = emailText(digests[0]!.raw);
    expect(text).toContain('2026-00003');
    expect(text).toContain('2026-00004');
    expect(text).not.toContain('2026-00002');
  });

  it('security emails cannot be turned off or delayed, and a publish of one ignores preferences', async () => {
    const user = await makeUser();
    const res = dataOf(
      await server.gql(
        update,
        {
          input: {
            preferences: [
              { kind: 'PAYMENT_RECORDED', delivery: 'NONE' },
              { kind: 'ACCOUNT_PASSWORD_CHANGED', delivery: 'NONE' },
            ],
          },
        },
        user.token,
      ),
    ).updateNotificationPreferences;
    expect(res.preferences).toBeNull();
    expect(res.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.preferences[1].delivery', message: expect.stringContaining('cannot be turned off') }]);
    // Stored directly, as if an old client had managed it: publish still emails at once.
    await mongoose.connection.collection('notification_preferences').insertOne({ user: user.user._id, modes: { ACCOUNT_PASSWORD_CHANGED: 'NONE' } });
    await publish({
      type: 'account.password_changed',
      key: `pwd:${user.id}`,
      recipients: [{ userId: user.id }],
      data: { changedAt: new Date().toISOString() },
    });
    await dispatch();
    expect(emailsTo(user.user.email)).toHaveLength(1);
  });
});

describe('failures and retries', () => {
  it('a failing SMTP server is retried with backoff; the message goes once it is back', async () => {
    const user = await makeUser();
    smtp.failing = true;
    const start = new Date();
    clock.now = () => start;
    await publish({ type: 'account.password_changed', key: `smtp-down:${user.id}`, recipients: [{ userId: user.id }], data: {} });
    expect(await dispatch()).toMatchObject({ retried: 1, delivered: 0 });
    const row = await OutboxMessageModel.findOne({ eventKey: `smtp-down:${user.id}` }).lean();
    expect(row!.status).toBe('PENDING');
    expect(row!.lastError).toMatch(/451|Try again/);
    expect(row!.nextAttemptAt.getTime() - start.getTime()).toBeGreaterThanOrEqual(24_000);
    // Not due yet: nothing is attempted.
    smtp.failing = false;
    expect(await dispatch()).toMatchObject({ retried: 0, delivered: 0 });
    clock.now = () => new Date(start.getTime() + 60_000);
    expect(await dispatch()).toMatchObject({ delivered: 1 });
    expect(emailsTo(user.user.email)).toHaveLength(1);
  });

  it('retries a webhook after a 500 and a timeout, records each status, and delivers once', async () => {
    const admin = await makeUser({ role: 'ADMIN' });
    const hook = await createHook(admin.token, ['payment.recorded']);
    let calls = 0;
    receiver.respond = () => (++calls === 1 ? 500 : calls === 2 ? 'hang' : 200);
    let now = new Date();
    clock.now = () => now;
    await publish({ type: 'payment.recorded', key: 'retry:pay:1', recipients: [], data: { applicationId: 'a9', amount: 100 } });
    expect(await dispatch()).toMatchObject({ retried: 1 });
    let row = await OutboxMessageModel.findOne({ eventKey: 'retry:pay:1', webhook: hook.webhook.id }).lean();
    expect(row).toMatchObject({ status: 'PENDING', statusCode: 500, attempts: 1 });
    now = new Date(row!.nextAttemptAt.getTime() + 1);
    expect(await dispatch({}, { webhookTimeoutMs: 300 })).toMatchObject({ retried: 1 });
    row = await OutboxMessageModel.findOne({ _id: row!._id }).lean();
    expect(row).toMatchObject({ status: 'PENDING', statusCode: null, attempts: 2 });
    expect(row!.lastError).toMatch(/No answer/);
    now = new Date(row!.nextAttemptAt.getTime() + 1);
    expect(await dispatch()).toMatchObject({ delivered: 1 });

    const ids = receiver.deliveries.filter((d) => JSON.parse(d.body).data.applicationId === 'a9').map((d) => d.headers['webhook-id']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1); // the same message id on every attempt

    const deliveries = dataOf(
      await server.gql(
        `query ($id: ID!) { webhookDeliveries(webhookId: $id) { totalCount edges { node { id messageId status statusCode attempts } } } }`,
        { id: hook.webhook.id },
        admin.token,
      ),
    ).webhookDeliveries;
    expect(deliveries.edges[0].node).toMatchObject({ status: 'DELIVERED', statusCode: 200, attempts: 3, messageId: ids[0] });
    // Sent again on request, with the same message id.
    clock.now = realNow;
    const again = dataOf(
      await server.gql(
        `mutation ($id: ID!) { redeliverWebhookDelivery(id: $id) { delivery { status attempts } errors { code } } }`,
        { id: deliveries.edges[0].node.id },
        admin.token,
      ),
    ).redeliverWebhookDelivery;
    expect(again).toEqual({ delivery: { status: 'PENDING', attempts: 0 }, errors: [] });
    const twice = dataOf(
      await server.gql(
        `mutation ($id: ID!) { redeliverWebhookDelivery(id: $id) { delivery { status } errors { code } } }`,
        { id: deliveries.edges[0].node.id },
        admin.token,
      ),
    ).redeliverWebhookDelivery;
    expect(twice.errors).toEqual([{ code: 'CONFLICT' }]);
    await dispatch();
    expect(receiver.deliveries.filter((d) => d.headers['webhook-id'] === ids[0])).toHaveLength(4);
  });

  it('a hook failing for more than 24 hours is dead-lettered, disabled, and the admins are emailed', async () => {
    const admin = await makeUser({ role: 'ADMIN' });
    const hook = await createHook(admin.token, ['final_report.submitted']);
    receiver.respond = (d) => (JSON.parse(d.body).type === 'final_report.submitted' ? 503 : 204);
    const start = new Date();
    let now = start;
    clock.now = () => now;
    await publish({ type: 'final_report.submitted', key: 'dying:1', recipients: [], data: { applicationId: 'a5' } });
    let attempts = 0;
    for (;;) {
      const report = await dispatch();
      attempts++;
      const row = await OutboxMessageModel.findOne({ eventKey: 'dying:1' }).lean();
      if (row!.status !== 'PENDING') {
        expect(report.failed).toBe(1);
        expect(row).toMatchObject({ status: 'FAILED', statusCode: 503, lastError: expect.stringContaining('503') });
        break;
      }
      now = new Date(row!.nextAttemptAt.getTime() + 1);
      if (attempts > 20) throw new Error('never dead-lettered');
    }
    expect(attempts).toBe(8);
    expect(now.getTime() - start.getTime()).toBeGreaterThan(24 * 3_600_000);
    const stored = await WebhookModel.findById(hook.webhook.id).lean();
    expect(stored).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('503') });
    await dispatch();
    const told = emailsTo(admin.user.email).filter((m) => emailText(m.raw).includes(receiver.url));
    expect(told).toHaveLength(1);
    // A disabled hook gets nothing new.
    await publish({ type: 'final_report.submitted', key: 'dying:2', recipients: [], data: {} });
    expect(await OutboxMessageModel.countDocuments({ eventKey: 'dying:2' })).toBe(0);
  });
});

describe('webhook administration', () => {
  it('shows the secret once, refuses bad input on its field, rotates and deletes', async () => {
    const admin = await makeUser({ role: 'ADMIN' });
    const member = await makeUser();
    const bad = await server.gql(
      `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } secret errors { code field } } }`,
      { input: { url: 'ftp://example.test/x', events: ['grant_application.submitted', 'account.password_reset'] } },
      admin.token,
    );
    expect(dataOf(bad).createWebhook.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.url' },
      { code: 'BAD_USER_INPUT', field: 'input.events[1]' },
    ]);
    const forbidden = await server.gql(
      `mutation { createWebhook(input: { url: "https://example.test", events: ["payment.recorded"] }) { secret } }`,
      {},
      member.token,
    );
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const hook = await createHook(admin.token, ['payment.recorded']);
    const list = dataOf(await server.gql(`{ webhooks { id url events enabled description } }`, {}, admin.token)).webhooks;
    expect(list).toContainEqual({ id: hook.webhook.id, url: receiver.url, events: ['payment.recorded'], enabled: true, description: 'Finances' });
    const stored = await mongoose.connection.collection('webhooks').findOne({ _id: new mongoose.Types.ObjectId(hook.webhook.id) });
    expect(JSON.stringify(stored)).not.toContain(hook.secret.slice(6));

    const rotated = dataOf(
      await server.gql(`mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret errors { code } } }`, { id: hook.webhook.id }, admin.token),
    ).rotateWebhookSecret;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    await publish({ type: 'payment.recorded', key: 'rotated:1', recipients: [], data: { applicationId: 'r1' } });
    await dispatch();
    const row = await OutboxMessageModel.findOne({ eventKey: 'rotated:1', webhook: hook.webhook.id }).lean();
    const got = receiver.deliveries.find((d) => d.headers['webhook-id'] === row!.messageId)!;
    expect(got).toBeDefined();
    expect(() => new StandardWebhook(rotated.secret).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
    expect(() => new StandardWebhook(hook.secret).verify(got.body, got.headers as Record<string, string>)).toThrow();

    const deleted = dataOf(
      await server.gql(`mutation ($id: ID!) { deleteWebhook(id: $id) { deletedId errors { code } } }`, { id: hook.webhook.id }, admin.token),
    ).deleteWebhook;
    expect(deleted).toEqual({ deletedId: hook.webhook.id, errors: [] });
    const missing = await server.gql(`mutation ($id: ID!) { deleteWebhook(id: $id) { deletedId } }`, { id: hook.webhook.id }, admin.token);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('production refuses private targets at creation, and at delivery after resolving the name', async () => {
    const prod = await startServer({ webhookAllowPrivateTargets: false });
    try {
      const admin = await makeUser({ role: 'ADMIN' });
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost/x',
        'http://[::1]/x',
        'http://10.1.2.3/x',
        'http://[::ffff:192.168.1.1]/x',
        'http://169.254.169.254/latest',
      ]) {
        const res = dataOf(
          await prod.gql(
            `mutation ($url: String!) { createWebhook(input: { url: $url, events: ["payment.recorded"] }) { webhook { id } errors { code field message } } }`,
            { url },
            admin.token,
          ),
        ).createWebhook;
        expect(res.webhook).toBeNull();
        expect(res.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.url', message: expect.stringMatching(/loopback or private|cannot be resolved/) }]);
      }
    } finally {
      await prod.close();
    }
    // A hook created where private targets were allowed, delivered by an instance where they are not
    // (as when a public name is re-pointed inside): refused on the resolved address.
    const admin = await makeUser({ role: 'ADMIN' });
    const port = new URL(receiver.url).port;
    await createHook(admin.token, ['organisation.claim_decided'], `http://localhost:${port}/hooks`);
    const before = receiver.deliveries.length;
    await publish({ type: 'organisation.claim_decided', key: 'rebind:1', recipients: [], data: { organisationId: 'o1', approved: true } });
    expect(await dispatch({ webhookAllowPrivateTargets: false })).toMatchObject({ retried: 1, delivered: 0 });
    expect(receiver.deliveries.length).toBe(before);
    const row = await OutboxMessageModel.findOne({ eventKey: 'rebind:1' }).lean();
    expect(row!.lastError).toMatch(/loopback or private/);
  });
});

describe('retention', () => {
  it('purges delivered rows after OUTBOX_RETENTION_DAYS, never pending ones', async () => {
    const user = await makeUser();
    await publish({ type: 'account.password_changed', key: `purge:${user.id}`, recipients: [{ userId: user.id }], data: {} });
    await dispatch();
    await publish({ type: 'account.password_changed', key: `purge-pending:${user.id}`, recipients: [{ userId: user.id }], data: {} });
    const row = await OutboxMessageModel.findOne({ eventKey: `purge:${user.id}` }).lean();
    expect(row!.purgeAt!.getTime() - row!.deliveredAt!.getTime()).toBe(config.outboxRetentionDays * 86_400_000);
    expect(await purgeOutbox(new Date(Date.now() + 89 * 86_400_000))).toBe(0);
    await purgeOutbox(new Date(Date.now() + 91 * 86_400_000));
    expect(await OutboxMessageModel.countDocuments({ eventKey: `purge:${user.id}` })).toBe(0);
    expect(await OutboxMessageModel.countDocuments({ eventKey: `purge-pending:${user.id}` })).toBe(1);
    expect(await newRows()).toBeGreaterThanOrEqual(1);
  });
});
