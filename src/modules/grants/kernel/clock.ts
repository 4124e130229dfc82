// The grants' dates: the application's clock (shared, so every module reads the same one) and the
// report deadline rule.
export { clock, today } from '../../../shared/clock';

/** The final report deadline of a grant funding `year`: 6 months after the end of that year (30 June of year + 1). */
export function reportDeadline(year: number): Date {
  return new Date(Date.UTC(year + 1, 5, 30));
}
