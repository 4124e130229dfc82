// Accounts and sign-in. Passwords are hashed with bcrypt; a failed sign-in takes as long whether or
// not the account exists, and says the same thing, so emails cannot be enumerated.
import bcrypt from 'bcryptjs';
import { Types } from 'mongoose';
import { AppError, Problems } from '../../errors/app-error';
import { signToken, verifyToken } from '../../auth/token';
import type { MembershipRole, Role, Viewer } from '../../auth/viewer';
import { UserModel, type UserDoc } from './user.model';

export interface AuthDeps {
  jwtSecret: string;
  jwtTtlSeconds: number;
  bcryptCost: number;
}

// Compared against when the account does not exist, at the configured cost: the cost real hashes have, or
// get at their owner's next sign-in (see login).
const dummyHashes = new Map<number, Promise<string>>();
export function dummyHash(cost: number): Promise<string> {
  let h = dummyHashes.get(cost);
  if (!h) dummyHashes.set(cost, (h = bcrypt.hash('no-such-account', cost)));
  return h;
}

/** The cost a bcrypt hash was made with (`$2b$12$...` -> 12); null when the text is not a bcrypt hash. */
export function hashCost(hash: string): number | null {
  try {
    return bcrypt.getRounds(hash);
  } catch {
    return null;
  }
}

/**
 * The abuse limits around one sign-in (src/ops/sign-in-limits.ts), for the account as the resolver received
 * it: refuses or slows down before the password is checked, and is told the outcome after.
 */
export type SignInGate = (email: string) => Promise<{ succeeded(): Promise<void>; failed(): Promise<void> }>;
/**
 * The limits of requests that send an account email (src/ops/account-limits.ts): throws RATE_LIMITED on
 * `field` when this email, or this client address, has spent its budget.
 */
export type AccountRequestGate = (email: string, field: string) => Promise<void>;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function toViewer(user: Pick<UserDoc, '_id' | 'email' | 'name' | 'role' | 'memberships'>): Viewer {
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    role: user.role as Role,
    memberships: (user.memberships ?? []).filter((m) => m.status !== 'INVITED').map(toMembership),
    invitations: (user.memberships ?? []).filter((m) => m.status === 'INVITED').map(toMembership),
  };
}

function toMembership(m: UserDoc['memberships'][number]) {
  return { organisationId: String(m.organisation), role: m.role as MembershipRole, title: m.title ?? null };
}

export async function login(email: string, password: string, deps: AuthDeps & { gate?: SignInGate | null }) {
  const problems = new Problems();
  if (!email.trim()) problems.add('email', 'Enter your email address.');
  if (!password) problems.add('password', 'Enter your password.');
  if (email.length > 254 || password.length > 200) problems.add('password', 'Email or password is incorrect.', 'UNAUTHENTICATED');
  problems.throwIfAny();

  // The limits see the email as executed (a variable, its default or a literal: whatever the operation said).
  const attempt = deps.gate ? await deps.gate(email) : null;
  const user = await UserModel.findOne({ email: email.trim().toLowerCase() }).select('+passwordHash').lean();
  const hash = user?.passwordHash ?? (await dummyHash(deps.bcryptCost));
  const ok = await bcrypt.compare(password, hash);
  if (!user || !ok || user.disabled) {
    await equaliseRefusal(password, hashCost(hash), deps.bcryptCost);
    await attempt?.failed();
    throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect.', { field: 'password' });
  }
  await attempt?.succeeded();
  // Said only to someone who gave the right password, so it tells a stranger nothing about the account.
  if (user.emailVerified === false) {
    throw new AppError(
      'EMAIL_NOT_VERIFIED',
      'Confirm your email address first: open the link we emailed you, or ask for a new one with resendVerificationEmail.',
      { field: 'email' },
    );
  }
  // A hash made at another cost (BCRYPT_COST changed, or data seeded elsewhere) is made again at the
  // configured one while the password is at hand; only if nobody changed it meanwhile.
  if (hashCost(user.passwordHash) !== deps.bcryptCost) {
    const fresh = await hashPassword(password, deps.bcryptCost);
    await UserModel.updateOne({ _id: user._id, passwordHash: user.passwordHash }, { $set: { passwordHash: fresh } });
  }
  const token = signToken({ sub: String(user._id), role: user.role, ver: user.tokenVersion ?? 0 }, deps.jwtSecret, deps.jwtTtlSeconds);
  return { token, user: toViewer(user) };
}

/** The viewer behind a token, checked against the account as it is now (disabled, revoked, role changed). */
export async function viewerFromToken(token: string, secret: string): Promise<Viewer> {
  const claims = verifyToken(token, secret);
  if (!Types.ObjectId.isValid(claims.sub)) {
    throw new AppError('UNAUTHENTICATED', 'The access token is invalid. Sign in again.', { field: 'authorization' });
  }
  const user = await UserModel.findById(claims.sub).lean();
  if (!user || user.disabled || (user.tokenVersion ?? 0) !== claims.ver) {
    throw new AppError('UNAUTHENTICATED', 'This session is no longer valid. Sign in again.', { field: 'authorization' });
  }
  return toViewer(user);
}

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
}

/** Creates an account (seeds, admin tools). Validates like any other input. */
export async function createUser(input: CreateUserInput, cost: number) {
  const problems = new Problems();
  if (!EMAIL.test(input.email)) problems.add('email', 'Enter a valid email address.');
  if (input.password.length < 10) problems.add('password', 'A password needs at least 10 characters.');
  if (!input.name.trim()) problems.add('name', 'Enter a name.');
  problems.throwIfAny();
  const passwordHash = await hashPassword(input.password, cost);
  return UserModel.create({ email: input.email, name: input.name, role: input.role, passwordHash });
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/**
 * A refusal takes as long whatever the stored hash's cost: a hash cheaper than the configured cost (not yet
 * re-made at its owner's sign-in) is topped up with comparisons at costs stored..configured-1, whose work
 * adds up to the difference (2^s + 2^s + 2^(s+1) + ... + 2^(C-1) = 2^C), so a known email answers no sooner
 * than an unknown one, compared at the configured cost.
 */
async function equaliseRefusal(password: string, storedCost: number | null, configuredCost: number): Promise<void> {
  if (storedCost === null || storedCost >= configuredCost) return;
  for (let cost = storedCost; cost < configuredCost; cost++) await bcrypt.compare(password, await dummyHash(cost));
}
