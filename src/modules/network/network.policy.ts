// Who may link organisations: the members of either end, coordinators (connecting actors is their job),
// officers and admins. An officer recused from either end is not staff for that link (as for every staff
// action on the organisation), and a dissolved organisation takes no new partnership; its members, for
// whom it is read-only, cannot end one either. Used by the service and by `Partnership.permissions`.
import { AppError, forbidden } from '../../errors/app-error';
import { hasRole, isStaff, membershipIn, type Viewer } from '../../auth/viewer';
import { dissolvedRefusal, isRecusedFrom, recusalRefusal, type Actor } from '../organisation/organisation.policy';

export function canManagePartnership(v: Viewer | null, p: { from: unknown; to: unknown }): boolean {
  return isStaff(v) || hasRole(v, 'COORDINATOR') || !!membershipIn(v, p.from) || !!membershipIn(v, p.to);
}

/** An end of a partnership as the rules need it. */
export interface PartnershipEnd {
  _id: unknown;
  name?: string | null;
  status?: string | null;
}

const dissolved = (end: PartnershipEnd) => end.status === 'DISSOLVED';

/**
 * Why this actor may not link `from` to `to`, or null. `fields` name the inputs the ends came from, so
 * a refusal points at the organisation at fault.
 */
export function createPartnershipRefusal(
  a: Actor,
  from: PartnershipEnd,
  to: PartnershipEnd,
  fields = { from: 'input.fromId', to: 'input.toId' },
): AppError | null {
  if (!canManagePartnership(a.viewer, { from: from._id, to: to._id })) {
    return forbidden('Only members of one of the two organisations, coordinators, officers and admins may link them.');
  }
  const ends = [
    [from, fields.from],
    [to, fields.to],
  ] as const;
  if (isStaff(a.viewer)) for (const [end, field] of ends) if (isRecusedFrom(a, end._id)) return recusalRefusal('link it to another organisation', field);
  for (const [end, field] of ends) {
    if (dissolved(end)) {
      return new AppError(
        'ORGANISATION_DISSOLVED',
        `${end.name ?? 'This organisation'} is dissolved: it takes no new partnership. An officer or admin of the city can reactivate it if it operates again.`,
        { field },
      );
    }
  }
  return null;
}

/**
 * Why this actor may not end the partnership between `from` and `to`, or null. Staff not recused from
 * either end and coordinators may; a member may through an organisation of theirs that still operates
 * (the partner of a dissolved organisation can end the link; the dissolved one's members cannot).
 */
export function endPartnershipRefusal(a: Actor, from: PartnershipEnd, to: PartnershipEnd): AppError | null {
  const v = a.viewer;
  if (!canManagePartnership(v, { from: from._id, to: to._id })) {
    return forbidden('Only members of one of the two organisations, coordinators, officers and admins may end this partnership.');
  }
  if (isStaff(v)) {
    for (const end of [from, to]) if (isRecusedFrom(a, end._id)) return recusalRefusal('end its partnerships');
    return null;
  }
  if (hasRole(v, 'COORDINATOR')) return null;
  const through = [from, to].filter((end) => !!membershipIn(v, end._id));
  return through.every(dissolved) ? dissolvedRefusal() : null;
}
