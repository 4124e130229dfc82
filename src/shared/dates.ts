// Calendar days as the API writes them ('YYYY-MM-DD', in UTC), and the programme years it accepts.
import type { Problems } from '../errors/app-error';

/** 'YYYY-MM-DD' -> midnight UTC of that day (the input is already checked by the Date scalar). */
export const startOfDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** A date -> its UTC day, 'YYYY-MM-DD'. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The programme years the product knows (grants, coverage, open data). */
export const YEARS = { min: 2000, max: 2100 } as const;

export const isKnownYear = (year: unknown): year is number => typeof year === 'number' && Number.isInteger(year) && year >= YEARS.min && year <= YEARS.max;

/** Adds the problem on `field` when `year` is not a known programme year; true when it is. */
export function checkYear(year: unknown, field: string, p: Problems): year is number {
  if (isKnownYear(year)) return true;
  p.add(field, `The year must be between ${YEARS.min} and ${YEARS.max}.`);
  return false;
}
