// What a programme asks for: setting its document requirements (admins), and which of them apply to one
// application (the list's shape and the CERFA 12156 defaults are budget/document-requirements.ts). Two rules come from the law, not
// from the programme, so an admin cannot forget them:
// - the auditor's report is asked only of organisations receiving over 153,000 EUR of public grants in a
//   year (code de commerce L612-4, décret 2006-335);
// - statutes and the board list are not asked when the organisation's RNA number is known: the
//   administration cannot ask for what a registry gives it (décret 2016-1971; CRPA L114-8).
import { AppError, notFound } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { toObjectId } from '../../../shared/ids';
import type { DocumentKind } from '../../document/document.model';
import { formatEuros, sum } from '../kernel/money';
import type { App } from '../application/grant-application.model';
import { FundingProgrammeModel, type FundingProgrammeDoc } from '../budget/funding-programme.model';
import { checkRequirements, requirementsOf, type DocumentRequirement, type RequirementInput } from '../budget/document-requirements';

export { CERFA_12156_REQUIREMENTS, checkRequirements, requirementsOf, type DocumentRequirement, type RequirementInput } from '../budget/document-requirements';

/** 153,000 EUR a year of public grants: above it, an auditor is mandatory and their report is asked. */
export const AUDITOR_THRESHOLD = 15_300_000;
/** The kinds a registry (RNA) already gives the administration. */
export const REGISTRY_KINDS: readonly DocumentKind[] = ['STATUTES', 'BOARD_LIST'];

/** Replaces a programme's requirements (admins). Applications already submitted keep what was checked then. */
export async function setDocumentRequirements(_ctx: Context, programmeId: string, input: RequirementInput[]): Promise<FundingProgrammeDoc> {
  const _id = toObjectId(programmeId, 'programmeId');
  const requirements = checkRequirements(input ?? []);
  const updated = await FundingProgrammeModel.findByIdAndUpdate(
    _id,
    { $set: { documentRequirements: requirements } },
    { returnDocument: 'after' },
  ).lean<FundingProgrammeDoc>();
  if (!updated) throw notFound('Funding programme', 'programmeId');
  return updated;
}

/** What decides whether a requirement applies to one application. */
export interface ApplicantFacts {
  rna: string | null;
  /** Public grants of the organisation in the application's year (approved elsewhere plus this request), cents. */
  publicGrantsOfYear: number;
  requestedAmount: number;
}

/** Whether a requirement is asked of this application, and why not when it is not. */
export function applies(r: DocumentRequirement, facts: ApplicantFacts): { required: boolean; reason: string | null } {
  if (!r.required) return { required: false, reason: 'Optional in this programme.' };
  if (r.minRequestedAmount !== null && facts.requestedAmount < r.minRequestedAmount) {
    return { required: false, reason: `Asked only from ${formatEuros(r.minRequestedAmount)} requested.` };
  }
  if (REGISTRY_KINDS.includes(r.kind) && facts.rna) {
    return {
      required: false,
      reason: `Not asked: the organisation's RNA number (${facts.rna}) gives the administration this document (décret 2016-1971).`,
    };
  }
  if (r.kind === 'AUDITOR_REPORT' && facts.publicGrantsOfYear <= AUDITOR_THRESHOLD) {
    return {
      required: false,
      reason: `Asked only of organisations receiving over ${formatEuros(AUDITOR_THRESHOLD)} of public grants a year (${formatEuros(facts.publicGrantsOfYear)} with this request).`,
    };
  }
  return { required: true, reason: null };
}

/**
 * The organisation's public grants in the application's year: what the city approved for its other
 * applications of that year (decided amounts), plus this request. The city's own grants are what the data
 * holds; co-funders declared by the applicant are not counted (they are requests as often as grants).
 */
export function publicGrantsOfYear(
  app: Pick<App, '_id' | 'year' | 'requestedAmount'>,
  organisationApps: readonly Pick<App, '_id' | 'year' | 'status' | 'decision'>[],
): number {
  const others = organisationApps.filter(
    (o) => String(o._id) !== String(app._id) && o.year === app.year && (o.status === 'APPROVED' || o.status === 'COMPLETED'),
  );
  return sum([...others.map((o) => o.decision?.amount ?? 0), app.requestedAmount]);
}

export function requirementById(programme: Pick<FundingProgrammeDoc, 'documentRequirements'> | null, id: string, field: string): DocumentRequirement {
  const found = requirementsOf(programme).find((r) => r.id === id);
  if (!found) {
    const known = requirementsOf(programme).map((r) => r.id);
    throw new AppError(
      'BAD_USER_INPUT',
      known.length ? `Unknown requirement: this programme asks for ${known.join(', ')}.` : 'This programme asks for no document.',
      {
        field,
      },
    );
  }
  return found;
}
