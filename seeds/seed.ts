// Loads all demo data, in dependency order. Idempotent: every step upserts by a natural key.
import type { Logger } from '../src/shared/logger';
import type { SeedContext } from './context';
import { seedReference } from './reference';
import { seedOrganisations } from './organisations';
import { seedUsers } from './users';
import { seedGrants } from './grants';
import { seedNetwork } from './network';

export type { SeedContext } from './context';

/** Later steps (grants, network) register here; each must be idempotent. */
export const moduleSeeders: { name: string; run: (ctx: SeedContext) => Promise<void> }[] = [
  { name: 'grants', run: seedGrants },
  { name: 'network', run: seedNetwork },
];

export async function seedAll(opts: { log: Pick<Logger, 'info'>; bcryptCost: number; organisations?: number }): Promise<SeedContext> {
  const ref = await seedReference();
  const domainIds = new Map([...ref.domainByCode].map(([k, v]) => [k, v._id]));
  const neighbourhoodIds = new Map([...ref.neighbourhoodByCode].map(([k, v]) => [k, v._id]));
  const orgs = await seedOrganisations(domainIds, neighbourhoodIds, opts.organisations ?? 320);
  const organisationIds = orgs.map((o) => o._id);
  const userIds = await seedUsers(organisationIds, opts.bcryptCost);
  const ctx: SeedContext = { log: opts.log, bcryptCost: opts.bcryptCost, domainIds, neighbourhoodIds, organisationIds, userIds };
  opts.log.info(
    { domains: domainIds.size, neighbourhoods: neighbourhoodIds.size, organisations: organisationIds.length, users: userIds.size },
    'seeded directory',
  );
  for (const s of moduleSeeders) {
    await s.run(ctx);
    opts.log.info(`seeded ${s.name}`);
  }
  return ctx;
}
