// Funding programmes (dispositifs / appels à projets): a year, domains, an opening window, eligibility.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { LEGAL_FORMS } from '../../organisation/organisation.model';
import { YEARS } from '../../../shared/dates';
import { DOCUMENT_KINDS } from '../../document/document.model';

/** When a required document is checked: at submission, or with the final report (see grants/dossier). */
export const REQUIREMENT_STAGES = ['APPLICATION', 'FINAL_REPORT'] as const;
export type RequirementStage = (typeof REQUIREMENT_STAGES)[number];

/** A document the programme asks for (CERFA 12156 for applications, 15059 for final reports). */
const documentRequirementSchema = new Schema(
  {
    /** Stable within the programme: the `documents.<id>` field of a MISSING_DOCUMENT problem. */
    id: { type: String, required: true, maxlength: 40 },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true },
    label: { type: String, required: true, maxlength: 200 },
    required: { type: Boolean, required: true, default: true },
    /** Refused when uploaded longer ago than this (TOO_OLD); null: any age. */
    maxAgeMonths: { type: Number, default: null },
    /** Asked only from this requested amount (cents); null: always. */
    minRequestedAmount: { type: Number, default: null },
    stage: { type: String, enum: REQUIREMENT_STAGES, required: true, default: 'APPLICATION' },
  },
  { _id: false },
);

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
    /** Absent on programmes older than the dossier: they ask for no document. createFundingProgramme sets the CERFA list. */
    documentRequirements: { type: [documentRequirementSchema], default: undefined },
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
