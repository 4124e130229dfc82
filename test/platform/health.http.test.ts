// Liveness and readiness through HTTP, and what a client sees while the database is away. This file
// disconnects its own mongoose connection (each test file runs in its own worker), then reconnects.
import mongoose from 'mongoose';
import { useTestDatabase } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { makeOrganisation } from '../helpers/factories';
import { connectionOptions } from '../../src/db';

const db = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ dbTimeoutMs: 500 });
  await makeOrganisation({ name: 'Toujours Là' });
});
afterAll(() => server.close());

describe('health and readiness', () => {
  it('answers /health with 200 while the process is alive', async () => {
    const res = await server.get('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready with 200 when the database answers', async () => {
    const res = await server.get('/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'up' });
  });

  describe('while the database is unreachable', () => {
    beforeAll(async () => {
      await mongoose.disconnect();
    });
    afterAll(async () => {
      await mongoose.connect(db.uri(), connectionOptions({ dbTimeoutMs: 5000 }));
    });

    it('answers /ready with 503 and /health still with 200', async () => {
      const ready = await server.get('/ready');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' });
      expect((await server.get('/health')).status).toBe(200);
    });

    it('answers a directory query with 503 SERVICE_UNAVAILABLE, a retry hint and no database text', async () => {
      const res = await server.gql('{ organisations(first: 5) { edges { node { name } } } }');
      expect(res.status).toBe(503);
      const err = res.body.errors![0]!;
      expect(err.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5, requestId: expect.any(String) });
      expect(err.message).toMatch(/try again/i);
      expect(JSON.stringify(res.body)).not.toMatch(/Mongo|buffering|stack|timed out after/);
    });
  });

  it('serves again once the database is back', async () => {
    expect((await server.get('/ready')).status).toBe(200);
    const res = await server.gql('{ organisations(first: 5) { edges { node { name } } } }');
    expect(res.body.data.organisations.edges).toEqual([{ node: { name: 'Toujours Là' } }]);
  });
});
