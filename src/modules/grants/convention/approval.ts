// What an approval writes besides its decision: the multi-year convention (first year committed, later
// years provisional), aid in kind, the council decision and the beneficiary's identity frozen as of the
// decision; and what a reopening clears. Read by commands/decide.ts; stored with the pending decision so
// that reconciliation finishing an approval writes it too.
import type { Types } from 'mongoose';
import { AppError, notFound, Problems } from '../../../errors/app-error';
import { objectIdOrProblem } from '../../../shared/ids';
import { reportDeadline } from '../kernel/clock';
import { formatEuros } from '../kernel/money';
import type { App } from '../application/grant-application.model';
import { CouncilDecisionModel } from './council-decision.model';
import { checkInKind, checkYears, type InKindInput, type YearAmount } from './convention.rules';

export interface ApprovalExtrasInput {
  years?: readonly YearAmount[] | null;
  inKind?: readonly InKindInput[] | null;
  councilDecisionId?: string | null;
}

/** Stored with the pending decision, so that reconciliation finishing an approval writes it too. */
export interface ApprovalExtra {
  multiYear: {
    version: number;
    years: {
      year: number;
      amount: number;
      status: 'PROVISIONAL' | 'COMMITTED';
      envelope: Types.ObjectId | null;
      councilDecision: Types.ObjectId | null;
      committedAt: Date | null;
      voting: null;
      interimReport: null;
    }[];
    amendments: never[];
  } | null;
  inKind: { kind: string; description: string; valuation: number; year: number }[];
  councilDecision: Types.ObjectId | null;
  beneficiary: { name: string; siret: string | null; rna: string | null };
  reportDueOn: Date;
}

/**
 * Checks the approval's convention years, aid in kind and council decision against the application, and
 * returns what the approval writes. `amount` is what is committed now: the one year's grant, or the
 * first year's of a convention.
 */
export async function approvalExtra(
  app: App,
  input: ApprovalExtrasInput & { amount: number; envelopeId: Types.ObjectId; startedAt: Date },
  organisation: { name?: string; siret?: string | null; rna?: string | null } | null,
): Promise<ApprovalExtra> {
  const p = new Problems();
  const requested = app.years ?? [];
  let years: YearAmount[] = [];
  if (requested.length) {
    const given = input.years?.length
      ? checkYears(p, 'input.years', input.years, app.year)
      : requested.map((y, i) => ({ year: y.year, amount: i === 0 ? input.amount : y.amount }));
    if (given) {
      years = given;
      const asked = requested.map((y) => y.year).join(', ');
      if (given.map((y) => y.year).join(', ') !== asked) {
        p.add('input.years', `The convention covers the years requested, ${asked}; amend it after approval to change them.`, 'MULTI_YEAR_INVALID');
      } else {
        given.forEach((y, i) => {
          const want = requested[i]!.amount;
          if (y.amount > want)
            p.add(
              `input.years[${i}].amount`,
              `The ${y.year} amount granted (${formatEuros(y.amount)}) cannot exceed the ${formatEuros(want)} requested for ${y.year}.`,
            );
        });
        if (given[0] && given[0].amount !== input.amount) {
          p.add(
            'input.amount',
            `For a multi-year convention the amount committed now is the first year's: ${formatEuros(given[0].amount)} for ${given[0].year}, not ${formatEuros(input.amount)}.`,
            'MULTI_YEAR_TOTAL_MISMATCH',
          );
        }
      }
    }
  } else if (input.years?.length) {
    p.add('input.years', `This application asks for ${app.year} only: a multi-year convention needs a multi-year request (years).`, 'MULTI_YEAR_INVALID');
  }
  const yearsOfGrant = years.length ? years.map((y) => y.year) : [app.year];
  const inKind = checkInKind(p, 'input.inKind', input.inKind, yearsOfGrant);
  const councilDecision = input.councilDecisionId ? objectIdOrProblem(input.councilDecisionId, 'input.councilDecisionId', p) : null;
  p.throwIfAny();
  if (councilDecision && !(await CouncilDecisionModel.exists({ _id: councilDecision }))) throw notFound('Council decision', 'input.councilDecisionId');
  const lastYear = yearsOfGrant[yearsOfGrant.length - 1]!;
  return {
    multiYear: years.length
      ? {
          version: 1,
          years: years.map((y, i) => ({
            year: y.year,
            amount: y.amount,
            status: i === 0 ? 'COMMITTED' : 'PROVISIONAL',
            envelope: i === 0 ? input.envelopeId : null,
            councilDecision: i === 0 ? councilDecision : null,
            committedAt: i === 0 ? input.startedAt : null,
            voting: null,
            interimReport: null,
          })),
          amendments: [],
        }
      : null,
    inKind,
    councilDecision,
    beneficiary: { name: organisation?.name ?? '', siret: organisation?.siret ?? null, rna: organisation?.rna ?? null },
    // The final report is due six months after the end of the last year funded.
    reportDueOn: reportDeadline(lastYear),
  };
}

/** The fields an approval sets from its extra (an approval started before extras existed sets none). */
export function approvalExtraSet(extra: ApprovalExtra | null | undefined): Record<string, unknown> {
  if (!extra) return {};
  return {
    multiYear: extra.multiYear,
    inKind: extra.inKind,
    councilDecision: extra.councilDecision,
    beneficiary: extra.beneficiary,
    reportDueOn: extra.reportDueOn,
  };
}

/** What a reopened approval clears besides its decision. */
export const REOPEN_CLEARS = { multiYear: null, inKind: [], councilDecision: null, beneficiary: null } as const;

/** Refuses reopening a convention whose later years were voted (their commitments would be left behind). */
export function reopenRefusal(app: App): AppError | null {
  const voted = (app.multiYear?.years ?? []).slice(1).filter((y) => y.status === 'COMMITTED' || y.voting);
  if (!voted.length) return null;
  return new AppError(
    'INVALID_TRANSITION',
    `The council already voted ${voted.map((y) => `${y.year} (${formatEuros(y.amount)})`).join(', ')} of this convention: it cannot be reopened; amend it instead.`,
    { field: 'id' },
  );
}
