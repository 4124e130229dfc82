// `npm run seed`: loads the demo data into MONGODB_URI (or the embedded database when unset).
import { loadConfig } from '../src/config';
import { connectDatabase } from '../src/db';
import { createLogger } from '../src/shared/logger';
import { printLine } from '../src/cli/terminal';
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
  printLine(process.stderr, `Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
