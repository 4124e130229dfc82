// Test data with overrides. Ids and identifiers are unique per call; nothing depends on seed order.
import { Types } from 'mongoose';
import { signToken } from '../../src/auth/token';
import type { MembershipRole, Role } from '../../src/auth/viewer';
import { testConfig } from '../../src/config';
import { UserModel } from '../../src/modules/user/user.model';
import { hashPassword } from '../../src/modules/user/user.service';
import { OrganisationModel, type OrganisationDoc } from '../../src/modules/organisation/organisation.model';
import { foldText } from '../../src/shared/text';
import { fakeRna, fakeSiret } from '../../seeds/random';
import { seedReference } from '../../seeds/reference';

let counter = 0;
const next = () => ++counter + Math.floor(Math.random() * 1000) * 1000;

export const TEST_PASSWORD = 'correct horse battery';

/** Signs a token for a user, as `login` would. */
export function tokenFor(user: { _id: unknown; role: string; tokenVersion?: number | null }): string {
  const config = testConfig();
  return signToken({ sub: String(user._id), role: user.role, ver: user.tokenVersion ?? 0 }, config.jwtSecret, config.jwtTtlSeconds);
}

let cachedHash: Promise<string> | null = null;

export async function makeUser(
  opts: {
    role?: Role;
    email?: string;
    name?: string;
    memberOf?: { organisation: unknown; role?: MembershipRole }[];
  } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD, 4);
  const n = next();
  const user = await UserModel.create({
    email: opts.email ?? `user${n}@example.test`,
    name: opts.name ?? `User ${n}`,
    role: opts.role ?? 'MEMBER',
    passwordHash: await cachedHash,
    memberships: (opts.memberOf ?? []).map((m) => ({ organisation: m.organisation, role: m.role ?? 'EDITOR' })),
  });
  return { user, token: tokenFor(user), id: String(user._id) };
}

/** One account of each role; `member` belongs to `memberOf` when given. */
export async function makeRoles(memberOf?: unknown) {
  return {
    admin: await makeUser({ role: 'ADMIN' }),
    officer: await makeUser({ role: 'OFFICER' }),
    coordinator: await makeUser({ role: 'COORDINATOR' }),
    member: await makeUser({ role: 'MEMBER', memberOf: memberOf ? [{ organisation: memberOf, role: 'MANAGER' }] : [] }),
    outsider: await makeUser({ role: 'MEMBER' }),
  };
}

export async function makeOrganisation(overrides: Partial<Record<keyof OrganisationDoc, unknown>> = {}): Promise<OrganisationDoc> {
  const n = next();
  const name = (overrides.name as string) ?? `Association Test ${n}`;
  const fields: Record<string, unknown> = {
    name,
    nameKey: foldText(name),
    legalForm: 'ASSOCIATION',
    rna: fakeRna(500000 + n),
    description: 'Une association de test pour les essais automatisés.',
    location: { type: 'Point', coordinates: [5.4474, 43.5283] },
    isPublic: true,
    status: 'ACTIVE',
    ...overrides,
  };
  const doc = await OrganisationModel.create(fields);
  return doc.toObject() as OrganisationDoc;
}

export { fakeRna, fakeSiret, seedReference };
export const newId = () => new Types.ObjectId();
