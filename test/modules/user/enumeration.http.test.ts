// register, resendVerificationEmail and requestPasswordReset must not tell whether an email has an account:
// not by the reply, its status, nor its timing. Proven two ways:
//   1. structurally: the driver's command log while the service works is the same, command for command, for
//      a known and an unknown email, and bcrypt hashes once either way; the one difference, the outbox row of
//      the email to a real account, is written after the reply's work (recorded separately below);
//   2. statistically, over HTTP: 40 timed samples per case, in random order, and the medians of known and
//      unknown within max(2 ms, the larger interquartile range) of each other. The client times from its
//      own thread: the server runs in this test's process, and a client sharing its event loop would count
//      the email recorded after the reply (server work a remote client never waits for) in the reply.
import { Worker } from 'node:worker_threads';
import mongoose from 'mongoose';
import bcrypt from 'bcryptjs';
import { commandsDuring } from '../../helpers/commands';
import { connectionOptions, ensureIndexes } from '../../../src/db';
import { createContext, type Context } from '../../../src/context';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { accountEmailsRecorded, register, requestPasswordReset, resendVerificationEmail } from '../../../src/modules/user/account.service';
import { UserModel } from '../../../src/modules/user/user.model';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { databaseUri } from '../../helpers/db';
import { makeUser } from '../../helpers/factories';
import { STRONG } from './mail';

// This file's own database, like useTestDatabase(), with the driver's command monitoring on.
beforeAll(async () => {
  await mongoose.connect(databaseUri(), { ...connectionOptions({ dbTimeoutMs: 5000 }), monitorCommands: true });
  await ensureIndexes();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

const log = createLogger('silent');
const ctx = (): Context => createContext({ config: testConfig(), log }, null);
const unknown = () => `nobody.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.test`;

/** The reply's commands, then the commands recorded after it (the email), and how many bcrypt hashes ran. */
async function trace(work: () => Promise<unknown>) {
  const hash = jest.spyOn(bcrypt, 'hash');
  try {
    const reply = await commandsDuring(work);
    const after = await commandsDuring(() => accountEmailsRecorded());
    return { reply, after, hashes: hash.mock.calls.length };
  } finally {
    hash.mockRestore();
  }
}

describe('the same work for a known and an unknown email', () => {
  beforeAll(async () => {
    // Warm both paths (lazy dictionaries, model caches) so the first trace is not special.
    await register(ctx(), { email: unknown(), password: STRONG, displayName: 'Warm Up' });
    await accountEmailsRecorded();
  });

  it('register: one upsert on users and one bcrypt hash either way; an email recorded after the reply either way', async () => {
    const { user } = await makeUser();
    const known = await trace(() => register(ctx(), { email: user.email.toUpperCase(), password: STRONG, displayName: 'Someone' }));
    const fresh = await trace(() => register(ctx(), { email: unknown(), password: STRONG, displayName: 'Someone' }));
    expect(known.reply).toEqual(['update users']);
    expect(fresh.reply).toEqual(known.reply);
    expect([known.hashes, fresh.hashes]).toEqual([1, 1]);
    // Known: "someone tried to register"; unknown: the verification link. Both one outbox row.
    expect(known.after).toEqual(fresh.after);
    expect(known.after).toContain('insert outbox_messages');
  });

  it('resendVerificationEmail: one update on users for an unverified account, a verified one and an unknown email', async () => {
    const awaiting = `awaiting.${Date.now()}@example.test`;
    await register(ctx(), { email: awaiting, password: STRONG, displayName: 'Awaiting' });
    await accountEmailsRecorded();
    const { user: verified } = await makeUser();
    const traces = [
      await trace(() => resendVerificationEmail(ctx(), awaiting)),
      await trace(() => resendVerificationEmail(ctx(), verified.email)),
      await trace(() => resendVerificationEmail(ctx(), unknown())),
    ];
    for (const t of traces) {
      expect(t.reply).toEqual(['update users']);
      expect(t.hashes).toBe(0);
    }
    // Only the account awaiting verification gets its email, recorded after the reply.
    expect(traces.map((t) => t.after.includes('insert outbox_messages'))).toEqual([true, false, false]);
  });

  it('requestPasswordReset: one update on users for a known and an unknown email', async () => {
    const { user } = await makeUser();
    const known = await trace(() => requestPasswordReset(ctx(), user.email));
    const none = await trace(() => requestPasswordReset(ctx(), unknown()));
    expect(known.reply).toEqual(['update users']);
    expect(none.reply).toEqual(known.reply);
    expect([known.hashes, none.hashes]).toEqual([0, 0]);
    expect(known.after).toContain('insert outbox_messages');
    expect(none.after).toEqual([]);
  });
});

describe('the same reply, status and timing over HTTP (40 samples each)', () => {
  let server: TestServer;
  let client: Worker;
  const pending = new Map<number, (r: { ms: number; status: number; text: string }) => void>();
  let nextId = 0;
  beforeAll(async () => {
    server = await startServer({ accountRequestsPerEmail: 10_000, accountRequestsPerAddress: 100_000 });
    client = new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', async ({ id, url, body }) => {
         const start = process.hrtime.bigint();
         const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
         const text = await res.text();
         parentPort.postMessage({ id, ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.status, text });
       });`,
      { eval: true },
    );
    client.on('message', (m: { id: number; ms: number; status: number; text: string }) => pending.get(m.id)?.(m));
  });
  afterAll(async () => {
    await client.terminate();
    await server.close();
  });

  const SAMPLES = 40;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
  };
  const quantile = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))]!;
  };
  const iqr = (xs: number[]) => quantile(xs, 0.75) - quantile(xs, 0.25);

  /** Times `SAMPLES` calls for each side in a shuffled order; every reply (status and body) must be identical. */
  async function compare(call: (side: 'known' | 'unknown') => Promise<{ status: number; body: unknown; ms: number }>) {
    const order = [...Array(SAMPLES).fill('known'), ...Array(SAMPLES).fill('unknown')] as ('known' | 'unknown')[];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const side of ['known', 'unknown'] as const) await call(side); // warm-up
    await accountEmailsRecorded();
    const times = { known: [] as number[], unknown: [] as number[] };
    const replies = new Set<string>();
    for (const side of order) {
      const r = await call(side);
      times[side].push(r.ms);
      replies.add(JSON.stringify([r.status, r.body]));
      // The email recorded after the reply must not slow the next request down.
      await accountEmailsRecorded();
    }
    const difference = Math.abs(median(times.known) - median(times.unknown));
    const tolerance = Math.max(2, iqr(times.known), iqr(times.unknown));
    // SHOW_TIMINGS=1 prints the figures (medians of known and unknown, difference, tolerance), in ms.
    if (process.env.SHOW_TIMINGS) console.log(JSON.stringify({ medians: [median(times.known), median(times.unknown)], difference, tolerance }));
    return { replies: [...replies], difference, tolerance, medians: [median(times.known), median(times.unknown)] };
  }

  /** One request sent and timed by the client thread. */
  async function timed(query: string, variables: Record<string, unknown>) {
    const id = ++nextId;
    const answer = new Promise<{ ms: number; status: number; text: string }>((resolve) => pending.set(id, resolve));
    client.postMessage({ id, url: `${server.url}/graphql`, body: JSON.stringify({ query, variables }) });
    const r = await answer;
    pending.delete(id);
    return { status: r.status, body: JSON.parse(r.text) as unknown, ms: r.ms };
  }

  it('register', async () => {
    const { user } = await makeUser();
    const q = `mutation ($input: RegisterInput!) { register(input: $input) { accepted message errors { code field message } } }`;
    const r = await compare((side) => timed(q, { input: { email: side === 'known' ? user.email : unknown(), password: STRONG, displayName: 'Même Nom' } }));
    expect(r.replies).toHaveLength(1);
    expect(JSON.parse(r.replies[0]!)[1].data.register.accepted).toBe(true);
    expect(r.difference).toBeLessThanOrEqual(r.tolerance);
  });

  it('requestPasswordReset', async () => {
    const { user } = await makeUser();
    const q = `mutation ($email: String!) { requestPasswordReset(email: $email) { accepted message errors { code } } }`;
    const r = await compare((side) => timed(q, { email: side === 'known' ? user.email : unknown() }));
    expect(r.replies).toHaveLength(1);
    expect(r.difference).toBeLessThanOrEqual(r.tolerance);
  });

  it('resendVerificationEmail', async () => {
    const awaiting = `awaiting.http.${Date.now()}@example.test`;
    dataOf(
      await server.gql(`mutation ($input: RegisterInput!) { register(input: $input) { accepted } }`, {
        input: { email: awaiting, password: STRONG, displayName: 'Awaiting' },
      }),
    );
    expect(await UserModel.countDocuments({ email: awaiting, emailVerified: false })).toBe(1);
    const q = `mutation ($email: String!) { resendVerificationEmail(email: $email) { accepted message errors { code } } }`;
    const r = await compare((side) => timed(q, { email: side === 'known' ? awaiting : unknown() }));
    expect(r.replies).toHaveLength(1);
    expect(r.difference).toBeLessThanOrEqual(r.tolerance);
  });
});
