// Grant applications (dossiers): the project, its budget, the officers' work on it, the decision, the
// payments and the final report. Field names are read by other modules (coordination, open data):
// keep them stable.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { GRANT_STATUSES, type GrantStatus } from '../kernel/lifecycle';

export { GRANT_STATUSES, type GrantStatus };

export const BUDGET_LINE_KINDS = ['EXPENSE', 'INCOME'] as const;
export type BudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];
export const FUNDER_STATUSES = ['REQUESTED', 'GRANTED'] as const;
export const RECOMMENDATIONS = ['APPROVE', 'REJECT', 'CHANGES'] as const;

const budgetLineSchema = new Schema(
  {
    kind: { type: String, enum: BUDGET_LINE_KINDS, required: true },
    label: { type: String, required: true, maxlength: 200 },
    /** Integer cents. */
    amount: { type: Number, required: true, min: 0 },
  },
  { _id: false },
);

const otherFunderSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 200 },
    amount: { type: Number, required: true, min: 0 },
    status: { type: String, enum: FUNDER_STATUSES, required: true },
    /** Declared by the applicant; when absent, the co-funding ledger recognises public bodies by name. */
    isPublic: { type: Boolean },
  },
  { _id: false },
);

const reviewSchema = new Schema({
  author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  scores: { type: [{ _id: false, criterion: { type: String, required: true }, score: { type: Number, required: true } }], default: [] },
  recommendation: { type: String, enum: RECOMMENDATIONS, required: true },
  comment: { type: String, maxlength: 5000, default: '' },
  createdAt: { type: Date, required: true },
});

const noteSchema = new Schema({
  author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  body: { type: String, required: true, maxlength: 5000 },
  createdAt: { type: Date, required: true },
});

const messageSchema = new Schema({
  author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  /** True when written by a member of the organisation, false when by city staff. */
  fromApplicant: { type: Boolean, required: true },
  body: { type: String, required: true, maxlength: 5000 },
  createdAt: { type: Date, required: true },
});

/** One tranche of the payment schedule; `paidAt` is set when the money went out. */
const trancheSchema = new Schema({
  amount: { type: Number, required: true, min: 1 },
  dueDate: { type: Date, required: true },
  paidAt: { type: Date, default: null },
  recordedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  /** The convention year it pays (multi-year conventions); absent means the application's year. */
  year: { type: Number, default: undefined },
});

/** One year of a multi-year request or convention: integer cents. */
const yearAmountSchema = new Schema({ year: { type: Number, required: true }, amount: { type: Number, required: true, min: 1 } }, { _id: false });

/** Aid in kind granted with the approval (premises, equipment, services), valued in cents. */
const inKindSchema = new Schema({
  kind: { type: String, enum: ['PREMISES', 'EQUIPMENT', 'SERVICES'], required: true },
  description: { type: String, required: true, maxlength: 500 },
  /** Integer cents. */
  valuation: { type: Number, required: true, min: 1 },
  /** The year the aid is given (counted toward that year's thresholds). */
  year: { type: Number, required: true },
});

/** One year of a multi-year convention (see commands/convention.ts for its states). */
const conventionYearSchema = new Schema(
  {
    year: { type: Number, required: true },
    amount: { type: Number, required: true, min: 1 },
    /** PROVISIONAL until the council votes it; COMMITTED once its amount is committed on its envelope. */
    status: { type: String, enum: ['PROVISIONAL', 'COMMITTED'], required: true },
    envelope: { type: Schema.Types.ObjectId, ref: 'BudgetEnvelope', default: null },
    councilDecision: { type: Schema.Types.ObjectId, ref: 'CouncilDecision', default: null },
    committedAt: { type: Date, default: null },
    /** A vote in flight (claimed before the envelope is touched; reconciliation finishes or clears it). */
    voting: {
      type: new Schema(
        {
          token: { type: String, required: true },
          envelope: { type: Schema.Types.ObjectId, required: true },
          councilDecision: { type: Schema.Types.ObjectId, required: true },
          actor: { type: Schema.Types.ObjectId, default: null },
          startedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    /** The year's interim report (compte-rendu intermédiaire): gates the next year's payments. */
    interimReport: {
      type: new Schema(
        {
          narrative: { type: String, required: true, maxlength: 10000 },
          amountSpent: { type: Number, required: true, min: 0 },
          submittedAt: { type: Date, required: true },
          submittedBy: { type: Schema.Types.ObjectId, ref: 'User' },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { _id: false },
);

/** An amendment (avenant) to a multi-year convention: what the years were and became, and why. */
const amendmentSchema = new Schema(
  {
    version: { type: Number, required: true },
    reason: { type: String, required: true, maxlength: 2000 },
    before: { type: [yearAmountSchema], default: [] },
    after: { type: [yearAmountSchema], default: [] },
    amendedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    amendedAt: { type: Date, required: true },
  },
  { _id: false },
);

/** A multi-year convention of objectives (CPO), recorded at approval; version 1 is the approval's. */
const multiYearSchema = new Schema(
  {
    version: { type: Number, required: true, default: 1 },
    years: { type: [conventionYearSchema], default: [] },
    amendments: { type: [amendmentSchema], default: [] },
  },
  { _id: false },
);

/** Who the grant went to, as of the decision (open data publishes this, not today's record). */
const beneficiarySchema = new Schema(
  { name: { type: String, required: true }, siret: { type: String, default: null }, rna: { type: String, default: null } },
  { _id: false },
);

const decisionSchema = new Schema(
  {
    outcome: { type: String, enum: ['APPROVED', 'REJECTED'], required: true },
    /** Granted amount in cents; null for a rejection. */
    amount: { type: Number, default: null },
    envelope: { type: Schema.Types.ObjectId, ref: 'BudgetEnvelope', default: null },
    motivation: { type: String, required: true, maxlength: 2000 },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    decidedAt: { type: Date, required: true },
  },
  { _id: false },
);

/** Step 1 of an approval: claimed on the application before the envelope is touched (see commands/decide.ts). */
const pendingDecisionSchema = new Schema(
  {
    token: { type: String, required: true },
    amount: { type: Number, required: true },
    envelope: { type: Schema.Types.ObjectId, ref: 'BudgetEnvelope', required: true },
    motivation: { type: String, required: true },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    startedAt: { type: Date, required: true },
    /** What the approval writes besides the decision (convention years, aid in kind, council decision, beneficiary). */
    extra: { type: Schema.Types.Mixed, default: null },
  },
  { _id: false },
);

const finalReportSchema = new Schema(
  {
    /** Amounts actually spent per budget line (cents). */
    spentLines: { type: [{ _id: false, label: { type: String, required: true }, amount: { type: Number, required: true, min: 0 } }], default: [] },
    beneficiariesReached: { type: Number, min: 0, required: true },
    narrative: { type: String, maxlength: 10000, required: true },
    submittedAt: { type: Date, required: true },
    submittedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    acceptedAt: { type: Date, default: null },
    acceptedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** The financial report and proofs of expense submitted with it (vault documents; also in `documents`). */
    documents: { type: [Schema.Types.ObjectId], ref: 'Document', default: [] },
  },
  { _id: false },
);

/** A document of the organisation's vault attached to the application (see modules/document). */
const attachedDocumentSchema = new Schema(
  {
    document: { type: Schema.Types.ObjectId, ref: 'Document', required: true },
    /** The programme's requirement it answers (DocumentRequirement.id), when it answers one. */
    requirementId: { type: String, default: null },
    attachedAt: { type: Date, required: true },
    attachedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { _id: false },
);

/** An activity record not yet copied into the audit trail (transactional outbox; see commands/command.ts). */
const outboxSchema = new Schema(
  {
    key: { type: String, required: true },
    action: { type: String, required: true },
    actor: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    fromStatus: { type: String, default: null },
    toStatus: { type: String, default: null },
    reason: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** A grant withdrawn by the city (commands/withdraw.ts): the recovery order and its settlement. */
const recoverySchema = new Schema({
  /** The amount to pay back (cents): what was paid beyond the share of the period elapsed; may be 0. */
  amount: { type: Number, required: true, min: 0 },
  reason: { type: String, enum: ['REPUBLICAN_CONTRACT_BREACH', 'CONDITIONS_UNMET'], required: true },
  details: { type: String, maxlength: 2000, required: true },
  effectiveOn: { type: Date, required: true },
  /** The grant's period the pro rata is taken over, and the amount it keeps (granted x elapsed / period). */
  periodStart: { type: Date, required: true },
  periodEnd: { type: Date, required: true },
  earned: { type: Number, required: true, min: 0 },
  paidAtWithdrawal: { type: Number, required: true, min: 0 },
  orderedAt: { type: Date, required: true },
  orderedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  /** When the money came back (recordRecovery); null until then. */
  recoveredOn: { type: Date, default: null },
  recordedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
});

const grantApplicationSchema = new Schema(
  {
    /** Human readable, unique: `2026-00042` (programme year, then a per-year counter). */
    number: { type: String, required: true },
    organisation: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    programme: { type: Schema.Types.ObjectId, ref: 'FundingProgramme', required: true },
    /** The programme's year, copied for grouping and filtering. */
    year: { type: Number, required: true },
    title: { type: String, required: true, maxlength: 200 },
    description: { type: String, required: true, maxlength: 10000 },
    objectives: { type: String, maxlength: 5000, default: '' },
    targetNeighbourhoods: { type: [Schema.Types.ObjectId], ref: 'Neighbourhood', default: [] },
    targetDomains: { type: [Schema.Types.ObjectId], ref: 'Domain', default: [] },
    expectedBeneficiaries: { type: Number, min: 0, default: null },
    budgetLines: { type: [budgetLineSchema], default: [] },
    otherFunders: { type: [otherFunderSchema], default: [] },
    /** Integer cents. */
    requestedAmount: { type: Number, required: true, min: 1 },
    /** A multi-year request: 2 to 4 consecutive years from the programme's; requestedAmount is their sum. Empty: one year. */
    years: { type: [yearAmountSchema], default: [] },
    republicanContractAttested: { type: Boolean, default: false },
    status: { type: String, enum: GRANT_STATUSES, required: true, default: 'DRAFT' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    submittedAt: { type: Date, default: null },
    assignedTo: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** The last request for changes, shown to the applicant. */
    changesRequested: { type: String, maxlength: 5000, default: null },
    reviews: { type: [reviewSchema], default: [] },
    notes: { type: [noteSchema], default: [] },
    messages: { type: [messageSchema], default: [] },
    pendingDecision: { type: pendingDecisionSchema, default: null },
    decision: { type: decisionSchema, default: null },
    /** Mandatory before the first payment of a grant above 23,000 EUR (loi 2000-321 art. 10). */
    convention: {
      type: new Schema({ reference: { type: String, required: true, maxlength: 100 }, signedAt: { type: Date, required: true } }, { _id: false }),
      default: null,
    },
    /** The payment schedule (tranches). */
    payments: { type: [trancheSchema], default: [] },
    /** Sum of the paid tranches, cents; never above decision.amount (guarded update). */
    paidAmount: { type: Number, min: 0, default: 0 },
    /** 6 months after the end of the funded year (set on approval). */
    reportDueOn: { type: Date, default: null },
    finalReport: { type: finalReportSchema, default: null },
    /** Set when the city withdraws the grant (withdrawGrant); its _id keys the envelope's recovery entry. */
    recovery: { type: recoverySchema, default: null },
    /** The vault documents attached to this application (the dossier), each for one of the programme's requirements or none. */
    documents: { type: [attachedDocumentSchema], default: [] },
    /** Attached documents the last change request asked the applicant to replace (grants/dossier/checklist.ts). */
    documentsToReplace: { type: [Schema.Types.ObjectId], default: [] },
    /** Aid in kind granted with the approval. */
    inKind: { type: [inKindSchema], default: [] },
    /** The multi-year convention (null for a one-year grant). */
    multiYear: { type: multiYearSchema, default: null },
    /** The council deliberation that decided the grant (SCDL referenceDecision). */
    councilDecision: { type: Schema.Types.ObjectId, ref: 'CouncilDecision', default: null },
    /** The beneficiary's identity frozen at the decision. */
    beneficiary: { type: beneficiarySchema, default: null },
    /** When the grant first appeared in an open-data export. */
    firstPublishedAt: { type: Date, default: null },
    outbox: { type: [outboxSchema], default: [] },
  },
  { timestamps: true },
);

grantApplicationSchema.index({ number: 1 }, { unique: true });
grantApplicationSchema.index({ organisation: 1, createdAt: -1 });
grantApplicationSchema.index({ status: 1, createdAt: -1 });
grantApplicationSchema.index({ programme: 1, status: 1 });
grantApplicationSchema.index({ assignedTo: 1, status: 1 });
grantApplicationSchema.index({ 'outbox.0': 1 }, { sparse: true });
// The boot's reconciliation (commands/reconcile.ts): decisions in flight, and what changed since its last pass.
grantApplicationSchema.index({ 'pendingDecision.startedAt': 1 }, { sparse: true, name: 'reconcile_pending' });
grantApplicationSchema.index({ updatedAt: 1 }, { name: 'reconcile_changed' });
grantApplicationSchema.index({ title: 'text', description: 'text', number: 'text' }, { default_language: 'french', name: 'grant_text' });
// Read by other modules, declared here with the collection: the open-data exports (decided grants by
// decision date) and the co-funding alerts (a programme year's live applications).
grantApplicationSchema.index({ 'decision.decidedAt': 1, number: 1 }, { name: 'opendata_decided_at' });
grantApplicationSchema.index({ year: 1, status: 1 }, { name: 'coordination_year_status' });
// The vault asks which applications use a document (deleteDocument, the coordinators' reading rule).
grantApplicationSchema.index({ 'documents.document': 1, status: 1 }, { name: 'document_in_use' });
// Approved grants awaiting a council decision, and those awaiting their first publication.
grantApplicationSchema.index({ status: 1, councilDecision: 1, 'decision.decidedAt': 1 }, { name: 'council_pending' });
grantApplicationSchema.index({ firstPublishedAt: 1, status: 1 }, { name: 'opendata_unpublished' });

export type GrantApplicationDoc = InferSchemaType<typeof grantApplicationSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const GrantApplicationModel = model('GrantApplication', grantApplicationSchema);
/** An application as the grants code reads it (lean). */
export type App = GrantApplicationDoc;
