// The audit trail: who did what to which object, when, from which state to which, why, and for an edit
// which fields changed from what to what. Append-only:
// the model refuses updates and deletions; records are inserted once under a unique `key`, so a step
// retried after a crash never writes a second record.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const activitySchema = new Schema(
  {
    /** Idempotency key: the same transition replayed inserts nothing new. */
    key: { type: String, required: true },
    objectType: { type: String, required: true },
    objectId: { type: Schema.Types.ObjectId, required: true },
    /** A verb, e.g. SUBMIT, APPROVE, RECORD_PAYMENT. */
    action: { type: String, required: true },
    actor: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    fromStatus: { type: String, default: null },
    toStatus: { type: String, default: null },
    reason: { type: String, default: null, maxlength: 5000 },
    /** An edit's fields, before and after, as shown to readers (bank details already masked). */
    changes: {
      type: [{ _id: false, field: { type: String, required: true }, before: { type: String, default: null }, after: { type: String, default: null } }],
      default: undefined,
    },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

activitySchema.index({ key: 1 }, { unique: true });
activitySchema.index({ objectType: 1, objectId: 1, at: 1 });
activitySchema.index({ actor: 1, at: -1 });

const refuse = function () {
  throw new Error('The activity trail is append-only.');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'findOneAndReplace'] as const) {
  activitySchema.pre(op, refuse);
}

export type ActivityDoc = InferSchemaType<typeof activitySchema> & { _id: Types.ObjectId };
export const ActivityModel = model('Activity', activitySchema);
