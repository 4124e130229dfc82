// The database connection. With MONGODB_URI it connects there; without it (development and demo only)
// it starts an embedded MongoDB through mongodb-memory-server, with its files kept under DATA_DIR.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import mongoose from 'mongoose';
import type { Config } from './config';
import type { Logger } from './shared/logger';

export interface Database {
  uri: string;
  embedded: boolean;
  close: () => Promise<void>;
}

/** Connection options shared by the server, the seeds and the tests: fail fast when the database is away. */
export function connectionOptions(config: Pick<Config, 'dbTimeoutMs'>): mongoose.ConnectOptions {
  return {
    serverSelectionTimeoutMS: config.dbTimeoutMs,
    connectTimeoutMS: Math.max(config.dbTimeoutMs, 2000),
    socketTimeoutMS: 30_000,
    maxPoolSize: 20,
  };
}

export async function connectDatabase(config: Config, log: Logger): Promise<Database> {
  mongoose.set('strictQuery', true);
  // Queries issued while disconnected wait at most this long, then fail with SERVICE_UNAVAILABLE.
  mongoose.set('bufferTimeoutMS', config.dbTimeoutMs);

  let uri = config.mongodbUri;
  let stopEmbedded: (() => Promise<unknown>) | null = null;
  if (!uri) {
    const dbPath = resolve(config.dataDir, 'db');
    mkdirSync(dbPath, { recursive: true });
    // Imported lazily: production never loads it.
    const { MongoMemoryServer } = require('mongodb-memory-server') as typeof import('mongodb-memory-server');
    const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
    uri = server.getUri('maillage');
    stopEmbedded = () => server.stop({ doCleanup: false });
    log.info({ dbPath }, 'embedded MongoDB started (set MONGODB_URI to use a real database)');
  }

  await mongoose.connect(uri, connectionOptions(config));
  await ensureIndexes();
  log.info({ embedded: !!stopEmbedded }, 'database connected');
  return {
    uri,
    embedded: !!stopEmbedded,
    close: async () => {
      await mongoose.disconnect();
      if (stopEmbedded) await stopEmbedded();
    },
  };
}

/**
 * Builds every model's indexes (text search and geo queries need theirs before the first request).
 * Each model's own init runs first: it creates the collection with the model's collection options
 * (a validator), which creating an index first would skip by creating a bare collection.
 */
export async function ensureIndexes(): Promise<void> {
  await Promise.all(
    Object.values(mongoose.models).map(async (m) => {
      await m.init();
      await m.createIndexes();
    }),
  );
}
