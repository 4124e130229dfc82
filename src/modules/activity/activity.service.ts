// Writing the audit trail. Writes are idempotent by key: a replayed step records nothing new.
import type { Types } from 'mongoose';
import { ActivityModel } from './activity.model';

export interface ActivityEntry {
  key: string;
  objectType: string;
  objectId: Types.ObjectId;
  action: string;
  actor: Types.ObjectId | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  at: Date;
}

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/** Appends one record; a record already written under the same key is left as it is. */
export async function appendActivity(entry: ActivityEntry): Promise<void> {
  try {
    await ActivityModel.collection.insertOne({ ...entry });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}
