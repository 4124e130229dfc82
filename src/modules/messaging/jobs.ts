// The scheduled work of the messaging module, run by every instance's dispatcher through the clock:
// reminders (final reports due in 30 and 7 days or overdue; calls for projects closing in 7 and 2 days),
// the daily digest, and the purge of finished outbox rows. Each job is leased in the database, so one
// instance runs it at a time, and every reminder is an event with its own key, so a reminder swept twice
// (two instances, a crash between send and lease) is still sent once.
import { Types } from 'mongoose';
import { clock } from '../../shared/clock';
import { GrantApplicationModel } from '../grants/application/grant-application.model';
import { FundingProgrammeModel } from '../grants/budget/funding-programme.model';
import { publish, type MessagingEvent } from './events';
import { MessagingJobModel, NotificationModel, OutboxMessageModel } from './messaging.model';
import { managersOf } from './recipients';
import { messagingRuntime } from './runtime';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const startOfDay = (t: Date) => new Date(t.getTime() - (t.getTime() % DAY));

/** Final reports due in 30 days, in 7 days, and overdue; calls closing in 7 and 2 days to the owners of drafts. Returns the events published. */
export async function sweepReminders(now: Date = clock.now()): Promise<number> {
  const events: MessagingEvent[] = [];
  const today = startOfDay(now);

  const awaited = await GrantApplicationModel.find(
    { status: 'APPROVED', finalReport: null, reportDueOn: { $ne: null, $lte: new Date(today.getTime() + 30 * DAY) } },
    { _id: 1, number: 1, title: 1, organisation: 1, reportDueOn: 1 },
  ).lean();
  for (const app of awaited) {
    const due = startOfDay(app.reportDueOn as Date);
    const daysLeft = Math.round((due.getTime() - today.getTime()) / DAY);
    const base = {
      applicationId: String(app._id),
      number: app.number,
      title: app.title,
      organisationId: String(app.organisation),
      reportDueOn: due.toISOString().slice(0, 10),
      daysLeft,
    };
    const recipients = await managersOf(app.organisation);
    if (daysLeft < 0) events.push({ type: 'final_report.overdue', key: `final_report.overdue:${app._id}`, recipients, data: base });
    else events.push({ type: 'final_report.due', key: `final_report.due:${app._id}:${daysLeft <= 7 ? 7 : 30}`, recipients, data: base });
  }

  const closing = await FundingProgrammeModel.find(
    { closesOn: { $gte: today, $lte: new Date(today.getTime() + 7 * DAY) } },
    { _id: 1, name: 1, closesOn: 1 },
  ).lean();
  for (const programme of closing) {
    const daysLeft = Math.round((startOfDay(programme.closesOn).getTime() - today.getTime()) / DAY);
    const drafts = await GrantApplicationModel.find(
      { programme: programme._id, status: 'DRAFT' },
      { _id: 1, number: 1, title: 1, createdBy: 1, organisation: 1 },
    ).lean();
    for (const draft of drafts) {
      events.push({
        type: 'call_for_projects.closing',
        key: `call_for_projects.closing:${draft._id}:${daysLeft <= 2 ? 2 : 7}`,
        recipients: [{ userId: String(draft.createdBy) }],
        data: {
          programmeId: String(programme._id),
          programmeName: programme.name,
          closesOn: programme.closesOn.toISOString().slice(0, 10),
          daysLeft,
          applicationId: String(draft._id),
          number: draft.number,
          title: draft.title,
          organisationId: String(draft.organisation),
        },
      });
    }
  }
  for (const e of events) await publish(e);
  return events.length;
}

/** One email per person with notifications waiting for their daily digest; returns how many were sent. */
export async function sendDigests(now: Date = clock.now()): Promise<number> {
  const day = startOfDay(now).toISOString().slice(0, 10);
  const users = await NotificationModel.distinct('user', { digest: 'PENDING', createdAt: { $lte: now } });
  for (const user of users as Types.ObjectId[]) {
    const waiting = await NotificationModel.find({ user, digest: 'PENDING', createdAt: { $lte: now } }, { _id: 1, title: 1, link: 1 })
      .sort({ createdAt: -1 })
      .limit(100)
      .lean();
    await publish({
      type: 'notifications.digest',
      key: `notifications.digest:${user}:${day}`,
      recipients: [{ userId: String(user) }],
      data: { count: waiting.length, items: waiting.map((n) => ({ title: n.title, link: n.link })) },
    });
    await NotificationModel.updateMany({ _id: { $in: waiting.map((n) => n._id) } }, { $set: { digest: 'SENT' } });
  }
  return users.length;
}

/** Deletes finished rows whose retention has passed (the TTL index does the same, on MongoDB's own clock). */
export async function purgeOutbox(now: Date = clock.now()): Promise<number> {
  const { deletedCount } = await OutboxMessageModel.deleteMany({ purgeAt: { $lte: now } });
  return deletedCount;
}

interface Job {
  name: string;
  run: (now: Date) => Promise<unknown>;
  /** When it runs next after a run at `now` (also its first run, from `first`). */
  next: (now: Date) => Date;
  first: (now: Date) => Date;
}

/** The digest goes out at 06:00 UTC (07:00 or 08:00 in France), once a day. */
const nextDigest = (now: Date) => {
  const at = new Date(startOfDay(now).getTime() + 6 * HOUR);
  return at > now ? at : new Date(at.getTime() + DAY);
};

export const JOBS: Job[] = [
  { name: 'reminders', run: sweepReminders, next: (now) => new Date(now.getTime() + HOUR), first: () => new Date(0) },
  { name: 'digest', run: sendDigests, next: nextDigest, first: nextDigest },
  { name: 'purge', run: purgeOutbox, next: (now) => new Date(now.getTime() + HOUR), first: () => new Date(0) },
];

const JOB_LEASE_MS = 10 * 60_000;

/** Runs each job that is due and not held by another instance; returns the names run. */
export async function runDueJobs(owner: string, now: Date = clock.now(), jobs: Job[] = JOBS): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    await MessagingJobModel.updateOne({ _id: job.name }, { $setOnInsert: { nextRunAt: job.first(now), leaseUntil: new Date(0) } }, { upsert: true }).catch(
      (err: { code?: number }) => {
        if (err.code !== 11000) throw err;
      },
    );
    const claimed = await MessagingJobModel.findOneAndUpdate(
      { _id: job.name, nextRunAt: { $lte: now }, leaseUntil: { $lte: now } },
      { $set: { leaseUntil: new Date(now.getTime() + JOB_LEASE_MS), leaseOwner: owner } },
    ).lean();
    if (!claimed) continue;
    try {
      await job.run(now);
      await MessagingJobModel.updateOne(
        { _id: job.name, leaseOwner: owner },
        { $set: { nextRunAt: job.next(now), lastRunAt: now, leaseUntil: new Date(0), leaseOwner: null } },
      );
      ran.push(job.name);
    } catch (err) {
      messagingRuntime().log.error({ err, job: job.name }, 'messaging job failed; it runs again in a minute');
      await MessagingJobModel.updateOne({ _id: job.name, leaseOwner: owner }, { $set: { leaseUntil: new Date(now.getTime() + 60_000), leaseOwner: null } });
    }
  }
  return ran;
}
