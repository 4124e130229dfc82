import { roles } from '../../auth/policy';
import type { AppModule } from '../module';
import { firstOf } from '../../shared/pagination';
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
    Coverage: {
      // Declared @listSize(assumedSize: 5000): at most 50 neighbourhoods times 100 domains (reference.resolvers.ts).
      cells: (c) => c.cells.slice(0, 5000),
    },
    CofundingAlert: {
      related: (a, args) => firstOf(args.first, () => a.related),
    },
    CoverageCell: {
      domain: (c) => c.domain,
    },
  },
};
