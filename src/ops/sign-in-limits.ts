// Sign-in limits, after OWASP's Authentication Cheat Sheet: failures are counted, not attempts (a right
// password refunds its provisional point); one address is refused beyond its failures, and so is one
// address against one account; one account, attacked from many addresses, is slowed down, never locked:
// the right password always gets in from an address that has not spent its own budget.
//
// The gate is called by the login service with the email as executed (a variable, its default value or a
// literal in the operation), so no way of writing the operation escapes it.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { AppError } from '../errors/app-error';
import type { Logger } from '../shared/logger';
import type { SignInGate } from '../modules/user/user.service';
import { retryAfterSeconds, type Limits } from './rate-limit';

export type SignInConfig = Pick<Config, 'loginMaxAttempts' | 'loginMaxDelaySeconds'>;

/** Counter key of an account: the email as the sign-in matches it, hashed so counters hold no personal data. */
export function accountKey(email: string): string {
  const normalised = email.trim().toLowerCase().slice(0, 320);
  return createHash('sha256').update(normalised).digest('base64url').slice(0, 32);
}

/**
 * How long an attempt on an account waits, given its failures in the window from every address: nothing up
 * to LOGIN_MAX_ATTEMPTS, then 1 s doubling with each further failure, at most LOGIN_MAX_DELAY_SECONDS.
 */
export function accountDelayMs(failures: number, config: SignInConfig): number {
  if (failures < config.loginMaxAttempts) return 0;
  const exponent = Math.min(failures - config.loginMaxAttempts, 30);
  return Math.min(2 ** exponent, config.loginMaxDelaySeconds) * 1000;
}

/** The store failed (not a refusal): the sign-in goes on, limited by the in-memory insurance or not at all. */
function storeFailed(log: Logger, err: unknown): void {
  log.warn({ err }, 'rate-limit store failed; sign-in let through');
}

/**
 * The gate of one request's sign-ins, from `address`. Before the password is checked: one provisional point
 * on the address and on the (account, address) pair, refused with RATE_LIMITED when either budget is spent;
 * then the account's delay. After: a success refunds both points and forgets the pair's failures; a failure
 * keeps them and adds one to the account's failures.
 */
export function signInGate(limits: Limits, config: SignInConfig, log: Logger, address: string): SignInGate {
  return async (email) => {
    const account = accountKey(email);
    const pair = `${account}:${address}`;
    const charged: { limiter: Limits['loginPerPair']; key: string }[] = [];
    const refusals: RateLimiterRes[] = [];
    for (const [limiter, key] of [
      [limits.loginPerAddress, address],
      [limits.loginPerPair, pair],
    ] as const) {
      try {
        await limiter.consume(key);
        charged.push({ limiter, key });
      } catch (err) {
        if (err instanceof RateLimiterRes) refusals.push(err);
        else storeFailed(log, err);
      }
    }
    if (refusals.length) {
      // A refused attempt is not a failure: give back what this one took.
      await Promise.all(charged.map((c) => c.limiter.reward(c.key, 1).catch((err: unknown) => storeFailed(log, err))));
      const wait = Math.max(...refusals.map(retryAfterSeconds));
      throw new AppError('RATE_LIMITED', `Too many failed sign-ins from this address. Try again in ${wait} seconds.`, {
        field: 'email',
        extra: { retryAfterSeconds: wait },
      });
    }

    let failures = 0;
    try {
      failures = (await limits.loginAccountFailures.get(account))?.consumedPoints ?? 0;
    } catch (err) {
      storeFailed(log, err);
    }
    const delay = accountDelayMs(failures, config);
    if (delay) await sleep(delay);

    return {
      async succeeded() {
        const refunds = charged.map((c) => (c.limiter === limits.loginPerPair ? c.limiter.delete(c.key) : c.limiter.reward(c.key, 1)));
        await Promise.all(refunds).catch((err: unknown) => storeFailed(log, err));
      },
      async failed() {
        await limits.loginAccountFailures.penalty(account, 1).catch((err: unknown) => storeFailed(log, err));
      },
    };
  };
}
