// Paying a grant: the convention (mandatory above 23,000 EUR), the schedule of tranches, and recording
// a payment. The application is the guard of "never more than granted" (conditional update on its
// paidAmount); the envelope's `paid` follows in a second idempotent step keyed by the tranche id.
import { Types } from 'mongoose';
import { AppError, notFound, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { toObjectId } from '../../../shared/ids';
import { clock, today } from '../kernel/clock';
import { checkAmount, formatEuros, sum } from '../kernel/money';
import { faults } from '../kernel/faults';
import type { App } from '../application/grant-application.model';
import { overdueProblem, overdueReports } from '../application/grant-application.queries';
import { pay } from '../budget/budget-envelope.service';
import { conventionGuard, THRESHOLDS } from '../funding/funding.service';
import { command, type Change } from './command';
import { completeIfDone } from './complete';
import { isoDay, startOfDay } from '../../../shared/dates';
import { checkSchedule, checkYearPayment, envelopeOfYear, paymentYearRefusal, yearPaymentGuard } from '../convention/convention.rules';

/** Loi 2000-321 art. 10: a written convention is mandatory above 23,000 EUR a year (per organisation: funding/funding.service.ts). */
export const CONVENTION_THRESHOLD = THRESHOLDS.CONVENTION;

/** Midnight UTC of the day the grant was decided: nothing is paid or due before it. */
function decisionDay(app: App): Date {
  const at = app.decision?.decidedAt;
  return at ? startOfDay(isoDay(at)) : new Date(0);
}

export function recordConvention(ctx: Context, id: string, input: { reference: string; signedOn: string }): Promise<App> {
  return command(ctx, id, {
    action: 'RECORD_CONVENTION',
    change: (app) => {
      const reference = input.reference?.trim() ?? '';
      const p = new Problems();
      if (!reference || reference.length > 100) p.add('input.reference', 'The convention reference is required, at most 100 characters.');
      const signedAt = startOfDay(input.signedOn);
      if (signedAt > today()) p.add('input.signedOn', 'The signature date cannot be in the future.');
      if (signedAt < decisionDay(app)) {
        p.add('input.signedOn', `The convention cannot be signed before the decision (${isoDay(decisionDay(app))}).`);
      }
      p.throwIfAny();
      return { reason: reference, update: { $set: { convention: { reference, signedAt } } } };
    },
  });
}

export function schedulePayments(ctx: Context, id: string, tranches: { amount: number; dueDate: string; year?: number | null }[]): Promise<App> {
  return command(ctx, id, {
    action: 'SCHEDULE_PAYMENTS',
    change: (app) => {
      const p = new Problems();
      if (!tranches?.length || tranches.length > 24) p.add('tranches', 'Give from 1 to 24 tranches.');
      const decided = decisionDay(app);
      tranches?.forEach((t, i) => {
        checkAmount(p, `tranches[${i}].amount`, t.amount);
        if (startOfDay(t.dueDate) < decided) {
          p.add(`tranches[${i}].dueDate`, `A tranche cannot fall due before the decision (${isoDay(decided)}): choose ${isoDay(decided)} or later.`);
        }
      });
      p.throwIfAny();
      const paid = (app.payments ?? []).filter((t) => t.paidAt);
      // Each tranche in a year of the grant that may be paid, each year's tranches within its amount.
      checkSchedule(app, tranches);
      const next = [
        ...paid,
        ...tranches.map((t) => ({
          _id: new Types.ObjectId(),
          amount: t.amount,
          dueDate: startOfDay(t.dueDate),
          paidAt: null,
          ...(t.year ? { year: t.year } : {}),
        })),
      ];
      // Compare-and-set on paidAmount: a payment recorded meanwhile makes this schedule stale.
      return {
        reason: `${tranches.length} tranche(s), ${formatEuros(sum(tranches.map((t) => t.amount)))}`,
        guard: { paidAmount: app.paidAmount ?? 0 },
        update: { $set: { payments: next } },
      };
    },
  });
}

export interface PaymentInput {
  /** Pays this scheduled tranche (its amount). */
  trancheId?: string | null;
  /** Or an unscheduled payment of this amount. */
  amount?: number | null;
  paidOn?: string | null;
  /** The convention year it pays (multi-year conventions); the tranche's, or the application's year, when omitted. */
  year?: number | null;
}

export function recordPayment(ctx: Context, id: string, input: PaymentInput): Promise<App> {
  return command(ctx, id, { action: 'RECORD_PAYMENT', change: (app) => paymentOf(ctx, app, input) });
}

async function paymentOf(ctx: Context, app: App, input: PaymentInput): Promise<Change> {
  const p = new Problems();
  if (!input.trancheId && (input.amount === undefined || input.amount === null)) p.add('input.trancheId', 'Give the tranche to pay, or an amount.');
  if (input.trancheId && input.amount !== undefined && input.amount !== null) p.add('input.amount', 'Give a tranche or an amount, not both.');
  if (!input.trancheId && input.amount !== undefined && input.amount !== null) checkAmount(p, 'input.amount', input.amount);
  const paidAt = input.paidOn ? startOfDay(input.paidOn) : today();
  const decided = decisionDay(app);
  if (paidAt > today()) p.add('input.paidOn', `A payment cannot be dated in the future (today is ${isoDay(today())}).`);
  else if (paidAt < decided) {
    p.add('input.paidOn', `A payment cannot be dated before the decision (${isoDay(decided)}): give a day from ${isoDay(decided)} to today.`);
  }
  p.throwIfAny();

  const overdue = await overdueReports(app.organisation);
  if (overdue.length) {
    const o = overdueProblem(overdue);
    throw new AppError('REPORT_OVERDUE', `${o.message} Payments to this organisation are blocked until then.`, { field: 'id' });
  }

  let trancheId: Types.ObjectId;
  let amount: number;
  let year: number;
  let update: Record<string, unknown>;
  let guard: Record<string, unknown>;
  const actor = new Types.ObjectId(ctx.viewer!.id);
  if (input.trancheId) {
    trancheId = toObjectId(input.trancheId, 'input.trancheId');
    const tranche = (app.payments ?? []).find((t) => String(t._id) === String(trancheId));
    if (!tranche) throw notFound('Tranche', 'input.trancheId');
    if (tranche.paidAt) throw new AppError('CONFLICT', `This tranche was already paid on ${isoDay(tranche.paidAt)}.`, { field: 'input.trancheId' });
    amount = tranche.amount;
    year = tranche.year ?? app.year;
    guard = { payments: { $elemMatch: { _id: trancheId, paidAt: null } } };
    update = { $set: { 'payments.$.paidAt': paidAt, 'payments.$.recordedBy': actor }, $inc: { paidAmount: amount } };
  } else {
    trancheId = new Types.ObjectId();
    amount = input.amount!;
    year = input.year ?? app.year;
    guard = {};
    const yearField = year === app.year ? {} : { year };
    update = { $push: { payments: { _id: trancheId, amount, dueDate: paidAt, paidAt, recordedBy: actor, ...yearField } }, $inc: { paidAmount: amount } };
  }
  // A multi-year convention pays each year once the council voted it and the previous year's interim report is in.
  const yearRefusal = paymentYearRefusal(app, year, input.trancheId ? 'input.trancheId' : 'input.year');
  if (yearRefusal) throw yearRefusal;
  checkYearPayment(app, year, amount, input.trancheId ? 'input.trancheId' : 'input.amount');
  // Above 23,000 EUR of city aid to the organisation in the year (all its grants), no payment without a convention.
  await conventionGuard(app, year);
  // The database re-checks both conditions atomically (two officers paying at once cannot overpay the year).
  guard.$expr = yearPaymentGuard(app, year, amount);
  return {
    reason: `${formatEuros(amount)} paid on ${isoDay(paidAt)}`,
    guard,
    update,
    after: async (updated) => {
      if (faults.afterPaymentMarked) await faults.afterPaymentMarked(String(app._id));
      await pay(envelopeOfYear(app, year), app._id, trancheId, amount, clock.now());
      return completeIfDone(ctx, updated);
    },
  };
}
