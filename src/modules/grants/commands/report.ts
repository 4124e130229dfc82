// The final report (compte-rendu financier, CERFA 15059): due 6 months after the end of the funded year;
// accepting it completes the grant once everything granted is paid. Only an accepted report lifts the
// overdue block (application/grant-application.queries.ts, overdueReports): a submitted one is a claim.
import { Types } from 'mongoose';
import { AppError, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { clock } from '../kernel/clock';
import { checkAmount, checkTotal, sum } from '../kernel/money';
import type { App } from '../application/grant-application.model';
import { checklistOf, missingDocumentProblems } from '../dossier/checklist';
import { requirementsOf } from '../dossier/requirements';
import { FundingProgrammeModel, type FundingProgrammeDoc } from '../budget/funding-programme.model';
import { visibleDocument, type DocumentDoc } from '../../document/document.service';
import { command } from './command';
import { completeIfDone } from './complete';

export interface FinalReportInput {
  spentLines: { label: string; amount: number }[];
  beneficiariesReached: number;
  narrative: string;
  /** FINANCIAL_REPORT and PROOF_OF_EXPENSE documents of the organisation's vault. */
  documentIds?: string[] | null;
}

const REPORT_KINDS = ['FINANCIAL_REPORT', 'PROOF_OF_EXPENSE'];
const MAX_REPORT_DOCUMENTS = 60;

/**
 * The report's documents: each of the applicant's vault, of a report kind; each answers the first of the
 * programme's FINAL_REPORT requirements of its kind. Adds a problem per bad one and per unmet requirement.
 */
async function reportDocuments(ctx: Context, app: App, ids: string[], p: Problems) {
  if (ids.length > MAX_REPORT_DOCUMENTS) p.add('input.documentIds', `At most ${MAX_REPORT_DOCUMENTS} documents.`);
  const docs: DocumentDoc[] = [];
  for (const [i, id] of ids.slice(0, MAX_REPORT_DOCUMENTS).entries()) {
    const field = `input.documentIds[${i}]`;
    try {
      const doc = await visibleDocument(ctx, id, field);
      if (String(doc.organisation) !== String(app.organisation)) p.add(field, "This document belongs to another organisation: attach the applicant's own.");
      else if (!REPORT_KINDS.includes(doc.kind)) p.add(field, `A final report takes FINANCIAL_REPORT and PROOF_OF_EXPENSE documents; this one is ${doc.kind}.`);
      else docs.push(doc);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
      p.add(field, 'Document not found.');
    }
  }
  const programme = await FundingProgrammeModel.findById(app.programme, { documentRequirements: 1 }).lean<FundingProgrammeDoc>();
  const stage = requirementsOf(programme).filter((r) => r.stage === 'FINAL_REPORT');
  const now = clock.now();
  const kept = (app.documents ?? []).filter((a) => !docs.some((d) => String(d._id) === String(a.document)));
  const added = docs.map((d) => ({
    document: d._id,
    requirementId: stage.find((r) => r.kind === d.kind)?.id ?? null,
    attachedAt: now,
    attachedBy: new Types.ObjectId(ctx.viewer!.id),
  }));
  const documents = [...kept, ...added];
  for (const m of missingDocumentProblems(await checklistOf({ ...app, documents }, 'FINAL_REPORT', now))) p.add(m.field!, m.message, m.code);
  return { documents, ids: docs.map((d) => d._id) };
}

export function submitFinalReport(ctx: Context, id: string, input: FinalReportInput): Promise<App> {
  return command(ctx, id, {
    action: 'SUBMIT_FINAL_REPORT',
    change: async (app) => {
      if (app.finalReport?.acceptedAt) throw new AppError('INVALID_TRANSITION', 'The final report was already accepted.', { field: 'id' });
      const p = new Problems();
      const attached = await reportDocuments(ctx, app, input.documentIds ?? [], p);
      if (!input.spentLines?.length || input.spentLines.length > 100) p.add('input.spentLines', 'Give from 1 to 100 lines of amounts spent.');
      const amounts = (input.spentLines ?? [])
        .filter((l, i) => {
          if (!l.label?.trim() || l.label.length > 200) p.add(`input.spentLines[${i}].label`, 'Name the budget line (at most 200 characters).');
          return checkAmount(p, `input.spentLines[${i}].amount`, l.amount, { min: 0 });
        })
        .map((l) => l.amount);
      // A report accounts for money spent: lines of zeros say nothing (and used to escape the overdue block).
      if (input.spentLines?.length && amounts.length === input.spentLines.length && sum(amounts) === 0) {
        p.add('input.spentLines', 'A final report accounts for the money spent: give at least one line with a positive amount.');
      }
      checkTotal(p, 'input.spentLines', 'amounts spent', amounts);
      if (!Number.isInteger(input.beneficiariesReached) || input.beneficiariesReached < 0 || input.beneficiariesReached > 10_000_000) {
        p.add('input.beneficiariesReached', 'A whole number of people, from 0 to 10,000,000.');
      }
      const narrative = input.narrative?.trim() ?? '';
      if (!narrative || narrative.length > 10_000) p.add('input.narrative', 'Tell what was done, in at most 10,000 characters.');
      p.throwIfAny();
      return {
        guard: { 'finalReport.acceptedAt': null },
        update: {
          $set: {
            finalReport: {
              spentLines: input.spentLines.map((l) => ({ label: l.label.trim(), amount: l.amount })),
              beneficiariesReached: input.beneficiariesReached,
              narrative,
              submittedAt: clock.now(),
              submittedBy: new Types.ObjectId(ctx.viewer!.id),
              acceptedAt: null,
              acceptedBy: null,
              documents: attached.ids,
            },
            documents: attached.documents,
          },
        },
      };
    },
  });
}

export function acceptFinalReport(ctx: Context, id: string): Promise<App> {
  return command(ctx, id, {
    action: 'ACCEPT_FINAL_REPORT',
    change: (app) => {
      if (!app.finalReport) throw new AppError('INVALID_TRANSITION', 'No final report has been submitted yet.', { field: 'id' });
      if (app.finalReport.acceptedAt) throw new AppError('INVALID_TRANSITION', 'The final report was already accepted.', { field: 'id' });
      return {
        guard: { 'finalReport.submittedAt': app.finalReport.submittedAt, 'finalReport.acceptedAt': null },
        update: { $set: { 'finalReport.acceptedAt': clock.now(), 'finalReport.acceptedBy': new Types.ObjectId(ctx.viewer!.id) } },
        after: (accepted) => completeIfDone(ctx, accepted),
      };
    },
  });
}
