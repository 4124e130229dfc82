// The grants on the wire: thin resolvers over the services, the policy of every root field, and the
// boot-time reconciliation of envelopes.
import { AUTHENTICATED, PUBLIC, roles } from '../../auth/policy';
import type { Context } from '../../context';
import type { Connection, PageArgs } from '../../shared/pagination';
import { loadMany } from '../../shared/loaders';
import { payload } from '../../shared/payload';
import type { AppModule } from '../module';
import type { OrganisationDoc } from '../organisation/organisation.model';
import { visibleOrganisation } from '../organisation/organisation.service';
import { today } from './kernel/clock';
import { sum } from './kernel/money';
import type { App } from './application/grant-application.model';
import type { ConflictOfInterestDoc } from './application/conflict-of-interest.model';
import { canSeeApplication, canSeeInternals, canSeeMessages, permissionsOf } from './application/grant-application.policy';
import { actorOf, getGrantApplication, listGrantApplications, myConflictsOfInterest, type ApplicationFilter } from './application/grant-application.queries';
import type { FundingProgrammeDoc } from './budget/funding-programme.model';
import { ensureEnvelopeValidator, type BudgetEnvelopeDoc } from './budget/budget-envelope.model';
import {
  createBudgetEnvelope,
  createFundingProgramme,
  getFundingProgramme,
  listFundingProgrammes,
  updateBudgetEnvelope,
  updateFundingProgramme,
  type EnvelopeInput,
  type ProgrammeInput,
} from './budget/funding-programme.service';
import {
  createGrantApplication,
  submitGrantApplication,
  updateGrantApplication,
  withdrawGrantApplication,
  type ApplicationContentInput,
  type CreateApplicationInput,
} from './commands/submit';
import { addPrivateNote, addReview, declareConflictOfInterest, requestChanges, sendGrantMessage, startReview, type ReviewInput } from './commands/review';
import { approveGrantApplication, rejectGrantApplication, reopenGrantApplication, type ApproveInput } from './commands/decide';
import { recordConvention, recordPayment, schedulePayments, type PaymentInput } from './commands/pay';
import { acceptFinalReport, submitFinalReport, type FinalReportInput } from './commands/report';
import { DEFAULT_GRACE_MS, reconcileEnvelopes } from './commands/reconcile';
import { nullIfNotFound } from '../../errors/app-error';
import { isoDay } from '../../shared/dates';

const STAFF = roles('OFFICER', 'ADMIN');
const INTERNAL_ACTIONS = new Set(['ADD_REVIEW']);
/** History records whose reason is a message to the applicant (the change request's text). */
const MESSAGE_ACTIONS = new Set(['REQUEST_CHANGES']);
const ADMIN = roles('ADMIN');
const dayOrNull = (d: Date | null | undefined) => (d ? isoDay(d) : null);
type Id = { id: string };
const app = (run: () => Promise<App>) => payload('application', run);

export const grantsModule: AppModule = {
  name: 'grants',
  policies: {
    Query: { fundingProgrammes: PUBLIC, fundingProgramme: PUBLIC, grantApplications: AUTHENTICATED, grantApplication: AUTHENTICATED, myConflictsOfInterest: STAFF },
    Mutation: {
      createFundingProgramme: ADMIN,
      updateFundingProgramme: ADMIN,
      createBudgetEnvelope: ADMIN,
      updateBudgetEnvelope: ADMIN,
      reconcileEnvelopes: ADMIN,
      // Members act on their organisations' applications; the service checks the membership.
      createGrantApplication: AUTHENTICATED,
      updateGrantApplication: AUTHENTICATED,
      submitGrantApplication: AUTHENTICATED,
      withdrawGrantApplication: AUTHENTICATED,
      submitFinalReport: AUTHENTICATED,
      sendGrantMessage: AUTHENTICATED,
      startReview: STAFF,
      requestChanges: STAFF,
      addReview: STAFF,
      addPrivateNote: STAFF,
      approveGrantApplication: STAFF,
      rejectGrantApplication: STAFF,
      reopenGrantApplication: STAFF,
      schedulePayments: STAFF,
      recordConvention: STAFF,
      recordPayment: STAFF,
      acceptFinalReport: STAFF,
      declareConflictOfInterest: STAFF,
    },
  },
  onBoot: async ({ log, embedded }) => {
    if (!(await ensureEnvelopeValidator())) log.warn('budget envelopes: the database cannot add the invariant validator to the existing collection');
    // An embedded database has one server: nothing else can be mid-decision, so repair everything.
    await reconcileEnvelopes({ graceMs: embedded ? 0 : DEFAULT_GRACE_MS, log });
  },
  resolvers: {
    Query: {
      fundingProgrammes: (_: unknown, args: { year?: number | null }, ctx: Context) => listFundingProgrammes(ctx, args.year),
      fundingProgramme: (_: unknown, args: Id, ctx: Context) => nullIfNotFound(() => getFundingProgramme(ctx, args.id)),
      grantApplications: (_: unknown, args: PageArgs & { filter?: ApplicationFilter }, ctx: Context) => listGrantApplications(ctx, args.filter ?? {}, args),
      grantApplication: (_: unknown, args: Id, ctx: Context) => getGrantApplication(ctx, args.id),
      myConflictsOfInterest: (_: unknown, __: unknown, ctx: Context) => myConflictsOfInterest(ctx),
    },
    Mutation: {
      createFundingProgramme: (_: unknown, a: { input: ProgrammeInput }, ctx: Context) => payload('programme', () => createFundingProgramme(ctx, a.input)),
      updateFundingProgramme: (_: unknown, a: Id & { input: ProgrammeInput }, ctx: Context) => payload('programme', () => updateFundingProgramme(ctx, a.id, a.input)),
      createBudgetEnvelope: (_: unknown, a: { input: EnvelopeInput }, ctx: Context) => payload('envelope', () => createBudgetEnvelope(ctx, a.input)),
      updateBudgetEnvelope: (_: unknown, a: Id & { input: EnvelopeInput }, ctx: Context) => payload('envelope', () => updateBudgetEnvelope(ctx, a.id, a.input)),
      reconcileEnvelopes: (_: unknown, __: unknown, ctx: Context) => payload('report', () => reconcileEnvelopes({ log: ctx.log })),
      createGrantApplication: (_: unknown, a: { input: CreateApplicationInput }, ctx: Context) => app(() => createGrantApplication(ctx, a.input)),
      updateGrantApplication: (_: unknown, a: Id & { input: ApplicationContentInput }, ctx: Context) => app(() => updateGrantApplication(ctx, a.id, a.input)),
      submitGrantApplication: (_: unknown, a: Id, ctx: Context) => app(() => submitGrantApplication(ctx, a.id)),
      withdrawGrantApplication: (_: unknown, a: Id & { reason?: string | null }, ctx: Context) => app(() => withdrawGrantApplication(ctx, a.id, a.reason)),
      startReview: (_: unknown, a: Id, ctx: Context) => app(() => startReview(ctx, a.id)),
      requestChanges: (_: unknown, a: Id & { message: string }, ctx: Context) => app(() => requestChanges(ctx, a.id, a.message)),
      addReview: (_: unknown, a: Id & { input: ReviewInput }, ctx: Context) => app(() => addReview(ctx, a.id, a.input)),
      addPrivateNote: (_: unknown, a: Id & { body: string }, ctx: Context) => app(() => addPrivateNote(ctx, a.id, a.body)),
      sendGrantMessage: (_: unknown, a: Id & { body: string }, ctx: Context) => app(() => sendGrantMessage(ctx, a.id, a.body)),
      approveGrantApplication: (_: unknown, a: Id & { input: ApproveInput }, ctx: Context) => app(() => approveGrantApplication(ctx, a.id, a.input)),
      rejectGrantApplication: (_: unknown, a: Id & { input: { motivation: string } }, ctx: Context) => app(() => rejectGrantApplication(ctx, a.id, a.input)),
      reopenGrantApplication: (_: unknown, a: Id & { reason?: string | null }, ctx: Context) => app(() => reopenGrantApplication(ctx, a.id, a.reason)),
      schedulePayments: (_: unknown, a: Id & { tranches: { amount: number; dueDate: string }[] }, ctx: Context) => app(() => schedulePayments(ctx, a.id, a.tranches)),
      recordConvention: (_: unknown, a: Id & { input: { reference: string; signedOn: string } }, ctx: Context) => app(() => recordConvention(ctx, a.id, a.input)),
      recordPayment: (_: unknown, a: Id & { input: PaymentInput }, ctx: Context) => app(() => recordPayment(ctx, a.id, a.input)),
      submitFinalReport: (_: unknown, a: Id & { input: FinalReportInput }, ctx: Context) => app(() => submitFinalReport(ctx, a.id, a.input)),
      acceptFinalReport: (_: unknown, a: Id, ctx: Context) => app(() => acceptFinalReport(ctx, a.id)),
      declareConflictOfInterest: (_: unknown, a: { organisationId: string; reason: string }, ctx: Context) =>
        payload('conflict', () => declareConflictOfInterest(ctx, a.organisationId, a.reason)),
    },
    FundingProgramme: {
      id: (p: FundingProgrammeDoc) => String(p._id),
      description: (p: FundingProgrammeDoc) => p.description ?? '',
      domains: (p: FundingProgrammeDoc, _: unknown, ctx: Context) => loadMany(ctx.loaders.reference.domainById, p.domains),
      isOpen: (p: FundingProgrammeDoc) => p.opensOn <= today() && today() <= p.closesOn,
      eligibleLegalForms: (p: FundingProgrammeDoc) => p.eligibleLegalForms ?? [],
      envelopes: (p: FundingProgrammeDoc, _: unknown, ctx: Context) => ctx.loaders.grants.envelopesByProgramme.load(p._id),
    },
    BudgetEnvelope: {
      id: (e: BudgetEnvelopeDoc) => String(e._id),
      programme: (e: BudgetEnvelopeDoc, _: unknown, ctx: Context) => ctx.loaders.grants.fundingProgrammeById.load(e.programme),
      remaining: (e: BudgetEnvelopeDoc) => e.total - e.committed,
    },
    GrantApplicationConnection: {
      totalCount: (c: Connection<App>) => c.totalCount(),
    },
    GrantApplication: {
      id: (a: App) => String(a._id),
      organisation: (a: App, _: unknown, ctx: Context) => visibleOrganisation(ctx, a.organisation),
      programme: (a: App, _: unknown, ctx: Context) => ctx.loaders.grants.fundingProgrammeById.load(a.programme),
      objectives: (a: App) => a.objectives ?? '',
      targetNeighbourhoods: (a: App, _: unknown, ctx: Context) => loadMany(ctx.loaders.reference.neighbourhoodById, a.targetNeighbourhoods),
      targetDomains: (a: App, _: unknown, ctx: Context) => loadMany(ctx.loaders.reference.domainById, a.targetDomains),
      budgetLines: (a: App) => a.budgetLines ?? [],
      totalExpenses: (a: App) => sum((a.budgetLines ?? []).filter((l) => l.kind === 'EXPENSE').map((l) => l.amount)),
      otherFunders: (a: App) => a.otherFunders ?? [],
      republicanContractAttested: (a: App) => !!a.republicanContractAttested,
      assignedTo: (a: App, _: unknown, ctx: Context) => (a.assignedTo ? ctx.loaders.user.byId.load(a.assignedTo) : null),
      reviews: (a: App, _: unknown, ctx: Context) => (canSeeInternals(ctx.viewer) ? (a.reviews ?? []) : null),
      privateNotes: (a: App, _: unknown, ctx: Context) => (canSeeInternals(ctx.viewer) ? (a.notes ?? []) : null),
      changesRequested: (a: App, _: unknown, ctx: Context) => (canSeeMessages(ctx.viewer, a) ? (a.changesRequested ?? null) : null),
      messages: (a: App, _: unknown, ctx: Context) => (canSeeMessages(ctx.viewer, a) ? (a.messages ?? []) : []),
      convention: (a: App) => (a.convention ? { reference: a.convention.reference, signedOn: dayOrNull(a.convention.signedAt) } : null),
      payments: (a: App) => (a.payments ?? []).map((t) => ({ id: String(t._id), amount: t.amount, dueDate: dayOrNull(t.dueDate), paidOn: dayOrNull(t.paidAt) })),
      paidAmount: (a: App) => a.paidAmount ?? 0,
      reportDueOn: (a: App) => dayOrNull(a.reportDueOn),
      reportOverdue: (a: App) => a.status === 'APPROVED' && !a.finalReport && !!a.reportDueOn && a.reportDueOn < today(),
      history: async (a: App, _: unknown, ctx: Context) => {
        const records = await ctx.loaders.activity.byObject.load(a._id);
        // Reviews are internal: the applicant sees the transitions, not the officers' recommendations.
        if (canSeeInternals(ctx.viewer)) return records;
        const shown = records.filter((r) => !INTERNAL_ACTIONS.has(r.action));
        // A change request's reason is the message itself: only those who read the messages read it.
        if (canSeeMessages(ctx.viewer, a)) return shown;
        return shown.map((r) => (MESSAGE_ACTIONS.has(r.action) ? { ...r, reason: null } : r));
      },
      permissions: async (a: App, _: unknown, ctx: Context) => permissionsOf(await actorOf(ctx), a),
    },
    GrantDecision: {
      envelope: (d: { envelope?: unknown }, _: unknown, ctx: Context) => (d.envelope ? ctx.loaders.grants.budgetEnvelopeById.load(d.envelope) : null),
      decidedBy: (d: { decidedBy?: unknown }, _: unknown, ctx: Context) => (d.decidedBy ? ctx.loaders.user.byId.load(d.decidedBy) : null),
    },
    GrantReview: {
      id: (r: { _id: unknown }) => String(r._id),
      author: (r: { author: unknown }, _: unknown, ctx: Context) => ctx.loaders.user.byId.load(r.author),
    },
    GrantNote: {
      id: (r: { _id: unknown }) => String(r._id),
      author: (r: { author: unknown }, _: unknown, ctx: Context) => ctx.loaders.user.byId.load(r.author),
    },
    GrantMessage: {
      id: (r: { _id: unknown }) => String(r._id),
      author: (r: { author: unknown }, _: unknown, ctx: Context) => ctx.loaders.user.byId.load(r.author),
    },
    ConflictOfInterest: {
      id: (c: ConflictOfInterestDoc) => String(c._id),
      organisation: (c: ConflictOfInterestDoc, _: unknown, ctx: Context) => ctx.loaders.organisation.byId.load(c.organisation),
    },
    Organisation: {
      grantApplications: async (o: OrganisationDoc, _: unknown, ctx: Context) => {
        if (!ctx.viewer) return [];
        const apps = (await ctx.loaders.grants.applicationsByOrganisation.load(o._id)) as unknown as App[];
        return apps.filter((a) => canSeeApplication(ctx.viewer, a));
      },
    },
  },
};
