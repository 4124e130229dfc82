// The one path every change to an existing application takes:
//   load (NOT_FOUND unless the viewer may see it) -> actor -> policy (who, and the lifecycle table's
//   statuses) -> the command's own input checks, which build the change -> one compare-and-set write.
// The write is conditional on the status read, so two officers racing cannot both win and a refused
// change writes nothing. It carries its activity record in the same single-document write (an outbox),
// then copies it into the audit trail: a crash after the write loses no history (reconciliation flushes
// the outbox).
import { randomUUID } from 'node:crypto';
import { Types, type UpdateQuery } from 'mongoose';
import { AppError } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { appendActivity } from '../../activity/activity.service';
import { announceGrantStep } from '../../messaging/grant-events';
import { issueLettersLater, LETTER_STEPS } from '../../letters/letters.service';
import { clock } from '../kernel/clock';
import { statusRefusal, targetOf, TRANSITIONS, type Action } from '../kernel/lifecycle';
import { GrantApplicationModel, type App, type GrantApplicationDoc } from '../application/grant-application.model';
import { checkStep, ensure, type GrantActor } from '../application/grant-application.policy';
import { actorOf, loadApplication } from '../application/grant-application.queries';

export const OBJECT_TYPE = 'GrantApplication';

/** What a step writes besides its status (the status comes from the lifecycle table). */
export interface Change {
  reason?: string | null;
  /** Extra conditions of the compare-and-set (e.g. `paidAmount: 0`). */
  guard?: Record<string, unknown>;
  update?: UpdateQuery<GrantApplicationDoc>;
  /** Use this key for the activity record (an approval resumed by reconciliation keeps its key). */
  key?: string;
  /** Who acted, when not the viewer (reconciliation finishing an officer's decision). */
  actor?: Types.ObjectId | null;
  /** False for steps the history does not show (edits, notes, messages). */
  record?: boolean;
  /** Undoes what the command did before this write, when the write is refused (the approval's commitment). */
  onRefused?: () => Promise<void>;
  /** Follow-up steps once the write is done (the envelope's side of a payment); returns the result. */
  after?: (updated: App) => Promise<App>;
}

export interface Command {
  action: Action;
  /**
   * Runs once the policy allowed the step: checks the input (throwing every problem) and returns the
   * change to write, or null when there is nothing to change.
   */
  change: (app: App, actor: GrantActor) => Change | null | Promise<Change | null>;
}

/** Load, actor, policy, input, compare-and-set write with its activity record. Every grants mutation on an application comes here. */
export async function command(ctx: Context, id: string, cmd: Command): Promise<App> {
  const app = await loadApplication(ctx, id);
  const actor = await actorOf(ctx);
  ensure(checkStep(cmd.action, actor, app));
  const change = await cmd.change(app, actor);
  if (!change) return app;
  return applyChange(ctx, app, cmd.action, change);
}

/**
 * Applies one step to `app` if the lifecycle table allows it from the status read, and that status and
 * the guard still hold in the database (compare-and-set), with its activity record in the same write.
 * Returns the updated application, or throws INVALID_TRANSITION (nothing changed, nothing recorded).
 */
export async function applyChange(ctx: Pick<Context, 'viewer'>, app: App, action: Action, change: Change): Promise<App> {
  ensure(statusRefusal(app.status, action));
  const to = targetOf(action);
  const record = change.record ?? true;
  const entry = {
    key: change.key ?? `${app._id}:${action}:${randomUUID()}`,
    action,
    actor: change.actor !== undefined ? change.actor : ctx.viewer ? new Types.ObjectId(ctx.viewer.id) : null,
    fromStatus: app.status,
    toStatus: to ?? app.status,
    reason: change.reason ?? null,
    at: clock.now(),
  };
  const update: UpdateQuery<GrantApplicationDoc> = { ...(change.update ?? {}) };
  if (to) update.$set = { ...(update.$set ?? {}), status: to };
  if (record) update.$push = { ...(update.$push ?? {}), outbox: entry };
  // A step that changes the status or is recorded (with its fromStatus) needs the very status read;
  // the others only need a status the table still allows (a note is written whatever happens meanwhile).
  const status = to || record ? app.status : { $in: TRANSITIONS[action].from };
  // The result leaves out the outbox: its record is flushed just below.
  const updated = await GrantApplicationModel.findOneAndUpdate({ _id: app._id, status, ...(change.guard ?? {}) }, update, {
    returnDocument: 'after',
    runValidators: false,
    projection: { outbox: 0 },
  }).lean<App>();
  if (!updated) {
    if (change.onRefused) await change.onRefused();
    throw new AppError('INVALID_TRANSITION', 'This application changed while you were working on it: reload it and try again.', { field: 'id' });
  }
  if (record) await flushOutbox(app._id, [entry.key]);
  return change.after ? change.after(updated) : updated;
}

/**
 * Copies pending activity records into the audit trail and announces them (emails, notifications,
 * webhooks: messaging/grant-events.ts, keyed by the record), then drops them from the application.
 * Idempotent. A record whose announcement could not be recorded stays for the next flush (the
 * reconciliation's); the command that wrote it has succeeded all the same.
 */
export async function flushOutbox(applicationId: Types.ObjectId, keys?: string[]): Promise<number> {
  const doc = await GrantApplicationModel.findById(applicationId, { outbox: 1 }).lean<Pick<App, 'outbox'>>();
  const pending = (doc?.outbox ?? []).filter((e) => !keys || keys.includes(e.key));
  const done: string[] = [];
  for (const e of pending) {
    await appendActivity({
      key: e.key,
      objectType: OBJECT_TYPE,
      objectId: applicationId,
      action: e.action,
      actor: e.actor ?? null,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      reason: e.reason ?? null,
      at: e.at,
    });
    if (await announceGrantStep(applicationId, e)) done.push(e.key);
  }
  if (done.length) {
    await GrantApplicationModel.updateOne({ _id: applicationId }, { $pull: { outbox: { key: { $in: done } } } });
  }
  // The letters a step owes (acknowledgement, decision, convention draft, payment notice), generated after
  // the step and outside it: never awaited here, never failing it; reconcileLetters repairs at boot.
  if (pending.some((e) => LETTER_STEPS.has(e.action))) issueLettersLater(applicationId);
  return pending.length;
}
