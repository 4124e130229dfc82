// Recording an officer's declared link to an organisation. The organisation module owns the declarations
// (its policy reads them through a loader); the grants' declareConflictOfInterest writes through here.
import type { Types } from 'mongoose';
import { ConflictOfInterestModel, type ConflictOfInterestDoc } from './conflict-of-interest.model';

/** Upsert: declaring twice keeps one declaration (the first reason and date). */
export async function recordConflictOfInterest(
  officer: Types.ObjectId,
  organisation: Types.ObjectId,
  reason: string,
  at: Date,
): Promise<ConflictOfInterestDoc> {
  const doc = await ConflictOfInterestModel.findOneAndUpdate(
    { officer, organisation },
    { $setOnInsert: { officer, organisation, reason, declaredAt: at } },
    { upsert: true, returnDocument: 'after' },
  ).lean<ConflictOfInterestDoc>();
  return doc!;
}
