// A programme's document requirements as data: their shape, the CERFA 12156 list new programmes start
// from, and the check of an admin's list. Which of them apply to one application is grants/dossier's.
import { Problems } from '../../../errors/app-error';
import { DOCUMENT_KINDS, type DocumentKind } from '../../document/document.model';
import { checkAmount } from '../kernel/money';
import { REQUIREMENT_STAGES, type FundingProgrammeDoc, type RequirementStage } from './funding-programme.model';

export interface DocumentRequirement {
  id: string;
  kind: DocumentKind;
  label: string;
  required: boolean;
  maxAgeMonths: number | null;
  minRequestedAmount: number | null;
  stage: RequirementStage;
}

export const MAX_REQUIREMENTS = 30;

const req = (id: string, kind: DocumentKind, label: string, maxAgeMonths: number | null = null): DocumentRequirement => ({
  id,
  kind,
  label,
  required: true,
  maxAgeMonths,
  minRequestedAmount: null,
  stage: 'APPLICATION',
});

/** The supporting documents of CERFA 12156 (demande de subvention), which new programmes start from. */
export const CERFA_12156_REQUIREMENTS: readonly DocumentRequirement[] = Object.freeze([
  req('statutes', 'STATUTES', 'Statuts en vigueur, datés et signés'),
  req('board-list', 'BOARD_LIST', 'Liste des dirigeants (conseil d’administration, bureau)'),
  req('bank-details', 'BANK_DETAILS', 'Relevé d’identité bancaire (RIB)'),
  req('annual-accounts', 'ANNUAL_ACCOUNTS', 'Derniers comptes annuels approuvés', 24),
  req('activity-report', 'ACTIVITY_REPORT', 'Dernier rapport d’activité approuvé', 24),
  req('project-budget', 'PROJECT_BUDGET', 'Budget prévisionnel du projet'),
  req('auditor-report', 'AUDITOR_REPORT', 'Rapport du commissaire aux comptes', 24),
]);

export interface RequirementInput {
  id: string;
  kind: string;
  label: string;
  required?: boolean | null;
  maxAgeMonths?: number | null;
  minRequestedAmount?: number | null;
  stage?: string | null;
}

/** Checks a whole list (every problem at once, each on its field) and returns it normalised. */
export function checkRequirements(input: RequirementInput[], field = 'requirements'): DocumentRequirement[] {
  const p = new Problems();
  if (input.length > MAX_REQUIREMENTS) p.add(field, `At most ${MAX_REQUIREMENTS} requirements.`);
  const seen = new Set<string>();
  const out = input.map((r, i) => {
    const f = (k: string) => `${field}[${i}].${k}`;
    const id = r.id?.trim() ?? '';
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(id)) p.add(f('id'), 'An id of 1 to 40 lower-case letters, digits and dashes, e.g. "bank-details".');
    else if (seen.has(id)) p.add(f('id'), `The id "${id}" is used twice: each requirement needs its own.`);
    seen.add(id);
    if (!(DOCUMENT_KINDS as readonly string[]).includes(r.kind)) p.add(f('kind'), `One of ${DOCUMENT_KINDS.join(', ')}.`);
    const label = r.label?.trim() ?? '';
    if (!label || label.length > 200) p.add(f('label'), 'A label of 1 to 200 characters.');
    if (r.maxAgeMonths !== undefined && r.maxAgeMonths !== null && (!Number.isInteger(r.maxAgeMonths) || r.maxAgeMonths < 1 || r.maxAgeMonths > 240)) {
      p.add(f('maxAgeMonths'), 'A whole number of months, from 1 to 240, or null for any age.');
    }
    if (r.minRequestedAmount !== undefined && r.minRequestedAmount !== null) checkAmount(p, f('minRequestedAmount'), r.minRequestedAmount, { min: 0 });
    const stage = r.stage ?? 'APPLICATION';
    if (!(REQUIREMENT_STAGES as readonly string[]).includes(stage)) p.add(f('stage'), `One of ${REQUIREMENT_STAGES.join(', ')}.`);
    return {
      id,
      kind: r.kind as DocumentKind,
      label,
      required: r.required ?? true,
      maxAgeMonths: r.maxAgeMonths ?? null,
      minRequestedAmount: r.minRequestedAmount ?? null,
      stage: stage as RequirementStage,
    };
  });
  p.throwIfAny();
  return out;
}

/** A programme's requirements: none for a programme older than the dossier. */
export function requirementsOf(programme: Pick<FundingProgrammeDoc, 'documentRequirements'> | null | undefined): DocumentRequirement[] {
  return (programme?.documentRequirements ?? []).map((r) => ({
    id: r.id,
    kind: r.kind as DocumentKind,
    label: r.label,
    required: r.required ?? true,
    maxAgeMonths: r.maxAgeMonths ?? null,
    minRequestedAmount: r.minRequestedAmount ?? null,
    stage: (r.stage ?? 'APPLICATION') as RequirementStage,
  }));
}
