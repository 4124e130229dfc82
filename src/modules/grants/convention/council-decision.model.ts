// Council decisions (délibérations): the act by which the council decides grants. Approvals and the
// yearly votes of multi-year conventions are attached to one; its reference is SCDL's `referenceDecision`.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const councilDecisionSchema = new Schema(
  {
    /** The act's reference as the city numbers it, e.g. `2026-03-103`; unique. */
    reference: { type: String, required: true, trim: true, maxlength: 100 },
    /** The day of the sitting (UTC midnight). */
    date: { type: Date, required: true },
    /** The deciding body, e.g. "Conseil municipal". */
    body: { type: String, required: true, trim: true, maxlength: 200 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
);

councilDecisionSchema.index({ reference: 1 }, { unique: true });
councilDecisionSchema.index({ date: -1, _id: -1 });

export type CouncilDecisionDoc = InferSchemaType<typeof councilDecisionSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const CouncilDecisionModel = model('CouncilDecision', councilDecisionSchema);
