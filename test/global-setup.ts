// Starts one MongoDB for the whole test run; test files each use their own database on it.
import { MongoMemoryServer } from 'mongodb-memory-server';

export default async function globalSetup(): Promise<void> {
  const server = await MongoMemoryServer.create();
  (globalThis as { __MONGO__?: MongoMemoryServer }).__MONGO__ = server;
  process.env.MAILLAGE_TEST_MONGO_URI = server.getUri();
}
