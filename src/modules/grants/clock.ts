// The grants' clock: "open today" and report deadlines depend on the date. Tests set `clock.now`
// instead of faking timers; production never touches it.
export const clock = {
  now: (): Date => new Date(),
};

const DAY_MS = 86_400_000;

/** Midnight UTC of the clock's current day. */
export function today(): Date {
  const t = clock.now().getTime();
  return new Date(t - (t % DAY_MS));
}

/** The final report deadline of a grant funding `year`: 6 months after the end of that year (30 June of year + 1). */
export function reportDeadline(year: number): Date {
  return new Date(Date.UTC(year + 1, 5, 30));
}
