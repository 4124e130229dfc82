// The envelopes' ledgers, one document per commitment and per payment (they used to be arrays inside the
// envelope document, which slowed every decision as they grew and would have stopped at 16 MB).
// The unique indexes make each step idempotent: an application is committed at most once per envelope and
// year, a tranche is counted at most once. `state` records how far the two-write step went (see
// budget-envelope.service.ts): PENDING (written, the envelope's counter perhaps not yet moved), APPLIED
// (counted), RELEASING (being taken out of the counter).
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const LEDGER_STATES = ['PENDING', 'APPLIED', 'RELEASING'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

const envelopeCommitmentSchema = new Schema(
  {
    envelope: { type: Schema.Types.ObjectId, ref: 'BudgetEnvelope', required: true },
    application: { type: Schema.Types.ObjectId, ref: 'GrantApplication', required: true },
    /** The year of a multi-year convention this commitment funds; null for a single-year grant. */
    year: { type: Number, default: null },
    /** Integer cents. */
    amount: { type: Number, required: true, min: 1 },
    at: { type: Date, required: true },
    state: { type: String, enum: LEDGER_STATES, required: true, default: 'PENDING' },
    /** When the entry last changed state: reconciliation settles a step older than its grace period. */
    stepAt: { type: Date, required: true },
    /** While RELEASING: the amount left once done (0: the entry goes). */
    releaseTo: { type: Number, default: undefined },
  },
  { collection: 'envelope_commitments', versionKey: false },
);
// Committed once: one entry per (envelope, application, year); a null year counts as one value.
envelopeCommitmentSchema.index({ envelope: 1, application: 1, year: 1 }, { unique: true });
envelopeCommitmentSchema.index({ application: 1 });
envelopeCommitmentSchema.index({ state: 1, stepAt: 1 });

const envelopePaymentSchema = new Schema(
  {
    /** The tranche id on the application: the idempotency key of the payment. */
    payment: { type: Schema.Types.ObjectId, required: true },
    envelope: { type: Schema.Types.ObjectId, ref: 'BudgetEnvelope', required: true },
    application: { type: Schema.Types.ObjectId, ref: 'GrantApplication', required: true },
    /** Integer cents; negative for money paid back (a recovery order settled). */
    amount: { type: Number, required: true, validate: { validator: (v: number) => Number.isSafeInteger(v) && v !== 0, message: 'A whole, non-zero amount.' } },
    at: { type: Date, required: true },
    state: { type: String, enum: LEDGER_STATES, required: true, default: 'PENDING' },
    stepAt: { type: Date, required: true },
  },
  { collection: 'envelope_payments', versionKey: false },
);
envelopePaymentSchema.index({ payment: 1 }, { unique: true });
envelopePaymentSchema.index({ envelope: 1, application: 1 });
envelopePaymentSchema.index({ state: 1, stepAt: 1 });

export type EnvelopeCommitmentDoc = InferSchemaType<typeof envelopeCommitmentSchema> & {
  _id: Types.ObjectId;
  state: LedgerState;
  releaseTo?: number | null;
};
export type EnvelopePaymentDoc = InferSchemaType<typeof envelopePaymentSchema> & { _id: Types.ObjectId; state: LedgerState };
export const EnvelopeCommitmentModel = model('EnvelopeCommitment', envelopeCommitmentSchema);
export const EnvelopePaymentModel = model('EnvelopePayment', envelopePaymentSchema);
