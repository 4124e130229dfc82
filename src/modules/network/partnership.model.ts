// Partnerships: typed edges between two organisations. The network of the associative fabric is a graph
// of these. An ended partnership is kept (with its end date) for history; only active ones are edges.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const PARTNERSHIP_KINDS = ['FEDERATION_MEMBER', 'PARTNER', 'JOINT_PROJECT', 'SHARED_PREMISES'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/** FEDERATION_MEMBER reads "from is a member of the federation to"; the other kinds go both ways. */
export const DIRECTED_KINDS: readonly PartnershipKind[] = ['FEDERATION_MEMBER'];

const partnershipSchema = new Schema(
  {
    from: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    to: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    /** Both ends, so one index answers "every partnership of this organisation". */
    parties: { type: [Schema.Types.ObjectId], required: true },
    kind: { type: String, enum: PARTNERSHIP_KINDS, required: true },
    since: { type: Date },
    until: { type: Date },
    description: { type: String, maxlength: 1000, default: '' },
    active: { type: Boolean, required: true, default: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    endedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
);

// One active partnership of a kind between two organisations (symmetric kinds are stored in id order).
partnershipSchema.index({ from: 1, to: 1, kind: 1 }, { unique: true, partialFilterExpression: { active: true }, name: 'one_active_edge' });
partnershipSchema.index({ parties: 1, active: 1 });
partnershipSchema.index({ active: 1, from: 1 });

export type PartnershipDoc = InferSchemaType<typeof partnershipSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const PartnershipModel = model('Partnership', partnershipSchema);
