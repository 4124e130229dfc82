// The organisation's edit trail: every change to a profile (by its members or by city staff) is recorded
// in the audit trail with who, when, which fields, before and after, bank details masked. The record is
// written in the same single-document update as the change (an outbox on the organisation), then copied
// into the trail: a crash between the two loses nothing, the next edit of the organisation copies it.
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { clock } from '../../shared/clock';
import type { PageArgs } from '../../shared/pagination';
import { activityPage, appendActivity, fieldChanges, type ActivityEntry } from '../activity/activity.service';
import { flushMembershipRecords } from '../user/membership.service';
import { OrganisationModel, type OrganisationDoc } from './organisation.model';

export const OBJECT_TYPE = 'Organisation';

/** The record of an edit of `existing` by `actorId` that sets `set` and clears `unset`; null when nothing changes. */
export function editRecord(existing: OrganisationDoc, set: Record<string, unknown>, unset: readonly string[], actorId: string | null): ActivityEntry | null {
  const fields = [...Object.keys(set), ...unset].filter((k) => k !== 'nameKey');
  const after: Record<string, unknown> = { ...existing, ...set };
  for (const k of unset) delete after[k];
  const changes = fieldChanges(fields, existing as unknown as Record<string, unknown>, after);
  if (!changes.length) return null;
  const fromStatus = existing.status;
  const toStatus = (set.status as string | undefined) ?? existing.status;
  const action = fromStatus === toStatus ? 'UPDATE' : toStatus === 'DISSOLVED' ? 'DISSOLVE' : 'REACTIVATE';
  return {
    key: `${existing._id}:${action}:${randomUUID()}`,
    objectType: OBJECT_TYPE,
    objectId: existing._id,
    action,
    actor: actorId ? new Types.ObjectId(actorId) : null,
    fromStatus,
    toStatus,
    reason: null,
    changes,
    at: clock.now(),
  };
}

/** Copies the organisation's pending records into the trail, then drops them from it. Idempotent. */
export async function flushOrganisationOutbox(organisationId: Types.ObjectId): Promise<void> {
  const doc = await OrganisationModel.findById(organisationId, { activityOutbox: 1 }).select('+activityOutbox').lean<{ activityOutbox?: ActivityEntry[] }>();
  const pending = doc?.activityOutbox ?? [];
  if (!pending.length) return;
  for (const entry of pending) await appendActivity(entry);
  await OrganisationModel.updateOne({ _id: organisationId }, { $pull: { activityOutbox: { key: { $in: pending.map((e) => e.key) } } } }, { timestamps: false });
}

/**
 * The record of a change that is not a write to the organisation's document (a member added by staff):
 * the caller writes it in the same single-document update as that change (membership.service.ts).
 */
export function organisationActivity(organisationId: Types.ObjectId, action: string, actorId: string, changes: ActivityEntry['changes']): ActivityEntry {
  return {
    key: `${organisationId}:${action}:${randomUUID()}`,
    objectType: OBJECT_TYPE,
    objectId: organisationId,
    action,
    actor: new Types.ObjectId(actorId),
    fromStatus: null,
    toStatus: null,
    reason: null,
    changes,
    at: clock.now(),
  };
}

/**
 * The organisation's trail, newest first, a page at a time. Records written with a membership but not
 * yet copied (a crash between the two) are copied first, so a reader never misses one.
 */
export async function organisationHistory(organisationId: Types.ObjectId, args: PageArgs) {
  await flushMembershipRecords(organisationId);
  return activityPage(OBJECT_TYPE, organisationId, args);
}
