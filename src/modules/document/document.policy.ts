// Who may see, upload and delete the documents of an organisation's vault. The vault is private like the
// organisation's bank details: its members, and officers and admins not recused from it. Nobody else, not
// even coordinators: bank details, accounts, budgets, the board's names and proofs of expense are personal
// or financial, and the kinds that are not (statutes) are public in the registry anyway.
import { isStaff, membershipIn } from '../../auth/viewer';
import { forbidden, type AppError } from '../../errors/app-error';
import { actsAsStaffFor, isRecusedFrom, recusalRefusal, type Actor } from '../organisation/organisation.policy';

interface DocLike {
  organisation: unknown;
  kind: string;
}

/** The whole vault of an organisation (Organisation.documents): its members, officers and admins not recused. */
export function canSeeVault(a: Actor, organisationId: unknown): boolean {
  return actsAsStaffFor(a, organisationId) || !!membershipIn(a.viewer, organisationId);
}

/** One document (download, GraphQL): as the vault it belongs to, whatever its kind. */
export function canSeeDocument(a: Actor, doc: DocLike): boolean {
  return canSeeVault(a, doc.organisation);
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
