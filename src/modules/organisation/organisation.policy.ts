// Who may see and do what with an organisation. The same functions gate the mutations, hide private
// fields, and feed `Organisation.permissions`; the grants policy reads `isRecusedFrom` and `actsAsStaffFor`
// from here, so recusal is written once for the organisation and everything that belongs to it.
import { Types } from 'mongoose';
import { AppError, forbidden } from '../../errors/app-error';
import { hasRole, isStaff, membershipIn, type Viewer } from '../../auth/viewer';

interface OrgLike {
  _id: unknown;
  isPublic?: boolean | null;
  status?: string | null;
}

/**
 * The viewer plus the organisations they declared a link to (a conflict of interest), loaded once per
 * request (`actorOf`, organisation.actor.ts). Only staff have declarations; for others the set is empty.
 */
export interface Actor {
  viewer: Viewer | null;
  recusedFrom: ReadonlySet<string>;
}

/** The one recusal rule: a declared link to the organisation. */
export function isRecusedFrom(a: Actor, organisationId: unknown): boolean {
  return a.recusedFrom.has(String(organisationId));
}

/**
 * City staff acting on this organisation: an officer or admin who is not recused from it. A recused
 * officer is, for this organisation and its applications, a reader of its public file only.
 */
export function actsAsStaffFor(a: Actor, organisationId: unknown): boolean {
  return isStaff(a.viewer) && !isRecusedFrom(a, organisationId);
}

/** The refusal a recused officer gets, in the words of what they tried. */
export function recusalRefusal(what: string, field = 'id'): AppError {
  return new AppError('CONFLICT_OF_INTEREST', `You declared a link to this organisation: you cannot ${what}. Ask another officer.`, { field });
}

/** A dissolved organisation is read-only for its members; the refusal says who can reactivate it. */
export function dissolvedRefusal(field = 'id'): AppError {
  return new AppError(
    'ORGANISATION_DISSOLVED',
    'This organisation is dissolved: it is read-only. An officer or admin of the city can reactivate it if it operates again.',
    { field },
  );
}

/** Throws the refusal, if any. */
export function ensure(refusal: AppError | null): void {
  if (refusal) throw refusal;
}

const isDissolved = (org: OrgLike) => org.status === 'DISSOLVED';

/** Public organisations are seen by everyone; the others by their members and city staff. */
export function canSeeOrganisation(v: Viewer | null, org: OrgLike): boolean {
  return !!org.isPublic || isStaff(v) || hasRole(v, 'COORDINATOR') || !!membershipIn(v, org._id);
}

/** Why this actor may not edit the organisation's profile, or null: its members while it operates, staff not recused. */
export function editRefusal(a: Actor, org: OrgLike): AppError | null {
  if (isStaff(a.viewer)) return isRecusedFrom(a, org._id) ? recusalRefusal('edit it') : null;
  if (!membershipIn(a.viewer, org._id)) return forbidden("Only the organisation's members, officers and admins may edit it.");
  return isDissolved(org) ? dissolvedRefusal() : null;
}

export function canEditOrganisation(a: Actor, org: OrgLike): boolean {
  return !editRefusal(a, org);
}

/** Why this actor may not add members, or null: its managers while it operates, staff not recused. */
export function manageMembersRefusal(a: Actor, org: OrgLike): AppError | null {
  if (isStaff(a.viewer)) return isRecusedFrom(a, org._id) ? recusalRefusal('add members to it') : null;
  if (membershipIn(a.viewer, org._id)?.role !== 'MANAGER') return forbidden("Only the organisation's managers, officers and admins may add members.");
  return isDissolved(org) ? dissolvedRefusal('input.organisationId') : null;
}

export function canManageMembers(a: Actor, org: OrgLike): boolean {
  return !manageMembersRefusal(a, org);
}

/** IBAN, private contact and the edit history: the organisation's members, officers and admins not recused. */
export function canSeePrivate(a: Actor, org: OrgLike): boolean {
  return actsAsStaffFor(a, org._id) || !!membershipIn(a.viewer, org._id);
}

/** The member list: as private fields, plus coordinators, whose job is to connect people. */
export function canSeeMembers(a: Actor, org: OrgLike): boolean {
  return canSeePrivate(a, org) || hasRole(a.viewer, 'COORDINATOR');
}

/** Only staff change an organisation's status (dissolution is a registry fact; so is reactivation). */
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
