// Verified organisations. An organisation created by a member stays unverified until an officer checks
// it: no grant is approved for it (grants/commands/decide.ts asks isVerified), and the registry import
// never merges into it (registry-sync.service.ts imports the real association beside it and records the
// clash here, for officers). Claims let a person take charge of an organisation nobody manages.
import { Types } from 'mongoose';
import { AppError, forbidden, notFound, Problems } from '../../errors/app-error';
import type { Context } from '../../context';
import { isStaff } from '../../auth/viewer';
import { clock } from '../../shared/clock';
import { toObjectId } from '../../shared/ids';
import { paginate, type PageArgs } from '../../shared/pagination';
import { publishQuietly } from '../messaging/events';
import { hasActiveManager, makeManager } from '../user/membership.service';
import { UserModel } from '../user/user.model';
import { getOrganisation } from './organisation.service';
import { OrganisationModel, isVerified, type OrganisationDoc } from './organisation.model';
import { actorOf } from './organisation.actor';
import { editRecord, flushOrganisationOutbox, organisationActivity } from './organisation.history';
import { isRecusedFrom, recusalRefusal } from './organisation.policy';
import {
  CLAIM_STATUSES,
  OrganisationClaimApprovalModel,
  OrganisationClaimModel,
  type ClaimStatus,
  type OrganisationClaimDoc,
} from './organisation-claim.model';

/**
 * An officer confirms the organisation is who it says it is. Verifying twice changes nothing. An officer
 * recused from it may not (a staff action on it), and the verification lands in its trail, written in
 * the same update.
 */
export async function verifyOrganisation(ctx: Context, id: unknown): Promise<OrganisationDoc> {
  const org = await getOrganisation(ctx, id);
  if (isRecusedFrom(await actorOf(ctx), org._id)) throw recusalRefusal('verify it');
  if (isVerified(org)) return org;
  const set = { isVerified: true, verifiedAt: clock.now(), verifiedBy: new Types.ObjectId(ctx.viewer!.id) };
  const edit = editRecord(org, set, [], ctx.viewer!.id);
  const record = edit && { ...edit, action: 'VERIFY' };
  const updated = await OrganisationModel.findOneAndUpdate(
    { _id: org._id, isVerified: false },
    { $set: set, ...(record ? { $push: { activityOutbox: record } } : {}) },
    { returnDocument: 'after' },
  ).lean<OrganisationDoc>();
  if (updated && record) await flushOrganisationOutbox(org._id);
  const result = updated ?? (await OrganisationModel.findById(org._id).lean<OrganisationDoc>());
  if (!result) throw notFound('Organisation');
  ctx.loaders.organisation.byId.clear(String(org._id)).prime(String(org._id), result);
  return result;
}

/** Unverified organisations whose identifier the registry brought for another association, newest first. */
export function listRegistryClashes(page: PageArgs) {
  return paginate<OrganisationDoc>(OrganisationModel, {
    match: { 'registryClash.detectedAt': { $type: 'date' } },
    sort: [{ field: 'registryClash.detectedAt', direction: -1 }],
    args: page,
  });
}

const MAX_MESSAGE = 2000;

/** A person asks to manage an organisation nobody manages. PENDING until an officer decides. */
export async function claimOrganisation(ctx: Context, input: { organisationId: string; message?: string | null }): Promise<OrganisationClaimDoc> {
  const viewer = ctx.viewer!;
  const p = new Problems();
  const message = (input.message ?? '').trim();
  if (message.length > MAX_MESSAGE)
    p.add('input.message', `The message is limited to ${MAX_MESSAGE.toLocaleString('en')} characters (got ${message.length.toLocaleString('en')}).`);
  if (viewer.role !== 'MEMBER') p.add('input.organisationId', 'Only member accounts manage organisations; city staff act city-wide.');
  const org = await getOrganisation(ctx, toObjectId(input.organisationId, 'input.organisationId')).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound('Organisation', 'input.organisationId');
    throw err;
  });
  p.throwIfAny();
  if (org.status === 'DISSOLVED')
    throw new AppError('BAD_USER_INPUT', 'This organisation is dissolved: it cannot be claimed.', { field: 'input.organisationId' });
  if (await hasActiveManager(org._id)) {
    throw new AppError('CONFLICT', 'This organisation already has a manager: ask them to invite you (addOrganisationMember).', {
      field: 'input.organisationId',
    });
  }
  try {
    const claim = await OrganisationClaimModel.create({ organisation: org._id, claimant: new Types.ObjectId(viewer.id), message });
    return claim.toObject() as OrganisationClaimDoc;
  } catch (err) {
    if ((err as { code?: number }).code === 11000)
      throw new AppError('CONFLICT', 'You already have a pending claim on this organisation.', { field: 'input.organisationId' });
    throw err;
  }
}

/** Claims for officers, by status, oldest first (the queue to work through). */
export function listClaims(status: ClaimStatus | null | undefined, page: PageArgs) {
  if (status && !CLAIM_STATUSES.includes(status)) throw new AppError('BAD_USER_INPUT', `Choose a status: ${CLAIM_STATUSES.join(', ')}.`, { field: 'status' });
  return paginate<OrganisationClaimDoc>(OrganisationClaimModel, {
    match: status ? { status } : {},
    sort: [{ field: 'createdAt', direction: 1 }],
    args: page,
  });
}

/** How long an approval may hold an organisation (the hold is released as soon as the approval is done). */
export const CLAIM_APPROVAL_HOLD_MS = 60_000;

/** The reason given to the other claimants when one claim on the organisation is approved. */
export const RIVAL_APPROVED_REASON = 'Une autre demande de gestion de cette organisation a été acceptée : demandez à ses responsables de vous inviter.';

/**
 * An officer approves (the claimant becomes MANAGER) or rejects (with a reason) a pending claim. The
 * decision is one conditional update from PENDING, so a claim is decided once; the claimant is told.
 * An approval holds the organisation (one document per organisation, taken with one conditional
 * upsert) from the check that nobody manages it until the claimant manages it: two officers approving
 * two different claims at once cannot both succeed, the second is told to reload. The other pending
 * claims are then rejected, and each of their authors is told.
 */
export async function decideOrganisationClaim(ctx: Context, id: unknown, input: { approve: boolean; reason?: string | null }): Promise<OrganisationClaimDoc> {
  const claimId = toObjectId(id, 'id');
  if (!isStaff(ctx.viewer)) throw forbidden('Only officers and admins decide claims.');
  const p = new Problems();
  const reason = (input.reason ?? '').trim();
  if (typeof input.approve !== 'boolean') p.add('input.approve', 'Say true to approve or false to reject.');
  if (!input.approve && !reason) p.add('input.reason', 'Say why the claim is rejected: the claimant will read it.');
  if (reason.length > MAX_MESSAGE) p.add('input.reason', `The reason is limited to ${MAX_MESSAGE.toLocaleString('en')} characters.`);
  p.throwIfAny();
  const claim = await OrganisationClaimModel.findById(claimId).lean<OrganisationClaimDoc>();
  if (!claim) throw notFound('Claim');
  // A recused officer decides nothing on the organisation: an approval would make its manager.
  if (isRecusedFrom(await actorOf(ctx), claim.organisation)) throw recusalRefusal('decide claims on it');
  if (claim.status !== 'PENDING') throw new AppError('INVALID_TRANSITION', `This claim is already ${claim.status.toLowerCase()}.`, { field: 'id' });
  const org = await OrganisationModel.findById(claim.organisation, { name: 1 }).lean<Pick<OrganisationDoc, '_id' | 'name'>>();
  if (!org) throw notFound('Organisation');
  const officer = new Types.ObjectId(ctx.viewer!.id);
  const decide = (status: 'APPROVED' | 'REJECTED', why: string) =>
    OrganisationClaimModel.findOneAndUpdate(
      { _id: claimId, status: 'PENDING' },
      { $set: { status, reason: why || undefined, decidedBy: officer, decidedAt: clock.now() } },
      { returnDocument: 'after' },
    ).lean<OrganisationClaimDoc>();

  let decided: OrganisationClaimDoc | null;
  if (!input.approve) {
    decided = await decide('REJECTED', reason);
    if (!decided) throw new AppError('INVALID_TRANSITION', 'This claim was decided meanwhile.', { field: 'id' });
  } else {
    if (!(await holdForApproval(org._id, claimId))) {
      throw new AppError('CONFLICT', 'Another claim on this organisation is being approved right now: reload the claims, then decide again.', {
        field: 'id',
      });
    }
    try {
      if (await hasActiveManager(org._id)) {
        throw new AppError('CONFLICT', 'Someone manages this organisation now: reject this claim, or ask the manager to invite the claimant.', {
          field: 'input.approve',
        });
      }
      decided = await decide('APPROVED', reason);
      if (!decided) throw new AppError('INVALID_TRANSITION', 'This claim was decided meanwhile.', { field: 'id' });
      const claimant = await UserModel.findOne({ _id: claim.claimant, disabled: { $ne: true } }, { name: 1 }).lean();
      // The organisation's trail says which officer made whom its manager.
      const record =
        claimant && organisationActivity(org._id, 'APPROVE_CLAIM', ctx.viewer!.id, [{ field: 'members', before: null, after: `${claimant.name} (MANAGER)` }]);
      if (claimant) await makeManager(claim.claimant, org._id, clock.now(), record ?? undefined);
    } finally {
      await OrganisationClaimApprovalModel.deleteOne({ _id: org._id, claim: claimId });
    }
    // The other pending claims on this organisation are answered, each author told: someone manages it now.
    const rivals = await OrganisationClaimModel.find({ organisation: org._id, status: 'PENDING', _id: { $ne: claimId } }, { _id: 1 }).lean();
    for (const rival of rivals) {
      const rejected = await OrganisationClaimModel.findOneAndUpdate(
        { _id: rival._id, status: 'PENDING' },
        { $set: { status: 'REJECTED', reason: RIVAL_APPROVED_REASON, decidedBy: officer, decidedAt: clock.now() } },
        { returnDocument: 'after' },
      ).lean<OrganisationClaimDoc>();
      if (rejected) await publishQuietly(claimDecided(rejected, org));
    }
  }
  await publishQuietly(claimDecided(decided, org));
  return decided;
}

/** Takes the organisation's approval hold for this claim: false when another claim holds it (and the hold has not expired). */
async function holdForApproval(organisation: Types.ObjectId, claim: Types.ObjectId): Promise<boolean> {
  const now = clock.now();
  try {
    // No hold, an expired one, or ours: take it. Another claim's live hold: the upsert collides on _id.
    await OrganisationClaimApprovalModel.updateOne(
      { _id: organisation, $or: [{ until: { $lte: now } }, { claim }] },
      { $set: { claim, until: new Date(now.getTime() + CLAIM_APPROVAL_HOLD_MS) } },
      { upsert: true },
    );
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

/** The claimant is told of the decision (email, notification, and the `organisation.claim_decided` webhook). */
function claimDecided(claim: OrganisationClaimDoc, org: Pick<OrganisationDoc, '_id' | 'name'>) {
  return {
    type: 'organisation.claim_decided' as const,
    key: `claim:${claim._id}:decided`,
    recipients: [{ userId: String(claim.claimant) }],
    data: {
      claimId: String(claim._id),
      organisationId: String(org._id),
      organisationName: org.name,
      approved: claim.status === 'APPROVED',
      reason: claim.reason || null,
    },
  };
}
