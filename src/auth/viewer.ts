// Who is asking. `null` is an anonymous caller. Built once per request from a verified token.

export const ROLES = ['ADMIN', 'OFFICER', 'COORDINATOR', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export const MEMBERSHIP_ROLES = ['MANAGER', 'EDITOR'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const MEMBERSHIP_STATUSES = ['ACTIVE', 'INVITED'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export interface Membership {
  organisationId: string;
  role: MembershipRole;
  /** The person's title there ("Présidente"), when given. */
  title?: string | null;
}

export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Active memberships only: these grant rights. */
  memberships: Membership[];
  /** Invitations not yet accepted: they grant nothing. */
  invitations?: Membership[];
}

export const isStaff = (v: Viewer | null): boolean => v?.role === 'ADMIN' || v?.role === 'OFFICER';
export const hasRole = (v: Viewer | null, ...roles: Role[]): boolean => !!v && roles.includes(v.role);

export function membershipIn(v: Viewer | null, organisationId: unknown): Membership | undefined {
  if (!v) return undefined;
  const id = String(organisationId);
  return v.memberships.find((m) => m.organisationId === id);
}
