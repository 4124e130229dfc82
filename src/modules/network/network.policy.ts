// Who may link organisations: the members of either end, coordinators (connecting actors is their job),
// officers and admins. Used by the service and by `Partnership.permissions`.
import { hasRole, isStaff, membershipIn, type Viewer } from '../../auth/viewer';

export function canManagePartnership(v: Viewer | null, p: { from: unknown; to: unknown }): boolean {
  return isStaff(v) || hasRole(v, 'COORDINATOR') || !!membershipIn(v, p.from) || !!membershipIn(v, p.to);
}
