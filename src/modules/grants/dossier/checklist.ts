// An application's dossier against its programme's requirements: one line per requirement with its status
// (MISSING, EXPIRED, TOO_OLD, OK), and the MISSING_DOCUMENT problems that stop a submission or a final report.
import { Types } from 'mongoose';
import type { FieldProblem } from '../../../errors/app-error';
import { clock } from '../kernel/clock';
import { DocumentModel, type DocumentDoc } from '../../document/document.model';
import { documentStatus } from '../../document/document.service';
import { OrganisationModel } from '../../organisation/organisation.model';
import type { App } from '../application/grant-application.model';
import { FundingProgrammeModel, type FundingProgrammeDoc, type RequirementStage } from '../budget/funding-programme.model';
import { GrantApplicationModel } from '../application/grant-application.model';
import { applies, publicGrantsOfYear, requirementsOf, type DocumentRequirement } from './requirements';

export const CHECKLIST_STATUSES = ['MISSING', 'EXPIRED', 'TOO_OLD', 'OK'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

export interface ChecklistItem {
  /** The programme's requirement, `required` as it applies to this application. */
  requirement: DocumentRequirement;
  /** Why a requirement of the programme is not asked of this application (RNA known, below a threshold...). */
  reason: string | null;
  status: ChecklistStatus;
  document: DocumentDoc | null;
  /** An officer asked for this document to be replaced (requestChanges) and it has not been yet. */
  toReplace: boolean;
}

type DossierApp = Pick<App, '_id' | 'organisation' | 'programme' | 'year' | 'requestedAmount'> & {
  documents?: { document: Types.ObjectId; requirementId?: string | null; attachedAt: Date }[] | null;
  documentsToReplace?: Types.ObjectId[] | null;
};

/** Age limit: uploaded before `now` minus `months` calendar months. */
function olderThan(uploaded: Date, months: number, now: Date): boolean {
  const limit = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return uploaded < limit;
}

function statusOf(doc: DocumentDoc | null, r: DocumentRequirement, now: Date): ChecklistStatus {
  if (!doc || doc.deletedAt) return 'MISSING';
  if (documentStatus(doc, now) === 'EXPIRED') return 'EXPIRED';
  if (r.maxAgeMonths !== null && olderThan(doc.createdAt, r.maxAgeMonths, now)) return 'TOO_OLD';
  return 'OK';
}

/**
 * Where the checklist reads what it needs: straight from the database (commands), or through the request's
 * DataLoaders (a list of applications then costs a few batched queries, not a few per application).
 */
export interface DossierLookup {
  programme: (id: Types.ObjectId) => Promise<Pick<FundingProgrammeDoc, 'documentRequirements'> | null>;
  organisation: (id: Types.ObjectId) => Promise<{ rna?: string | null } | null>;
  documents: (ids: Types.ObjectId[]) => Promise<(DocumentDoc | null)[]>;
  /** The organisation's applications (for the public grants of the year). */
  applications: (organisation: Types.ObjectId) => Promise<Pick<App, '_id' | 'year' | 'status' | 'decision'>[]>;
}

export const databaseLookup: DossierLookup = {
  programme: (id) => FundingProgrammeModel.findById(id, { documentRequirements: 1 }).lean<Pick<FundingProgrammeDoc, 'documentRequirements'>>(),
  organisation: (id) => OrganisationModel.findById(id, { rna: 1 }).lean<{ rna?: string | null }>(),
  documents: async (ids) => {
    const docs = await DocumentModel.find({ _id: { $in: ids } }).lean<DocumentDoc[]>();
    return ids.map((id) => docs.find((d) => String(d._id) === String(id)) ?? null);
  },
  applications: (organisation) =>
    GrantApplicationModel.find({ organisation, status: { $in: ['APPROVED', 'COMPLETED'] } }, { year: 1, status: 1, decision: 1 }).lean<
      Pick<App, '_id' | 'year' | 'status' | 'decision'>[]
    >(),
};

/** The checklist of one stage (the application's documents, or the final report's). */
export async function checklistOf(
  app: DossierApp,
  stage: RequirementStage = 'APPLICATION',
  now: Date = clock.now(),
  lookup: DossierLookup = databaseLookup,
): Promise<ChecklistItem[]> {
  const requirements = requirementsOf(await lookup.programme(app.programme)).filter((r) => r.stage === stage);
  if (!requirements.length) return [];
  const attached = app.documents ?? [];
  const [org, grants, docs] = await Promise.all([
    lookup.organisation(app.organisation),
    requirements.some((r) => r.kind === 'AUDITOR_REPORT') ? lookup.applications(app.organisation).then((apps) => publicGrantsOfYear(app, apps)) : 0,
    lookup.documents(attached.map((a) => a.document)),
  ]);
  const byId = new Map(docs.flatMap((d) => (d ? [[String(d._id), d] as const] : [])));
  const toReplace = new Set((app.documentsToReplace ?? []).map(String));
  const facts = { rna: org?.rna ?? null, publicGrantsOfYear: grants, requestedAmount: app.requestedAmount };
  return requirements.map((r) => {
    const { required, reason } = applies(r, facts);
    // The latest document attached for the requirement answers it.
    const entry = attached.filter((a) => a.requirementId === r.id).sort((a, b) => b.attachedAt.getTime() - a.attachedAt.getTime())[0];
    const document = entry ? (byId.get(String(entry.document)) ?? null) : null;
    return {
      requirement: { ...r, required },
      reason,
      status: statusOf(document, r, now),
      document: document && !document.deletedAt ? document : null,
      toReplace: !!document && toReplace.has(String(document._id)),
    };
  });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** One MISSING_DOCUMENT problem per requirement asked of the application and not met, on `documents.<id>`. */
export function missingDocumentProblems(items: ChecklistItem[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const item of items) {
    const r = item.requirement;
    if (!r.required) continue;
    const field = `documents.${r.id}`;
    const attach = `attach it from the organisation's documents (attachDocument with requirementId "${r.id}")`;
    if (item.status === 'MISSING') out.push({ code: 'MISSING_DOCUMENT', field, message: `${r.label} is missing: ${attach}.` });
    else if (item.status === 'EXPIRED') {
      out.push({ code: 'MISSING_DOCUMENT', field, message: `${r.label} expired on ${day(item.document!.validUntil!)}: upload a valid one and ${attach}.` });
    } else if (item.status === 'TOO_OLD') {
      out.push({
        code: 'MISSING_DOCUMENT',
        field,
        message: `${r.label} was uploaded on ${day(item.document!.createdAt)}, more than ${r.maxAgeMonths} months ago: upload a recent one and ${attach}.`,
      });
    } else if (item.toReplace) {
      out.push({ code: 'MISSING_DOCUMENT', field, message: `The officer asked for ${r.label} to be replaced: upload the new one and ${attach}.` });
    }
  }
  return out;
}

/** What stops the submission on the dossier's side (the grants' completeness check adds these). */
export async function dossierProblems(app: DossierApp): Promise<FieldProblem[]> {
  return missingDocumentProblems(await checklistOf(app, 'APPLICATION'));
}
