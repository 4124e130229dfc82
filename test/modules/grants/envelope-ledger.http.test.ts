// The envelope's ledger in its own collections (issue 13, point 6): the boot migration from the old layout
// (arrays inside the envelope document), a step cut between its two writes and repaired, and the
// concurrency guarantees on an envelope that already holds 20,000 commitments.
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { onBoot } from '../../../src/boot';
import { BudgetEnvelopeModel } from '../../../src/modules/grants/budget/budget-envelope.model';
import { EnvelopeCommitmentModel, EnvelopePaymentModel } from '../../../src/modules/grants/budget/envelope-ledger.model';
import { commit, migrateEmbeddedLedgers, pay, recomputeCounters } from '../../../src/modules/grants/budget/budget-envelope.service';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { faults } from '../../../src/modules/grants/kernel/faults';
import { clock } from '../../../src/modules/grants/kernel/clock';
import { envelopeWithLedger, makeEnvelope, makeProgramme, underReview } from './fixtures';

useTestDatabase();
let server: TestServer;
let programme: Awaited<ReturnType<typeof makeProgramme>>;
beforeAll(async () => {
  await seedReference();
  server = await startServer();
  programme = await makeProgramme({ opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 10_000_000 });
});
afterEach(() => {
  delete faults.afterLedgerEntry;
  delete faults.afterEnvelopeCounted;
  clock.now = () => new Date();
});
afterAll(() => server.close());

const APPROVE = `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { application { id status } errors { code field message } } }`;
const RECONCILE = `mutation { reconcileEnvelopes { report { pendingFinished pendingRolledBack commitmentsReleased commitmentsRestored countersFixed unrepaired } errors { code } } }`;

async function cast() {
  const org = await makeOrganisation();
  const member = (await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] })).user;
  const officer = await makeUser({ role: 'OFFICER' });
  const admin = await makeUser({ role: 'ADMIN' });
  return { org, member, officer, admin };
}

describe('the boot migration from ledgers inside the envelope document', () => {
  it('moves the embedded arrays into their collections once, keeps the counters, and runs twice without change', async () => {
    const appA = new Types.ObjectId();
    const appB = new Types.ObjectId();
    const trancheA = new Types.ObjectId();
    const at = new Date('2026-02-01T00:00:00Z');
    // Today's layout, written raw (the model no longer knows these fields), with the approved applications
    // that hold those commitments (reconciliation at boot checks them).
    const one = new Types.ObjectId();
    const two = new Types.ObjectId();
    const decided = (id: Types.ObjectId, amount: number, payments: unknown[]) => ({
      _id: id,
      number: `2026-M${String(id).slice(-6)}`,
      organisation: new Types.ObjectId(),
      programme: programme._id,
      year: 2026,
      title: 'Migrated',
      description: 'Migrated',
      requestedAmount: amount,
      status: 'APPROVED',
      createdBy: new Types.ObjectId(),
      pendingDecision: null,
      paidAmount: payments.length ? 400_000 : 0,
      payments,
      decision: { outcome: 'APPROVED', amount, envelope: one, motivation: 'ok', decidedBy: new Types.ObjectId(), decidedAt: at },
    });
    await GrantApplicationModel.collection.insertMany([
      decided(appA, 1_000_000, [{ _id: trancheA, amount: 400_000, dueDate: at, paidAt: at }]),
      decided(appB, 500_000, []),
    ]);
    await BudgetEnvelopeModel.collection.insertMany([
      {
        _id: one,
        programme: programme._id,
        label: 'Migrated 1',
        total: 5_000_000,
        committed: 1_500_000,
        paid: 400_000,
        commitments: [
          { application: appA, amount: 1_000_000, at },
          { application: appB, amount: 500_000, at },
        ],
        payments: [{ payment: trancheA, application: appA, amount: 400_000, at }],
        createdAt: at,
        updatedAt: at,
      },
      {
        _id: two,
        programme: programme._id,
        label: 'Migrated 2',
        total: 1_000,
        committed: 0,
        paid: 0,
        commitments: [],
        payments: [],
        createdAt: at,
        updatedAt: at,
      },
    ]);

    const deps = { config: testConfig(), log: createLogger('silent'), embedded: false };
    await onBoot(deps);
    const after = async () => ({
      envelopes: await BudgetEnvelopeModel.collection.find({ _id: { $in: [one, two] } }).toArray(),
      commitments: await EnvelopeCommitmentModel.find({ envelope: { $in: [one, two] } }, { _id: 0, envelope: 1, application: 1, year: 1, amount: 1, state: 1 })
        .sort({ amount: 1 })
        .lean(),
      payments: await EnvelopePaymentModel.find({ envelope: { $in: [one, two] } }, { _id: 0, payment: 1, application: 1, amount: 1, state: 1 }).lean(),
    });
    const first = await after();
    expect(first.envelopes.map((e) => ['commitments' in e, 'payments' in e, e.committed, e.paid])).toEqual([
      [false, false, 1_500_000, 400_000],
      [false, false, 0, 0],
    ]);
    expect(first.commitments).toEqual([
      { envelope: one, application: appB, year: null, amount: 500_000, state: 'APPLIED' },
      { envelope: one, application: appA, year: null, amount: 1_000_000, state: 'APPLIED' },
    ]);
    expect(first.payments).toEqual([{ payment: trancheA, application: appA, amount: 400_000, state: 'APPLIED' }]);

    // Twice (a second boot), and once more directly: nothing moves.
    await onBoot(deps);
    expect(await migrateEmbeddedLedgers()).toEqual({ envelopes: 0, commitments: 0, payments: 0 });
    const second = await after();
    expect(second.commitments).toEqual(first.commitments);
    expect(second.payments).toEqual(first.payments);
    expect(second.envelopes.map((e) => [e.committed, e.paid])).toEqual([
      [1_500_000, 400_000],
      [0, 0],
    ]);

    // The keys survived: the same commitment and the same tranche are not counted again.
    expect(await commit(one, appA, 1_000_000, new Date())).toBe('ALREADY_COMMITTED');
    expect(await pay(one, appA, trancheA, 400_000, new Date())).toBe(false);
    expect((await BudgetEnvelopeModel.findById(one).lean())!.committed).toBe(1_500_000);
  });

  it('finishes a migration cut half-way (entries copied, arrays still there) without counting anything twice', async () => {
    const id = new Types.ObjectId();
    const app = new Types.ObjectId();
    const at = new Date('2026-02-01T00:00:00Z');
    await BudgetEnvelopeModel.collection.insertOne({
      _id: id,
      programme: programme._id,
      label: 'Half-migrated',
      total: 1_000_000,
      committed: 300_000,
      paid: 0,
      commitments: [{ application: app, amount: 300_000, at }],
      payments: [],
      createdAt: at,
      updatedAt: at,
    });
    // The copy happened, the removal of the arrays did not.
    await EnvelopeCommitmentModel.create({ envelope: id, application: app, year: null, amount: 300_000, at, state: 'APPLIED', stepAt: at });
    expect(await migrateEmbeddedLedgers()).toMatchObject({ envelopes: 1, commitments: 0 });
    expect(await EnvelopeCommitmentModel.countDocuments({ envelope: id })).toBe(1);
    expect(await recomputeCounters(id)).toBe('UNCHANGED');
    expect(await BudgetEnvelopeModel.collection.findOne({ _id: id })).not.toHaveProperty('commitments');
  });
});

describe('a ledger step cut between its two writes', () => {
  for (const [where, fault] of [
    ['after its entry, before the counter', 'afterLedgerEntry'],
    ['after the counter, before its entry is marked', 'afterEnvelopeCounted'],
  ] as const) {
    it(`is repaired by reconciliation when cut ${where}, and the application can then be approved`, async () => {
      const { org, member, officer, admin } = await cast();
      const envelope = await makeEnvelope(programme, 2_000_000);
      const app = await underReview(member, officer.user, org, programme, 1_500_000);
      faults[fault] = () => {
        throw new Error('power cut');
      };
      const crashed = await server.gql(APPROVE, { id: String(app._id), i: { amount: 1_500_000, envelopeId: String(envelope._id) } }, officer.token);
      expect(crashed.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      delete faults[fault];
      const cut = await envelopeWithLedger(envelope._id);
      expect(cut.commitments.map((c) => c.state)).toEqual(['PENDING']);
      expect(cut.committed).toBe(fault === 'afterLedgerEntry' ? 0 : 1_500_000);

      // The approval undid its own claim; the entry stays, and blocks a new attempt until reconciliation.
      const blocked = dataOf(await server.gql(APPROVE, { id: String(app._id), i: { amount: 1_500_000, envelopeId: String(envelope._id) } }, officer.token));
      expect(blocked.approveGrantApplication.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'id' });
      expect(blocked.approveGrantApplication.errors[0].message).toMatch(/reconcileEnvelopes/);

      // Past the grace period: the entry goes and the counter follows the ledger.
      clock.now = () => new Date(Date.now() + 10 * 60_000);
      const report = dataOf(await server.gql(RECONCILE, {}, admin.token)).reconcileEnvelopes.report;
      expect(report).toMatchObject({ pendingRolledBack: 0, countersFixed: fault === 'afterEnvelopeCounted' ? 1 : 0, unrepaired: [] });
      const repaired = await envelopeWithLedger(envelope._id);
      expect([repaired.committed, repaired.commitments.length]).toEqual([0, 0]);
      expect((await GrantApplicationModel.findById(app._id).lean())!.pendingDecision).toBeNull();

      const again = dataOf(await server.gql(APPROVE, { id: String(app._id), i: { amount: 1_500_000, envelopeId: String(envelope._id) } }, officer.token));
      expect(again.approveGrantApplication.errors).toEqual([]);
      const done = await envelopeWithLedger(envelope._id);
      expect([done.committed, done.commitments.map((c) => c.state)]).toEqual([1_500_000, ['APPLIED']]);
      expect(dataOf(await server.gql(RECONCILE, {}, admin.token)).reconcileEnvelopes.report).toEqual({
        pendingFinished: 0,
        pendingRolledBack: 0,
        commitmentsReleased: 0,
        commitmentsRestored: 0,
        countersFixed: 0,
        unrepaired: [],
      });
    });
  }

  it('leaves a step in flight alone: reconciliation within the grace period does not touch its entry or the counter', async () => {
    const { org, member, officer, admin } = await cast();
    const envelope = await makeEnvelope(programme, 2_000_000);
    const app = await underReview(member, officer.user, org, programme, 700_000);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const atCounter = new Promise<void>((r) => (reached = r));
    faults.afterEnvelopeCounted = async () => {
      reached();
      await held;
    };
    const approving = server.gql(APPROVE, { id: String(app._id), i: { amount: 700_000, envelopeId: String(envelope._id) } }, officer.token);
    await atCounter;
    const report = dataOf(await server.gql(RECONCILE, {}, admin.token)).reconcileEnvelopes.report;
    expect(report).toMatchObject({ pendingRolledBack: 0, countersFixed: 0, commitmentsReleased: 0 });
    release();
    expect(dataOf(await approving).approveGrantApplication.errors).toEqual([]);
    const env = await envelopeWithLedger(envelope._id);
    expect([env.committed, env.commitments.map((c) => [String(c.application), c.state])]).toEqual([700_000, [[String(app._id), 'APPLIED']]]);
  });
});

describe('an envelope already holding 20,000 commitments', () => {
  it('keeps its guarantees: 30 approvals at once never over-commit it, and the same approval sent 10 times commits once', async () => {
    const { org, member, officer } = await cast();
    const officers = [officer, await makeUser({ role: 'OFFICER' }), await makeUser({ role: 'ADMIN' })];
    const PREFILLED = 20_000;
    const EACH = 100;
    const total = PREFILLED * EACH + 5_000_000;
    const envelope = await makeEnvelope(programme, total);
    const at = new Date('2026-01-15T00:00:00Z');
    for (let i = 0; i < PREFILLED; i += 5_000) {
      await EnvelopeCommitmentModel.collection.insertMany(
        Array.from({ length: 5_000 }, () => ({
          envelope: envelope._id,
          application: new Types.ObjectId(),
          year: null,
          amount: EACH,
          at,
          state: 'APPLIED',
          stepAt: at,
        })),
      );
    }
    await BudgetEnvelopeModel.updateOne({ _id: envelope._id }, { $set: { committed: PREFILLED * EACH } });

    // 30 applications of 200,000 to 345,000 cents: 8,175,000 in all, more than the 5,000,000 left.
    const apps = await Promise.all(Array.from({ length: 30 }, (_, i) => underReview(member, officer.user, org, programme, 200_000 + i * 5_000)));
    const results = await Promise.all(
      apps.map((a, i) =>
        server.gql(APPROVE, { id: String(a._id), i: { amount: a.requestedAmount, envelopeId: String(envelope._id) } }, officers[i % officers.length]!.token),
      ),
    );
    const outcomes = results.map((r) => dataOf(r).approveGrantApplication);
    const accepted = apps.filter((_, i) => outcomes[i].errors.length === 0);
    expect(outcomes.every((o) => o.errors.length === 0 || o.errors[0].code === 'ENVELOPE_EXHAUSTED')).toBe(true);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(apps.length);

    const env = (await BudgetEnvelopeModel.findById(envelope._id).lean())!;
    const acceptedSum = accepted.reduce((s, a) => s + a.requestedAmount, 0);
    expect(env.committed).toBeLessThanOrEqual(total);
    expect(env.committed).toBe(PREFILLED * EACH + acceptedSum);
    const theirs = await EnvelopeCommitmentModel.find({ envelope: envelope._id, application: { $in: apps.map((a) => a._id) } }).lean();
    expect(theirs.map((c) => [String(c.application), c.state]).sort()).toEqual(accepted.map((a) => [String(a._id), 'APPLIED']).sort());
    expect(await EnvelopeCommitmentModel.countDocuments({ envelope: envelope._id })).toBe(PREFILLED + accepted.length);
    // A refusal means the amount did not fit at that moment; later commitments only shrink what remains.
    for (const a of apps.filter((x) => !accepted.includes(x))) expect(a.requestedAmount).toBeGreaterThan(total - env.committed);

    // The same approval ten times at once, on the big envelope: one commitment.
    await BudgetEnvelopeModel.updateOne({ _id: envelope._id }, { $inc: { total: 1_000_000 } });
    const once = await underReview(member, officer.user, org, programme, 1_000_000);
    const tenfold = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        server.gql(APPROVE, { id: String(once._id), i: { amount: 1_000_000, envelopeId: String(envelope._id) } }, officers[i % officers.length]!.token),
      ),
    );
    const codes = tenfold.map((r) => dataOf(r).approveGrantApplication.errors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(await EnvelopeCommitmentModel.countDocuments({ envelope: envelope._id, application: once._id })).toBe(1);
    expect((await BudgetEnvelopeModel.findById(envelope._id).lean())!.committed).toBe(PREFILLED * EACH + acceptedSum + 1_000_000);
    expect(await recomputeCounters(envelope._id)).toBe('UNCHANGED');
  });
});
