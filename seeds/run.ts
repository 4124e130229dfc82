// `npm run seed`: loads the demo data into MONGODB_URI (or the embedded database when unset).
import { loadConfig } from '../src/config';
import { connectDatabase } from '../src/db';
import { createLogger } from '../src/shared/logger';
import { seedAll } from './seed';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel);
  const db = await connectDatabase(config, log);
  try {
    await seedAll({ log, bcryptCost: config.bcryptCost });
    log.info('demo data loaded');
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error('Seeding failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
