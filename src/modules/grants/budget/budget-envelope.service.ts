// The envelope's ledger operations. Each is ONE conditional single-document update, so the database
// itself keeps 0 <= paid <= committed <= total whatever the concurrency, and each is idempotent: an
// application is committed at most once (`$ne` guard on the commitments), a payment counted at most once.
import type { Types } from 'mongoose';
import { AppError } from '../../../errors/app-error';
import { formatEuros } from '../kernel/money';
import { BudgetEnvelopeModel, type BudgetEnvelopeDoc } from './budget-envelope.model';

export type CommitResult = 'COMMITTED' | 'ALREADY_COMMITTED';

/** Commits `amount` for `application`, unless it is committed already or the envelope would overflow. */
export async function commit(envelopeId: Types.ObjectId, application: Types.ObjectId, amount: number, at: Date): Promise<CommitResult> {
  const res = await BudgetEnvelopeModel.updateOne(
    {
      _id: envelopeId,
      'commitments.application': { $ne: application },
      $expr: { $lte: [{ $add: ['$committed', amount] }, '$total'] },
    },
    { $inc: { committed: amount }, $push: { commitments: { application, amount, at } } },
  );
  if (res.modifiedCount === 1) return 'COMMITTED';
  const env = await BudgetEnvelopeModel.findById(envelopeId, { total: 1, committed: 1, commitments: { $elemMatch: { application } } }).lean<
    Pick<BudgetEnvelopeDoc, 'total' | 'committed' | 'commitments'>
  >();
  if (!env) throw new AppError('NOT_FOUND', 'Budget envelope not found.', { field: 'input.envelopeId' });
  const existing = env.commitments?.[0];
  if (existing) {
    if (existing.amount === amount) return 'ALREADY_COMMITTED';
    throw new AppError('CONFLICT', 'An earlier commitment of this application is not released yet: run reconcileEnvelopes, then decide again.', {
      field: 'id',
    });
  }
  throw new AppError(
    'ENVELOPE_EXHAUSTED',
    `This envelope has ${formatEuros(env.total - env.committed)} left, less than the ${formatEuros(amount)} to commit. Choose another envelope or a smaller amount.`,
    { field: 'input.amount', extra: { remaining: env.total - env.committed } },
  );
}

/**
 * Releases the commitment of `application` (reopened approval, reconciliation). Idempotent.
 * `committedBefore` leaves alone a commitment made after that instant (a decision possibly in flight).
 */
export async function release(envelopeId: Types.ObjectId, application: Types.ObjectId, committedBefore?: Date): Promise<boolean> {
  const env = await BudgetEnvelopeModel.findById(envelopeId, { commitments: { $elemMatch: { application } }, payments: { $elemMatch: { application } } }).lean<
    Pick<BudgetEnvelopeDoc, 'commitments' | 'payments'>
  >();
  const c = env?.commitments?.[0];
  if (!c || env?.payments?.length) return false;
  // The amount is part of the condition: the $inc matches exactly the entry pulled.
  const res = await BudgetEnvelopeModel.updateOne(
    {
      _id: envelopeId,
      commitments: { $elemMatch: { application, amount: c.amount, ...(committedBefore ? { at: { $lte: committedBefore } } : {}) } },
      'payments.application': { $ne: application },
    },
    { $inc: { committed: -c.amount }, $pull: { commitments: { application } } },
  );
  return res.modifiedCount === 1;
}

/** Counts a payment in the envelope: at most once per tranche, never above what is committed. */
export async function pay(envelopeId: Types.ObjectId, application: Types.ObjectId, payment: Types.ObjectId, amount: number, at: Date): Promise<boolean> {
  const res = await BudgetEnvelopeModel.updateOne(
    {
      _id: envelopeId,
      'payments.payment': { $ne: payment },
      'commitments.application': application,
      $expr: { $lte: [{ $add: ['$paid', amount] }, '$committed'] },
    },
    { $inc: { paid: amount }, $push: { payments: { payment, application, amount, at } } },
  );
  return res.modifiedCount === 1;
}

/** Recomputes `committed` and `paid` from the ledgers, in one atomic pipeline update. */
export async function recomputeCounters(envelopeId: Types.ObjectId): Promise<void> {
  await BudgetEnvelopeModel.updateOne({ _id: envelopeId }, [{ $set: { committed: { $sum: '$commitments.amount' }, paid: { $sum: '$payments.amount' } } }], {
    updatePipeline: true,
  });
}

export const remaining = (e: Pick<BudgetEnvelopeDoc, 'total' | 'committed'>) => e.total - e.committed;
