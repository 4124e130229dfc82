// The trail of reference data: every creation, edit, import and archiving of a domain or a neighbourhood,
// with who, when and which fields changed. As for organisations, the record rides in the same
// single-document write as the change (an outbox on the document), then is copied into the trail: a crash
// between the two loses nothing, the next change of that document (or `flushReferenceOutboxes`) copies it.
import { randomUUID } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { clock } from '../../shared/clock';
import type { PageArgs } from '../../shared/pagination';
import { activityPage, appendActivity, fieldChanges, type ActivityEntry } from '../activity/activity.service';

export type ReferenceObject = 'Domain' | 'Neighbourhood';
export type ReferenceAction = 'CREATE' | 'UPDATE' | 'IMPORT' | 'ARCHIVE';

/** The record of a change, or null when no field changes (an edit that sets what is there writes nothing). */
export function referenceRecord(
  objectType: ReferenceObject,
  objectId: Types.ObjectId,
  action: ReferenceAction,
  actorId: string | null,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): ActivityEntry | null {
  const changes = fieldChanges(fields, before, after);
  if (!changes.length && action !== 'ARCHIVE') return null;
  return {
    key: `${objectType}:${objectId}:${action}:${randomUUID()}`,
    objectType,
    objectId,
    action,
    actor: actorId ? new Types.ObjectId(actorId) : null,
    fromStatus: action === 'ARCHIVE' ? 'IN_USE' : null,
    toStatus: action === 'ARCHIVE' ? 'ARCHIVED' : null,
    reason: null,
    changes,
    at: clock.now(),
  };
}

/** Copies a document's pending records into the trail, then drops them from it. Idempotent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mongoose's Model is invariant in its document type: both reference models are a Model<any>
export async function flushReferenceOutbox(model: Model<any>, id: Types.ObjectId): Promise<void> {
  const doc = await model.findById(id, { activityOutbox: 1 }).select('+activityOutbox').lean<{ activityOutbox?: ActivityEntry[] }>();
  const pending = doc?.activityOutbox ?? [];
  if (!pending.length) return;
  for (const entry of pending) await appendActivity(entry);
  // Straight to the collection: dropping copied records is no change of reference data (no version bump).
  await model.collection.updateOne({ _id: id }, { $pull: { activityOutbox: { key: { $in: pending.map((e) => e.key) } } } as never });
}

/** A domain's or a neighbourhood's trail, newest first, a page at a time. */
export const referenceHistory = (objectType: ReferenceObject, id: Types.ObjectId, args: PageArgs) => activityPage(objectType, id, args);
