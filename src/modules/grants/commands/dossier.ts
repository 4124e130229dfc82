// Building the dossier (commands layer): the applicant attaches documents of the organisation's vault to the application,
// or detaches them, while it is editable (the EDIT step of the lifecycle table: DRAFT or CHANGES_REQUESTED,
// by the applicant's members). The same vault document may serve any number of applications, so last
// year's statutes answer this year's application without a new upload.
import { Types } from 'mongoose';
import { AppError } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { toObjectId } from '../../../shared/ids';
import { DocumentModel, type DocumentDoc } from '../../document/document.model';
import { documentStatus, visibleDocument } from '../../document/document.service';
import { clock } from '../kernel/clock';
import type { App } from '../application/grant-application.model';
import { FundingProgrammeModel, type FundingProgrammeDoc } from '../budget/funding-programme.model';
import { command } from './command';
import { requirementById } from '../dossier/requirements';

/** The most documents one application holds. */
export const MAX_ATTACHED = 60;

export interface AttachDocumentInput {
  applicationId: string;
  documentId: string;
  requirementId?: string | null;
}

interface Attached {
  document: Types.ObjectId;
  requirementId?: string | null;
  attachedAt: Date;
  attachedBy?: Types.ObjectId | null;
}

const attachedOf = (app: App): Attached[] => ((app as { documents?: Attached[] | null }).documents ?? []).map((a) => ({ ...a }));

/**
 * A document of the applicant organisation's vault. Another organisation's document the viewer may see is
 * refused by name; one they may not see is not found (its existence is not revealed).
 */
async function applicantDocument(ctx: Context, app: App, documentId: string): Promise<DocumentDoc> {
  const doc = await visibleDocument(ctx, documentId, 'input.documentId');
  if (String(doc.organisation) !== String(app.organisation)) {
    throw new AppError('BAD_USER_INPUT', "This document belongs to another organisation: attach one of the applicant organisation's documents.", {
      field: 'input.documentId',
    });
  }
  return doc;
}

export function attachDocument(ctx: Context, input: AttachDocumentInput): Promise<App> {
  return command(ctx, input.applicationId, {
    action: 'EDIT',
    change: async (app) => {
      const doc = await applicantDocument(ctx, app, input.documentId);
      if (documentStatus(doc, clock.now()) === 'SUPERSEDED') {
        throw new AppError('BAD_USER_INPUT', 'A newer version of this document is in the vault: attach that one.', { field: 'input.documentId' });
      }
      const requirementId = input.requirementId?.trim() || null;
      if (requirementId) {
        const programme = await FundingProgrammeModel.findById(app.programme, { documentRequirements: 1 }).lean<FundingProgrammeDoc>();
        const r = requirementById(programme, requirementId, 'input.requirementId');
        if (r.kind !== doc.kind) {
          throw new AppError('BAD_USER_INPUT', `"${r.label}" asks for a document of kind ${r.kind}; this one is ${doc.kind}.`, { field: 'input.documentId' });
        }
      }
      const current = attachedOf(app);
      // Attaching again moves the document to this requirement; a requirement's previous document stays
      // attached (the checklist reads the latest) until the applicant detaches it.
      const rest = current.filter((a) => String(a.document) !== String(doc._id));
      if (rest.length >= MAX_ATTACHED) {
        throw new AppError('BAD_USER_INPUT', `An application holds at most ${MAX_ATTACHED} documents: detach one first.`, { field: 'input.documentId' });
      }
      const next = [...rest, { document: doc._id, requirementId, attachedAt: clock.now(), attachedBy: new Types.ObjectId(ctx.viewer!.id) }];
      return {
        reason: requirementId ? `Document attached for ${requirementId}` : 'Document attached',
        // Compare-and-set on the last write: two attachments at once cannot lose one another.
        guard: { updatedAt: app.updatedAt },
        update: { $set: { documents: next } },
      };
    },
  });
}

export function detachDocument(ctx: Context, input: { applicationId: string; documentId: string }): Promise<App> {
  return command(ctx, input.applicationId, {
    action: 'EDIT',
    change: (app) => {
      const id = toObjectId(input.documentId, 'input.documentId');
      const current = attachedOf(app);
      const gone = current.find((a) => String(a.document) === String(id));
      if (!gone) throw new AppError('BAD_USER_INPUT', 'This document is not attached to the application.', { field: 'input.documentId' });
      return {
        reason: gone.requirementId ? `Document detached from ${gone.requirementId}` : 'Document detached',
        guard: { updatedAt: app.updatedAt },
        update: { $set: { documents: current.filter((a) => a !== gone) } },
      };
    },
  });
}

/** An attached document with its vault record. */
export type AttachedDocumentParent = Attached & { doc: DocumentDoc };

/** The attached documents still in the vault (the resolver checks that the viewer may see the dossier at all). */
export async function attachedDocuments(
  app: App,
  documents: (ids: Types.ObjectId[]) => Promise<(DocumentDoc | null)[]> = (ids) => DocumentModel.find({ _id: { $in: ids } }).lean<DocumentDoc[]>(),
): Promise<AttachedDocumentParent[]> {
  const attached = attachedOf(app);
  if (!attached.length) return [];
  const docs = await documents(attached.map((a) => a.document));
  const byId = new Map(docs.flatMap((d) => (d && !d.deletedAt ? [[String(d._id), d] as const] : [])));
  return attached.flatMap((a) => {
    const doc = byId.get(String(a.document));
    return doc ? [{ ...a, doc }] : [];
  });
}
