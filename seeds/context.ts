// What every seeding step receives: the ids of what the earlier steps wrote. On its own so the steps do not
// import seed.ts, which imports them.
import type { Types } from 'mongoose';
import type { Logger } from '../src/shared/logger';

export interface SeedContext {
  log: Pick<Logger, 'info'>;
  bcryptCost: number;
  domainIds: Map<string, Types.ObjectId>;
  neighbourhoodIds: Map<string, Types.ObjectId>;
  /** Seeded organisations in seed order: index 0 is the demo member's. */
  organisationIds: Types.ObjectId[];
  /** Demo accounts by email. */
  userIds: Map<string, Types.ObjectId>;
}
