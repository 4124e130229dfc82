// Budget envelopes (crédits): how much of a programme's money is committed and paid.
// Invariant, under any concurrency: 0 <= paid <= committed <= total. It is kept by conditional
// single-document updates of this document in budget-envelope.service.ts. The ledgers that make each step
// idempotent and let reconciliation recompute the counters live in their own collections
// (envelope-ledger.model.ts), so no envelope document grows with the number of commitments.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** MongoDB collection validator: 0 <= paid <= committed <= total, whatever writes the document. */
export const ENVELOPE_VALIDATOR = {
  $expr: {
    $and: [{ $gte: ['$paid', 0] }, { $lte: ['$paid', '$committed'] }, { $lte: ['$committed', '$total'] }],
  },
};

const budgetEnvelopeSchema = new Schema(
  {
    programme: { type: Schema.Types.ObjectId, ref: 'FundingProgramme', required: true },
    label: { type: String, required: true, trim: true, maxlength: 200 },
    /** Integer cents. */
    total: { type: Number, required: true, min: 0 },
    committed: { type: Number, required: true, min: 0, default: 0 },
    paid: { type: Number, required: true, min: 0, default: 0 },
    /** Bumped by every change of the counters: reconciliation rewrites them only if none happened meanwhile. */
    seq: { type: Number, required: true, default: 0 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  // The database itself refuses any write that breaks the invariant (second line of defence).
  { timestamps: true, collectionOptions: { validator: ENVELOPE_VALIDATOR, validationLevel: 'strict', validationAction: 'error' } },
);

budgetEnvelopeSchema.index({ programme: 1, label: 1 }, { unique: true });

export type BudgetEnvelopeDoc = InferSchemaType<typeof budgetEnvelopeSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const BudgetEnvelopeModel = model('BudgetEnvelope', budgetEnvelopeSchema);

/**
 * Makes sure the collection carries the validator, also when it was created before the validator
 * existed. Idempotent. Returns false when the server cannot add it to an existing collection (no collMod).
 */
export async function ensureEnvelopeValidator(): Promise<boolean> {
  const db = BudgetEnvelopeModel.db.db!;
  const name = BudgetEnvelopeModel.collection.collectionName;
  const [info] = await db.listCollections({ name }).toArray();
  if (!info) {
    await BudgetEnvelopeModel.createCollection();
    return true;
  }
  if ((info as { options?: { validator?: unknown } }).options?.validator) return true;
  try {
    await db.command({ collMod: name, validator: ENVELOPE_VALIDATOR, validationLevel: 'strict', validationAction: 'error' });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 59) return false; // CommandNotFound
    throw err;
  }
}
