import { roles } from '../../auth/policy';
import type { AppModule } from '../module';
import { applicationFunding, cofundingAlerts } from './cofunding.service';
import { coverage } from './coverage.service';

export const coordinationModule: AppModule = {
  name: 'coordination',
  policies: {
    Query: { coverage: roles('COORDINATOR', 'OFFICER', 'ADMIN'), cofundingAlerts: roles('OFFICER', 'ADMIN') },
  },
  resolvers: {
    Query: {
      coverage: (_, args, ctx) => coverage(ctx, args.filter),
      cofundingAlerts: (_, args, ctx) => cofundingAlerts(ctx, args.year),
    },
    GrantApplication: {
      funding: (a, _, ctx) => applicationFunding(ctx, a),
    },
    CofundingAlert: {
      related: (a) => a.related,
    },
    CoverageCell: {
      domain: (c) => c.domain,
    },
  },
};
