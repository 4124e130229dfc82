// Several instances on one database: two dispatchers deliver 1,000 events to a real SMTP server and a
// real HTTP receiver exactly once, and reminders swept by two instances at once are sent once.
import { useTestDatabase } from '../../helpers/db';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { clock } from '../../../src/shared/clock';
import { publish } from '../../../src/modules/messaging/events';
import { createDispatcher } from '../../../src/modules/messaging/dispatcher';
import { smtpTransport } from '../../../src/modules/messaging/channels/email';
import { runDueJobs, sweepReminders } from '../../../src/modules/messaging/jobs';
import { seal } from '../../../src/modules/messaging/crypto';
import { newWebhookSecret } from '../../../src/modules/messaging/channels/webhook';
import { OutboxMessageModel, WebhookModel } from '../../../src/modules/messaging/messaging.model';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { FundingProgrammeModel } from '../../../src/modules/grants/budget/funding-programme.model';
import { emailText, startReceiver, startSmtp, type Receiver, type Smtp } from './receivers';

useTestDatabase();
const log = createLogger('silent');
let smtp: Smtp;
let receiver: Receiver;
const realNow = clock.now;

beforeAll(async () => {
  smtp = await startSmtp();
  receiver = await startReceiver();
});
afterAll(async () => {
  await smtp.close();
  await receiver.close();
});
afterEach(() => {
  clock.now = realNow;
});

it('two dispatchers on one database deliver 1,000 events exactly once on each channel', async () => {
  const config = testConfig({ smtpUrl: smtp.url });
  await WebhookModel.create({
    url: receiver.url,
    events: ['payment.recorded'],
    secret: seal(newWebhookSecret(), config.jwtSecret, 'webhook-secret'),
    createdAt: new Date(),
  });
  const N = 1000;
  for (let i = 0; i < N; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, j) =>
        publish({
          type: 'payment.recorded',
          key: `bulk:${i + j}`,
          recipients: [{ email: `treasurer${i + j}@asso.test` }],
          data: { applicationId: `app${i + j}`, amount: 100 },
        }),
      ),
    );
  }
  expect(await OutboxMessageModel.countDocuments({ status: 'PENDING' })).toBe(2 * N);

  const one = createDispatcher({ config, log, owner: 'instance-a', jobs: false, email: smtpTransport(smtp.url, config.mailFrom) });
  const two = createDispatcher({ config, log, owner: 'instance-b', jobs: false, email: smtpTransport(smtp.url, config.mailFrom) });
  const [a, b] = await Promise.all([one.dispatchOnce(), two.dispatchOnce()]);
  await Promise.all([one.stop(), two.stop()]);

  expect(a.delivered + b.delivered).toBe(2 * N);
  // Both did part of the work (the lease, not luck, kept them apart).
  expect(a.delivered).toBeGreaterThan(0);
  expect(b.delivered).toBeGreaterThan(0);
  expect(a.failed + b.failed + a.retried + b.retried).toBe(0);

  const recipients = smtp.messages.flatMap((m) => m.to);
  expect(recipients).toHaveLength(N);
  expect(new Set(recipients).size).toBe(N);
  const ids = receiver.deliveries.map((d) => d.headers['webhook-id']);
  expect(ids).toHaveLength(N);
  expect(new Set(ids).size).toBe(N);
  expect(new Set(receiver.deliveries.map((d) => JSON.parse(d.body).data.applicationId)).size).toBe(N);
  expect(await OutboxMessageModel.countDocuments({ status: 'DELIVERED' })).toBe(2 * N);
});

describe('reminders', () => {
  it('final reports due in 30 and 7 days and overdue, and calls closing in 7 and 2 days, each sent once across instances', async () => {
    smtp.messages.length = 0;
    const config = testConfig({ smtpUrl: smtp.url });
    const org = await makeOrganisation();
    const manager = await makeUser({ memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
    const drafter = await makeUser({ memberOf: [{ organisation: org._id, role: 'EDITOR' }] });
    const today = new Date('2026-06-01T08:00:00Z');
    const day = 86_400_000;
    const programme = await FundingProgrammeModel.create({
      name: 'Appel quartiers',
      year: 2026,
      opensOn: new Date('2026-01-01'),
      closesOn: new Date(today.getTime() + 6 * day),
      minAmount: 1,
      maxAmount: 10_000_000,
    });
    const base = { organisation: org._id, programme: programme._id, year: 2026, description: 'Un projet.', requestedAmount: 1000, createdBy: drafter.user._id };
    const granted = await GrantApplicationModel.create({
      ...base,
      number: '2026-90001',
      title: 'Report due',
      status: 'APPROVED',
      reportDueOn: new Date('2026-06-25'),
    });
    await GrantApplicationModel.create({ ...base, number: '2026-90002', title: 'Report late', status: 'APPROVED', reportDueOn: new Date('2026-05-20') });
    await GrantApplicationModel.create({ ...base, number: '2026-90003', title: 'Brouillon', status: 'DRAFT' });
    await GrantApplicationModel.create({ ...base, number: '2026-90004', title: 'Far away', status: 'APPROVED', reportDueOn: new Date('2026-12-31') });

    const sweepBoth = async (at: Date) => {
      clock.now = () => at;
      // Two instances sweeping at the same moment, then the job runner of both.
      await Promise.all([sweepReminders(at), sweepReminders(at), runDueJobs('a', at), runDueJobs('b', at)]);
      const d = createDispatcher({ config, log, jobs: false, email: smtpTransport(smtp.url, config.mailFrom) });
      await d.dispatchOnce();
      await d.stop();
    };
    await sweepBoth(today);
    const to = (u: { user: { email: string } }) => smtp.messages.filter((m) => m.to.includes(u.user.email)).map((m) => emailText(m.raw));
    expect(to(manager).filter((t) => t.includes('2026-90001'))).toHaveLength(1); // due in 24 days: the 30-day reminder
    expect(to(manager).filter((t) => t.includes('2026-90002') && t.includes('pas été reçu'))).toHaveLength(1);
    expect(to(manager).filter((t) => t.includes('2026-90004'))).toHaveLength(0);
    expect(to(drafter).filter((t) => t.includes('Appel quartiers'))).toHaveLength(1); // closes in 6 days
    expect(smtp.messages).toHaveLength(3);

    // The same day again, and a week later: only the new thresholds.
    await sweepBoth(new Date(today.getTime() + 3 * 3_600_000));
    expect(smtp.messages).toHaveLength(3);
    await sweepBoth(new Date(today.getTime() + 5 * day));
    expect(to(drafter).filter((t) => t.includes('Appel quartiers'))).toHaveLength(2); // 1 day left: the 2-day reminder
    await sweepBoth(new Date(today.getTime() + 18 * day));
    expect(to(manager).filter((t) => t.includes('2026-90001'))).toHaveLength(2); // 6 days left: the 7-day reminder
    expect(smtp.messages).toHaveLength(5);
    expect(await OutboxMessageModel.countDocuments({ eventKey: `final_report.due:${granted._id}:7` })).toBe(1);
  });
});
