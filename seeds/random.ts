import { luhnValid } from '../src/shared/identifiers';
// A small deterministic PRNG (mulberry32) so the demo data is the same on every machine and every run.
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    sample: <T>(list: readonly T[], n: number): T[] => {
      const copy = [...list];
      const out: T[] = [];
      while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

/** Appends the Luhn check digit to a string of digits. */
export function withLuhn(digits: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(digits + d)) return digits + d;
  throw new Error('unreachable');
}

/** A valid SIRET: a Luhn-valid SIREN, then a Luhn-valid 14-digit whole. */
export function fakeSiret(n: number): string {
  const siren = withLuhn(String(80000000 + n).padStart(8, '0'));
  return withLuhn(siren + '0001');
}

/** A valid-looking RNA number in the Bouches-du-Rhône range (W13...). */
export function fakeRna(n: number): string {
  return `W13${String(1000000 + n).padStart(7, '0')}`;
}
