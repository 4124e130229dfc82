// The rules of multi-year conventions, aid in kind and council decisions that other grants code reads:
// the years of a request, what an approval writes besides its decision, which year a payment belongs to
// and what it may still receive, the total granted, and the commitments an application holds. Pure
// functions of the application (no database), so the command path, the payment guard and reconciliation
// read the same rule.
import type { Types } from 'mongoose';
import { AppError, Problems } from '../../../errors/app-error';
import { checkAmount, checkTotal, formatEuros, sum } from '../kernel/money';
import type { App } from '../application/grant-application.model';

export const MIN_YEARS = 2;
export const MAX_YEARS = 4;
export const IN_KIND_KINDS = ['PREMISES', 'EQUIPMENT', 'SERVICES'] as const;
export type InKindKind = (typeof IN_KIND_KINDS)[number];
export const MAX_IN_KIND = 20;

export interface YearAmount {
  year: number;
  amount: number;
}

type Years = readonly { year: number; amount: number }[] | null | undefined;

/** Checks a multi-year request or grant (2 to 4 consecutive years, positive cents); the clean copy, or undefined. */
export function checkYears(p: Problems, field: string, years: Years, firstYear?: number): YearAmount[] | undefined {
  if (!years) return undefined;
  if (years.length === 0) return [];
  const before = p.list.length;
  if (years.length < MIN_YEARS || years.length > MAX_YEARS) {
    p.add(
      field,
      `A multi-year request covers ${MIN_YEARS} to ${MAX_YEARS} years (got ${years.length}); leave the years empty for one year.`,
      'MULTI_YEAR_INVALID',
    );
  }
  years.forEach((y, i) => {
    if (!Number.isInteger(y.year) || y.year < 2000 || y.year > 2100) p.add(`${field}[${i}].year`, 'The year must be between 2000 and 2100.');
    else if (i > 0 && y.year !== years[i - 1]!.year + 1) {
      p.add(
        `${field}[${i}].year`,
        `The years must follow each other: ${years[i - 1]!.year} is followed by ${years[i - 1]!.year + 1}, not ${y.year}.`,
        'MULTI_YEAR_INVALID',
      );
    }
    checkAmount(p, `${field}[${i}].amount`, y.amount);
  });
  if (firstYear !== undefined && years[0] && years[0].year !== firstYear) {
    p.add(`${field}[0].year`, `A convention starts in the programme's year, ${firstYear} (got ${years[0].year}).`, 'MULTI_YEAR_INVALID');
  }
  if (p.list.length > before) return undefined;
  checkTotal(
    p,
    field,
    'yearly amounts',
    years.map((y) => y.amount),
  );
  return years.map((y) => ({ year: y.year, amount: y.amount }));
}

/** The rule that ties a multi-year request to its total: requestedAmount is the sum of the years. */
export function yearsTotalProblem(years: readonly YearAmount[], requestedAmount: number): string | null {
  if (!years.length) return null;
  const total = sum(years.map((y) => y.amount));
  return total === requestedAmount
    ? null
    : `The yearly amounts add up to ${formatEuros(total)}, but the request says ${formatEuros(requestedAmount)}: they must be equal.`;
}

export interface InKindInput {
  kind: string;
  description: string;
  valuation: number;
  year?: number | null;
}

/** Checks aid in kind: a kind, a description, a positive valuation, a year of the grant. */
export function checkInKind(p: Problems, field: string, items: readonly InKindInput[] | null | undefined, grantYears: readonly number[]) {
  if (!items?.length) return [];
  if (items.length > MAX_IN_KIND) {
    p.add(field, `At most ${MAX_IN_KIND} items of aid in kind.`);
    return [];
  }
  const out = items.map((it, i) => {
    if (!(IN_KIND_KINDS as readonly string[]).includes(it.kind)) p.add(`${field}[${i}].kind`, `One of ${IN_KIND_KINDS.join(', ')}.`);
    const description = it.description?.trim() ?? '';
    if (!description || description.length > 500) p.add(`${field}[${i}].description`, 'Say what is lent or provided, in at most 500 characters.');
    checkAmount(p, `${field}[${i}].valuation`, it.valuation);
    const year = it.year ?? grantYears[0]!;
    if (!grantYears.includes(year)) p.add(`${field}[${i}].year`, `Aid in kind is given in a year of the grant: ${grantYears.join(', ')} (got ${year}).`);
    return { kind: it.kind, description, valuation: it.valuation, year };
  });
  checkTotal(
    p,
    field,
    'valuations of aid in kind',
    items.map((it) => (Number.isSafeInteger(it.valuation) ? it.valuation : 0)),
  );
  return out;
}

type ConventionApp = Pick<App, 'year' | 'decision' | 'multiYear' | 'payments'>;

/** The years of the grant: the convention's, or the application's one year. */
export function grantYears(app: Pick<App, 'year' | 'multiYear'>): number[] {
  const years = app.multiYear?.years ?? [];
  return years.length ? years.map((y) => y.year) : [app.year];
}

/** Cash granted over every year of the convention (provisional years included), or the one year's amount. */
export function grantedTotal(app: Pick<App, 'decision' | 'multiYear'>): number {
  const years = app.multiYear?.years ?? [];
  return years.length ? sum(years.map((y) => y.amount)) : (app.decision?.amount ?? 0);
}

/** Cash committed so far: the first year, and the later years the council voted. */
export function committedTotal(app: Pick<App, 'decision' | 'multiYear'>): number {
  const years = app.multiYear?.years ?? [];
  return years.length ? sum(years.filter((y) => y.status === 'COMMITTED').map((y) => y.amount)) : (app.decision?.amount ?? 0);
}

export const inKindTotal = (app: { inKind?: readonly { valuation: number }[] | null }): number => sum((app.inKind ?? []).map((k) => k.valuation));

/** The same total as grantedTotal, as a MongoDB expression (completion's guard). */
export const GRANTED_TOTAL_EXPR = {
  $cond: [{ $gt: [{ $size: { $ifNull: ['$multiYear.years', []] } }, 0] }, { $sum: '$multiYear.years.amount' }, '$decision.amount'],
};

/** The year a tranche pays: its own, or the application's. */
export const trancheYear = (app: Pick<App, 'year'>, t: { year?: number | null }): number => t.year ?? app.year;

/** Paid so far on `year`. */
export function paidInYear(app: Pick<App, 'year' | 'payments'>, year: number): number {
  return sum((app.payments ?? []).filter((t) => t.paidAt && trancheYear(app, t) === year).map((t) => t.amount));
}

/** What `year` may receive in all: its committed amount (0 when it is not a year of the grant or not voted yet). */
export function yearCap(app: ConventionApp, year: number): number {
  const years = app.multiYear?.years ?? [];
  if (!years.length) return year === app.year ? (app.decision?.amount ?? 0) : 0;
  const y = years.find((x) => x.year === year);
  return y && y.status === 'COMMITTED' ? y.amount : 0;
}

/** The envelope that pays `year`. */
export function envelopeOfYear(app: ConventionApp, year: number): Types.ObjectId {
  const y = (app.multiYear?.years ?? []).find((x) => x.year === year);
  return (y?.envelope ?? app.decision!.envelope)!;
}

/**
 * Why a payment on `year` is refused before any amount is looked at: not a year of the grant, a year the
 * council has not voted, or the previous year's interim report missing. Null when it may be paid.
 */
export function paymentYearRefusal(app: Pick<App, 'year' | 'multiYear'>, year: number, field: string, opts: { interim?: boolean } = {}): AppError | null {
  const years = app.multiYear?.years ?? [];
  if (!years.length) {
    return year === app.year ? null : new AppError('BAD_USER_INPUT', `This grant covers ${app.year} only: a payment cannot be made on ${year}.`, { field });
  }
  const i = years.findIndex((y) => y.year === year);
  if (i < 0) {
    return new AppError('BAD_USER_INPUT', `The convention covers ${years.map((y) => y.year).join(', ')}: a payment cannot be made on ${year}.`, { field });
  }
  const y = years[i]!;
  if (y.status !== 'COMMITTED') {
    return new AppError(
      'CONVENTION_YEAR_NOT_VOTED',
      `The ${year} amount of this convention (${formatEuros(y.amount)}) is provisional until the council votes it (voteConventionYear): nothing can be paid on it yet.`,
      { field },
    );
  }
  const previous = years[i - 1];
  if (opts.interim !== false && previous && !previous.interimReport) {
    return new AppError(
      'INTERIM_REPORT_MISSING',
      `The ${previous.year} interim report is not submitted yet (submitInterimReport): payments of ${year} (${formatEuros(y.amount)}) wait for it.`,
      { field },
    );
  }
  return null;
}

/** PAYMENT_EXCEEDS_GRANT when `amount` more on `year` would exceed what the year was granted. */
export function checkYearPayment(app: ConventionApp, year: number, amount: number, field: string): void {
  const cap = yearCap(app, year);
  const paid = paidInYear(app, year);
  if (paid + amount <= cap) return;
  const multi = (app.multiYear?.years ?? []).length > 0;
  throw new AppError(
    'PAYMENT_EXCEEDS_GRANT',
    multi
      ? `${formatEuros(paid)} of the ${formatEuros(cap)} granted for ${year} are already paid: ${formatEuros(amount)} more would exceed that year's amount.`
      : `${formatEuros(paid)} of ${formatEuros(cap)} are already paid: ${formatEuros(amount)} more would exceed the grant.`,
    { field },
  );
}

/**
 * The database's re-check of checkYearPayment, for the payment's compare-and-set: the year's paid tranches
 * plus `amount` within the year's committed amount, whatever was paid meanwhile.
 */
export function yearPaymentGuard(app: Pick<App, 'year' | 'multiYear'>, year: number, amount: number): Record<string, unknown> {
  const paidInYearExpr = {
    $sum: {
      $map: {
        input: {
          $filter: {
            input: { $ifNull: ['$payments', []] },
            as: 't',
            cond: { $and: [{ $ne: [{ $ifNull: ['$$t.paidAt', null] }, null] }, { $eq: [{ $ifNull: ['$$t.year', app.year] }, year] }] },
          },
        },
        as: 't',
        in: '$$t.amount',
      },
    },
  };
  const multi = (app.multiYear?.years ?? []).length > 0;
  const cap = multi
    ? {
        $sum: {
          $map: {
            input: {
              $filter: {
                input: { $ifNull: ['$multiYear.years', []] },
                as: 'y',
                cond: { $and: [{ $eq: ['$$y.year', year] }, { $eq: ['$$y.status', 'COMMITTED'] }] },
              },
            },
            as: 'y',
            in: '$$y.amount',
          },
        },
      }
    : '$decision.amount';
  return { $lte: [{ $add: [paidInYearExpr, amount] }, cap] };
}

/** Checks a schedule: each tranche in a year that may be paid, and each year's tranches within its amount. */
export function checkSchedule(app: ConventionApp, tranches: { amount: number; year?: number | null }[]): void {
  const byYear = new Map<number, number>();
  tranches.forEach((t, i) => {
    const year = t.year ?? app.year;
    // A schedule may plan any year already voted (the interim report gates the payment, not the plan).
    const refusal = paymentYearRefusal(app, year, `tranches[${i}].year`, { interim: false });
    if (refusal) throw refusal;
    byYear.set(year, (byYear.get(year) ?? 0) + t.amount);
  });
  for (const [year, scheduled] of byYear) {
    const cap = yearCap(app, year);
    const paid = paidInYear(app, year);
    if (paid + scheduled > cap) {
      const multi = (app.multiYear?.years ?? []).length > 0;
      throw new AppError(
        'PAYMENT_EXCEEDS_GRANT',
        multi
          ? `The ${year} schedule adds up to ${formatEuros(paid + scheduled)} (payments made included), more than the ${formatEuros(cap)} granted for ${year}.`
          : `The schedule adds up to ${formatEuros(paid + scheduled)} (payments made included), more than the ${formatEuros(cap)} granted.`,
        { field: 'tranches' },
      );
    }
  }
}

/** The commitments an application holds in the envelopes: every committed year (or the one-year decision). */
export function heldCommitments(app: Pick<App, 'year' | 'decision' | 'multiYear'>): { envelope: Types.ObjectId; amount: number; year: number }[] {
  const years = app.multiYear?.years ?? [];
  if (!years.length)
    return app.decision?.envelope && app.decision.amount ? [{ envelope: app.decision.envelope, amount: app.decision.amount, year: app.year }] : [];
  return years.filter((y) => y.status === 'COMMITTED' && y.envelope).map((y) => ({ envelope: y.envelope!, amount: y.amount, year: y.year }));
}

/** True when `app` holds (or is voting) a commitment of `amount` on `envelope`. */
export function holdsCommitment(app: Pick<App, 'year' | 'decision' | 'multiYear'>, envelope: unknown, amount: number): boolean {
  const e = String(envelope);
  if (heldCommitments(app).some((c) => String(c.envelope) === e && c.amount === amount)) return true;
  return (app.multiYear?.years ?? []).some((y) => y.voting && String(y.voting.envelope) === e);
}
