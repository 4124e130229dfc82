// Limits of the requests that send an account email (registration, verification resend, password-reset
// request): per email address and per client address, in one window. The email's counter is kept under a
// hash of the normalised address, and it counts whether or not an account uses it, so a refusal says
// nothing about accounts.
import { RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error';
import type { Logger } from '../shared/logger';
import type { AccountRequestGate } from '../modules/user/user.service';
import { accountKey } from './sign-in-limits';
import { retryAfterSeconds, type Limits } from './rate-limit';

/**
 * The gate of one request's account emails, from `address`: one point on the email and one on the address
 * (the kind of request shares the budget: a resend and a reset of one address count together). RATE_LIMITED
 * on the field at fault when either is spent; a failing store lets the request through.
 */
export function accountRequestGate(limits: Limits, log: Logger, address: string): AccountRequestGate {
  return async (email, field) => {
    const refusals: RateLimiterRes[] = [];
    for (const [limiter, key] of [
      [limits.accountPerAddress, address],
      [limits.accountPerEmail, accountKey(email)],
    ] as const) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) refusals.push(err);
        else log.warn({ err }, 'rate-limit store failed; account request let through');
      }
    }
    if (!refusals.length) return;
    const wait = Math.max(...refusals.map(retryAfterSeconds));
    throw new AppError('RATE_LIMITED', `Too many requests for this email address or from this address. Try again in ${wait} seconds.`, {
      field,
      extra: { retryAfterSeconds: wait },
    });
  };
}
