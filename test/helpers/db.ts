// Each test file gets its own database on the run's MongoDB, dropped at the end.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { connectionOptions, ensureIndexes } from '../../src/db';

export function databaseUri(): string {
  const base = process.env.MAILLAGE_TEST_MONGO_URI;
  if (!base) throw new Error('MAILLAGE_TEST_MONGO_URI is not set: run the tests through jest (global setup).');
  return `${base.replace(/\/$/, '')}/test-${randomBytes(6).toString('hex')}`;
}

/** Connects mongoose to a fresh database for this file (beforeAll) and drops it after (afterAll). */
export function useTestDatabase(): { uri: () => string } {
  let uri = '';
  beforeAll(async () => {
    uri = databaseUri();
    mongoose.set('bufferTimeoutMS', 2000);
    await mongoose.connect(uri, connectionOptions({ dbTimeoutMs: 5000 }));
    await ensureIndexes();
  });
  afterAll(async () => {
    if (mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });
  return { uri: () => uri };
}

/** Empties every collection (keeps indexes). */
export async function clearDatabase(): Promise<void> {
  const collections = await mongoose.connection.db!.collections();
  await Promise.all(collections.map((c) => c.deleteMany({})));
}
