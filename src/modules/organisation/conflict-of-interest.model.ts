// An officer's declared link to an organisation: it recuses them from every staff action on that organisation
// and its applications (organisation.policy.ts, isRecusedFrom). Owned here: the organisation's rules and the
// grants' both read it.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const conflictSchema = new Schema(
  {
    officer: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    organisation: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    reason: { type: String, required: true, maxlength: 1000 },
    declaredAt: { type: Date, required: true },
  },
  { timestamps: false },
);
conflictSchema.index({ officer: 1, organisation: 1 }, { unique: true });

export type ConflictOfInterestDoc = InferSchemaType<typeof conflictSchema> & { _id: Types.ObjectId };
export const ConflictOfInterestModel = model('ConflictOfInterest', conflictSchema);
