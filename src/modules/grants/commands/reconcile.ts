// Reconciliation: repairs whatever an interrupted sequence of steps left behind, so that afterwards
// every approved application holds exactly its commitment, no commitment lacks an approved application,
// every recorded payment is counted once, and each envelope's counters equal its ledger. Idempotent;
// runs at boot and on demand (reconcileEnvelopes). Decisions younger than `graceMs` are left alone:
// they may still be in flight.
import { AppError } from '../../../errors/app-error';
import type { Logger } from '../../../shared/logger';
import { clock } from '../kernel/clock';
import { GrantApplicationModel, type App, type GrantStatus } from '../application/grant-application.model';
import { appliedCommitments, commit, fixEnvelopeCounters, hasCommitment, ledgerKeysOf, pay, release } from '../budget/budget-envelope.service';
import { flushOutbox } from './command';
import { DEFAULT_GRACE_MS, finishApproval, type PendingDecision } from './decide';
import { heldCommitment } from './withdraw';

export { DEFAULT_GRACE_MS };

export interface ReconciliationReport {
  pendingFinished: number;
  pendingRolledBack: number;
  commitmentsReleased: number;
  commitmentsRestored: number;
  paymentsRestored: number;
  countersFixed: number;
  activitiesFlushed: number;
  /** What could not be repaired automatically (e.g. restoring a commitment would overflow its envelope). */
  unrepaired: string[];
}

/** Settles interrupted ledger steps and recomputes the counters that differ from their ledger; returns how many. */
const fixCounters = fixEnvelopeCounters;

const DECIDED: GrantStatus[] = ['APPROVED', 'COMPLETED'];

export async function reconcileEnvelopes(opts: { graceMs?: number; log?: Pick<Logger, 'warn' | 'info'> } = {}): Promise<ReconciliationReport> {
  const graceMs = opts.graceMs ?? DEFAULT_GRACE_MS;
  const cutoff = new Date(clock.now().getTime() - graceMs);
  const report: ReconciliationReport = {
    pendingFinished: 0,
    pendingRolledBack: 0,
    commitmentsReleased: 0,
    commitmentsRestored: 0,
    paymentsRestored: 0,
    countersFixed: 0,
    activitiesFlushed: 0,
    unrepaired: [],
  };
  const system = { viewer: null };

  // 1. Interrupted approvals: finish those whose commitment is in the envelope, roll back the others.
  const stale = await GrantApplicationModel.find({ pendingDecision: { $ne: null }, 'pendingDecision.startedAt': { $lte: cutoff } }).lean<App[]>();
  for (const app of stale) {
    const pending: PendingDecision = app.pendingDecision!;
    if (app.status === 'UNDER_REVIEW' && (await hasCommitment(pending.envelope, app._id, null))) {
      try {
        await finishApproval(system, app, pending);
        report.pendingFinished++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    } else {
      const res = await GrantApplicationModel.updateOne({ _id: app._id, 'pendingDecision.token': pending.token }, { $set: { pendingDecision: null } });
      report.pendingRolledBack += res.modifiedCount;
    }
  }

  // 2. Activity records written on an application but not yet copied to the trail.
  const withOutbox = await GrantApplicationModel.find({ 'outbox.0': { $exists: true } }, { _id: 1 }).lean();
  for (const a of withOutbox) report.activitiesFlushed += await flushOutbox(a._id);

  // 3. Counters equal to the ledger first (a release on a drifted counter would break the invariant),
  //    then commitments without an approved application (and not part of a decision in flight): release.
  report.countersFixed += await fixCounters(report.unrepaired, cutoff);
  const apps = await GrantApplicationModel.find(
    { status: { $in: DECIDED } },
    { status: 1, decision: 1, pendingDecision: 1, payments: 1, paidAmount: 1, recovery: 1 },
  ).lean<App[]>();
  const appById = new Map(apps.map((a) => [String(a._id), a]));
  // Multi-year commitments (a year set) are the convention module's to check.
  for await (const c of appliedCommitments()) {
    if (c.year !== null && c.year !== undefined) continue;
    const app =
      appById.get(String(c.application)) ??
      (await GrantApplicationModel.findById(c.application, { status: 1, decision: 1, pendingDecision: 1, paidAmount: 1, recovery: 1 }).lean<App>());
    const holds = app && String(app.decision?.envelope) === String(c.envelope) && heldCommitment(app) === c.amount;
    const inFlight = app?.pendingDecision && String(app.pendingDecision.envelope) === String(c.envelope);
    // Younger than the grace period: it may belong to a decision in flight, whose own steps settle it.
    if (holds || inFlight || c.at > cutoff) continue;
    if (await release(c.envelope, c.application, cutoff)) report.commitmentsReleased++;
    else report.unrepaired.push(`Envelope ${c.envelope}: commitment of application ${c.application} has payments or changed; check it by hand.`);
  }

  // 4. Approved applications without their commitment, and paid tranches not counted in the envelope.
  //    Decisions younger than the grace period are left to their own steps; the others are re-read just
  //    before, so an application reopened meanwhile gets no commitment back.
  const { committed: committedKeys, paid: paidKeys } = await ledgerKeysOf(apps.map((a) => a._id));
  for (const snapshot of apps.filter((a) => DECIDED.includes(a.status) && a.decision?.envelope && a.decision.decidedAt <= cutoff)) {
    const envelopeId = snapshot.decision!.envelope!;
    const unpaidInLedger = (snapshot.payments ?? []).filter((t) => t.paidAt && !paidKeys.has(`${envelopeId}:${t._id}`));
    if (committedKeys.has(`${envelopeId}:${snapshot._id}`) && !unpaidInLedger.length) continue;
    const app = await GrantApplicationModel.findById(snapshot._id, { status: 1, decision: 1, payments: 1 }).lean<App>();
    if (!app || !DECIDED.includes(app.status) || String(app.decision?.envelope) !== String(envelopeId)) continue;
    try {
      if ((await commit(envelopeId, app._id, app.decision!.amount!, clock.now())) === 'COMMITTED') report.commitmentsRestored++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.unrepaired.push(`Application ${app._id}: its commitment could not be restored (${err.code}).`);
      continue;
    }
    for (const t of (app.payments ?? []).filter((x) => x.paidAt)) {
      if (await pay(envelopeId, app._id, t._id, t.amount, t.paidAt!)) report.paymentsRestored++;
    }
  }

  // 5. Counters equal to the ledger.
  report.countersFixed += await fixCounters(report.unrepaired, cutoff);
  const repaired = Object.entries(report).some(([k, v]) => k !== 'unrepaired' && (v as number) > 0);
  if (repaired || report.unrepaired.length) opts.log?.warn({ report }, 'budget envelopes reconciled');
  return report;
}
