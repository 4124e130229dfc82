// Memberships: a person's links to organisations, stored on their account. The user module owns the
// users collection, so every membership write is here; the organisation module decides who may ask.
import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import type { MembershipRole } from '../../auth/viewer';
import { clock } from '../../shared/clock';
import { appendActivity, type ActivityEntry } from '../activity/activity.service';
import { publishQuietly } from '../messaging/events';
import { UserModel, type UserDoc } from './user.model';

export interface NewMembership {
  organisation: Types.ObjectId;
  role: MembershipRole;
  title?: string;
  since: Date;
  status: 'ACTIVE' | 'INVITED';
  invitedBy?: Types.ObjectId;
}

/** The account behind an email (normalised by the caller), or null. */
export async function findAccountByEmail(email: string): Promise<UserDoc | null> {
  return (await UserModel.findOne({ email }).lean()) as UserDoc | null;
}

/**
 * Adds the membership unless the person already has one (active or invited) for that organisation:
 * one conditional update, so two concurrent adds cannot both succeed. True when it was added. A trail
 * `record` (a member added by staff) is written in that same update, then copied into the trail: a crash
 * between the two leaves it on the account, and the next copy (flushMembershipRecords) takes it.
 */
export async function addMembership(userId: Types.ObjectId | string, membership: NewMembership, record?: ActivityEntry): Promise<boolean> {
  const res = await UserModel.updateOne(
    { _id: userId, 'memberships.organisation': { $ne: membership.organisation } },
    { $push: record ? { memberships: membership, activityOutbox: record } : { memberships: membership } },
    { runValidators: true },
  );
  if (!res.modifiedCount) return false;
  if (record) await flushActivityOf(userId);
  return true;
}

/** Copies the account's pending trail records into the trail, then drops them. Idempotent (the trail's key). */
async function flushActivityOf(userId: Types.ObjectId | string): Promise<void> {
  const doc = await UserModel.findById(userId, { activityOutbox: 1 }).select('+activityOutbox').lean<{ activityOutbox?: ActivityEntry[] }>();
  const pending = doc?.activityOutbox ?? [];
  if (!pending.length) return;
  for (const entry of pending) await appendActivity(entry);
  await UserModel.updateOne({ _id: userId }, { $pull: { activityOutbox: { key: { $in: pending.map((e) => e.key) } } } }, { timestamps: false });
}

/** Copies the records about this organisation still waiting on accounts (a crash after the membership's write). */
export async function flushMembershipRecords(organisationId: Types.ObjectId): Promise<void> {
  const waiting = await UserModel.find({ 'activityOutbox.objectId': organisationId }, { _id: 1 }).lean();
  for (const u of waiting) await flushActivityOf(u._id);
}

/** What the invitation email says besides the membership: whose organisation, and who invites. */
export interface InvitationNotice {
  organisationName: string;
  invitedByName: string;
}

/**
 * Records an invitation for whoever holds `email`, if that is a member account not yet linked to the
 * organisation, and emails the address as given. The same single update and the same single outbox
 * row are written whether or not such an account exists (nothing is looked up), so neither the answer
 * nor the work done tells the caller which emails have accounts. One email per organisation, address
 * and day: inviting again the same day sends nothing more.
 */
export async function inviteByEmail(email: string, membership: NewMembership, notice: InvitationNotice): Promise<void> {
  await UserModel.updateOne(
    { email, role: 'MEMBER', 'memberships.organisation': { $ne: membership.organisation } },
    { $push: { memberships: membership } },
    { runValidators: true },
  );
  const address = createHash('sha256').update(email).digest('hex').slice(0, 32);
  await publishQuietly({
    type: 'organisation.invitation',
    key: `organisation.invitation:${String(membership.organisation)}:${address}:${clock.now().toISOString().slice(0, 10)}`,
    recipients: [{ email }],
    data: {
      organisationId: String(membership.organisation),
      organisationName: notice.organisationName,
      role: membership.role,
      invitedByName: notice.invitedByName,
    },
  });
}

/** Turns the person's pending invitation into an active membership. False when there was none. */
export async function activateInvitation(userId: string, organisationId: Types.ObjectId, since: Date): Promise<boolean> {
  const res = await UserModel.updateOne(
    { _id: userId, memberships: { $elemMatch: { organisation: organisationId, status: 'INVITED' } } },
    { $set: { 'memberships.$.status': 'ACTIVE', 'memberships.$.since': since } },
  );
  return res.modifiedCount > 0;
}

/** Removes the person's pending invitation. False when there was none. */
export async function withdrawInvitation(userId: string, organisationId: Types.ObjectId): Promise<boolean> {
  const res = await UserModel.updateOne({ _id: userId }, { $pull: { memberships: { organisation: organisationId, status: 'INVITED' } } });
  return res.modifiedCount > 0;
}

/** Whether someone manages the organisation (an active MANAGER membership). */
export async function hasActiveManager(organisationId: Types.ObjectId): Promise<boolean> {
  const found = await UserModel.exists({ memberships: { $elemMatch: { organisation: organisationId, role: 'MANAGER', status: { $ne: 'INVITED' } } } });
  return !!found;
}

/**
 * Makes the person an active MANAGER of the organisation (an approved claim): promotes the membership or
 * invitation they already have, or adds one. Idempotent. The trail `record` is written in the same
 * update as the membership, as for a member added by staff.
 */
export async function makeManager(userId: Types.ObjectId | string, organisationId: Types.ObjectId, since: Date, record?: ActivityEntry): Promise<void> {
  const promoted = await UserModel.updateOne(
    { _id: userId, 'memberships.organisation': organisationId },
    { $set: { 'memberships.$.role': 'MANAGER', 'memberships.$.status': 'ACTIVE' }, ...(record ? { $push: { activityOutbox: record } } : {}) },
  );
  if (promoted.matchedCount) {
    if (record) await flushActivityOf(userId);
    return;
  }
  await addMembership(userId, { organisation: organisationId, role: 'MANAGER', since, status: 'ACTIVE' }, record);
}
