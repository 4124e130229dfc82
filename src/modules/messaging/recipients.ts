// Who hears about what: the people an event concerns, read from the accounts (read-only; the user
// module owns them). Disabled accounts hear nothing.
import { Types } from 'mongoose';
import { UserModel } from '../user/user.model';
import type { Recipient } from './events';

const active = { disabled: { $ne: true } };
const asRecipients = (users: { _id: unknown }[]): Recipient[] => users.map((u) => ({ userId: String(u._id) }));

/** The active managers of an organisation (the people who answer for its applications). */
export async function managersOf(organisationId: unknown): Promise<Recipient[]> {
  const org = new Types.ObjectId(String(organisationId));
  const users = await UserModel.find(
    { ...active, memberships: { $elemMatch: { organisation: org, role: 'MANAGER', status: { $ne: 'INVITED' } } } },
    { _id: 1 },
  ).lean();
  return asRecipients(users);
}

/** Every active officer; with `assignedTo`, that officer only (when still active). */
export async function officers(assignedTo?: Types.ObjectId | string | null): Promise<Recipient[]> {
  const filter = assignedTo ? { _id: new Types.ObjectId(String(assignedTo)), role: 'OFFICER' as const, ...active } : { role: 'OFFICER' as const, ...active };
  const users = await UserModel.find(filter, { _id: 1 }).lean();
  if (assignedTo && !users.length) return officers();
  return asRecipients(users);
}

export async function admins(): Promise<Recipient[]> {
  return asRecipients(await UserModel.find({ role: 'ADMIN', ...active }, { _id: 1 }).lean());
}
