// Paying a grant: the convention (mandatory above 23,000 EUR), the schedule of tranches, and recording
// a payment. The application is the guard of "never more than granted" (conditional update on its
// paidAmount); the envelope's `paid` follows in a second idempotent step keyed by the tranche id.
import { Types } from 'mongoose';
import { AppError, notFound, Problems } from '../../errors/app-error';
import type { Context } from '../../context';
import { toObjectId } from '../../shared/ids';
import { pay } from './budget-envelope.service';
import { checkPay, ensure } from './grant-application.policy';
import { actorOf, loadApplication, overdueProblem, overdueReports, type App } from './grant-application.service';
import { applyChange, TRANSITIONS } from './lifecycle';
import { checkAmount, formatEuros, sum } from './money';
import { clock, today } from './clock';
import { faults } from './faults';

/** Loi 2000-321 art. 10: a written convention is mandatory above 23,000 EUR a year. */
export const CONVENTION_THRESHOLD = 2_300_000;

const day = (s: string) => new Date(`${s}T00:00:00.000Z`);

export async function recordConvention(ctx: Context, id: string, input: { reference: string; signedOn: string }): Promise<App> {
  const app = await loadApplication(ctx, id);
  ensure(checkPay(await actorOf(ctx), app));
  const reference = input.reference?.trim() ?? '';
  const p = new Problems();
  if (!reference || reference.length > 100) p.add('input.reference', 'The convention reference is required, at most 100 characters.');
  const signedAt = day(input.signedOn);
  if (signedAt > today()) p.add('input.signedOn', 'The signature date cannot be in the future.');
  if (app.decision?.decidedAt && signedAt < day(app.decision.decidedAt.toISOString().slice(0, 10))) {
    p.add('input.signedOn', 'The convention cannot be signed before the decision.');
  }
  p.throwIfAny();
  return applyChange(ctx, app, { action: 'RECORD_CONVENTION', reason: reference, update: { $set: { convention: { reference, signedAt } } } });
}

export async function schedulePayments(ctx: Context, id: string, tranches: { amount: number; dueDate: string }[]): Promise<App> {
  const app = await loadApplication(ctx, id);
  ensure(checkPay(await actorOf(ctx), app));
  const p = new Problems();
  if (!tranches?.length || tranches.length > 24) p.add('tranches', 'Give from 1 to 24 tranches.');
  tranches?.forEach((t, i) => checkAmount(p, `tranches[${i}].amount`, t.amount));
  p.throwIfAny();
  const paid = (app.payments ?? []).filter((t) => t.paidAt);
  const granted = app.decision!.amount!;
  const total = sum(paid.map((t) => t.amount)) + sum(tranches.map((t) => t.amount));
  if (total > granted) {
    throw new AppError(
      'PAYMENT_EXCEEDS_GRANT',
      `The schedule adds up to ${formatEuros(total)} (payments made included), more than the ${formatEuros(granted)} granted.`,
      { field: 'tranches' },
    );
  }
  const next = [...paid, ...tranches.map((t) => ({ _id: new Types.ObjectId(), amount: t.amount, dueDate: day(t.dueDate), paidAt: null }))];
  // Compare-and-set on paidAmount: a payment recorded meanwhile makes this schedule stale.
  return applyChange(ctx, app, {
    action: 'SCHEDULE_PAYMENTS',
    reason: `${tranches.length} tranche(s), ${formatEuros(sum(tranches.map((t) => t.amount)))}`,
    guard: { paidAmount: app.paidAmount ?? 0 },
    update: { $set: { payments: next } },
  });
}

export interface PaymentInput {
  /** Pays this scheduled tranche (its amount). */
  trancheId?: string | null;
  /** Or an unscheduled payment of this amount. */
  amount?: number | null;
  paidOn?: string | null;
}

export async function recordPayment(ctx: Context, id: string, input: PaymentInput): Promise<App> {
  const app = await loadApplication(ctx, id);
  ensure(checkPay(await actorOf(ctx), app));
  const p = new Problems();
  if (!input.trancheId && (input.amount === undefined || input.amount === null)) p.add('input.trancheId', 'Give the tranche to pay, or an amount.');
  if (input.trancheId && input.amount !== undefined && input.amount !== null) p.add('input.amount', 'Give a tranche or an amount, not both.');
  if (!input.trancheId && input.amount !== undefined && input.amount !== null) checkAmount(p, 'input.amount', input.amount);
  p.throwIfAny();
  const paidAt = input.paidOn ? day(input.paidOn) : today();
  if (paidAt > today()) throw new AppError('BAD_USER_INPUT', 'A payment cannot be dated in the future.', { field: 'input.paidOn' });

  const overdue = await overdueReports(app.organisation as Types.ObjectId);
  if (overdue.length) {
    const o = overdueProblem(overdue);
    throw new AppError('REPORT_OVERDUE', `${o.message} Payments to this organisation are blocked until then.`, { field: 'id' });
  }
  const granted = app.decision!.amount!;
  if (granted > CONVENTION_THRESHOLD && !app.convention) {
    throw new AppError(
      'CONVENTION_REQUIRED',
      `This grant is above ${formatEuros(CONVENTION_THRESHOLD)}: record its signed convention (recordConvention) before the first payment.`,
      { field: 'id' },
    );
  }

  let trancheId: Types.ObjectId;
  let amount: number;
  let update: Record<string, unknown>;
  let guard: Record<string, unknown>;
  const actor = new Types.ObjectId(ctx.viewer!.id);
  if (input.trancheId) {
    trancheId = toObjectId(input.trancheId, 'input.trancheId');
    const tranche = (app.payments ?? []).find((t) => String(t._id) === String(trancheId));
    if (!tranche) throw notFound('Tranche', 'input.trancheId');
    if (tranche.paidAt) throw new AppError('CONFLICT', `This tranche was already paid on ${tranche.paidAt.toISOString().slice(0, 10)}.`, { field: 'input.trancheId' });
    amount = tranche.amount;
    guard = { payments: { $elemMatch: { _id: trancheId, paidAt: null } } };
    update = { $set: { 'payments.$.paidAt': paidAt, 'payments.$.recordedBy': actor }, $inc: { paidAmount: amount } };
  } else {
    trancheId = new Types.ObjectId();
    amount = input.amount!;
    guard = {};
    update = { $push: { payments: { _id: trancheId, amount, dueDate: paidAt, paidAt, recordedBy: actor } }, $inc: { paidAmount: amount } };
  }
  const already = app.paidAmount ?? 0;
  if (already + amount > granted) {
    throw new AppError(
      'PAYMENT_EXCEEDS_GRANT',
      `${formatEuros(already)} of ${formatEuros(granted)} are already paid: ${formatEuros(amount)} more would exceed the grant.`,
      { field: input.trancheId ? 'input.trancheId' : 'input.amount' },
    );
  }
  // The database re-checks both conditions atomically (two officers paying at once cannot overpay).
  guard.$expr = { $lte: [{ $add: ['$paidAmount', amount] }, '$decision.amount'] };
  const updated = await applyChange(ctx, app, {
    action: 'RECORD_PAYMENT',
    reason: `${formatEuros(amount)} paid on ${paidAt.toISOString().slice(0, 10)}`,
    guard,
    update,
  });
  if (faults.afterPaymentMarked) await faults.afterPaymentMarked(String(app._id));
  await pay(app.decision!.envelope as Types.ObjectId, app._id, trancheId, amount, clock.now());
  return completeIfDone(ctx, updated);
}

/** APPROVED -> COMPLETED when the final report is accepted and everything granted is paid. */
export async function completeIfDone(ctx: Context, app: App): Promise<App> {
  if (app.status !== 'APPROVED' || !app.finalReport?.acceptedAt || (app.paidAmount ?? 0) !== app.decision?.amount) return app;
  try {
    return await applyChange(ctx, app, {
      action: 'COMPLETE',
      to: TRANSITIONS.COMPLETE.to,
      reason: 'Final report accepted and every tranche paid',
      guard: { 'finalReport.acceptedAt': { $ne: null }, $expr: { $eq: ['$paidAmount', '$decision.amount'] } },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID_TRANSITION') return app; // completed by a concurrent call
    throw err;
  }
}
