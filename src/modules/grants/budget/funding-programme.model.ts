// Funding programmes (dispositifs / appels à projets): a year, domains, an opening window, eligibility.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { LEGAL_FORMS } from '../../organisation/organisation.model';
import { YEARS } from '../../../shared/dates';

const fundingProgrammeSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    description: { type: String, maxlength: 5000, default: '' },
    /** The funded (financial) year; final reports are due 6 months after its end. */
    year: { type: Number, required: true, min: YEARS.min, max: YEARS.max },
    domains: { type: [Schema.Types.ObjectId], ref: 'Domain', default: [] },
    /** Applications may be submitted from `opensOn` to `closesOn`, both included (calendar days, UTC). */
    opensOn: { type: Date, required: true },
    closesOn: { type: Date, required: true },
    /** Empty means every legal form is eligible. */
    eligibleLegalForms: { type: [String], enum: LEGAL_FORMS, default: [] },
    /** Bounds of the requested amount, integer cents. */
    minAmount: { type: Number, required: true, min: 0 },
    maxAmount: { type: Number, required: true, min: 0 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
);

fundingProgrammeSchema.index({ year: 1, name: 1 }, { unique: true });

export type FundingProgrammeDoc = InferSchemaType<typeof fundingProgrammeSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const FundingProgrammeModel = model('FundingProgramme', fundingProgrammeSchema);
