// The application's clock: "open today", deadlines and default date ranges depend on the date. Tests set
// `clock.now` instead of faking timers; production never touches it.
export const clock = {
  now: (): Date => new Date(),
};

const DAY_MS = 86_400_000;

/** Midnight UTC of the clock's current day. */
export function today(): Date {
  const t = clock.now().getTime();
  return new Date(t - (t % DAY_MS));
}
