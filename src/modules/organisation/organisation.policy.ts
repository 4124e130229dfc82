// Who may see and do what with an organisation. The same functions gate the mutations, hide private
// fields, and feed `Organisation.permissions`.
import { Types } from 'mongoose';
import { hasRole, isStaff, membershipIn, type Viewer } from '../../auth/viewer';

interface OrgLike {
  _id: unknown;
  isPublic?: boolean | null;
}

/** Public organisations are seen by everyone; the others by their members and city staff. */
export function canSeeOrganisation(v: Viewer | null, org: OrgLike): boolean {
  return !!org.isPublic || isStaff(v) || hasRole(v, 'COORDINATOR') || !!membershipIn(v, org._id);
}

export function canEditOrganisation(v: Viewer | null, org: OrgLike): boolean {
  return isStaff(v) || !!membershipIn(v, org._id);
}

export function canManageMembers(v: Viewer | null, org: OrgLike): boolean {
  return isStaff(v) || membershipIn(v, org._id)?.role === 'MANAGER';
}

/** IBAN and private contact: the organisation's members, officers and admins. */
export function canSeePrivate(v: Viewer | null, org: OrgLike): boolean {
  return isStaff(v) || !!membershipIn(v, org._id);
}

/** The member list: as private fields, plus coordinators, whose job is to connect people. */
export function canSeeMembers(v: Viewer | null, org: OrgLike): boolean {
  return canSeePrivate(v, org) || hasRole(v, 'COORDINATOR');
}

/** Only staff change an organisation's status (dissolution is a registry fact). */
export function canChangeStatus(v: Viewer | null): boolean {
  return isStaff(v);
}

/** The MongoDB condition matching the organisations a viewer may see in lists. */
export function visibilityFilter(v: Viewer | null): Record<string, unknown> {
  if (isStaff(v) || hasRole(v, 'COORDINATOR')) return {};
  const own = v?.memberships.map((m) => m.organisationId) ?? [];
  if (!own.length) return { isPublic: true };
  return { $or: [{ isPublic: true }, { _id: { $in: own.map((id) => new Types.ObjectId(id)) } }] };
}
