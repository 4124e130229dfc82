// Who may see, upload and delete the documents of an organisation's vault. The vault is private like the
// organisation's bank details: its members, and officers and admins not recused from it. Coordinators see
// only what a decided application they can see carries, and never a financial or personal kind.
import { hasRole, isStaff, membershipIn } from '../../auth/viewer';
import { forbidden, type AppError } from '../../errors/app-error';
import { actsAsStaffFor, isRecusedFrom, recusalRefusal, type Actor } from '../organisation/organisation.policy';
import type { DocumentKind } from './document.model';

/**
 * The kinds a coordinator may read, through a decided application: what the project is and who runs it.
 * Deny by default: bank details, accounts, the auditor's report, budgets of the organisation, the board's
 * names, financial reports, proofs of expense (invoices, pay slips) and anything unnamed (OTHER) stay out.
 */
export const COORDINATOR_KINDS: readonly DocumentKind[] = ['STATUTES', 'ACTIVITY_REPORT', 'PROJECT_BUDGET'];

interface DocLike {
  organisation: unknown;
  kind: string;
}

/** The whole vault of an organisation (Organisation.documents): its members, officers and admins not recused. */
export function canSeeVault(a: Actor, organisationId: unknown): boolean {
  return actsAsStaffFor(a, organisationId) || !!membershipIn(a.viewer, organisationId);
}

/**
 * One document. `inDecidedApplication`: the document is attached to an APPROVED or COMPLETED application of its
 * organisation (what coordinators see of grants).
 */
export function canSeeDocument(a: Actor, doc: DocLike, inDecidedApplication = false): boolean {
  if (canSeeVault(a, doc.organisation)) return true;
  return hasRole(a.viewer, 'COORDINATOR') && inDecidedApplication && COORDINATOR_KINDS.includes(doc.kind as DocumentKind);
}

/** Why this actor may not add a document to the organisation's vault, or null: its members, staff not recused. */
export function uploadRefusal(a: Actor, organisationId: unknown): AppError | null {
  if (isStaff(a.viewer)) return isRecusedFrom(a, organisationId) ? recusalRefusal('add documents to it') : null;
  if (!membershipIn(a.viewer, organisationId)) return forbidden("Only the organisation's members, officers and admins may add documents to it.");
  return null;
}

/** Why this actor may not delete the document, or null: as for uploading. */
export function deleteRefusal(a: Actor, doc: DocLike): AppError | null {
  return uploadRefusal(a, doc.organisation);
}

export function canDeleteDocument(a: Actor, doc: DocLike): boolean {
  return !deleteRefusal(a, doc);
}
