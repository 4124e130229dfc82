// What the dispatcher asks of the database when there is little or nothing to deliver (issue 11's bench:
// the directory's throughput with the dispatcher running). Counted with the driver's command log: an empty
// outbox costs one query, a single row three claims (not one per worker), and a dispatcher left idle
// slows its polling down and looks at the scheduled jobs once, not at every tick.
import mongoose from 'mongoose';
import { commandsDuring } from '../../helpers/commands';
import { connectionOptions, ensureIndexes } from '../../../src/db';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { createDispatcher, IDLE_BACKOFF } from '../../../src/modules/messaging/dispatcher';
import { publish } from '../../../src/modules/messaging/events';
import { OutboxMessageModel } from '../../../src/modules/messaging/messaging.model';
import { databaseUri } from '../../helpers/db';

beforeAll(async () => {
  await mongoose.connect(databaseUri(), { ...connectionOptions({ dbTimeoutMs: 5000 }), monitorCommands: true });
  await ensureIndexes();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

const log = createLogger('silent');
const config = testConfig();
const count = (commands: string[], prefix: string) => commands.filter((c) => c.startsWith(prefix)).length;

describe('the dispatcher with little to do', () => {
  it('asks once when the outbox is empty, and claims three times for a single row', async () => {
    const d = createDispatcher({ config, log, jobs: false, email: null, concurrency: 8 });
    expect(await commandsDuring(() => d.dispatchOnce())).toEqual(['findAndModify outbox_messages']);

    await publish({ type: 'payment.recorded', key: 'idle:1', recipients: [{ email: 'tresorerie@asso.test' }], data: { amount: 1 } });
    let report: unknown;
    const commands = await commandsDuring(async () => {
      report = await d.dispatchOnce();
    });
    expect(report).toEqual({ delivered: 0, held: 1, retried: 0, failed: 0 });
    // The row, then one more worker that finds nothing, and the first worker finding nothing after it.
    expect(count(commands, 'findAndModify outbox_messages')).toBe(3);
    await d.stop();
  });

  it('polls less and less while idle and checks the scheduled jobs once, yet delivers a new row soon after it is published', async () => {
    const interval = 50;
    const d = createDispatcher({ config: { ...config, dispatchIntervalMs: interval }, log, jobs: true, email: null });
    let heldAfterPublish = -1;
    const commands = await commandsDuring(async () => {
      d.start();
      // 1.5 s idle: 30 polls at a fixed 50 ms; with the backoff, the waits grow to IDLE_BACKOFF x 50 ms.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await publish({ type: 'payment.recorded', key: 'idle:2', recipients: [{ email: 'tresorerie@asso.test' }], data: { amount: 2 } });
      for (let i = 0; i < 100 && heldAfterPublish !== 1; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        heldAfterPublish = await OutboxMessageModel.countDocuments({ eventKey: 'idle:2', status: 'HELD' });
      }
      await d.stop();
    });
    expect(heldAfterPublish).toBe(1);
    // Idle polling: a handful of single queries (the fixed-interval dispatcher sent 8 per poll, 240 in all).
    expect(count(commands, 'findAndModify outbox_messages')).toBeLessThan(25);
    // The jobs are looked at once in this window, not at every poll: an upsert and a claim for each of the
    // 3 jobs, and the end of the 2 due at once (reminders, purge).
    expect(count(commands, 'update messaging_jobs') + count(commands, 'findAndModify messaging_jobs')).toBeLessThanOrEqual(8);
    expect(IDLE_BACKOFF).toBeGreaterThan(1);
  });
});
