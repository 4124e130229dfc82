// Administering accounts: an admin creates an account (the person chooses their password from an emailed
// invitation link), changes roles, disables accounts and lists them.
//
// Invariant: at least one active admin remains. Demoting or disabling an admin runs under the admins'
// guard, a single lease document taken with one conditional update; inside it, the count of the other
// active admins and the change are made by one holder at a time, so two admins demoting each other at once
// leave one admin (test/modules/user/admin.http.test.ts races them over HTTP).
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Schema, model } from 'mongoose';
import { AppError, notFound, Problems } from '../../errors/app-error';
import type { Context } from '../../context';
import { ROLES, type Role } from '../../auth/viewer';
import { toObjectId } from '../../shared/ids';
import { paginate, type PageArgs } from '../../shared/pagination';
import { publishQuietly } from '../messaging/events';
import { checkDisplayName, INVITATION_TTL_MS, normaliseEmail, oneTimeToken } from './account.service';
import { UserModel, type UserDoc } from './user.model';
import { hashPassword, isEmail } from './user.service';

/** The admins' guard: one document, held by one change to the admins at a time, for at most LEASE_MS. */
const adminGuardSchema = new Schema(
  { _id: { type: String }, holder: { type: String, default: null }, until: { type: Date } },
  { versionKey: false, collection: 'admin_guard' },
);
const AdminGuardModel = model('AdminGuard', adminGuardSchema);
const GUARD_ID = 'admins';
const LEASE_MS = 10_000;
const GUARD_WAIT_MS = 5_000;

async function withAdminGuard<T>(work: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  const giveUpAt = Date.now() + GUARD_WAIT_MS;
  for (;;) {
    const now = new Date();
    try {
      // Free (released or its lease over): take it. Held: the filter misses, the upsert collides (E11000).
      const taken = await AdminGuardModel.findOneAndUpdate(
        { _id: GUARD_ID, $or: [{ holder: null }, { until: { $lte: now } }] },
        { $set: { holder, until: new Date(now.getTime() + LEASE_MS) } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      if (taken?.holder === holder) break;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    if (Date.now() > giveUpAt) throw new AppError('CONFLICT', 'Another change to the administrators is in progress. Try again in a moment.', { field: 'id' });
    await sleep(5 + Math.random() * 20);
  }
  try {
    return await work();
  } finally {
    await AdminGuardModel.updateOne({ _id: GUARD_ID, holder }, { $set: { holder: null } });
  }
}

export interface CreateAccountInput {
  email: string;
  displayName: string;
  role: Role;
}

/** An admin creates an account; its owner sets the first password from the invitation link (valid a week). */
export async function createAccount(ctx: Context, input: CreateAccountInput): Promise<UserDoc> {
  const p = new Problems();
  const email = normaliseEmail(input.email ?? '');
  if (!email || email.length > 254 || !isEmail(email)) p.add('input.email', 'Enter a valid email address, like name@example.fr.');
  const name = checkDisplayName(p, 'input.displayName', input.displayName);
  if (!ROLES.includes(input.role)) p.add('input.role', `Choose a role: ${ROLES.join(', ')}.`);
  p.throwIfAny();
  const { token, stored } = oneTimeToken('INVITATION', INVITATION_TTL_MS);
  // Nobody knows this password: the account opens only through the invitation link.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'), ctx.config.bcryptCost);
  let user: UserDoc;
  try {
    const doc = await UserModel.create({ email, name, role: input.role, passwordHash, emailVerified: false, passwordReset: stored });
    user = doc.toObject() as UserDoc;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw new AppError('CONFLICT', 'An account already uses this email address.', { field: 'input.email' });
    throw err;
  }
  await publishQuietly({
    type: 'account.invitation',
    key: `invitation:${stored.hash.slice(0, 32)}`,
    recipients: [{ userId: String(user._id) }],
    data: { role: user.role, invitedByName: ctx.viewer?.name ?? null },
    secret: { token },
  });
  return user;
}

export interface UpdateAccountInput {
  role?: Role | null;
  disabled?: boolean | null;
}

/** Changes an account's role or disables it; a disabled account's tokens stop working at once. */
export async function updateAccount(ctx: Context, id: unknown, input: UpdateAccountInput): Promise<UserDoc> {
  const userId = toObjectId(id, 'id');
  const p = new Problems();
  if (input.role !== undefined && input.role !== null && !ROLES.includes(input.role)) p.add('input.role', `Choose a role: ${ROLES.join(', ')}.`);
  if (input.role === null) p.add('input.role', 'A role cannot be removed: choose one.');
  if (input.disabled === null) p.add('input.disabled', 'Say true or false.');
  p.throwIfAny();
  const target = await UserModel.findById(userId).lean<UserDoc>();
  if (!target) throw notFound('User');

  const set: Record<string, unknown> = {};
  if (input.role && input.role !== target.role) set.role = input.role;
  if (typeof input.disabled === 'boolean' && input.disabled !== !!target.disabled) set.disabled = input.disabled;
  if (!Object.keys(set).length) return target;
  // Disabled, or its role changed: every token issued before stops working (viewerFromToken checks the version).
  const update = { $set: set, $inc: { tokenVersion: 1 } };
  const apply = async () => {
    const updated = await UserModel.findOneAndUpdate({ _id: userId }, update, { returnDocument: 'after' }).lean<UserDoc>();
    if (!updated) throw notFound('User');
    return updated;
  };
  const losesAdmin = target.role === 'ADMIN' && !target.disabled && (set.role !== undefined || set.disabled === true);
  if (!losesAdmin) return apply();
  return withAdminGuard(async () => {
    const others = await UserModel.countDocuments({ _id: { $ne: userId }, role: 'ADMIN', disabled: { $ne: true } });
    if (!others) {
      const field = set.disabled === true ? 'input.disabled' : 'input.role';
      throw new AppError('CONFLICT', 'This is the last active admin: make another account admin first.', { field });
    }
    return apply();
  });
}

export interface UserFilter {
  role?: Role | null;
  search?: string | null;
  disabled?: boolean | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Accounts for admins, by email, filtered by role, state, and a piece of email or name. */
export async function listAccounts(filter: UserFilter | null | undefined, page: PageArgs) {
  const p = new Problems();
  const match: Record<string, unknown> = {};
  if (filter?.role) {
    if (!ROLES.includes(filter.role)) p.add('filter.role', `Choose a role: ${ROLES.join(', ')}.`);
    else match.role = filter.role;
  }
  if (typeof filter?.disabled === 'boolean') match.disabled = filter.disabled ? true : { $ne: true };
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > 100) p.add('filter.search', 'The search text is limited to 100 characters.');
    else {
      const re = new RegExp(escapeRegExp(search), 'i');
      match.$or = [{ email: re }, { name: re }];
    }
  }
  p.throwIfAny();
  return paginate<UserDoc>(UserModel, { match, sort: [{ field: 'email', direction: 1 }], args: page });
}
