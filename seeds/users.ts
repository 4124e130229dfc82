// DEMO DATA: the demo accounts (password `maillage-demo`), listed in the README. Upserted by email;
// a password is set only when the account is created, so re-seeding never resets a changed one.
import type { Types } from 'mongoose';
import type { Role } from '../src/auth/viewer';
import { UserModel } from '../src/modules/user/user.model';
import { hashPassword } from '../src/modules/user/user.service';

export const DEMO_PASSWORD = 'maillage-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** Indexes into the seeded organisations, with the role held there. */
  memberOf?: { org: number; role: 'MANAGER' | 'EDITOR'; title: string }[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@maillage.test', name: 'Alice Admin (démo)', role: 'ADMIN' },
  { email: 'officer@maillage.test', name: 'Olivier Instructeur (démo)', role: 'OFFICER' },
  { email: 'officer2@maillage.test', name: 'Odile Instructrice (démo)', role: 'OFFICER' },
  { email: 'coordinator@maillage.test', name: 'Corinne Coordinatrice (démo)', role: 'COORDINATOR' },
  {
    email: 'member@maillage.test',
    name: 'Marc Membre (démo)',
    role: 'MEMBER',
    memberOf: [
      { org: 0, role: 'MANAGER', title: 'Président' },
      { org: 1, role: 'EDITOR', title: 'Bénévole' },
    ],
  },
  { email: 'member2@maillage.test', name: 'Maya Membre (démo)', role: 'MEMBER', memberOf: [{ org: 2, role: 'MANAGER', title: 'Présidente' }] },
];

export async function seedUsers(orgIds: Types.ObjectId[], bcryptCost: number) {
  const passwordHash = await hashPassword(DEMO_PASSWORD, bcryptCost);
  const users = new Map<string, Types.ObjectId>();
  for (const a of DEMO_ACCOUNTS) {
    const memberships = (a.memberOf ?? []).map((m) => ({ organisation: orgIds[m.org], role: m.role, title: m.title, since: new Date('2024-01-15') }));
    // No automatic timestamps: they would bump `updatedAt` on every account at every run.
    const seededAt = new Date();
    const user = await UserModel.findOneAndUpdate(
      { email: a.email },
      {
        $set: { name: a.name, role: a.role, memberships },
        $setOnInsert: { passwordHash, tokenVersion: 0, disabled: false, createdAt: seededAt, updatedAt: seededAt },
      },
      { upsert: true, returnDocument: 'after', timestamps: false },
    );
    users.set(a.email, user._id);
  }
  return users;
}
