// One document per organisation and year: what the organisation declared about its other public funding
// and its budget, whether the city's aid that year is declared under the EU de minimis regulation, and
// `seq`, the single-document guard that orders payments without a convention against approvals of the
// same organisation and year (see funding.service.ts, conventionGuard).
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const fundingYearSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    year: { type: Number, required: true },
    /** Public grants from other funders that year (State, region, CAF, EU...), declared; integer cents. Null: none declared. */
    otherPublicFunding: { type: Number, min: 0, default: null },
    /** The organisation's budget (total expenses) that year, declared; integer cents. */
    budget: { type: Number, min: 0, default: null },
    /** Other de minimis aid received that year, declared; integer cents. */
    otherDeMinimisAid: { type: Number, min: 0, default: null },
    /** The city's aid this year is granted under the de minimis regulation (set by officers). */
    deMinimis: { type: Boolean, default: false },
    /** Bumped by every approval and in-kind or convention change of the organisation's year (the guard). */
    seq: { type: Number, required: true, default: 0 },
    declaredBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    declaredAt: { type: Date, default: null },
  },
  { collection: 'funding_years', versionKey: false },
);
fundingYearSchema.index({ organisation: 1, year: 1 }, { unique: true });
fundingYearSchema.index({ year: 1 });

export type FundingYearDoc = InferSchemaType<typeof fundingYearSchema> & { _id: Types.ObjectId };
export const FundingYearModel = model('FundingYear', fundingYearSchema);
