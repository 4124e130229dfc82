// Multi-year conventions, council decisions and aid in kind on the wire: thin resolvers over
// commands/convention.ts, and the policy of every root field.
import { AUTHENTICATED, roles } from '../../auth/policy';
import { payload } from '../../shared/payload';
import { firstOf, pageSize } from '../../shared/pagination';
import { isoDay } from '../../shared/dates';
import type { AppModule } from '../module';
import { reportDeadline } from './kernel/clock';
import {
  amendConvention,
  attachToCouncilDecision,
  createCouncilDecision,
  grantsAwaitingCouncilDecision,
  listCouncilDecisions,
  submitInterimReport,
  voteConventionYear,
} from './commands/convention';
import { committedTotal, grantedTotal, inKindTotal, paidInYear } from './convention/convention.rules';

const STAFF = roles('OFFICER', 'ADMIN');

export const conventionModule: AppModule = {
  name: 'convention',
  policies: {
    Query: { councilDecisions: STAFF, grantsAwaitingCouncilDecision: STAFF },
    Mutation: {
      createCouncilDecision: STAFF,
      attachToCouncilDecision: STAFF,
      voteConventionYear: STAFF,
      // Members report on their organisation's grants; the kernel checks the membership.
      submitInterimReport: AUTHENTICATED,
      amendConvention: STAFF,
    },
  },
  resolvers: {
    Query: {
      councilDecisions: (_, args) => firstOf(args.first, () => listCouncilDecisions(pageSize(args.first))),
      grantsAwaitingCouncilDecision: (_, args, ctx) => firstOf(args.first, () => grantsAwaitingCouncilDecision(ctx, pageSize(args.first))),
    },
    Mutation: {
      createCouncilDecision: (_, a, ctx) => payload('councilDecision', () => createCouncilDecision(ctx, a.input)),
      attachToCouncilDecision: (_, a, ctx) => payload('application', () => attachToCouncilDecision(ctx, a.input)),
      voteConventionYear: (_, a, ctx) => payload('application', () => voteConventionYear(ctx, a.input)),
      submitInterimReport: (_, a, ctx) => payload('application', () => submitInterimReport(ctx, a.input)),
      amendConvention: (_, a, ctx) => payload('application', () => amendConvention(ctx, a.input)),
    },
    GrantApplication: {
      years: (a) => a.years ?? [],
      multiYearConvention: (a) => (a.multiYear?.years?.length ? { app: a, convention: a.multiYear } : null),
      inKind: (a) => a.inKind ?? [],
      inKindTotal: (a) => inKindTotal(a),
      councilDecision: (a, _, ctx) => (a.councilDecision ? ctx.loaders.grants.councilDecisionById.load(a.councilDecision) : null),
      beneficiaryAtDecision: (a) => a.beneficiary ?? null,
      firstPublishedAt: (a) => a.firstPublishedAt ?? null,
    },
    PaymentTranche: {
      // The grants resolver maps each tranche with its year (the application's when the tranche has none).
      year: (t) => (t as { year: number }).year,
    },
    MultiYearConvention: {
      version: (m) => m.convention.version ?? 1,
      years: (m) => m.convention.years.map((y) => ({ ...y, paid: paidInYear(m.app, y.year) })),
      amendments: (m) => m.convention.amendments ?? [],
      total: (m) => grantedTotal(m.app),
      committed: (m) => committedTotal(m.app),
      finalReportDueOn: (m) => m.app.reportDueOn ?? reportDeadline(m.convention.years[m.convention.years.length - 1]!.year),
    },
    ConventionYear: {
      envelope: (y, _, ctx) => (y.envelope ? ctx.loaders.grants.budgetEnvelopeById.load(y.envelope) : null),
      councilDecision: (y, _, ctx) => (y.councilDecision ? ctx.loaders.grants.councilDecisionById.load(y.councilDecision) : null),
      committedOn: (y) => (y.committedAt ? isoDay(y.committedAt) : null),
      interimReport: (y) => y.interimReport ?? null,
    },
    CouncilDecision: {
      id: (d) => String(d._id),
      date: (d) => isoDay(d.date),
    },
  },
};
