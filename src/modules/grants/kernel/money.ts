// Money is integer cents; these helpers only validate and print, never compute with floats.
import { Problems } from '../../../errors/app-error';

/** 150000 -> "1,500.00 EUR" (integer arithmetic only). */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const euros = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${euros}.${digits.slice(-2)} EUR`;
}

/** Adds a problem unless `value` is a whole number of cents within [min, max]. */
export function checkAmount(problems: Problems, field: string, value: unknown, opts: { min?: number; max?: number } = {}): value is number {
  const min = opts.min ?? 1;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    problems.add(field, 'Amounts are whole numbers of euro cents (150000 = 1,500.00 EUR).');
    return false;
  }
  if (value < min) {
    problems.add(field, min === 1 ? 'The amount must be positive.' : `The amount must be at least ${formatEuros(min)}.`);
    return false;
  }
  if (opts.max !== undefined && value > opts.max) {
    problems.add(field, `The amount must be at most ${formatEuros(opts.max)}.`);
    return false;
  }
  return true;
}

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
