// Claims: a person asks to manage an organisation nobody manages (one imported from the registry, say);
// an officer approves or rejects. One pending claim per person and organisation.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const CLAIM_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const claimSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    claimant: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** What the claimant says to prove their link (their title, the association's statutes...). */
    message: { type: String, maxlength: 2000, default: '' },
    status: { type: String, enum: CLAIM_STATUSES, required: true, default: 'PENDING' },
    reason: { type: String, maxlength: 2000 },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    decidedAt: { type: Date },
  },
  { timestamps: true },
);

// One pending claim per person and organisation (a second one is a CONFLICT).
claimSchema.index({ organisation: 1, claimant: 1 }, { unique: true, partialFilterExpression: { status: 'PENDING' } });
// The officers' list, by status, oldest first.
claimSchema.index({ status: 1, createdAt: 1, _id: 1 });

export type OrganisationClaimDoc = InferSchemaType<typeof claimSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const OrganisationClaimModel = model('OrganisationClaim', claimSchema);

/**
 * The one claim being approved on an organisation, while it is approved: an approval holds this document
 * (its _id is the organisation's) from the check that nobody manages the organisation until the
 * claimant is made MANAGER, so two officers approving two different claims at once cannot both pass
 * the check. The hold expires (`until`), so an approval interrupted by a crash blocks nobody for long.
 */
const claimApprovalSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    claim: { type: Schema.Types.ObjectId, ref: 'OrganisationClaim', required: true },
    until: { type: Date, required: true },
  },
  { versionKey: false },
);

export const OrganisationClaimApprovalModel = model('OrganisationClaimApproval', claimApprovalSchema);
