// How far the budget reconciliation has looked: the instant before which a complete pass found every
// application and ledger entry consistent. The boot's pass starts from it (see reconcile.ts).
import { Schema, model } from 'mongoose';

const reconciliationMarkSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Everything changed before this instant was checked by a complete pass. */
    checkedThrough: { type: Date, required: true },
  },
  { collection: 'reconciliation_marks', versionKey: false },
);

export const ReconciliationMarkModel = model('ReconciliationMark', reconciliationMarkSchema);
