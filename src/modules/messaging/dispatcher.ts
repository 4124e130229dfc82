// Delivers the outbox. Every instance runs one; they share the work through the database: a row is
// claimed with one conditional update (pending, due, lease expired -> leased to this dispatcher), so two
// dispatchers never hold the same row, and a dispatcher that dies mid-send leaves a lease that expires
// and lets another retry. A delivery that fails is retried with exponential backoff and jitter; after its
// last attempt it is dead-lettered (FAILED, with its last error). A webhook still failing after 24 hours
// is disabled and the admins are emailed.
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { Logger } from '../../shared/logger';
import { clock } from '../../shared/clock';
import { unseal } from './crypto';
import { publishQuietly, published, type EventType } from './events';
import { OutboxMessageModel, WebhookModel, type OutboxMessageDoc, type WebhookDoc } from './messaging.model';
import { admins } from './recipients';
import { runDueJobs } from './jobs';
import { renderEmail } from './templates';
import { smtpTransport, type EmailTransport } from './channels/email';
import { DeliveryError, postWebhook } from './channels/webhook';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Waits before the 2nd, 3rd... attempt of an email: about 23 hours in all, then dead-lettered. */
export const EMAIL_RETRY_DELAYS = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR];
/** Standard Webhooks' schedule: about 27.6 hours of retries, then dead-lettered. */
export const WEBHOOK_RETRY_DELAYS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
/** A hook whose deliveries have failed for this long, with a delivery dead-lettered, is disabled. */
export const WEBHOOK_DISABLE_AFTER_MS = 24 * HOUR;
/** Longer than any one delivery may take (10 s for a webhook, 20 s for an SMTP socket). */
export const LEASE_MS = 2 * MINUTE;

/**
 * An idle dispatcher polls less and less often, up to this many times DISPATCH_INTERVAL_MS: polling is
 * only for retries coming due and rows another instance published (each instance wakes its own
 * dispatcher when it publishes), and a retry is never due sooner than 5 seconds after a failure.
 */
export const IDLE_BACKOFF = 8;
/** A publish wakes the dispatcher after this pause (at most DISPATCH_INTERVAL_MS), so a burst is one tick. */
export const WAKE_DELAY_MS = 25;
/** How often each dispatcher looks at the scheduled jobs (reminders hourly, digest daily, purge hourly). */
export const JOBS_CHECK_MS = 30 * SECOND;

/** `delay` give or take 20%, so retries of many rows failing together do not come back together. */
export const withJitter = (delay: number, random = Math.random) => Math.round(delay * (0.8 + 0.4 * random()));

export interface DispatchReport {
  delivered: number;
  held: number;
  retried: number;
  failed: number;
}

export interface DispatcherOptions {
  config: Config;
  log: Logger;
  /** Names this dispatcher in leases (default: a random id). */
  owner?: string;
  /** Rows delivered at the same time. */
  concurrency?: number;
  /** Replaces the SMTP transport built from SMTP_URL (null: no transport, emails are held). */
  email?: EmailTransport | null;
  /** Run the scheduled jobs (reminders, digest, purge) on each tick (default true). */
  jobs?: boolean;
  /** How long a webhook receiver may take to answer (default 10 s). */
  webhookTimeoutMs?: number;
}

export interface Dispatcher {
  readonly owner: string;
  /** Polls every DISPATCH_INTERVAL_MS (slower while idle, IDLE_BACKOFF), and soon after this process publishes. */
  start(): void;
  /** Stops polling, waits for the deliveries in flight, closes the SMTP pool. */
  stop(): Promise<void>;
  /** Delivers every row due now, then returns (tests and benches drive it through the clock). */
  dispatchOnce(): Promise<DispatchReport>;
  /** Runs the scheduled jobs that are due now. */
  runJobs(): Promise<string[]>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const { config } = opts;
  const log = opts.log.child({ module: 'messaging', component: 'dispatcher' });
  const owner = opts.owner ?? `dispatcher-${randomUUID()}`;
  const concurrency = opts.concurrency ?? 8;
  const email: EmailTransport | null = opts.email !== undefined ? opts.email : config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : null;
  const retention = config.outboxRetentionDays * 24 * HOUR;

  const claim = () => {
    const now = clock.now();
    return OutboxMessageModel.findOneAndUpdate(
      { status: 'PENDING', nextAttemptAt: { $lte: now }, leaseUntil: { $lte: now } },
      { $set: { leaseUntil: new Date(now.getTime() + LEASE_MS), leaseOwner: owner }, $inc: { attempts: 1 } },
      { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
    ).lean<OutboxMessageDoc>();
  };

  /** Ends a row this dispatcher holds (DELIVERED, HELD or FAILED): the secret is erased, the purge date set. */
  const finish = (row: OutboxMessageDoc, status: 'DELIVERED' | 'HELD' | 'FAILED', extra: Record<string, unknown> = {}) => {
    const now = clock.now();
    return OutboxMessageModel.updateOne(
      { _id: row._id, leaseOwner: owner },
      {
        $set: {
          status,
          leaseUntil: new Date(0),
          leaseOwner: null,
          purgeAt: new Date(now.getTime() + retention),
          ...(status === 'DELIVERED' ? { deliveredAt: now } : {}),
          ...extra,
        },
        $unset: { secret: 1 },
      },
    );
  };

  async function sendEmail(row: OutboxMessageDoc): Promise<'DELIVERED' | 'HELD'> {
    let token: string | null = null;
    if (row.secret) {
      try {
        token = unseal(row.secret, config.jwtSecret, 'outbox-token');
      } catch {
        throw Object.assign(new Error('The link of this message was sealed under another JWT_SECRET; the person must ask for a new one.'), { permanent: true });
      }
    }
    const message = renderEmail(row.type as EventType, row.data as Record<string, unknown>, config.publicUrl, token);
    if (!email) {
      // No SMTP_URL: nothing leaves. The message is logged (in full outside production, where the token
      // is the developer's only way to follow a link) and kept in the outbox for admins.
      log.info(
        { outboxId: String(row._id), to: row.to, subject: message.subject, ...(config.nodeEnv === 'production' ? {} : { text: message.text }) },
        'email not sent (no SMTP_URL): kept in the outbox',
      );
      return 'HELD';
    }
    await email.send({ to: row.to!, ...message, messageId: `<${row._id}@maillage>` });
    return 'DELIVERED';
  }

  // A hook is read once a second at most, not once per delivery: a burst of events to one hook is the
  // common case. A hook disabled or deleted meanwhile gets at most a second of deliveries more.
  const hooks = new Map<string, { at: number; doc: Promise<WebhookDoc | null> }>();
  const hookOf = (id: unknown) => {
    const key = String(id);
    const cached = hooks.get(key);
    if (cached && Date.now() - cached.at < 1000) return cached.doc;
    const doc = WebhookModel.findById(id).lean<WebhookDoc>().exec();
    hooks.set(key, { at: Date.now(), doc });
    return doc;
  };

  async function sendWebhook(row: OutboxMessageDoc): Promise<number> {
    const hook = await hookOf(row.webhook);
    if (!hook) throw Object.assign(new Error('The webhook was deleted.'), { permanent: true });
    if (!hook.enabled) throw Object.assign(new Error('The webhook is disabled.'), { permanent: true });
    let secret: string;
    try {
      secret = unseal(hook.secret, config.jwtSecret, 'webhook-secret');
    } catch {
      throw Object.assign(new Error('The webhook secret was sealed under another JWT_SECRET: rotate it (rotateWebhookSecret).'), { permanent: true });
    }
    try {
      const status = await postWebhook({
        url: hook.url,
        secret,
        messageId: row.messageId!,
        type: row.type,
        occurredAt: row.createdAt,
        sentAt: clock.now(),
        data: row.data as Record<string, unknown>,
        allowPrivate: config.webhookAllowPrivateTargets,
        timeoutMs: opts.webhookTimeoutMs,
      });
      if (hook.failingSince) {
        await WebhookModel.updateOne({ _id: hook._id }, { $set: { failingSince: null } });
        hooks.delete(String(hook._id));
      }
      return status;
    } catch (err) {
      await WebhookModel.updateOne({ _id: hook._id, failingSince: null }, { $set: { failingSince: clock.now() } });
      hooks.delete(String(hook._id));
      throw err;
    }
  }

  /** The last delivery of a failing hook died: disable the hook if it has failed for 24 hours, and tell the admins once. */
  async function maybeDisable(row: OutboxMessageDoc, lastError: string): Promise<void> {
    const now = clock.now();
    const hook = await WebhookModel.findOneAndUpdate(
      { _id: row.webhook, enabled: true, failingSince: { $ne: null, $lte: new Date(now.getTime() - WEBHOOK_DISABLE_AFTER_MS) } },
      { $set: { enabled: false, disabledAt: now, disabledReason: `Failing for 24 hours; last error: ${lastError}` } },
      { returnDocument: 'after' },
    ).lean();
    if (!hook) return;
    log.warn({ webhookId: String(hook._id), url: hook.url }, 'webhook disabled after failing for 24 hours');
    await publishQuietly({
      type: 'webhook.disabled',
      key: `webhook.disabled:${hook._id}:${hook.failingSince?.toISOString()}`,
      recipients: await admins(),
      data: { webhookId: String(hook._id), url: hook.url, failingSince: hook.failingSince?.toISOString() ?? null, lastError },
    });
  }

  async function deliver(row: OutboxMessageDoc, report: DispatchReport): Promise<void> {
    try {
      if (row.channel === 'EMAIL') {
        const outcome = await sendEmail(row);
        await finish(row, outcome);
        if (outcome === 'HELD') report.held++;
        else report.delivered++;
      } else {
        const statusCode = await sendWebhook(row);
        await finish(row, 'DELIVERED', { statusCode, lastError: null });
        report.delivered++;
      }
    } catch (err) {
      const lastError = errorText(err);
      const statusCode = err instanceof DeliveryError ? err.statusCode : null;
      const delays = row.channel === 'WEBHOOK' ? WEBHOOK_RETRY_DELAYS : EMAIL_RETRY_DELAYS;
      const permanent = (err as { permanent?: boolean }).permanent === true;
      if (!permanent && row.attempts <= delays.length) {
        const nextAttemptAt = new Date(clock.now().getTime() + withJitter(delays[row.attempts - 1]!));
        await OutboxMessageModel.updateOne(
          { _id: row._id, leaseOwner: owner },
          { $set: { nextAttemptAt, leaseUntil: new Date(0), leaseOwner: null, lastError, statusCode } },
        );
        report.retried++;
        log.warn({ outboxId: String(row._id), channel: row.channel, attempts: row.attempts, nextAttemptAt, err: lastError }, 'delivery failed; will retry');
      } else {
        await finish(row, 'FAILED', { lastError, statusCode });
        report.failed++;
        log.error({ outboxId: String(row._id), channel: row.channel, attempts: row.attempts, err: lastError }, 'delivery dead-lettered');
        if (row.channel === 'WEBHOOK' && !permanent) await maybeDisable(row, lastError);
      }
    }
  }

  /**
   * Delivers every row due now. Workers start one at a time, each after a row was claimed: an empty
   * outbox costs one query, a single row three, and a backlog soon has every worker busy.
   */
  async function dispatchOnce(): Promise<DispatchReport> {
    const report: DispatchReport = { delivered: 0, held: 0, retried: 0, failed: 0 };
    const workers: Promise<void>[] = [];
    const worker = async (): Promise<void> => {
      for (let row = await claim(); row; row = await claim()) {
        if (workers.length < concurrency) workers.push(worker());
        await deliver(row, report);
      }
    };
    workers.push(worker());
    // Workers join while others run: wait until no new one was started.
    for (let seen = 0; seen < workers.length;) {
      const n = workers.length;
      await Promise.all(workers.slice(seen, n));
      seen = n;
    }
    return report;
  }

  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let busy: Promise<void> | null = null;
  let again = false;
  /** Ticks in a row that found nothing to deliver: the poll slows down (IDLE_BACKOFF), a publish here wakes it at once. */
  let idleTicks = 0;
  /** When this dispatcher looks at the scheduled jobs next (they are due hourly or daily: JOBS_CHECK_MS is ample). */
  let jobsCheckAt = 0;
  const wakeDelay = Math.min(WAKE_DELAY_MS, config.dispatchIntervalMs);

  const tick = () => {
    timer = null;
    if (!running) return;
    if (busy) {
      again = true;
      return;
    }
    busy = (async () => {
      try {
        const report = await dispatchOnce();
        idleTicks = report.delivered + report.held + report.retried + report.failed === 0 ? idleTicks + 1 : 0;
        if (opts.jobs !== false && Date.now() >= jobsCheckAt) {
          jobsCheckAt = Date.now() + JOBS_CHECK_MS;
          await runDueJobs(owner);
        }
      } catch (err) {
        log.error({ err }, 'dispatcher tick failed; retrying at the next one');
      }
    })().finally(() => {
      busy = null;
      if (!running) return;
      if (again) {
        again = false;
        timer = setTimeout(tick, wakeDelay);
      } else timer = setTimeout(tick, config.dispatchIntervalMs * Math.min(2 ** Math.max(0, idleTicks - 1), IDLE_BACKOFF));
    });
  };
  /** A row was published here: deliver soon, after a short pause that gathers a burst of events into one tick. */
  const wake = () => {
    if (!running) return;
    idleTicks = 0;
    if (busy) again = true;
    else if (timer) {
      clearTimeout(timer);
      timer = setTimeout(tick, wakeDelay);
    }
  };

  return {
    owner,
    start() {
      if (running) return;
      running = true;
      published.on('rows', wake);
      timer = setTimeout(tick, 0);
    },
    async stop() {
      running = false;
      published.off('rows', wake);
      if (timer) clearTimeout(timer);
      timer = null;
      await busy;
      email?.close();
    },
    dispatchOnce,
    runJobs: () => runDueJobs(owner),
  };
}
