// Deciding: approve (commit credits), reject, reopen. There are no multi-document transactions, so an
// approval is three idempotent steps, each a single-document conditional write:
//   1. claim: UNDER_REVIEW with no pending decision -> pendingDecision {token, amount, envelope}
//   2. commit: the envelope takes the amount unless it would overflow or already holds this application
//   3. finish: UNDER_REVIEW + same token -> APPROVED with the decision and its activity record
// A refusal at step 2 undoes step 1. A crash after 1 or 2 leaves a pending decision that
// reconcileEnvelopes finishes (commitment present) or rolls back (no commitment).
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { AppError, notFound, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { objectIdOrProblem } from '../../../shared/ids';
import { clock, reportDeadline } from '../kernel/clock';
import { checkAmount, formatEuros } from '../kernel/money';
import { faults } from '../kernel/faults';
import { GrantApplicationModel, type App } from '../application/grant-application.model';
import { BudgetEnvelopeModel, type BudgetEnvelopeDoc } from '../budget/budget-envelope.model';
import { commit, release } from '../budget/budget-envelope.service';
import { fundingChanged, fundingYearsOf } from '../funding/funding.service';
import { applyChange, command, type Change } from './command';
import { OrganisationModel, isVerified } from '../../organisation/organisation.model';
import { approvalExtra, approvalExtraSet, REOPEN_CLEARS, reopenRefusal, type ApprovalExtra, type ApprovalExtrasInput } from '../convention/approval';

/** How long a decision may be in flight before reconciliation treats it as interrupted. */
export const DEFAULT_GRACE_MS = 60_000;

export const MAX_MOTIVATION = 2000;

function motivationOf(p: Problems, value: string | null | undefined, required: boolean): string {
  const s = value?.trim() ?? '';
  if (!s && required) p.add('input.motivation', 'A motivation is required: say why, the applicant will read it.');
  if (s.length > MAX_MOTIVATION)
    p.add('input.motivation', `The motivation is limited to ${MAX_MOTIVATION.toLocaleString('en')} characters (got ${s.length.toLocaleString('en')}).`);
  return s;
}

export interface ApproveInput extends ApprovalExtrasInput {
  amount: number;
  envelopeId: string;
  motivation?: string | null;
}

export interface PendingDecision {
  token: string;
  amount: number;
  envelope: Types.ObjectId;
  motivation: string;
  decidedBy: Types.ObjectId;
  startedAt: Date;
  /** Convention years, aid in kind, council decision, beneficiary snapshot (convention/approval.ts). */
  extra?: ApprovalExtra | null;
}

export function approveGrantApplication(ctx: Context, id: string, input: ApproveInput): Promise<App> {
  return command(ctx, id, {
    action: 'APPROVE',
    change: async (app) => {
      // An organisation a member created is approved for nothing until an officer has checked who it is.
      const organisation = await OrganisationModel.findById(app.organisation, { isVerified: 1, name: 1, siret: 1, rna: 1 }).lean<{
        isVerified?: boolean | null;
        name?: string;
        siret?: string | null;
        rna?: string | null;
      }>();
      if (organisation && !isVerified(organisation)) {
        throw new AppError(
          'ORGANISATION_NOT_VERIFIED',
          `${organisation.name ?? 'This organisation'} is not verified yet: verify it first (verifyOrganisation), then approve.`,
          { field: 'id' },
        );
      }
      const p = new Problems();
      if (checkAmount(p, 'input.amount', input.amount) && input.amount > app.requestedAmount) {
        p.add('input.amount', `The amount granted cannot exceed the ${formatEuros(app.requestedAmount)} requested.`);
      }
      const motivation = motivationOf(p, input.motivation, false) || 'Approved.';
      const envelopeId = objectIdOrProblem(input.envelopeId, 'input.envelopeId', p);
      p.throwIfAny();
      const envelope = await BudgetEnvelopeModel.findById(envelopeId, { programme: 1 }).lean<Pick<BudgetEnvelopeDoc, 'programme'>>();
      if (!envelope) throw notFound('Budget envelope', 'input.envelopeId');
      if (String(envelope.programme) !== String(app.programme)) {
        throw new AppError('BAD_USER_INPUT', "This envelope belongs to another programme: choose one of the application's programme.", {
          field: 'input.envelopeId',
        });
      }
      const startedAt = clock.now();
      const extra = await approvalExtra(app, { ...input, envelopeId: envelopeId!, startedAt }, organisation);
      const pending: PendingDecision = {
        token: randomUUID(),
        amount: input.amount,
        envelope: envelopeId!,
        motivation,
        decidedBy: new Types.ObjectId(ctx.viewer!.id),
        startedAt,
        extra,
      };
      await claim(app, pending);
      // 2. Commit in the envelope (atomic, overflow-proof, at most once per application).
      try {
        await commit(pending.envelope, app._id, pending.amount, pending.startedAt);
      } catch (err) {
        await GrantApplicationModel.updateOne({ _id: app._id, 'pendingDecision.token': pending.token }, { $set: { pendingDecision: null } });
        throw err;
      }
      if (faults.afterCommit) await faults.afterCommit(String(app._id));
      // 3. Finish: the command's compare-and-set write.
      return approval(app, pending);
    },
  });
}

/** 1. Claim the decision: only one approval of this application can be in flight. */
async function claim(app: App, pending: PendingDecision): Promise<void> {
  const claimed = await GrantApplicationModel.updateOne(
    { _id: app._id, status: 'UNDER_REVIEW', pendingDecision: null },
    { $set: { pendingDecision: pending } },
  );
  if (claimed.modifiedCount === 1) return;
  const now = await GrantApplicationModel.findById(app._id, { status: 1, pendingDecision: 1 }).lean<Pick<App, 'status' | 'pendingDecision'>>();
  const stuck = now?.pendingDecision && now.pendingDecision.startedAt.getTime() < clock.now().getTime() - DEFAULT_GRACE_MS;
  throw new AppError(
    'INVALID_TRANSITION',
    stuck
      ? 'An earlier decision on this application was interrupted: an admin must run reconcileEnvelopes, then decide again.'
      : 'A decision on this application is already being made, or it is no longer under review: reload it.',
    { field: 'id' },
  );
}

/** 3. The write that finishes an approval. Idempotent by token; refused, it leaves no commitment behind. */
function approval(app: App, pending: PendingDecision): Change {
  return {
    reason: pending.motivation,
    actor: pending.decidedBy,
    key: `${app._id}:APPROVE:${pending.token}`,
    guard: { 'pendingDecision.token': pending.token },
    update: {
      $set: {
        pendingDecision: null,
        decision: {
          outcome: 'APPROVED',
          amount: pending.amount,
          envelope: pending.envelope,
          motivation: pending.motivation,
          decidedBy: pending.decidedBy,
          decidedAt: clock.now(),
        },
        reportDueOn: reportDeadline(app.year),
        ...approvalExtraSet(pending.extra),
      },
    },
    // Payments of the organisation's year racing with this approval re-read its total (funding.service.ts).
    after: async (updated) => {
      await fundingChanged(updated.organisation, fundingYearsOf(updated));
      return updated;
    },
    // Reconciliation rolled this decision back meanwhile: do not leave its commitment behind.
    onRefused: async () => {
      const now = await GrantApplicationModel.findById(app._id, { status: 1 }).lean<Pick<App, 'status'>>();
      if (now?.status !== 'APPROVED') await release(pending.envelope, app._id);
    },
  };
}

/** Step 3 for reconciliation, completing an interrupted approval (no viewer: the officer who decided acts). */
export function finishApproval(ctx: Pick<Context, 'viewer'>, app: App, pending: PendingDecision): Promise<App> {
  return applyChange(ctx, { ...app, status: 'UNDER_REVIEW' }, 'APPROVE', approval(app, pending));
}

export function rejectGrantApplication(ctx: Context, id: string, input: { motivation: string }): Promise<App> {
  return command(ctx, id, {
    action: 'REJECT',
    change: () => {
      const p = new Problems();
      const motivation = motivationOf(p, input.motivation, true);
      p.throwIfAny();
      const decision = { outcome: 'REJECTED', amount: null, envelope: null, motivation, decidedBy: new Types.ObjectId(ctx.viewer!.id), decidedAt: clock.now() };
      return { reason: motivation, guard: { pendingDecision: null }, update: { $set: { decision } } };
    },
  });
}

/** Back to review. An approval reopened releases its commitment (before any payment only). */
export function reopenGrantApplication(ctx: Context, id: string, reason?: string | null): Promise<App> {
  return command(ctx, id, {
    action: 'REOPEN',
    change: (app) => {
      const p = new Problems();
      const why = reason?.trim() ?? '';
      if (why.length > MAX_MOTIVATION) p.add('reason', `The reason is limited to ${MAX_MOTIVATION.toLocaleString('en')} characters.`);
      p.throwIfAny();
      const voted = reopenRefusal(app);
      if (voted) throw voted;
      const envelope = app.status === 'APPROVED' ? app.decision?.envelope : null;
      return {
        reason: why || null,
        guard: { paidAmount: 0, pendingDecision: null },
        update: { $set: { decision: null, reportDueOn: null, payments: [], convention: null, ...REOPEN_CLEARS } },
        // If this step is lost, reconciliation releases the commitment of an application that is not approved.
        after: async (updated) => {
          if (envelope) await release(envelope, app._id);
          return updated;
        },
      };
    },
  });
}
