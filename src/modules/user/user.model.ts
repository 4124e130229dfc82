// Accounts. A MEMBER belongs to organisations through `memberships`; staff roles act city-wide.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { MEMBERSHIP_ROLES, MEMBERSHIP_STATUSES, ROLES } from '../../auth/viewer';

const membershipSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    role: { type: String, enum: MEMBERSHIP_ROLES, required: true, default: 'EDITOR' },
    /** The person's title in the organisation ("Présidente", "Trésorier"). */
    title: { type: String, maxlength: 80 },
    since: { type: Date, default: () => new Date() },
    /**
     * INVITED until the person accepts: an organisation's manager cannot enrol someone without consent.
     * Absent on records made before invitations existed: those are active.
     */
    status: { type: String, enum: MEMBERSHIP_STATUSES, default: 'ACTIVE' },
    invitedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { _id: false },
);

/** A one-time link's token as stored: its hash and expiry. The token itself only ever travels in the email. */
const oneTimeTokenSchema = new Schema(
  {
    hash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    /** RESET (an hour) or INVITATION (an admin created the account; a week). */
    kind: { type: String, enum: ['VERIFY', 'RESET', 'INVITATION'], required: true },
  },
  { _id: false },
);

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    passwordHash: { type: String, required: true, select: false },
    role: { type: String, enum: ROLES, required: true, default: 'MEMBER' },
    memberships: { type: [membershipSchema], default: [] },
    /** Bumped to revoke every token issued before (password change, account disabled). */
    tokenVersion: { type: Number, default: 0 },
    disabled: { type: Boolean, default: false },
    /**
     * False from registration (or an admin's invitation) until the person proves they read the address.
     * Absent on accounts made before registration existed (demo data, earlier imports): those are verified.
     */
    emailVerified: { type: Boolean },
    /** The pending email-verification link: SHA-256 of its token (never the token) and its expiry. */
    verification: { type: oneTimeTokenSchema, default: undefined, select: false },
    /** The pending password-reset or invitation link: SHA-256 of its token and its expiry. */
    passwordReset: { type: oneTimeTokenSchema, default: undefined, select: false },
    passwordChangedAt: { type: Date },
    /**
     * Trail records written in the same update as a membership (a member added by staff), until copied
     * into the audit trail (membership.service.ts): a crash between the two loses no record.
     */
    activityOutbox: { type: [Schema.Types.Mixed], default: undefined, select: false },
  },
  { timestamps: true },
);

userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ 'memberships.organisation': 1 });
// Records not yet copied into the trail, by organisation; only accounts holding one are indexed.
userSchema.index({ 'activityOutbox.objectId': 1 }, { sparse: true });
// A link's token is looked up by its hash; only accounts with a pending link are indexed.
userSchema.index({ 'verification.hash': 1 }, { partialFilterExpression: { 'verification.hash': { $type: 'string' } } });
userSchema.index({ 'passwordReset.hash': 1 }, { partialFilterExpression: { 'passwordReset.hash': { $type: 'string' } } });
// The admins' list and the last-admin guard count active admins.
userSchema.index({ role: 1, disabled: 1 });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', userSchema);
