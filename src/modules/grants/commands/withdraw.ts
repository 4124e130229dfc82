// Withdrawing a granted subsidy (retrait) for a breach of the republican contract (décret 2021-1947) or
// unmet conditions, and recording the recovery's settlement (issue 13, point 5).
//
// The pro rata: the grant's period is the year it funds, 1 January to 31 December of the application's
// year (for a multi-year convention, 1 January of its first year to 31 December of its last). The grant
// keeps the share of that period elapsed before the withdrawal takes effect:
//   earned = floor(granted x days from the period's start to effectiveOn (excluded) / days in the period)
// and what was paid beyond it is to be paid back: recovery = max(0, paid - earned). Nothing more is paid.
// A withdrawal effective on the period's first day (or given a date before it) recovers everything paid.
//
// The envelopes follow in two idempotent steps after the application's write: at the withdrawal each
// commitment is brought down to what was paid from its envelope (the rest will never be paid); at the
// settlement (recordRecovery) the money back comes off `paid` (a negative payment entry keyed by the
// recovery) and the commitment comes down to what the grant keeps. settleWithdrawals (run by the
// reconciliation) redoes whichever of these a crash cut short.
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { AppError, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { isoDay, startOfDay } from '../../../shared/dates';
import { clock, today } from '../kernel/clock';
import { formatEuros, sum } from '../kernel/money';
import { GrantApplicationModel, type App } from '../application/grant-application.model';
import { recover, reduceCommitment } from '../budget/budget-envelope.service';
import { EnvelopeCommitmentModel, EnvelopePaymentModel } from '../budget/envelope-ledger.model';
import { command } from './command';

export const WITHDRAWAL_REASONS = ['REPUBLICAN_CONTRACT_BREACH', 'CONDITIONS_UNMET'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];
const REASON_TEXT: Record<WithdrawalReason, string> = {
  REPUBLICAN_CONTRACT_BREACH: 'breach of the republican contract (décret 2021-1947)',
  CONDITIONS_UNMET: 'conditions of the grant not met',
};
export const MAX_DETAILS = 2000;
const DAY = 86_400_000;

/** The amount granted: a single-year grant's decision, or the sum of a multi-year convention's years. */
export function grantedAmount(app: Pick<App, 'decision' | 'multiYear'>): number {
  const years = app.multiYear?.years ?? [];
  return years.length ? sum(years.map((y) => y.amount)) : (app.decision?.amount ?? 0);
}

/** The grant's period: 1 January of its (first) year to 31 December of its (last) year, as days at midnight UTC. */
export function grantPeriod(app: Pick<App, 'year' | 'multiYear'>): { start: Date; end: Date } {
  const years = (app.multiYear?.years ?? []).map((y) => y.year);
  const first = years.length ? Math.min(...years) : app.year;
  const last = years.length ? Math.max(...years) : app.year;
  return { start: new Date(Date.UTC(first, 0, 1)), end: new Date(Date.UTC(last, 11, 31)) };
}

/** What the grant keeps when withdrawn effective `effectiveOn`: granted x elapsed days / period days, rounded down to the cent. */
export function earnedShare(granted: number, period: { start: Date; end: Date }, effectiveOn: Date): number {
  const days = Math.round((period.end.getTime() - period.start.getTime()) / DAY) + 1;
  const elapsed = Math.min(days, Math.max(0, Math.round((effectiveOn.getTime() - period.start.getTime()) / DAY)));
  // BigInt: exact whatever the amount (granted x days stays an integer product).
  return Number((BigInt(granted) * BigInt(elapsed)) / BigInt(days));
}

/** What the envelopes should hold for this application in all (cents), or null when nothing. */
export function heldCommitment(app: Pick<App, 'status' | 'decision' | 'paidAmount' | 'recovery'>): number | null {
  if (app.status === 'APPROVED' || app.status === 'COMPLETED') return app.decision?.amount ?? null;
  if (app.status === 'WITHDRAWN' && app.recovery) {
    const kept = (app.paidAmount ?? 0) - (app.recovery.recoveredOn ? app.recovery.amount : 0);
    return kept > 0 ? kept : null;
  }
  return null;
}

/** A grant the city withdrew (as opposed to an application its organisation withdrew before a decision). */
export const isWithdrawnGrant = (app: Pick<App, 'status' | 'recovery'>) => app.status === 'WITHDRAWN' && !!app.recovery;

export interface WithdrawGrantInput {
  applicationId: string;
  reason: string;
  details: string;
  effectiveOn: string;
}

export function withdrawGrant(ctx: Context, input: WithdrawGrantInput): Promise<App> {
  return command(ctx, input.applicationId, {
    action: 'WITHDRAW_GRANT',
    change: (app) => {
      const p = new Problems();
      if (!(WITHDRAWAL_REASONS as readonly string[]).includes(input.reason)) {
        p.add('input.reason', `The reason is one of ${WITHDRAWAL_REASONS.join(', ')}.`);
      }
      const details = input.details?.trim() ?? '';
      if (!details) p.add('input.details', 'Say what happened: the organisation will read it, and the recovery order cites it.');
      if (details.length > MAX_DETAILS)
        p.add('input.details', `At most ${MAX_DETAILS.toLocaleString('en')} characters (got ${details.length.toLocaleString('en')}).`);
      const period = grantPeriod(app);
      const effectiveOn = startOfDay(input.effectiveOn);
      if (effectiveOn > today()) p.add('input.effectiveOn', `A withdrawal takes effect today at the latest (${isoDay(today())}).`);
      else if (effectiveOn < period.start) {
        p.add('input.effectiveOn', `The grant's period starts on ${isoDay(period.start)}: give that day to recover everything paid, or a later one.`);
      }
      p.throwIfAny();
      const granted = grantedAmount(app);
      const paid = app.paidAmount ?? 0;
      const earned = earnedShare(granted, period, effectiveOn);
      const amount = Math.max(0, paid - earned);
      const recovery = {
        _id: new Types.ObjectId(),
        amount,
        reason: input.reason,
        details,
        effectiveOn,
        periodStart: period.start,
        periodEnd: period.end,
        earned,
        paidAtWithdrawal: paid,
        orderedAt: clock.now(),
        orderedBy: new Types.ObjectId(ctx.viewer!.id),
        recoveredOn: null,
        recordedBy: null,
      };
      return {
        reason: `${REASON_TEXT[input.reason as WithdrawalReason]}, effective ${isoDay(effectiveOn)}: ${formatEuros(amount)} to recover (${formatEuros(paid)} paid, ${formatEuros(earned)} kept of ${formatEuros(granted)} for ${isoDay(period.start)} to ${isoDay(period.end)}). ${details}`,
        // Compare-and-set on what was paid: a payment recorded meanwhile changes the recovery.
        guard: { paidAmount: app.paidAmount ?? 0, pendingDecision: null },
        update: { $set: { recovery } },
        after: async (updated) => {
          await settleEnvelopes(updated);
          return updated;
        },
      };
    },
  });
}

export function recordRecovery(ctx: Context, applicationId: string, recoveredOn: string): Promise<App> {
  return command(ctx, applicationId, {
    action: 'RECORD_RECOVERY',
    change: (app) => {
      const r = app.recovery;
      if (!r) {
        throw new AppError('RECOVERY_NOT_ORDERED', 'This application was withdrawn by its organisation, not by the city: there is no recovery to record.', {
          field: 'applicationId',
        });
      }
      if (r.amount === 0) {
        throw new AppError(
          'RECOVERY_NOT_ORDERED',
          `Nothing is to be recovered on this grant: ${formatEuros(r.paidAtWithdrawal)} paid, ${formatEuros(r.earned)} kept.`,
          {
            field: 'applicationId',
          },
        );
      }
      if (r.recoveredOn) {
        throw new AppError('RECOVERY_ALREADY_RECORDED', `The recovery of ${formatEuros(r.amount)} was already recorded on ${isoDay(r.recoveredOn)}.`, {
          field: 'applicationId',
        });
      }
      const p = new Problems();
      const on = startOfDay(recoveredOn);
      const ordered = startOfDay(isoDay(r.orderedAt));
      if (on > today()) p.add('recoveredOn', `The money cannot come back in the future (today is ${isoDay(today())}).`);
      else if (on < ordered) p.add('recoveredOn', `The recovery was ordered on ${isoDay(ordered)}: give that day or a later one.`);
      p.throwIfAny();
      return {
        reason: `${formatEuros(r.amount)} recovered on ${isoDay(on)}`,
        guard: { 'recovery.recoveredOn': null },
        update: { $set: { 'recovery.recoveredOn': on, 'recovery.recordedBy': new Types.ObjectId(ctx.viewer!.id) } },
        after: async (updated) => {
          await settleEnvelopes(updated);
          return updated;
        },
      };
    },
  });
}

/** A deterministic ledger key per (recovery, envelope): a retry counts the same money back once. */
function recoveryKey(recoveryId: Types.ObjectId, envelope: Types.ObjectId): Types.ObjectId {
  return new Types.ObjectId(createHash('sha1').update(`${recoveryId}:${envelope}`).digest('hex').slice(0, 24));
}

/**
 * Brings the envelopes in line with a withdrawn grant: the money back (once settled) off `paid`, latest
 * commitment first, then each commitment down to what was paid from its envelope. Idempotent.
 */
export async function settleEnvelopes(app: Pick<App, '_id' | 'status' | 'recovery'>): Promise<void> {
  if (!isWithdrawnGrant(app)) return;
  const r = app.recovery! as NonNullable<App['recovery']> & { _id: Types.ObjectId };
  const commitments = await EnvelopeCommitmentModel.find({ application: app._id, state: 'APPLIED' }).sort({ year: -1, at: -1 }).lean();
  const envelopes = [...new Map(commitments.map((c) => [String(c.envelope), c.envelope])).values()];
  const paidFrom = async (envelope: Types.ObjectId) =>
    sum((await EnvelopePaymentModel.find({ envelope, application: app._id }, { amount: 1 }).lean()).map((x) => x.amount));
  if (r.recoveredOn && r.amount > 0) {
    let left = r.amount;
    for (const envelope of envelopes) {
      const key = recoveryKey(r._id, envelope);
      const done = await EnvelopePaymentModel.findOne({ payment: key }, { amount: 1 }).lean();
      if (done) {
        left += done.amount; // negative
        continue;
      }
      const take = Math.min(left, await paidFrom(envelope));
      if (take > 0 && (await recover(envelope, app._id, key, take, r.recoveredOn))) left -= take;
      if (left <= 0) break;
    }
  }
  // Each commitment down to what its envelope paid (several on one envelope: the latest year keeps the least).
  const byEnvelope = new Map<string, number>();
  for (const envelope of envelopes) byEnvelope.set(String(envelope), Math.max(0, await paidFrom(envelope)));
  for (const c of [...commitments].reverse()) {
    const left = byEnvelope.get(String(c.envelope)) ?? 0;
    const keep = Math.min(c.amount, left);
    byEnvelope.set(String(c.envelope), left - keep);
    if (keep < c.amount) await reduceCommitment(c.envelope, app._id, keep, c.year ?? null);
  }
}

/** Reconciliation: the envelope steps of withdrawals and settlements a crash cut short. Returns how many grants it looked at. */
export async function settleWithdrawals(): Promise<number> {
  let n = 0;
  const withdrawn = GrantApplicationModel.find({ status: 'WITHDRAWN', recovery: { $ne: null } }, { status: 1, recovery: 1 })
    .lean<App[]>()
    .cursor();
  for await (const app of withdrawn) {
    await settleEnvelopes(app);
    n++;
  }
  return n;
}
