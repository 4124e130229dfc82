// Reconciliation: repairs whatever an interrupted sequence of steps left behind, so that afterwards
// every approved application holds exactly its commitment, no commitment lacks an approved application,
// every recorded payment is counted once, and each envelope's counters equal its ledger. Idempotent;
// runs at boot and on demand (reconcileEnvelopes). Decisions younger than `graceMs` are left alone:
// they may still be in flight.
// Memory stays flat however many grants: applications and ledger entries are read through cursors, a
// batch at a time. The on-demand pass checks everything; the boot's pass (`incremental`) checks only what
// can need repair: decisions in flight, activity records not yet copied, ledger steps cut midway,
// envelopes whose counters differ from their ledger, and the applications and commitments written since
// the last complete pass. Every sequence that can be cut writes its application (updatedAt) or a ledger
// entry (stepAt) before its other writes, so an application untouched since a complete pass was found
// consistent then and cannot have become inconsistent by itself.
import type { Types } from 'mongoose';
import { AppError } from '../../../errors/app-error';
import type { Logger } from '../../../shared/logger';
import { clock } from '../kernel/clock';
import { GrantApplicationModel, type App, type GrantStatus } from '../application/grant-application.model';
import { appliedCommitments, commit, fixEnvelopeCounters, hasCommitment, ledgerKeysOf, pay, release } from '../budget/budget-envelope.service';
import { flushOutbox } from './command';
import { reconcileConventionYears } from './convention';
import { DEFAULT_GRACE_MS, finishApproval, type PendingDecision } from './decide';
import { heldCommitment, isWithdrawnGrant, settleWithdrawals } from './withdraw';
import { ReconciliationMarkModel } from './reconcile.model';

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

export interface ReconcileOptions {
  graceMs?: number;
  log?: Pick<Logger, 'warn' | 'info'>;
  /**
   * Only what can need repair since the last complete pass (the boot). The first pass on a database
   * (no mark yet) checks everything, as the on-demand pass always does.
   */
  incremental?: boolean;
}

/** Documents handled per round trip. */
const BATCH = 500;
/** The mark is set this far before the pass's cutoff: instances' clocks may differ by less than this. */
export const CLOCK_MARGIN_MS = 10 * 60_000;
const MARK = 'budget-envelopes';
const APP_FIELDS = { status: 1, year: 1, decision: 1, pendingDecision: 1, payments: 1, paidAmount: 1, recovery: 1 };

type Commitment = { envelope: Types.ObjectId; application: Types.ObjectId; year?: number | null; amount: number; at: Date };

async function inBatches<T>(source: AsyncIterable<T>, each: (batch: T[]) => Promise<void>): Promise<void> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length < BATCH) continue;
    await each(batch);
    batch = [];
  }
  if (batch.length) await each(batch);
}

/** The instant before which the last complete pass found everything consistent; null before the first. */
export async function checkedThrough(): Promise<Date | null> {
  const mark = await ReconciliationMarkModel.findById(MARK).lean();
  return mark?.checkedThrough ?? null;
}

/** Settles interrupted ledger steps and recomputes the counters that differ from their ledger; returns how many. */
const fixCounters = fixEnvelopeCounters;

const DECIDED: GrantStatus[] = ['APPROVED', 'COMPLETED'];

export async function reconcileEnvelopes(opts: ReconcileOptions = {}): Promise<ReconciliationReport> {
  const graceMs = opts.graceMs ?? DEFAULT_GRACE_MS;
  const cutoff = new Date(clock.now().getTime() - graceMs);
  const since = opts.incremental ? await checkedThrough() : null;
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
  const stale = GrantApplicationModel.find({ pendingDecision: { $ne: null }, 'pendingDecision.startedAt': { $lte: cutoff } })
    .lean<App>()
    .cursor();
  for await (const app of stale) {
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
  for await (const a of GrantApplicationModel.find({ 'outbox.0': { $exists: true } }, { _id: 1 })
    .lean()
    .cursor()) {
    report.activitiesFlushed += await flushOutbox(a._id);
  }

  // 3. Counters equal to the ledger first (a release on a drifted counter would break the invariant),
  //    then commitments without an approved application (and not part of a decision in flight): release.
  // Withdrawn grants first: their commitments brought down to what they keep (withdraw.ts).
  await settleWithdrawals();
  report.countersFixed += await fixCounters(report.unrepaired, cutoff);
  await inBatches(since ? appliedCommitments({ changedSince: since }) : appliedCommitments(), (cs) => releaseOrphans(cs, new Map(), cutoff, report));

  // 4. Approved applications without their commitment, and paid tranches not counted in the envelope;
  //    in the boot's pass, also the commitments of the applications changed since the last complete one.
  const apps = GrantApplicationModel.find(since ? { updatedAt: { $gte: since } } : { status: { $in: DECIDED } }, APP_FIELDS)
    .lean<App>()
    .cursor();
  await inBatches(apps, async (batch) => {
    if (since) {
      const held: Commitment[] = [];
      for await (const c of appliedCommitments({ applications: batch.map((a) => a._id) })) held.push(c);
      await releaseOrphans(held, new Map(batch.map((a) => [String(a._id), a])), cutoff, report);
    }
    await restoreMissing(
      batch.filter((a) => DECIDED.includes(a.status)),
      cutoff,
      report,
    );
  });

  // 5. The later years of multi-year conventions (commands/convention.ts): votes cut midway, year
  //    commitments no year holds, voted years missing their commitment or payments.
  const years = await reconcileConventionYears(cutoff, since);
  report.pendingFinished += years.votesFinished;
  report.pendingRolledBack += years.votesCleared;
  report.commitmentsReleased += years.commitmentsReleased;
  report.commitmentsRestored += years.commitmentsRestored;
  report.paymentsRestored += years.paymentsRestored;
  report.unrepaired.push(...years.unrepaired);

  // 6. Counters equal to the ledger.
  report.countersFixed += await fixCounters(report.unrepaired, cutoff);
  const repaired = Object.entries(report).some(([k, v]) => k !== 'unrepaired' && (v as number) > 0);
  if (repaired || report.unrepaired.length) opts.log?.warn({ report }, 'budget envelopes reconciled');
  // A complete pass with nothing left for a person: the next boot starts from here. (Left unrepaired, the
  // next boot checks everything again and says so again.)
  if (!report.unrepaired.length) {
    const through = new Date(Math.min(cutoff.getTime(), Date.now()) - CLOCK_MARGIN_MS);
    await ReconciliationMarkModel.updateOne({ _id: MARK }, { $max: { checkedThrough: through } }, { upsert: true });
  }
  return report;
}

/**
 * Releases the commitments (single-year; multi-year ones are the convention module's to check) whose
 * application does not hold them, unless a decision in flight may. `known`: applications already read.
 */
async function releaseOrphans(commitments: Commitment[], known: Map<string, App>, cutoff: Date, report: ReconciliationReport): Promise<void> {
  const single = commitments.filter((c) => c.year === null || c.year === undefined);
  const missing = [...new Set(single.map((c) => String(c.application)).filter((id) => !known.has(id)))];
  const apps = new Map(known);
  if (missing.length) {
    const found = await GrantApplicationModel.find({ _id: { $in: missing } }, APP_FIELDS).lean<App[]>();
    for (const a of found) apps.set(String(a._id), a);
  }
  for (const c of single) {
    const app = apps.get(String(c.application));
    const holds = app && (isWithdrawnGrant(app) || (String(app.decision?.envelope) === String(c.envelope) && heldCommitment(app) === c.amount));
    const inFlight = app?.pendingDecision && String(app.pendingDecision.envelope) === String(c.envelope);
    // Younger than the grace period: it may belong to a decision in flight, whose own steps settle it.
    if (holds || inFlight || c.at > cutoff) continue;
    if (await release(c.envelope, c.application, cutoff)) report.commitmentsReleased++;
    else report.unrepaired.push(`Envelope ${c.envelope}: commitment of application ${c.application} has payments or changed; check it by hand.`);
  }
}

/**
 * Decided applications without their commitment, or with paid tranches the envelope does not count.
 * Decisions younger than the grace period are left to their own steps; the others are re-read just
 * before, so an application reopened meanwhile gets no commitment back.
 */
async function restoreMissing(decided: App[], cutoff: Date, report: ReconciliationReport): Promise<void> {
  const settled = decided.filter((a) => a.decision?.envelope && a.decision.decidedAt <= cutoff);
  if (!settled.length) return;
  const { committed: committedKeys, paid: paidKeys } = await ledgerKeysOf(settled.map((a) => a._id));
  for (const snapshot of settled) {
    const envelopeId = snapshot.decision!.envelope!;
    // Tranches of a convention's later years are paid from their own year's envelope (commands/convention.ts).
    const ofDecision = (t: { year?: number | null }) => (t.year ?? snapshot.year) === snapshot.year;
    const unpaidInLedger = (snapshot.payments ?? []).filter((t) => t.paidAt && ofDecision(t) && !paidKeys.has(`${envelopeId}:${t._id}`));
    if (committedKeys.has(`${envelopeId}:${snapshot._id}`) && !unpaidInLedger.length) continue;
    const app = await GrantApplicationModel.findById(snapshot._id, { status: 1, year: 1, decision: 1, payments: 1 }).lean<App>();
    if (!app || !DECIDED.includes(app.status) || String(app.decision?.envelope) !== String(envelopeId)) continue;
    try {
      if ((await commit(envelopeId, app._id, app.decision!.amount!, clock.now())) === 'COMMITTED') report.commitmentsRestored++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.unrepaired.push(`Application ${app._id}: its commitment could not be restored (${err.code}).`);
      continue;
    }
    for (const t of (app.payments ?? []).filter((x) => x.paidAt && ofDecision(x))) {
      if (await pay(envelopeId, app._id, t._id, t.amount, t.paidAt!)) report.paymentsRestored++;
    }
  }
}
