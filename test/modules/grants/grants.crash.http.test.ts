// A decision interrupted between its steps (injected failure inside the server), then repaired by the
// admin's reconcileEnvelopes: no commitment without an approved application and vice versa.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { BudgetEnvelopeModel } from '../../../src/modules/grants/budget/budget-envelope.model';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { faults } from '../../../src/modules/grants/kernel/faults';
import { clock } from '../../../src/modules/grants/kernel/clock';
import { makeEnvelope, makeProgramme, underReview, envelopeWithLedger } from './fixtures';

useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  await seedReference();
  server = await startServer();
});
afterAll(async () => {
  delete faults.afterCommit;
  clock.now = () => new Date();
  await server.close();
});

it('repairs an approval cut between its commitment and its status change, and the repair is idempotent', async () => {
  const org = await makeOrganisation();
  const member = (await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id }] })).user;
  const officer = await makeUser({ role: 'OFFICER' });
  const admin = await makeUser({ role: 'ADMIN' });
  const programme = await makeProgramme({ opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01') });
  const envelope = await makeEnvelope(programme, 3_000_000);
  const cut = await underReview(member, officer.user, org, programme, 1_000_000);
  const ok = await underReview(member, officer.user, org, programme, 500_000);

  faults.afterCommit = (id) => {
    if (id === String(cut._id)) throw new Error('power cut');
  };
  const APPROVE = `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { application { status } errors { code } } }`;
  const crashed = await server.gql(APPROVE, { id: String(cut._id), i: { amount: 1_000_000, envelopeId: String(envelope._id) } }, officer.token);
  expect(crashed.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  expect(JSON.stringify(crashed.body)).not.toMatch(/power cut/);
  dataOf(await server.gql(APPROVE, { id: String(ok._id), i: { amount: 500_000, envelopeId: String(envelope._id) } }, officer.token));
  delete faults.afterCommit;

  // The cut decision is stuck half-way: committed, not approved, and blocks another decision.
  expect((await GrantApplicationModel.findById(cut._id).lean())!.status).toBe('UNDER_REVIEW');
  expect((await BudgetEnvelopeModel.findById(envelope._id).lean())!.committed).toBe(1_500_000);
  const blocked = dataOf(await server.gql(APPROVE, { id: String(cut._id), i: { amount: 1_000_000, envelopeId: String(envelope._id) } }, officer.token));
  expect(blocked.approveGrantApplication.errors[0].code).toBe('INVALID_TRANSITION');

  // Reconciliation (after the grace period that protects decisions in flight).
  clock.now = () => new Date(Date.now() + 10 * 60_000);
  const RECONCILE = `mutation { reconcileEnvelopes { report { pendingFinished pendingRolledBack commitmentsReleased commitmentsRestored countersFixed unrepaired } errors { code } } }`;
  const report = dataOf(await server.gql(RECONCILE, {}, admin.token)).reconcileEnvelopes.report;
  expect(report).toMatchObject({ pendingFinished: 1, commitmentsReleased: 0, commitmentsRestored: 0, unrepaired: [] });

  const apps = await GrantApplicationModel.find({ _id: { $in: [cut._id, ok._id] } }).lean();
  const env = await envelopeWithLedger(envelope._id);
  expect(apps.map((a) => a.status)).toEqual(['APPROVED', 'APPROVED']);
  expect(env.commitments.map((c) => String(c.application)).sort()).toEqual([String(cut._id), String(ok._id)].sort());
  expect(env.committed).toBe(1_500_000);
  // Run again: nothing left to repair.
  const second = dataOf(await server.gql(RECONCILE, {}, admin.token)).reconcileEnvelopes.report;
  expect(second).toEqual({ pendingFinished: 0, pendingRolledBack: 0, commitmentsReleased: 0, commitmentsRestored: 0, countersFixed: 0, unrepaired: [] });
});
