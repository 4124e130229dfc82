// Money is integer cents; these helpers only validate and print, never compute with floats.
import { Problems } from '../../../errors/app-error';
import { sumCents } from '../../../shared/money';

/**
 * The most an application may hold: 1,000,000,000.00 EUR (10^11 cents), for any one of its amounts (request,
 * budget line, co-funder, grant, tranche, payment, amount spent) and for any sum of its lines (the expenses,
 * the income, the co-funders, the amounts spent). Every sum an application leads to stays an exact integer.
 */
export const MAX_APPLICATION_AMOUNT = 100_000_000_000;

/** 150000 -> "1,500.00 EUR" (integer arithmetic only). */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const euros = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${euros}.${digits.slice(-2)} EUR`;
}

/** Adds a problem unless `value` is a whole number of cents within [min, max] (max: MAX_APPLICATION_AMOUNT unless given). */
export function checkAmount(problems: Problems, field: string, value: unknown, opts: { min?: number; max?: number } = {}): value is number {
  const min = opts.min ?? 1;
  const max = opts.max ?? MAX_APPLICATION_AMOUNT;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    problems.add(field, 'Amounts are whole numbers of euro cents (150000 = 1,500.00 EUR).');
    return false;
  }
  if (value < min) {
    problems.add(field, min === 1 ? 'The amount must be positive.' : `The amount must be at least ${formatEuros(min)}.`);
    return false;
  }
  if (value > max) {
    problems.add(field, `The amount must be at most ${formatEuros(max)} (${max.toLocaleString('en')} cents).`);
    return false;
  }
  return true;
}

/**
 * Adds a problem on `field` when the amounts (each already checked) add up to more than an application may
 * hold; `what` names them ("expense lines"). True when within the bound.
 */
export function checkTotal(problems: Problems, field: string, what: string, amounts: readonly number[]): boolean {
  const total = sum(amounts);
  if (total <= MAX_APPLICATION_AMOUNT) return true;
  problems.add(field, `The ${what} add up to ${formatEuros(total)}, above the ${formatEuros(MAX_APPLICATION_AMOUNT)} an application may hold.`);
  return false;
}

/** A sum of amounts; it stops at 2^53-1 cents, so even data stored before the bounds gives an exact integer. */
export const sum = sumCents;
