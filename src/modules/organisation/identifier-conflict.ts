// Who an organisation is when it is created: a member's creation is unverified until an officer checks it
// (verification.service.ts), and an RNA number or SIRET already in use points to the claim, the way to take
// charge of the organisation that holds it.
import { AppError } from '../../errors/app-error';
import { fromDatabaseError } from '../../errors/known-error';
import { isStaff, type Viewer } from '../../auth/viewer';
import { OrganisationModel } from './organisation.model';
import { canSeeOrganisation } from './organisation.policy';

/** The verification fields of a new organisation: staff are trusted, a member's creation waits for an officer. */
export const verificationOnCreate = (viewer: Viewer): { isVerified?: false } => (isStaff(viewer) ? {} : { isVerified: false });

/**
 * A new organisation whose RNA or SIRET is taken: CONFLICT on that field, naming the record that holds it
 * (when the viewer may see it) and claimOrganisation. Null when `err` is not such a conflict.
 */
export async function identifierTaken(viewer: Viewer | null, err: unknown, set: Record<string, unknown>): Promise<AppError | null> {
  const known = fromDatabaseError(err);
  if (known?.code !== 'CONFLICT' || (known.field !== 'rna' && known.field !== 'siret')) return null;
  const field = known.field;
  const holder = await OrganisationModel.findOne({ [field]: set[field] }, { _id: 1, isPublic: 1 }).lean();
  const id = holder && canSeeOrganisation(viewer, holder) ? String(holder._id) : null;
  const label = field === 'rna' ? 'RNA number' : 'SIRET';
  return new AppError(
    'CONFLICT',
    `This ${label} is already used by another organisation${id ? ` (id ${id})` : ''}. If it is yours, ask to manage it with claimOrganisation${id ? ` (organisationId ${id})` : ''}; an officer will check your claim.`,
    { field: `input.${field}` },
  );
}
