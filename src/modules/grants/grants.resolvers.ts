// The grants on the wire: thin resolvers over the services, the policy of every root field, and the
// boot-time reconciliation of envelopes.
import { AUTHENTICATED, PUBLIC, roles } from '../../auth/policy';
import { loadMany } from '../../shared/loaders';
import { payload } from '../../shared/payload';
import { firstOf } from '../../shared/pagination';
import type { AppModule } from '../module';
import { visibleOrganisation } from '../organisation/organisation.service';
import { withActor } from '../organisation/organisation.actor';
import { today } from './kernel/clock';
import { sum } from './kernel/money';
import type { App } from './application/grant-application.model';
import { canSeeApplication, canSeeInternals, canSeeMessages, permissionsOf } from './application/grant-application.policy';
import { actorOf, getGrantApplication, isReportOverdue, listGrantApplications, myConflictsOfInterest } from './application/grant-application.queries';
import { ensureEnvelopeValidator } from './budget/budget-envelope.model';
import { migrateEmbeddedLedgers } from './budget/budget-envelope.service';
import {
  createBudgetEnvelope,
  createFundingProgramme,
  getFundingProgramme,
  listFundingProgrammes,
  updateBudgetEnvelope,
  updateFundingProgramme,
} from './budget/funding-programme.service';
import { createGrantApplication, submitGrantApplication, updateGrantApplication, withdrawGrantApplication } from './commands/submit';
import { addPrivateNote, addReview, declareConflictOfInterest, requestChanges, sendGrantMessage, startReview } from './commands/review';
import { approveGrantApplication, rejectGrantApplication, reopenGrantApplication } from './commands/decide';
import { recordConvention, recordPayment, schedulePayments } from './commands/pay';
import { acceptFinalReport, submitFinalReport } from './commands/report';
import { DEFAULT_GRACE_MS, reconcileEnvelopes } from './commands/reconcile';
import { nullIfNotFound } from '../../errors/app-error';
import { isoDay } from '../../shared/dates';

const STAFF = roles('OFFICER', 'ADMIN');
const INTERNAL_ACTIONS = new Set(['ADD_REVIEW']);
/** History records whose reason is a message to the applicant (the change request's text). */
const MESSAGE_ACTIONS = new Set(['REQUEST_CHANGES']);
const ADMIN = roles('ADMIN');
const dayOrNull = (d: Date | null | undefined) => (d ? isoDay(d) : null);
const app = (run: () => Promise<App>) => payload('application', run);
/** A link the schema says is always there (an envelope's programme): a missing one is a broken reference, not a null. */
const linked =
  (what: string) =>
  <T>(doc: T | null): T => {
    if (doc === null) throw new Error(`Broken reference: the ${what} is missing.`);
    return doc;
  };

export const grantsModule: AppModule = {
  name: 'grants',
  policies: {
    Query: {
      fundingProgrammes: PUBLIC,
      fundingProgramme: PUBLIC,
      grantApplications: AUTHENTICATED,
      grantApplication: AUTHENTICATED,
      myConflictsOfInterest: STAFF,
    },
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
    // The ledgers moved out of the envelope documents: copy any old embedded one first (idempotent).
    const migrated = await migrateEmbeddedLedgers();
    if (migrated.envelopes) log.info({ migrated }, 'budget envelopes: embedded ledgers moved to their collections');
    // An embedded database has one server: nothing else can be mid-decision, so repair everything. Only
    // what can need repair: what changed since the last complete pass (reconcile.ts).
    await reconcileEnvelopes({ graceMs: embedded ? 0 : DEFAULT_GRACE_MS, log, incremental: true });
  },
  resolvers: {
    Query: {
      fundingProgrammes: (_, args, ctx) => firstOf(args.first, () => listFundingProgrammes(ctx, args.year)),
      fundingProgramme: (_, args, ctx) => nullIfNotFound(() => getFundingProgramme(ctx, args.id)),
      grantApplications: (_, args, ctx) => withActor(ctx, listGrantApplications(ctx, args.filter ?? {}, args)),
      grantApplication: (_, args, ctx) => withActor(ctx, getGrantApplication(ctx, args.id)),
      myConflictsOfInterest: (_, args, ctx) => firstOf(args.first, () => myConflictsOfInterest(ctx)),
    },
    Mutation: {
      createFundingProgramme: (_, a, ctx) => payload('programme', () => createFundingProgramme(ctx, a.input)),
      updateFundingProgramme: (_, a, ctx) => payload('programme', () => updateFundingProgramme(ctx, a.id, a.input)),
      createBudgetEnvelope: (_, a, ctx) => payload('envelope', () => createBudgetEnvelope(ctx, a.input)),
      updateBudgetEnvelope: (_, a, ctx) => payload('envelope', () => updateBudgetEnvelope(ctx, a.id, a.input)),
      reconcileEnvelopes: (_, __, ctx) => payload('report', () => reconcileEnvelopes({ log: ctx.log })),
      createGrantApplication: (_, a, ctx) => app(() => createGrantApplication(ctx, a.input)),
      updateGrantApplication: (_, a, ctx) => app(() => updateGrantApplication(ctx, a.id, a.input)),
      submitGrantApplication: (_, a, ctx) => app(() => submitGrantApplication(ctx, a.id)),
      withdrawGrantApplication: (_, a, ctx) => app(() => withdrawGrantApplication(ctx, a.id, a.reason)),
      startReview: (_, a, ctx) => app(() => startReview(ctx, a.id)),
      requestChanges: (_, a, ctx) => app(() => requestChanges(ctx, a.id, a.message, a.replaceDocumentIds)),
      addReview: (_, a, ctx) => app(() => addReview(ctx, a.id, a.input)),
      addPrivateNote: (_, a, ctx) => app(() => addPrivateNote(ctx, a.id, a.body)),
      sendGrantMessage: (_, a, ctx) => app(() => sendGrantMessage(ctx, a.id, a.body)),
      approveGrantApplication: (_, a, ctx) => app(() => approveGrantApplication(ctx, a.id, a.input)),
      rejectGrantApplication: (_, a, ctx) => app(() => rejectGrantApplication(ctx, a.id, a.input)),
      reopenGrantApplication: (_, a, ctx) => app(() => reopenGrantApplication(ctx, a.id, a.reason)),
      schedulePayments: (_, a, ctx) => app(() => schedulePayments(ctx, a.id, a.tranches)),
      recordConvention: (_, a, ctx) => app(() => recordConvention(ctx, a.id, a.input)),
      recordPayment: (_, a, ctx) => app(() => recordPayment(ctx, a.id, a.input)),
      submitFinalReport: (_, a, ctx) => app(() => submitFinalReport(ctx, a.id, a.input)),
      acceptFinalReport: (_, a, ctx) => app(() => acceptFinalReport(ctx, a.id)),
      declareConflictOfInterest: (_, a, ctx) => payload('conflict', () => declareConflictOfInterest(ctx, a.organisationId, a.reason)),
    },
    FundingProgramme: {
      id: (p) => String(p._id),
      description: (p) => p.description ?? '',
      domains: (p, _, ctx) => loadMany(ctx.loaders.reference.domainById, p.domains),
      isOpen: (p) => p.opensOn <= today() && today() <= p.closesOn,
      eligibleLegalForms: (p) => p.eligibleLegalForms ?? [],
      envelopes: (p, args, ctx) => firstOf(args.first, () => ctx.loaders.grants.envelopesByProgramme.load(p._id)),
    },
    BudgetEnvelope: {
      id: (e) => String(e._id),
      programme: (e, _, ctx) => ctx.loaders.grants.fundingProgrammeById.load(e.programme).then(linked('funding programme')),
      remaining: (e) => e.total - e.committed,
    },
    GrantApplicationConnection: {
      totalCount: (c) => c.totalCount(),
    },
    GrantApplication: {
      id: (a) => String(a._id),
      organisation: (a, _, ctx) => visibleOrganisation(ctx, a.organisation),
      programme: (a, _, ctx) => ctx.loaders.grants.fundingProgrammeById.load(a.programme),
      objectives: (a) => a.objectives ?? '',
      targetNeighbourhoods: (a, _, ctx) => loadMany(ctx.loaders.reference.neighbourhoodById, a.targetNeighbourhoods),
      targetDomains: (a, _, ctx) => loadMany(ctx.loaders.reference.domainById, a.targetDomains),
      budgetLines: (a) => a.budgetLines ?? [],
      totalExpenses: (a) => sum((a.budgetLines ?? []).filter((l) => l.kind === 'EXPENSE').map((l) => l.amount)),
      otherFunders: (a) => a.otherFunders ?? [],
      republicanContractAttested: (a) => !!a.republicanContractAttested,
      assignedTo: (a, _, ctx) => (a.assignedTo ? ctx.loaders.user.byId.load(a.assignedTo) : null),
      reviews: (a, args, ctx) => firstOf(args.first, async () => (canSeeInternals(await actorOf(ctx), a) ? (a.reviews ?? []) : null)),
      privateNotes: (a, args, ctx) => firstOf(args.first, async () => (canSeeInternals(await actorOf(ctx), a) ? (a.notes ?? []) : null)),
      changesRequested: async (a, _, ctx) => (canSeeMessages(await actorOf(ctx), a) ? (a.changesRequested ?? null) : null),
      messages: (a, args, ctx) => firstOf(args.first, async () => (canSeeMessages(await actorOf(ctx), a) ? (a.messages ?? []) : [])),
      convention: (a) => (a.convention ? { reference: a.convention.reference, signedOn: isoDay(a.convention.signedAt) } : null),
      payments: (a) =>
        (a.payments ?? []).map((t) => ({
          id: String(t._id),
          amount: t.amount,
          dueDate: isoDay(t.dueDate),
          paidOn: dayOrNull(t.paidAt),
          year: t.year ?? a.year,
        })),
      paidAmount: (a) => a.paidAmount ?? 0,
      reportDueOn: (a) => dayOrNull(a.reportDueOn),
      reportOverdue: (a) => isReportOverdue(a),
      history: (a, args, ctx) =>
        firstOf(args.first, async () => {
          const [records, actor] = await Promise.all([ctx.loaders.activity.byObject.load(a._id), actorOf(ctx)]);
          // Reviews are internal: the applicant (and a recused officer) sees the transitions, not the officers' recommendations.
          if (canSeeInternals(actor, a)) return records;
          const shown = records.filter((r) => !INTERNAL_ACTIONS.has(r.action));
          // A change request's reason is the message itself: only those who read the messages read it.
          if (canSeeMessages(actor, a)) return shown;
          return shown.map((r) => (MESSAGE_ACTIONS.has(r.action) ? { ...r, reason: null } : r));
        }),
      permissions: async (a, _, ctx) => permissionsOf(await actorOf(ctx), a),
    },
    ReconciliationReport: {
      // Declared @listSize(assumedSize: 100): an admin reads the first hundred; the log has them all.
      unrepaired: (r) => r.unrepaired.slice(0, 100),
    },
    GrantDecision: {
      envelope: (d, _, ctx) => (d.envelope ? ctx.loaders.grants.budgetEnvelopeById.load(d.envelope) : null),
      decidedBy: (d, _, ctx) => (d.decidedBy ? ctx.loaders.user.byId.load(d.decidedBy) : null),
    },
    GrantReview: {
      id: (r) => String(r._id),
      author: (r, _, ctx) => ctx.loaders.user.byId.load(r.author),
    },
    GrantNote: {
      id: (r) => String(r._id),
      author: (r, _, ctx) => ctx.loaders.user.byId.load(r.author),
    },
    GrantMessage: {
      id: (r) => String(r._id),
      author: (r, _, ctx) => ctx.loaders.user.byId.load(r.author),
    },
    ConflictOfInterest: {
      id: (c) => String(c._id),
      organisation: (c, _, ctx) => ctx.loaders.organisation.byId.load(c.organisation),
    },
    Organisation: {
      grantApplications: (o, args, ctx) =>
        firstOf(args.first, async () => {
          if (!ctx.viewer) return [];
          const apps = await ctx.loaders.grants.applicationsByOrganisation.load(o._id);
          return apps.filter((a) => canSeeApplication(ctx.viewer, a));
        }),
    },
  },
};
