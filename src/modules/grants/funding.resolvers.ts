// The law's thresholds and withdrawals on the wire (issue 13, points 4 and 5): an organisation's funding
// per year (its members, officers and admins not recused: funding.service.ts canSeeFunding), the
// officers' threshold alerts, the declarations, and withdrawing a grant with its recovery order.
import { AUTHENTICATED, roles } from '../../auth/policy';
import { isoDay } from '../../shared/dates';
import { payload } from '../../shared/payload';
import { notFound } from '../../errors/app-error';
import type { AppModule } from '../module';
import { declareFundingYear, fundingSummary, thresholdAlerts } from './funding/funding.service';
import { recordRecovery, withdrawGrant } from './commands/withdraw';
import { canSeeApplication } from './application/grant-application.policy';

const STAFF = roles('OFFICER', 'ADMIN');
const dayOrNull = (d: Date | null | undefined) => (d ? isoDay(d) : null);

export const fundingModule: AppModule = {
  name: 'funding',
  policies: {
    Query: { thresholdAlerts: STAFF },
    Mutation: {
      // The organisation's members and staff not recused; deMinimis staff only (checked by the service).
      declareFundingYear: AUTHENTICATED,
      withdrawGrant: STAFF,
      recordRecovery: STAFF,
    },
  },
  resolvers: {
    Query: {
      thresholdAlerts: (_, a, ctx) => thresholdAlerts(ctx, a.year),
    },
    Mutation: {
      declareFundingYear: (_, a, ctx) => payload('summary', () => declareFundingYear(ctx, a.input)),
      withdrawGrant: (_, a, ctx) => payload('application', () => withdrawGrant(ctx, a.input)),
      recordRecovery: (_, a, ctx) => payload('application', () => recordRecovery(ctx, a.applicationId, a.recoveredOn)),
    },
    Organisation: {
      fundingSummary: (o, a, ctx) => fundingSummary(ctx, o, a.year),
    },
    FundingSummary: {
      budget: (s) => s.budget,
    },
    ThresholdAlert: {
      // Officers and admins only (the query's policy): they see every organisation, private ones included.
      organisation: async (t, _, ctx) => {
        const org = await ctx.loaders.organisation.byId.load(t.organisation);
        if (!org) throw notFound('Organisation', null);
        return org;
      },
    },
    GrantApplication: {
      // Whoever sees the application sees its recovery order (it is a public act); coordinators see decided grants only.
      recovery: (a, _, ctx) => (a.recovery && canSeeApplication(ctx.viewer, a) ? a.recovery : null),
    },
    GrantRecovery: {
      effectiveOn: (r) => isoDay(r.effectiveOn),
      periodStart: (r) => isoDay(r.periodStart),
      periodEnd: (r) => isoDay(r.periodEnd),
      recoveredOn: (r) => dayOrNull(r.recoveredOn),
    },
  },
};
