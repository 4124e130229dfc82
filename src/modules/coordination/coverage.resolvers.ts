import { roles } from '../../auth/policy';
import type { Context } from '../../context';
import type { AppModule } from '../module';
import type { DomainDoc } from '../reference/domain.model';
import { applicationFunding, cofundingAlerts, type CofundingAlert } from './cofunding.service';
import { coverage, type CoverageFilter } from './coverage.service';

export const coordinationModule: AppModule = {
  name: 'coordination',
  policies: {
    Query: { coverage: roles('COORDINATOR', 'OFFICER', 'ADMIN'), cofundingAlerts: roles('OFFICER', 'ADMIN') },
  },
  resolvers: {
    Query: {
      coverage: (_: unknown, args: { filter?: CoverageFilter }, ctx: Context) => coverage(ctx, args.filter),
      cofundingAlerts: (_: unknown, args: { year: number }, ctx: Context) => cofundingAlerts(ctx, args.year),
    },
    GrantApplication: {
      funding: (a: Parameters<typeof applicationFunding>[1], _: unknown, ctx: Context) => applicationFunding(ctx, a),
    },
    CofundingAlert: {
      related: (a: CofundingAlert) => a.related,
    },
    CoverageCell: {
      domain: (c: { domain: DomainDoc }) => c.domain,
    },
  },
};
