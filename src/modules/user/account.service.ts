// Self-service accounts: registration with a verified email, password recovery and change.
//
// Nothing here tells a caller whether an email has an account. register, resendVerificationEmail and
// requestPasswordReset give one reply, and do the same work before it whether or not the account exists:
// the same limiter points, the same bcrypt hash (register), the same single database command with other
// values (an upsert that inserts or finds; an update that matches one account or none). The email they
// cause is recorded in the outbox just after the reply's work, so its write cannot lengthen the reply
// (test/modules/user/enumeration.http.test.ts proves both: the commands, and the timing).
//
// One-time links carry 32 random bytes; the account stores only their SHA-256, the outbox seals the token
// until its email is sent (messaging/events.ts), and a link is spent by the single update that uses it.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { AppError, Problems } from '../../errors/app-error';
import type { Context } from '../../context';
import { signToken } from '../../auth/token';
import { clock } from '../../shared/clock';
import { publishQuietly, type MessagingEvent } from '../messaging/events';
import { checkNewPassword } from './password-policy';
import { UserModel, type UserDoc } from './user.model';
import { hashPassword, isEmail } from './user.service';

export const VERIFY_TTL_MS = 24 * 3600_000;
export const RESET_TTL_MS = 3600_000;
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const MAX_TOKEN_LENGTH = 200;

/** The one reply of the requests that must not tell whether an account exists. */
export const ACCOUNT_REQUEST_REPLY = {
  register: 'If this address can be used, we have sent an email to it: open its link to activate your account.',
  resend: 'If an account awaiting verification uses this address, we have sent it a new link.',
  reset: 'If an account uses this address, we have sent it a link to choose a new password. The link works once, within an hour.',
} as const;

export type OneTimeKind = 'VERIFY' | 'RESET' | 'INVITATION';

export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A fresh link token (for the email only) and what the account stores of it. */
export function oneTimeToken(kind: OneTimeKind, ttlMs: number): { token: string; stored: { hash: string; expiresAt: Date; kind: OneTimeKind } } {
  const token = randomBytes(32).toString('base64url');
  return { token, stored: { hash: tokenHash(token), expiresAt: new Date(clock.now().getTime() + ttlMs), kind } };
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

// Emails recorded after the reply: kept here so tests (and a graceful stop) can wait for them.
const recording = new Set<Promise<unknown>>();

/**
 * Records the email once the response is sent (ctx.afterResponse), so neither its database writes nor its
 * sealing run while the reply is on its way: they would make the reply slower for real accounts only.
 */
function recordAfterReply(ctx: Context, event: MessagingEvent): void {
  let start!: () => void;
  const done: Promise<unknown> = new Promise<void>((resolve) => (start = resolve)).then(() => publishQuietly(event)).finally(() => recording.delete(done));
  recording.add(done);
  ctx.afterResponse(start);
}

/** Resolves when every account email started so far is recorded in the outbox. */
export async function accountEmailsRecorded(): Promise<void> {
  while (recording.size) await Promise.all([...recording]);
}

function checkEmail(problems: Problems, field: string, raw: string | null | undefined): string {
  const email = normaliseEmail(raw ?? '');
  if (!email) problems.add(field, 'Enter your email address.');
  else if (email.length > 254 || !isEmail(email)) problems.add(field, 'Enter a valid email address, like name@example.fr.');
  return email;
}

export function checkDisplayName(problems: Problems, field: string, raw: string | null | undefined): string {
  const name = (raw ?? '').trim();
  if (!name) problems.add(field, 'Enter the name other people will see.');
  else if (name.length > 120) problems.add(field, `The name is limited to 120 characters (got ${name.length}).`);
  else if (/[\u0000-\u001f\u007f]/.test(name)) problems.add(field, 'The name cannot contain control characters.');
  return name;
}

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
}

/**
 * Creates a MEMBER account awaiting verification and emails its link; when the email already has an
 * account, nothing changes and its owner is told someone tried. Same reply, same work, either way.
 */
export async function register(ctx: Context, input: RegisterInput): Promise<string> {
  const p = new Problems();
  const email = checkEmail(p, 'input.email', input.email);
  const name = checkDisplayName(p, 'input.displayName', input.displayName);
  checkNewPassword(p, 'input.password', input.password ?? '', email, name);
  p.throwIfAny();
  await ctx.accountRequests?.(email, 'input.email');

  const passwordHash = await hashPassword(input.password, ctx.config.bcryptCost);
  const { token, stored } = oneTimeToken('VERIFY', VERIFY_TTL_MS);
  const now = clock.now();
  let created = false;
  try {
    // One command either way: it inserts the account, or finds the existing one and changes nothing.
    const res = await UserModel.updateOne(
      { email },
      {
        $setOnInsert: {
          email,
          name,
          role: 'MEMBER',
          passwordHash,
          memberships: [],
          tokenVersion: 0,
          disabled: false,
          emailVerified: false,
          verification: stored,
          createdAt: now,
          updatedAt: now,
        },
      },
      { upsert: true, timestamps: false },
    );
    created = res.upsertedCount === 1;
  } catch (err) {
    // Two registrations of one new address at once: the other one created it.
    if ((err as { code?: number }).code !== 11000) throw err;
  }
  recordAfterReply(
    ctx,
    created
      ? { type: 'account.verify_email', key: `verify:${stored.hash.slice(0, 32)}`, recipients: [{ email }], data: {}, secret: { token } }
      : { type: 'account.register_attempt', key: `register-attempt:${randomUUID()}`, recipients: [{ email }], data: {} },
  );
  return ACCOUNT_REQUEST_REPLY.register;
}

const badLink = (field: string, again: string) => new AppError('BAD_USER_INPUT', `This link is invalid, already used or expired. ${again}`, { field });

function checkToken(token: string | null | undefined, field: string, again: string): string {
  const t = (token ?? '').trim();
  if (!t || t.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(t)) throw badLink(field, again);
  return t;
}

/** Spends a verification link: the account becomes active. Works once, before its expiry. */
export async function verifyEmail(token: string): Promise<UserDoc> {
  const again = 'Ask for a new one with resendVerificationEmail.';
  const hash = tokenHash(checkToken(token, 'token', again));
  const user = await UserModel.findOneAndUpdate(
    { 'verification.hash': hash, 'verification.expiresAt': { $gt: clock.now() } },
    { $set: { emailVerified: true }, $unset: { verification: 1 } },
    { returnDocument: 'after' },
  ).lean<UserDoc>();
  if (!user) throw badLink('token', again);
  return user;
}

/** A new verification link for an account still awaiting it; the same reply and work for any address. */
export async function resendVerificationEmail(ctx: Context, rawEmail: string): Promise<string> {
  const p = new Problems();
  const email = checkEmail(p, 'email', rawEmail);
  p.throwIfAny();
  await ctx.accountRequests?.(email, 'email');
  const { token, stored } = oneTimeToken('VERIFY', VERIFY_TTL_MS);
  const res = await UserModel.updateOne({ email, emailVerified: false, disabled: { $ne: true } }, { $set: { verification: stored } }, { timestamps: false });
  if (res.matchedCount) {
    recordAfterReply(ctx, { type: 'account.verify_email', key: `verify:${stored.hash.slice(0, 32)}`, recipients: [{ email }], data: {}, secret: { token } });
  }
  return ACCOUNT_REQUEST_REPLY.resend;
}

/** A password-reset link, valid an hour, for the account of `email` if there is one; the same reply either way. */
export async function requestPasswordReset(ctx: Context, rawEmail: string): Promise<string> {
  const p = new Problems();
  const email = checkEmail(p, 'email', rawEmail);
  p.throwIfAny();
  await ctx.accountRequests?.(email, 'email');
  const { token, stored } = oneTimeToken('RESET', RESET_TTL_MS);
  const res = await UserModel.updateOne({ email, disabled: { $ne: true } }, { $set: { passwordReset: stored } }, { timestamps: false });
  if (res.matchedCount) {
    recordAfterReply(ctx, { type: 'account.password_reset', key: `reset:${stored.hash.slice(0, 32)}`, recipients: [{ email }], data: {}, secret: { token } });
  }
  return ACCOUNT_REQUEST_REPLY.reset;
}

/** Tells the account's owner their password changed (a security email: it cannot be turned off). */
async function announcePasswordChange(user: Pick<UserDoc, '_id' | 'tokenVersion'>, at: Date, how: 'RESET' | 'CHANGED'): Promise<void> {
  await publishQuietly({
    type: 'account.password_changed',
    key: `${user._id}:password:${user.tokenVersion ?? 0}`,
    recipients: [{ userId: String(user._id) }],
    data: { changedAt: at.toISOString(), how },
  });
}

/**
 * Spends a reset (or invitation) link: sets the password, confirms the email (the link reached it), and
 * revokes every session token issued before (the token version moves on). Works once, before expiry.
 */
export async function resetPassword(ctx: Context, token: string, newPassword: string): Promise<UserDoc> {
  const again = 'Ask for a new one with requestPasswordReset.';
  const hash = tokenHash(checkToken(token, 'token', again));
  const now = clock.now();
  const pending = await UserModel.findOne(
    { 'passwordReset.hash': hash, 'passwordReset.expiresAt': { $gt: now }, disabled: { $ne: true } },
    { email: 1, name: 1, passwordReset: 1 },
  ).lean<Pick<UserDoc, '_id' | 'email' | 'name' | 'passwordReset'>>();
  if (!pending) throw badLink('token', again);
  const p = new Problems();
  checkNewPassword(p, 'newPassword', newPassword ?? '', pending.email, pending.name);
  p.throwIfAny();
  const passwordHash = await hashPassword(newPassword, ctx.config.bcryptCost);
  // The link is spent by this one update: a second use (or a concurrent one) finds no matching hash.
  const user = await UserModel.findOneAndUpdate(
    { _id: pending._id, 'passwordReset.hash': hash, 'passwordReset.expiresAt': { $gt: now } },
    { $set: { passwordHash, emailVerified: true, passwordChangedAt: now }, $unset: { passwordReset: 1, verification: 1 }, $inc: { tokenVersion: 1 } },
    { returnDocument: 'after' },
  ).lean<UserDoc>();
  if (!user) throw badLink('token', again);
  if (pending.passwordReset?.kind !== 'INVITATION') await announcePasswordChange(user, now, 'RESET');
  return user;
}

/**
 * The signed-in person changes their password: the current one is checked (counted by the sign-in limits),
 * every other session is revoked, and this one gets a fresh token.
 */
export async function changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<{ token: string; user: UserDoc }> {
  const viewer = ctx.viewer!;
  const p = new Problems();
  if (!currentPassword) p.add('currentPassword', 'Enter your current password.');
  if (newPassword && currentPassword && newPassword === currentPassword) p.add('newPassword', 'Choose a password different from the current one.');
  else checkNewPassword(p, 'newPassword', newPassword ?? '', viewer.email, viewer.name);
  p.throwIfAny();
  const attempt = ctx.signIn ? await ctx.signIn(viewer.email) : null;
  const stored = await UserModel.findById(viewer.id).select('+passwordHash').lean<UserDoc>();
  if (!stored) throw new AppError('UNAUTHENTICATED', 'This session is no longer valid. Sign in again.', { field: 'authorization' });
  if (currentPassword.length > 200 || !(await bcrypt.compare(currentPassword, stored.passwordHash))) {
    await attempt?.failed();
    throw new AppError('BAD_USER_INPUT', 'The current password is not correct.', { field: 'currentPassword' });
  }
  await attempt?.succeeded();
  const passwordHash = await hashPassword(newPassword, ctx.config.bcryptCost);
  const now = clock.now();
  // Only if nobody changed the password meanwhile (a reset, another change): compare-and-set on the hash.
  const user = await UserModel.findOneAndUpdate(
    { _id: stored._id, passwordHash: stored.passwordHash },
    { $set: { passwordHash, passwordChangedAt: now }, $unset: { passwordReset: 1 }, $inc: { tokenVersion: 1 } },
    { returnDocument: 'after' },
  ).lean<UserDoc>();
  if (!user) throw new AppError('CONFLICT', 'Your password was changed meanwhile. Sign in again with the new one.', { field: 'currentPassword' });
  await announcePasswordChange(user, now, 'CHANGED');
  const token = signToken({ sub: String(user._id), role: user.role, ver: user.tokenVersion ?? 0 }, ctx.config.jwtSecret, ctx.config.jwtTtlSeconds);
  return { token, user };
}
