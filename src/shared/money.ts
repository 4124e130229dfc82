// Money outside any one domain: the largest amount the API takes, and arithmetic on stored amounts that
// cannot fail, so a field computed from what someone else stored always answers.

/**
 * The largest Money the API accepts anywhere: 100,000,000,000.00 EUR (10^13 cents). No amount the city
 * handles comes near it, and 900 such amounts still add up to an exact integer (below 2^53).
 * Domains bound their own amounts far lower (a grant application: 1 billion EUR, see grants/kernel/money.ts).
 */
export const MAX_MONEY = 10_000_000_000_000;

/** GraphQL's Int: 32-bit signed. */
export const MAX_INT = 2_147_483_647;

/**
 * The sum of stored amounts (integer cents), stopping at 2^53-1: never a number that is not an exact
 * integer, whatever was stored (data written before the input bounds could add up beyond it).
 */
export function sumCents(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) {
    total += x;
    if (total >= Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  }
  return total;
}

/**
 * part / whole in basis points (10000 = 100%), rounded half up with exact integers, at most MAX_INT so it
 * fits GraphQL's Int (a share that large means the whole is next to nothing); null when whole is 0.
 */
export function basisPoints(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const p = BigInt(Math.max(0, part));
  const w = BigInt(whole);
  const bp = (p * 20000n + w) / (2n * w);
  return bp > BigInt(MAX_INT) ? MAX_INT : Number(bp);
}
