// The dossier on the wire: programmes' document requirements, the documents attached to an application
// and its checklists. Attached documents and checklists are shown to whoever sees the applicant's vault
// (its members, officers and admins not recused: document/document.policy.ts canSeeVault), never to
// coordinators, whatever the application's status.
import { AUTHENTICATED, roles } from '../../auth/policy';
import { loadMany } from '../../shared/loaders';
import { payload } from '../../shared/payload';
import type { AppModule } from '../module';
import { actorOf } from '../organisation/organisation.actor';
import { canSeeVault } from '../document/document.policy';
import { DocumentModel, type DocumentDoc } from '../document/document.model';
import type { App } from './application/grant-application.model';
import { requirementsOf } from './budget/document-requirements';
import { checklistOf, type DossierLookup } from './dossier/checklist';
import type { Context } from '../../context';
import { setDocumentRequirements } from './dossier/requirements';
import { attachDocument, attachedDocuments, detachDocument } from './commands/dossier';

/** The checklist's reads through the request's loaders: a page of applications costs a few batched queries. */
const lookupOf = (ctx: Context): DossierLookup => ({
  programme: (id) => ctx.loaders.grants.fundingProgrammeById.load(id),
  organisation: (id) => ctx.loaders.organisation.byId.load(id),
  documents: (ids) => loadMany(ctx.loaders.dossier.documentById, ids),
  applications: (organisation) => ctx.loaders.grants.applicationsByOrganisation.load(organisation),
});

const mayRead = async (ctx: Parameters<typeof actorOf>[0], app: Pick<App, 'organisation'>) => canSeeVault(await actorOf(ctx), app.organisation);

export const dossierModule: AppModule = {
  name: 'dossier',
  policies: {
    Mutation: {
      setDocumentRequirements: roles('ADMIN'),
      // The applicant's members; the command checks the membership and the status.
      attachDocument: AUTHENTICATED,
      detachDocument: AUTHENTICATED,
    },
  },
  resolvers: {
    Mutation: {
      setDocumentRequirements: (_, a, ctx) => payload('programme', () => setDocumentRequirements(ctx, a.programmeId, a.requirements)),
      attachDocument: (_, a, ctx) => payload('application', () => attachDocument(ctx, a.input)),
      detachDocument: (_, a, ctx) => payload('application', () => detachDocument(ctx, a.input)),
    },
    FundingProgramme: {
      documentRequirements: (p) => requirementsOf(p),
    },
    GrantApplication: {
      documents: async (a, _, ctx) => ((await mayRead(ctx, a)) ? attachedDocuments(a, lookupOf(ctx).documents) : null),
      documentChecklist: async (a, _, ctx) => ((await mayRead(ctx, a)) ? checklistOf(a, 'APPLICATION', undefined, lookupOf(ctx)) : null),
      finalReportChecklist: async (a, _, ctx) => ((await mayRead(ctx, a)) ? checklistOf(a, 'FINAL_REPORT', undefined, lookupOf(ctx)) : null),
    },
    FinalReport: {
      // The report's parent carries no organisation: each document is shown to whoever sees its own vault.
      documents: async (r, _, ctx) => {
        const ids = r.documents ?? [];
        if (!ids.length) return [];
        const [docs, actor] = await Promise.all([DocumentModel.find({ _id: { $in: ids }, deletedAt: null }).lean<DocumentDoc[]>(), actorOf(ctx)]);
        return docs.every((d) => canSeeVault(actor, d.organisation)) ? docs : null;
      },
    },
    AttachedDocument: {
      document: (a) => a.doc,
      requirementId: (a) => a.requirementId ?? null,
      attachedBy: (a, _, ctx) => (a.attachedBy ? ctx.loaders.user.byId.load(a.attachedBy) : null),
    },
    DocumentChecklistItem: {
      toReplace: (i) => i.toReplace,
    },
    DocumentRequirement: {
      maxAgeMonths: (r) => r.maxAgeMonths,
      minRequestedAmount: (r) => r.minRequestedAmount,
    },
  },
};
