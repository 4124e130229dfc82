// Multi-year conventions (CPO) and council decisions, after the approval (convention/approval.ts): the
// council's yearly vote, the interim reports, amendments (avenants), council decisions and the grants
// awaiting one. Steps on an application go through the command path (command()).
//
// A later year's vote commits its amount like an approval does, in three single-document steps:
//   1. claim: the PROVISIONAL year gets `voting {token, envelope, councilDecision}`
//   2. commit: that year's envelope takes the amount (overflow-proof, at most once per application and year)
//   3. finish: same token -> COMMITTED, with its activity record
// A refusal at step 2 clears the claim; a crash leaves a vote that reconcileConventionYears finishes
// (commitment present) or clears (none).
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { AppError, forbidden, notFound, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { isStaff } from '../../../auth/viewer';
import { objectIdOrProblem } from '../../../shared/ids';
import { isoDay, startOfDay } from '../../../shared/dates';
import { clock, reportDeadline, today } from '../kernel/clock';
import { formatEuros, sum } from '../kernel/money';
import { GrantApplicationModel, type App, type GrantStatus } from '../application/grant-application.model';
import { BudgetEnvelopeModel } from '../budget/budget-envelope.model';
import { FundingProgrammeModel } from '../budget/funding-programme.model';
import { appliedCommitments, commit, hasCommitment, pay, release } from '../budget/budget-envelope.service';
import { CouncilDecisionModel, type CouncilDecisionDoc } from '../convention/council-decision.model';
import { checkYears, type YearAmount } from '../convention/convention.rules';
import { applyChange, command } from './command';
import { fundingChanged, fundingYearsOf } from '../funding/funding.service';

const MAX_REASON = 2000;
/** How long a vote may be in flight before reconciliation treats it as interrupted (as for approvals). */
export const VOTE_GRACE_MS = 60_000;

// ---------------------------------------------------------------------------------------------------
// The ledger: the year's commitment on its envelope (the budget module keeps the guarantees).

// A later year is keyed by its year; the first year is the approval's commitment (year null).
const commitYear = (envelope: Types.ObjectId, app: Types.ObjectId, year: number, amount: number, at: Date) => commit(envelope, app, amount, at, year);
const releaseYear = (envelope: Types.ObjectId, app: Types.ObjectId, year: number) => release(envelope, app, undefined, year);
const hasYearCommitment = (envelope: Types.ObjectId, app: Types.ObjectId, year: number) => hasCommitment(envelope, app, year);

// ---------------------------------------------------------------------------------------------------
// The council's yearly vote.

export interface VoteInput {
  applicationId: string;
  year: number;
  envelopeId: string;
  councilDecisionId: string;
}

interface Voting {
  token: string;
  envelope: Types.ObjectId;
  councilDecision: Types.ObjectId;
  actor: Types.ObjectId | null;
  startedAt: Date;
}

export function voteConventionYear(ctx: Context, input: VoteInput): Promise<App> {
  return command(ctx, input.applicationId, {
    action: 'VOTE_CONVENTION_YEAR',
    change: async (app) => {
      const p = new Problems();
      const envelopeId = objectIdOrProblem(input.envelopeId, 'input.envelopeId', p);
      const decisionId = objectIdOrProblem(input.councilDecisionId, 'input.councilDecisionId', p);
      p.throwIfAny();
      const years = app.multiYear?.years ?? [];
      if (!years.length) throw new AppError('BAD_USER_INPUT', `This grant covers ${app.year} only: it has no later year to vote.`, { field: 'input.year' });
      const i = years.findIndex((y) => y.year === input.year);
      if (i < 0)
        throw new AppError('BAD_USER_INPUT', `The convention covers ${years.map((y) => y.year).join(', ')}, not ${input.year}.`, { field: 'input.year' });
      const y = years[i]!;
      if (y.status === 'COMMITTED') {
        throw new AppError('CONVENTION_YEAR_ALREADY_VOTED', `${input.year} was already voted: ${formatEuros(y.amount)} are committed on its envelope.`, {
          field: 'input.year',
        });
      }
      const previous = years[i - 1]!;
      if (previous.status !== 'COMMITTED') {
        throw new AppError('CONVENTION_YEAR_NOT_VOTED', `Vote ${previous.year} (${formatEuros(previous.amount)}) before ${input.year}.`, {
          field: 'input.year',
        });
      }
      const [envelope, decision] = await Promise.all([
        BudgetEnvelopeModel.findById(envelopeId, { programme: 1 }).lean<{ programme: Types.ObjectId }>(),
        CouncilDecisionModel.exists({ _id: decisionId }),
      ]);
      if (!envelope) throw notFound('Budget envelope', 'input.envelopeId');
      if (!decision) throw notFound('Council decision', 'input.councilDecisionId');
      const programme = await FundingProgrammeModel.findById(envelope.programme, { year: 1 }).lean<{ year: number }>();
      if (programme?.year !== input.year) {
        throw new AppError(
          'ENVELOPE_WRONG_YEAR',
          `This envelope funds ${programme?.year ?? 'another year'}: the ${input.year} amount (${formatEuros(y.amount)}) is committed on an envelope of a ${input.year} programme.`,
          { field: 'input.envelopeId' },
        );
      }
      const voting: Voting = {
        token: randomUUID(),
        envelope: envelopeId!,
        councilDecision: decisionId!,
        actor: new Types.ObjectId(ctx.viewer!.id),
        startedAt: clock.now(),
      };
      // 1. Claim the year.
      const claimed = await GrantApplicationModel.updateOne(
        { _id: app._id, status: 'APPROVED', 'multiYear.years': { $elemMatch: { year: input.year, status: 'PROVISIONAL', voting: null } } },
        { $set: { 'multiYear.years.$.voting': voting } },
      );
      if (claimed.modifiedCount !== 1) {
        throw new AppError('INVALID_TRANSITION', `A vote on ${input.year} is already being recorded, or the convention changed: reload it.`, {
          field: 'input.year',
        });
      }
      // 2. Commit on the year's envelope.
      try {
        await commitYear(voting.envelope, app._id, input.year, y.amount, voting.startedAt);
      } catch (err) {
        await clearVote(app._id, input.year, voting.token);
        throw err;
      }
      // 3. Finish: the command's compare-and-set write.
      return finishVote(app, input.year, y.amount, voting);
    },
  });
}

function finishVote(app: App, year: number, amount: number, voting: Voting) {
  return {
    reason: `${year}: ${formatEuros(amount)} committed`,
    actor: voting.actor,
    key: `${app._id}:VOTE_CONVENTION_YEAR:${voting.token}`,
    guard: { 'multiYear.years': { $elemMatch: { year, 'voting.token': voting.token } } },
    update: {
      $set: {
        'multiYear.years.$.status': 'COMMITTED',
        'multiYear.years.$.envelope': voting.envelope,
        'multiYear.years.$.councilDecision': voting.councilDecision,
        'multiYear.years.$.committedAt': voting.startedAt,
        'multiYear.years.$.voting': null,
      },
    },
    // Reconciliation cleared this vote meanwhile: leave no commitment behind.
    onRefused: async () => {
      const now = await GrantApplicationModel.findById(app._id, { multiYear: 1 }).lean<Pick<App, 'multiYear'>>();
      const y = now?.multiYear?.years.find((x) => x.year === year);
      if (y?.status !== 'COMMITTED') await releaseYear(voting.envelope, app._id, year);
    },
  };
}

async function clearVote(app: Types.ObjectId, year: number, token: string) {
  return GrantApplicationModel.updateOne(
    { _id: app, 'multiYear.years': { $elemMatch: { year, 'voting.token': token } } },
    { $set: { 'multiYear.years.$.voting': null } },
  );
}

export interface ConventionRepairs {
  votesFinished: number;
  votesCleared: number;
  commitmentsReleased: number;
  commitmentsRestored: number;
  paymentsRestored: number;
  unrepaired: string[];
}

const DECIDED: GrantStatus[] = ['APPROVED', 'COMPLETED'];

/**
 * The convention years' part of reconcileEnvelopes (idempotent; steps younger than `cutoff` left alone):
 * votes interrupted after their commitment are finished, the others cleared; a year's commitment that no
 * committed year holds is released; a committed year without its commitment, or with paid tranches not
 * counted on its envelope, gets them back. `since` (the boot's incremental pass): only the ledger entries
 * and applications written since the last complete pass.
 */
export async function reconcileConventionYears(cutoff: Date, since: Date | null = null): Promise<ConventionRepairs> {
  const out: ConventionRepairs = { votesFinished: 0, votesCleared: 0, commitmentsReleased: 0, commitmentsRestored: 0, paymentsRestored: 0, unrepaired: [] };
  const voting = await GrantApplicationModel.find({ 'multiYear.years.voting.startedAt': { $lte: cutoff } }, { outbox: 0 }).lean<App[]>();
  for (const app of voting) {
    for (const y of app.multiYear!.years) {
      if (!y.voting || y.voting.startedAt > cutoff) continue;
      const vote = y.voting as Voting;
      if (app.status === 'APPROVED' && (await hasYearCommitment(vote.envelope, app._id, y.year))) {
        try {
          await applyChange({ viewer: null }, app, 'VOTE_CONVENTION_YEAR', finishVote(app, y.year, y.amount, vote));
          out.votesFinished++;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
        }
      } else {
        out.votesCleared += (await clearVote(app._id, y.year, vote.token)).modifiedCount;
      }
    }
  }

  for await (const c of appliedCommitments(since ? { changedSince: since } : {})) {
    if (c.year === null || c.year === undefined || c.at > cutoff) continue;
    const app = await GrantApplicationModel.findById(c.application, { status: 1, multiYear: 1 }).lean<Pick<App, 'status' | 'multiYear'>>();
    const y = app?.multiYear?.years.find((x) => x.year === c.year);
    const holds = app && DECIDED.includes(app.status) && y?.status === 'COMMITTED' && String(y.envelope) === String(c.envelope) && y.amount === c.amount;
    const inFlight = y?.voting && String(y.voting.envelope) === String(c.envelope);
    if (holds || inFlight) continue;
    if (await release(c.envelope, c.application, cutoff, c.year)) out.commitmentsReleased++;
    else out.unrepaired.push(`Envelope ${c.envelope}: ${c.year} commitment of application ${c.application} has payments or changed; check it by hand.`);
  }

  const committed = await GrantApplicationModel.find(
    {
      status: { $in: DECIDED },
      'multiYear.years': { $elemMatch: { status: 'COMMITTED', committedAt: { $lte: cutoff } } },
      ...(since ? { updatedAt: { $gte: since } } : {}),
    },
    { year: 1, multiYear: 1, payments: 1 },
  ).lean<App[]>();
  for (const app of committed) {
    for (const y of app.multiYear!.years.slice(1)) {
      if (y.status !== 'COMMITTED' || !y.envelope || !y.committedAt || y.committedAt > cutoff) continue;
      try {
        if ((await commitYear(y.envelope, app._id, y.year, y.amount, clock.now())) === 'COMMITTED') out.commitmentsRestored++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        out.unrepaired.push(`Application ${app._id}: its ${y.year} commitment could not be restored (${err.code}).`);
        continue;
      }
      for (const t of (app.payments ?? []).filter((x) => x.paidAt && x.year === y.year)) {
        if (await pay(y.envelope, app._id, t._id, t.amount, t.paidAt!)) out.paymentsRestored++;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Interim reports.

export interface InterimReportInput {
  applicationId: string;
  year: number;
  narrative: string;
  amountSpent: number;
}

export function submitInterimReport(ctx: Context, input: InterimReportInput): Promise<App> {
  return command(ctx, input.applicationId, {
    action: 'SUBMIT_INTERIM_REPORT',
    change: (app) => {
      const years = app.multiYear?.years ?? [];
      const i = years.findIndex((y) => y.year === input.year);
      const p = new Problems();
      if (!years.length) p.add('input.year', `This grant covers ${app.year} only: its final report is the only report due.`);
      else if (i < 0) p.add('input.year', `The convention covers ${years.map((y) => y.year).join(', ')}, not ${input.year}.`);
      else if (i === years.length - 1)
        p.add('input.year', `${input.year} is the convention's last year: report on it in the final report (submitFinalReport).`);
      else if (years[i]!.status !== 'COMMITTED')
        p.add('input.year', `${input.year} is not voted yet: there is nothing to report on.`, 'CONVENTION_YEAR_NOT_VOTED');
      const narrative = input.narrative?.trim() ?? '';
      if (!narrative || narrative.length > 10_000) p.add('input.narrative', 'Tell what was done this year, in at most 10,000 characters.');
      if (!Number.isSafeInteger(input.amountSpent) || input.amountSpent < 0 || input.amountSpent > 100_000_000_000) {
        p.add('input.amountSpent', 'The amount spent is a whole number of euro cents, from 0 to 100,000,000,000.');
      }
      p.throwIfAny();
      const done = years[i]!.interimReport;
      if (done)
        throw new AppError('CONFLICT', `The ${input.year} interim report was already submitted on ${isoDay(done.submittedAt)}.`, { field: 'input.year' });
      return {
        reason: `${input.year} interim report`,
        guard: { 'multiYear.years': { $elemMatch: { year: input.year, interimReport: null } } },
        update: {
          $set: {
            'multiYear.years.$.interimReport': {
              narrative,
              amountSpent: input.amountSpent,
              submittedAt: clock.now(),
              submittedBy: new Types.ObjectId(ctx.viewer!.id),
            },
          },
        },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Amendments (avenants).

export interface AmendInput {
  applicationId: string;
  reason: string;
  years: readonly YearAmount[];
}

export async function amendConvention(ctx: Context, input: AmendInput): Promise<App> {
  const amended = await amendedConvention(ctx, input);
  // The organisation's city aid of the amended years changed: a payment racing with the amendment re-reads
  // its year's total before it passes the convention rule (funding.service.ts, after the write as it asks).
  await fundingChanged(amended.organisation, fundingYearsOf(amended));
  return amended;
}

function amendedConvention(ctx: Context, input: AmendInput): Promise<App> {
  return command(ctx, input.applicationId, {
    action: 'AMEND_CONVENTION',
    change: (app) => {
      const current = app.multiYear;
      if (!current?.years.length) {
        throw new AppError('BAD_USER_INPUT', `This grant covers ${app.year} only: it has no multi-year convention to amend.`, { field: 'applicationId' });
      }
      const p = new Problems();
      const reason = input.reason?.trim() ?? '';
      if (!reason || reason.length > MAX_REASON)
        p.add('input.reason', `Give the reason for the amendment, in at most ${MAX_REASON.toLocaleString('en')} characters.`);
      const years = checkYears(p, 'input.years', input.years, app.year);
      if (years && !years.length) p.add('input.years', 'A convention keeps 2 to 4 years.', 'MULTI_YEAR_INVALID');
      p.throwIfAny();
      const next = years!;
      // Years voted (or being voted) are committed on their envelopes: an amendment changes only provisional years.
      for (const y of current.years) {
        if (y.status !== 'COMMITTED' && !y.voting) continue;
        const kept = next.find((n) => n.year === y.year);
        if (!kept || kept.amount !== y.amount) {
          p.add(
            'input.years',
            `${y.year} is ${y.voting ? 'being voted' : 'voted'} with ${formatEuros(y.amount)} committed: an amendment cannot ${kept ? `change it to ${formatEuros(kept.amount)}` : 'remove it'}.`,
            'CONVENTION_YEAR_COMMITTED',
          );
        }
      }
      const same = next.length === current.years.length && next.every((n, i) => n.year === current.years[i]!.year && n.amount === current.years[i]!.amount);
      if (same) p.add('input.years', "These are the convention's years and amounts already: nothing to amend.");
      p.throwIfAny();
      const byYear = new Map(current.years.map((y) => [y.year, y]));
      const years2 = next.map((n) => {
        const old = byYear.get(n.year);
        if (old && (old.status === 'COMMITTED' || old.voting)) return old;
        return {
          year: n.year,
          amount: n.amount,
          status: 'PROVISIONAL',
          envelope: null,
          councilDecision: null,
          committedAt: null,
          voting: null,
          interimReport: old?.interimReport ?? null,
        };
      });
      const version = (current.version ?? 1) + 1;
      const before = current.years.map((y) => ({ year: y.year, amount: y.amount }));
      const totalBefore = sum(before.map((y) => y.amount));
      const totalAfter = sum(next.map((y) => y.amount));
      return {
        reason: `Amendment ${version}: ${formatEuros(totalBefore)} -> ${formatEuros(totalAfter)}. ${reason}`,
        // Compare-and-set on the version: two amendments at once, one wins; none while a vote is in flight.
        guard: { 'multiYear.version': current.version ?? 1, 'multiYear.years.voting': { $not: { $type: 'object' } } },
        update: {
          $set: { 'multiYear.years': years2, 'multiYear.version': version, reportDueOn: reportDeadline(next[next.length - 1]!.year) },
          $push: { 'multiYear.amendments': { version, reason, before, after: next, amendedBy: new Types.ObjectId(ctx.viewer!.id), amendedAt: clock.now() } },
        },
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Council decisions.

export interface CouncilDecisionInput {
  reference: string;
  date: string;
  body: string;
}

const REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u;
const BODY = /^[\p{L}\p{N}][\p{L}\p{N} '’.,-]*$/u;

export async function createCouncilDecision(ctx: Context, input: CouncilDecisionInput): Promise<CouncilDecisionDoc> {
  if (!isStaff(ctx.viewer)) throw forbidden('Only officers and admins record council decisions.');
  const p = new Problems();
  const reference = input.reference?.trim() ?? '';
  const body = input.body?.trim() ?? '';
  // An act is numbered: its reference is what the city writes on it (SCDL referenceDecision), letters,
  // digits and separators, with its number; the body is a name. Neither takes control or markup characters.
  if (!reference || reference.length > 100) p.add('input.reference', "The act's reference is required, at most 100 characters (e.g. 2026-03-103).");
  else if (!REFERENCE.test(reference) || !/\d/.test(reference))
    p.add('input.reference', "An act's reference is its number, with letters, digits, spaces and . _ / - only (e.g. 2026-03-103 or DEL-2026-044).");
  if (!body || body.length > 200) p.add('input.body', 'Name the deciding body (e.g. Conseil municipal), at most 200 characters.');
  else if (!BODY.test(body)) p.add('input.body', "The deciding body's name has letters, digits, spaces and ' . , - only (e.g. Conseil municipal).");
  const date = startOfDay(input.date);
  if (date > today()) p.add('input.date', `A council decision is recorded once taken: ${input.date} is after today (${isoDay(today())}).`);
  p.throwIfAny();
  const existing = await CouncilDecisionModel.findOne({ reference }, { date: 1 }).lean<{ date: Date }>();
  if (existing)
    throw new AppError('CONFLICT', `A council decision ${reference} is already recorded (dated ${isoDay(existing.date)}).`, { field: 'input.reference' });
  try {
    return (await CouncilDecisionModel.create({ reference, date, body, createdBy: new Types.ObjectId(ctx.viewer!.id) })).toObject() as CouncilDecisionDoc;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      throw new AppError('CONFLICT', `A council decision ${reference} is already recorded.`, { field: 'input.reference' });
    }
    throw err;
  }
}

export function attachToCouncilDecision(ctx: Context, input: { applicationId: string; councilDecisionId: string }): Promise<App> {
  return command(ctx, input.applicationId, {
    action: 'ATTACH_COUNCIL_DECISION',
    change: async (app) => {
      const p = new Problems();
      const id = objectIdOrProblem(input.councilDecisionId, 'input.councilDecisionId', p);
      p.throwIfAny();
      const decision = await CouncilDecisionModel.findById(id, { reference: 1 }).lean<{ reference: string }>();
      if (!decision) throw notFound('Council decision', 'input.councilDecisionId');
      if (app.councilDecision) {
        if (String(app.councilDecision) === String(id)) return null;
        const other = await CouncilDecisionModel.findById(app.councilDecision, { reference: 1 }).lean<{ reference: string }>();
        throw new AppError('CONFLICT', `This grant is already attached to council decision ${other?.reference ?? String(app.councilDecision)}.`, {
          field: 'input.councilDecisionId',
        });
      }
      const first = app.multiYear?.years?.[0];
      return {
        reason: decision.reference,
        guard: { councilDecision: null },
        update: {
          $set: {
            councilDecision: id,
            // The convention's first year is the one this decision grants.
            ...(first && !first.councilDecision ? { 'multiYear.years.0.councilDecision': id } : {}),
          },
        },
      };
    },
  });
}

/** Approved grants not yet in a council decision, oldest decision first (officers and admins). */
export async function grantsAwaitingCouncilDecision(ctx: Context, first: number): Promise<App[]> {
  if (!isStaff(ctx.viewer)) throw forbidden('Only officers and admins see the grants awaiting a council decision.');
  return GrantApplicationModel.find({ status: { $in: ['APPROVED', 'COMPLETED'] }, 'decision.outcome': 'APPROVED', councilDecision: null }, { outbox: 0 })
    .sort({ 'decision.decidedAt': 1, _id: 1 })
    .limit(first)
    .lean<App[]>();
}

export async function listCouncilDecisions(first: number): Promise<CouncilDecisionDoc[]> {
  return CouncilDecisionModel.find({}).sort({ date: -1, _id: -1 }).limit(first).lean<CouncilDecisionDoc[]>();
}
