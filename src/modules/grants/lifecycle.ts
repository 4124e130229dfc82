// The application's state machine and the one way to change an application: a compare-and-set update
// on its status that carries its activity record in the same write (an outbox), then copies that record
// into the audit trail. Two officers racing cannot both win; a refused change writes nothing; a crash
// after the write loses no history (reconciliation flushes the outbox).
import { randomUUID } from 'node:crypto';
import { Types, type UpdateQuery } from 'mongoose';
import { AppError } from '../../errors/app-error';
import type { Context } from '../../context';
import { appendActivity } from '../activity/activity.service';
import { clock } from './clock';
import { GrantApplicationModel, type GrantApplicationDoc, type GrantStatus } from './grant-application.model';

/** Every transition of the lifecycle: action -> from which statuses to which status. */
export const TRANSITIONS = {
  SUBMIT: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'SUBMITTED' },
  WITHDRAW: { from: ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED'], to: 'WITHDRAWN' },
  START_REVIEW: { from: ['SUBMITTED'], to: 'UNDER_REVIEW' },
  REQUEST_CHANGES: { from: ['UNDER_REVIEW'], to: 'CHANGES_REQUESTED' },
  APPROVE: { from: ['UNDER_REVIEW'], to: 'APPROVED' },
  REJECT: { from: ['UNDER_REVIEW'], to: 'REJECTED' },
  REOPEN: { from: ['APPROVED', 'REJECTED'], to: 'UNDER_REVIEW' },
  COMPLETE: { from: ['APPROVED'], to: 'COMPLETED' },
} as const satisfies Record<string, { from: readonly GrantStatus[]; to: GrantStatus }>;
export type TransitionName = keyof typeof TRANSITIONS;

export const OBJECT_TYPE = 'GrantApplication';

export interface ChangeOptions {
  /** A transition name (changes the status) or another action recorded in the history (status unchanged). */
  action: string;
  to?: GrantStatus;
  reason?: string | null;
  /** Extra conditions of the compare-and-set (e.g. `paidAmount: 0`). */
  guard?: Record<string, unknown>;
  update?: UpdateQuery<GrantApplicationDoc>;
  /** Use this key for the activity record (an approval resumed by reconciliation keeps its key). */
  key?: string;
  /** Who acted, when not the viewer (reconciliation finishing an officer's decision). */
  actor?: Types.ObjectId | null;
}

/**
 * Applies one change to `app` if its status is still the one read (compare-and-set) and the guard holds,
 * with its activity record in the same single-document write. Returns the updated application, or
 * throws INVALID_TRANSITION when the application moved meanwhile (nothing changed, nothing recorded).
 */
export async function applyChange(ctx: Pick<Context, 'viewer'>, app: GrantApplicationDoc, opts: ChangeOptions): Promise<GrantApplicationDoc> {
  const entry = {
    key: opts.key ?? `${app._id}:${opts.action}:${randomUUID()}`,
    action: opts.action,
    actor: opts.actor !== undefined ? opts.actor : ctx.viewer ? new Types.ObjectId(ctx.viewer.id) : null,
    fromStatus: app.status,
    toStatus: opts.to ?? app.status,
    reason: opts.reason ?? null,
    at: clock.now(),
  };
  const update = { ...(opts.update ?? {}) } as Record<string, any>;
  if (opts.to) update.$set = { ...(update.$set ?? {}), status: opts.to };
  update.$push = { ...(update.$push ?? {}), outbox: entry };
  const updated = (await GrantApplicationModel.findOneAndUpdate(
    { _id: app._id, status: app.status, ...(opts.guard ?? {}) },
    update,
    { returnDocument: 'after', runValidators: false },
  ).lean()) as GrantApplicationDoc | null;
  if (!updated) {
    throw new AppError('INVALID_TRANSITION', 'This application changed while you were working on it: reload it and try again.', { field: 'id' });
  }
  await flushOutbox(app._id, [entry.key]);
  return { ...updated, outbox: [] } as unknown as GrantApplicationDoc;
}

/** Copies pending activity records into the audit trail, then drops them from the application. Idempotent. */
export async function flushOutbox(applicationId: Types.ObjectId, keys?: string[]): Promise<number> {
  const doc = (await GrantApplicationModel.findById(applicationId, { outbox: 1 }).lean()) as Pick<GrantApplicationDoc, 'outbox'> | null;
  const pending = (doc?.outbox ?? []).filter((e) => !keys || keys.includes(e.key));
  for (const e of pending) {
    await appendActivity({
      key: e.key,
      objectType: OBJECT_TYPE,
      objectId: applicationId,
      action: e.action,
      actor: (e.actor as Types.ObjectId | null) ?? null,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      reason: e.reason ?? null,
      at: e.at,
    });
  }
  if (pending.length) {
    await GrantApplicationModel.updateOne({ _id: applicationId }, { $pull: { outbox: { key: { $in: pending.map((e) => e.key) } } } });
  }
  return pending.length;
}
