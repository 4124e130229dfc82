// The letters module's collections: the letters generated for applications (each a PDF stored in the
// applicant's vault) and the programmes' own wording of each kind.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { LETTER_KINDS } from './letter-templates';

const letterSchema = new Schema({
  /**
   * `<application>:<kind>:<occasion>`, unique: the occasion is the receipt's instant for an acknowledgement,
   * the decision's for a decision letter or a convention draft, the tranche's id for a payment notice. The
   * same occasion never gets two letters, however often generation is retried.
   */
  key: { type: String, required: true },
  application: { type: Schema.Types.ObjectId, ref: 'GrantApplication', required: true },
  organisation: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
  kind: { type: String, enum: LETTER_KINDS, required: true },
  /** The tranche a payment notice is about. */
  payment: { type: Schema.Types.ObjectId, default: null },
  /** The PDF, a document of the applicant organisation's vault. */
  document: { type: Schema.Types.ObjectId, ref: 'Document', required: true },
  sha256: { type: String, required: true },
  generatedAt: { type: Date, required: true },
});
letterSchema.index({ key: 1 }, { unique: true });
letterSchema.index({ application: 1, generatedAt: 1 });

export type LetterDoc = InferSchemaType<typeof letterSchema> & { _id: Types.ObjectId };
export const LetterModel = model('Letter', letterSchema);

const letterTemplateSchema = new Schema({
  programme: { type: Schema.Types.ObjectId, ref: 'FundingProgramme', required: true },
  kind: { type: String, enum: LETTER_KINDS, required: true },
  body: { type: String, required: true, maxlength: 20_000 },
  updatedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  updatedAt: { type: Date, required: true },
});
letterTemplateSchema.index({ programme: 1, kind: 1 }, { unique: true });

export type LetterTemplateDoc = InferSchemaType<typeof letterTemplateSchema> & { _id: Types.ObjectId };
export const LetterTemplateModel = model('LetterTemplate', letterTemplateSchema);

/** How far the letters' boot repair has looked: everything written before `checkedThrough` was checked. */
const letterMarkSchema = new Schema(
  {
    _id: { type: String, required: true },
    checkedThrough: { type: Date, required: true },
  },
  { collection: 'letter_marks', versionKey: false },
);
export const LetterMarkModel = model('LetterMark', letterMarkSchema);
