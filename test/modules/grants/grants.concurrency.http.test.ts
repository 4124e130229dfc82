// Concurrency over real HTTP: many approvals at once on one envelope never over-commit it, and the same
// approval sent many times at once commits once.
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { makeUser, seedReference, makeOrganisation } from '../../helpers/factories';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { ActivityModel } from '../../../src/modules/activity/activity.model';
import { makeEnvelope, makeProgramme, underReview, envelopeWithLedger } from './fixtures';

useTestDatabase();
let server: TestServer;
let officers: { token: string }[];
let member: any;
let org: any;
let programme: any;

beforeAll(async () => {
  await seedReference();
  server = await startServer();
  org = await makeOrganisation();
  member = (await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id }] })).user;
  officers = [await makeUser({ role: 'OFFICER' }), await makeUser({ role: 'OFFICER' }), await makeUser({ role: 'ADMIN' })];
  programme = await makeProgramme({ opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 10_000_000 });
});
afterAll(() => server.close());

const APPROVE = `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { application { id status } errors { code field } } }`;

it('50 approvals at once whose sum exceeds the envelope: it never goes over, the accepted fit, each commits at most once', async () => {
  const officer = (await makeUser({ role: 'OFFICER' })).user;
  const total = 10_000_000;
  const envelope = await makeEnvelope(programme, total);
  // Amounts from 200,000 to 445,000 cents: 16,125,000 in all, well over the total.
  const apps = await Promise.all(Array.from({ length: 50 }, (_, i) => underReview(member, officer, org, programme, 200_000 + i * 5_000)));
  const results = await Promise.all(
    apps.map((a, i) =>
      server.gql(APPROVE, { id: String(a._id), i: { amount: a.requestedAmount, envelopeId: String(envelope._id) } }, officers[i % officers.length]!.token),
    ),
  );
  const outcomes = results.map((r) => r.body.data.approveGrantApplication);
  const accepted = apps.filter((_, i) => outcomes[i].errors.length === 0);
  const refused = apps.filter((_, i) => outcomes[i].errors.length > 0);
  expect(outcomes.every((o) => o.errors.length === 0 || o.errors[0].code === 'ENVELOPE_EXHAUSTED')).toBe(true);
  expect(accepted.length).toBeGreaterThan(0);
  expect(refused.length).toBeGreaterThan(0);

  const env = await envelopeWithLedger(envelope._id);
  const acceptedSum = accepted.reduce((s, a) => s + a.requestedAmount, 0);
  expect(env.committed).toBeLessThanOrEqual(total);
  expect(env.committed).toBe(acceptedSum);
  expect(env.commitments.map((c) => String(c.application)).sort()).toEqual(accepted.map((a) => String(a._id)).sort());
  // A refusal means the amount did not fit at that moment; later commitments only shrink what remains.
  for (const a of refused) expect(a.requestedAmount).toBeGreaterThan(total - env.committed);

  const states = await GrantApplicationModel.find({ _id: { $in: apps.map((a) => a._id) } }, { status: 1, pendingDecision: 1 }).lean();
  expect(states.filter((s) => s.status === 'APPROVED')).toHaveLength(accepted.length);
  expect(states.every((s) => s.pendingDecision === null)).toBe(true);
  expect(await ActivityModel.countDocuments({ objectId: { $in: apps.map((a) => a._id) }, action: 'APPROVE' })).toBe(accepted.length);
});

it('the same approval sent 10 times at once commits once', async () => {
  const officer = (await makeUser({ role: 'OFFICER' })).user;
  const envelope = await makeEnvelope(programme, 5_000_000);
  const app = await underReview(member, officer, org, programme, 1_000_000);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      server.gql(APPROVE, { id: String(app._id), i: { amount: 1_000_000, envelopeId: String(envelope._id) } }, officers[i % officers.length]!.token),
    ),
  );
  const codes = results.map((r) => r.body.data.approveGrantApplication.errors[0]?.code ?? 'OK');
  expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
  expect(codes.filter((c) => c !== 'OK').every((c) => c === 'INVALID_TRANSITION')).toBe(true);
  const env = await envelopeWithLedger(envelope._id);
  expect([env.committed, env.commitments.length]).toEqual([1_000_000, 1]);
  expect(await ActivityModel.countDocuments({ objectId: app._id, action: 'APPROVE' })).toBe(1);
});
