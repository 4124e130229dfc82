// Work done once the database is connected, before the server listens: demo seeding of an empty
// embedded database, then each module's repair step (e.g. budget envelope reconciliation).
import type { Config } from './config';
import type { Logger } from './shared/logger';
import { modules } from './modules';
import { OrganisationModel } from './modules/organisation/organisation.model';

export interface BootDeps {
  config: Config;
  log: Logger;
  embedded: boolean;
}

export async function onBoot(deps: BootDeps): Promise<void> {
  // Seeding happens only on the embedded database, only when empty: never on a real one unless asked.
  if (deps.embedded && deps.config.seedOnStart && !(await OrganisationModel.exists({}))) {
    // Loaded only when needed: a production server never runs the seeds.
    const { seedAll } = require('../seeds/seed') as typeof import('../seeds/seed');
    deps.log.info('empty embedded database: seeding demo data');
    await seedAll({ log: deps.log, bcryptCost: deps.config.bcryptCost });
  }
  for (const m of modules) {
    if (m.onBoot) await m.onBoot(deps);
  }
}
