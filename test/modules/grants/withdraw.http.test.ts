// Withdrawing a grant and recovering what was overpaid, over HTTP (issue 13, point 5): the pro rata of the
// period remaining, the recovery order and its settlement, the envelope's figures at each step, the
// funding summary, who may do it, bad input, and a withdrawal cut before the envelope followed.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { earnedShare, grantPeriod } from '../../../src/modules/grants/commands/withdraw';
import { faults } from '../../../src/modules/grants/kernel/faults';
import { clock } from '../../../src/modules/grants/kernel/clock';
import { envelopeWithLedger, makeEnvelope, makeProgramme, underReview } from './fixtures';

useTestDatabase();
let server: TestServer;
let programme: Awaited<ReturnType<typeof makeProgramme>>;
let officer: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  await seedReference();
  server = await startServer();
  programme = await makeProgramme({ opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
  officer = await makeUser({ role: 'OFFICER' });
  admin = await makeUser({ role: 'ADMIN' });
});
afterEach(() => {
  delete faults.afterLedgerEntry;
  clock.now = () => new Date();
});
afterAll(() => server.close());

const APPROVE = `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { application { id } errors { code } } }`;
const CONVENTION = `mutation($id: ID!, $i: ConventionInput!) { recordConvention(id: $id, input: $i) { application { id } errors { code } } }`;
const PAY = `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { application { paidAmount } errors { code field message } } }`;
const WITHDRAW = `mutation($i: WithdrawGrantInput!) { withdrawGrant(input: $i) {
  application { status paidAmount recovery { amount reason details effectiveOn periodStart periodEnd earned paidAtWithdrawal recoveredOn } }
  errors { code field message } } }`;
const RECOVERED = `mutation($id: ID!, $on: Date!) { recordRecovery(applicationId: $id, recoveredOn: $on) { application { status recovery { amount recoveredOn } } errors { code field message } } }`;
const SUMMARY = `query($id: ID!) { organisation(id: $id) { fundingSummary(year: 2026) { cityCash } } }`;
const RECONCILE = `mutation { reconcileEnvelopes { report { pendingFinished pendingRolledBack commitmentsReleased commitmentsRestored countersFixed unrepaired } errors { code } } }`;
const today = () => new Date().toISOString().slice(0, 10);

/** A 12,000 EUR grant of 2026 with its convention, 9,000 EUR paid, on a fresh envelope. */
async function paidGrant() {
  const org = await makeOrganisation();
  const member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
  const envelope = await makeEnvelope(programme, 5_000_000);
  const app = await underReview(member.user, officer.user, org, programme, 1_200_000);
  const id = String(app._id);
  expect(
    dataOf(await server.gql(APPROVE, { id, i: { amount: 1_200_000, envelopeId: String(envelope._id) } }, officer.token)).approveGrantApplication.errors,
  ).toEqual([]);
  dataOf(await server.gql(CONVENTION, { id, i: { reference: 'CONV-2026-W', signedOn: today() } }, officer.token));
  expect(dataOf(await server.gql(PAY, { id, i: { amount: 900_000 } }, officer.token)).recordPayment.errors).toEqual([]);
  return { org, member, envelope, id };
}

it('computes the pro rata of the period elapsed in whole days, exactly', () => {
  const period = grantPeriod({ year: 2026, multiYear: null } as never);
  expect(period).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-12-31T00:00:00Z') });
  expect(earnedShare(1_200_000, period, new Date('2026-01-01T00:00:00Z'))).toBe(0);
  // 181 days (January to June) of 365: 1,200,000 x 181 / 365 = 595,068.49 -> 595,068 cents.
  expect(earnedShare(1_200_000, period, new Date('2026-07-01T00:00:00Z'))).toBe(595_068);
  expect(earnedShare(1_200_000, period, new Date('2027-03-01T00:00:00Z'))).toBe(1_200_000);
  // A multi-year convention's period runs from its first year to its last.
  const years = grantPeriod({ year: 2026, multiYear: { years: [{ year: 2026 }, { year: 2027 }, { year: 2028 }] } } as never);
  expect(years).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2028-12-31T00:00:00Z') });
  expect(earnedShare(100_000_000_000, years, new Date('2027-01-01T00:00:00Z'))).toBe(Math.floor((100_000_000_000 * 365) / 1096));
});

it('withdraws a grant for a breach of the republican contract: the overpaid share is ordered back, the envelope releases what will never be paid, then what came back', async () => {
  const { org, member, envelope, id } = await paidGrant();
  const res = dataOf(
    await server.gql(
      WITHDRAW,
      {
        i: {
          applicationId: id,
          reason: 'REPUBLICAN_CONTRACT_BREACH',
          details: 'Propos discriminatoires lors de la fête de quartier du 30 juin.',
          effectiveOn: '2026-07-01',
        },
      },
      officer.token,
    ),
  ).withdrawGrant;
  expect(res.errors).toEqual([]);
  expect(res.application).toEqual({
    status: 'WITHDRAWN',
    paidAmount: 900_000,
    recovery: {
      amount: 304_932,
      reason: 'REPUBLICAN_CONTRACT_BREACH',
      details: 'Propos discriminatoires lors de la fête de quartier du 30 juin.',
      effectiveOn: '2026-07-01',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      earned: 595_068,
      paidAtWithdrawal: 900_000,
      recoveredOn: null,
    },
  });
  // Nothing more is paid; the envelope keeps only what was paid committed.
  const more = dataOf(await server.gql(PAY, { id, i: { amount: 100_000 } }, officer.token)).recordPayment;
  expect(more.errors[0].code).toBe('INVALID_TRANSITION');
  let env = await envelopeWithLedger(envelope._id);
  expect([env.committed, env.paid]).toEqual([900_000, 900_000]);
  expect(env.commitments.map((c) => [c.amount, c.state])).toEqual([[900_000, 'APPLIED']]);
  // The organisation's year counts what the grant keeps.
  expect(dataOf(await server.gql(SUMMARY, { id: String(org._id) }, member.token)).organisation.fundingSummary.cityCash).toBe(595_068);
  // The trail says why and how much.
  const history = dataOf(await server.gql(`query($id: ID!) { grantApplication(id: $id) { history { action reason } } }`, { id }, officer.token));
  const step = history.grantApplication.history.find((n: { action: string }) => n.action === 'WITHDRAW_GRANT');
  expect(step.reason).toMatch(/^breach of the republican contract \(décret 2021-1947\), effective 2026-07-01: 3,049.32 EUR to recover/);

  // The money comes back.
  const settled = dataOf(await server.gql(RECOVERED, { id, on: today() }, officer.token)).recordRecovery;
  expect(settled).toEqual({ application: { status: 'WITHDRAWN', recovery: { amount: 304_932, recoveredOn: today() } }, errors: [] });
  env = await envelopeWithLedger(envelope._id);
  expect([env.committed, env.paid]).toEqual([595_068, 595_068]);
  expect(env.payments.map((p) => p.amount).sort((a, b) => a - b)).toEqual([-304_932, 900_000]);
  const twice = dataOf(await server.gql(RECOVERED, { id, on: today() }, officer.token)).recordRecovery;
  expect(twice.errors).toEqual([
    { code: 'RECOVERY_ALREADY_RECORDED', field: 'applicationId', message: `The recovery of 3,049.32 EUR was already recorded on ${today()}.` },
  ]);
  // Consistent: reconciliation finds nothing to repair.
  clock.now = () => new Date(Date.now() + 10 * 60_000);
  expect(dataOf(await server.gql(RECONCILE, {}, admin.token)).reconcileEnvelopes.report).toEqual({
    pendingFinished: 0,
    pendingRolledBack: 0,
    commitmentsReleased: 0,
    commitmentsRestored: 0,
    countersFixed: 0,
    unrepaired: [],
  });
});

it('a withdrawal effective on the period start recovers everything paid, and an unpaid grant is released whole', async () => {
  const { envelope, id } = await paidGrant();
  const all = dataOf(
    await server.gql(
      WITHDRAW,
      { i: { applicationId: id, reason: 'CONDITIONS_UNMET', details: 'Le projet n’a pas eu lieu.', effectiveOn: '2026-01-01' } },
      officer.token,
    ),
  ).withdrawGrant;
  expect(all.application.recovery).toMatchObject({ amount: 900_000, earned: 0 });
  dataOf(await server.gql(RECOVERED, { id, on: today() }, officer.token));
  const env = await envelopeWithLedger(envelope._id);
  expect([env.committed, env.paid, env.commitments.length]).toEqual([0, 0, 0]);

  const org = await makeOrganisation();
  const member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id }] });
  const fresh = await makeEnvelope(programme, 5_000_000);
  const app = await underReview(member.user, officer.user, org, programme, 800_000);
  dataOf(await server.gql(APPROVE, { id: String(app._id), i: { amount: 800_000, envelopeId: String(fresh._id) } }, officer.token));
  const unpaid = dataOf(
    await server.gql(
      WITHDRAW,
      { i: { applicationId: String(app._id), reason: 'CONDITIONS_UNMET', details: 'Association dissoute.', effectiveOn: '2026-06-01' } },
      officer.token,
    ),
  ).withdrawGrant;
  expect(unpaid.application.recovery).toMatchObject({ amount: 0, paidAtWithdrawal: 0 });
  expect((await envelopeWithLedger(fresh._id)).committed).toBe(0);
  const nothing = dataOf(await server.gql(RECOVERED, { id: String(app._id), on: today() }, officer.token)).recordRecovery;
  expect(nothing.errors[0]).toMatchObject({ code: 'RECOVERY_NOT_ORDERED', field: 'applicationId' });
});

it('refuses bad input with the field at fault, and leaves the withdrawal to officers and admins', async () => {
  const { member, id } = await paidGrant();
  const bad = dataOf(
    await server.gql(WITHDRAW, { i: { applicationId: id, reason: 'CONDITIONS_UNMET', details: '   ', effectiveOn: '2099-01-01' } }, officer.token),
  ).withdrawGrant;
  expect(bad.application).toBeNull();
  expect(bad.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([
    ['BAD_USER_INPUT', 'input.details'],
    ['BAD_USER_INPUT', 'input.effectiveOn'],
  ]);
  const early = dataOf(
    await server.gql(WITHDRAW, { i: { applicationId: id, reason: 'CONDITIONS_UNMET', details: 'x', effectiveOn: '2025-12-31' } }, officer.token),
  ).withdrawGrant;
  expect(early.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effectiveOn' });
  expect(early.errors[0].message).toMatch(/starts on 2026-01-01/);
  const unknown = await server.gql(WITHDRAW, { i: { applicationId: id, reason: 'BECAUSE', details: 'x', effectiveOn: '2026-06-01' } }, officer.token);
  expect(unknown.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  const byMember = await server.gql(WITHDRAW, { i: { applicationId: id, reason: 'CONDITIONS_UNMET', details: 'x', effectiveOn: '2026-06-01' } }, member.token);
  expect(byMember.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  // Not approved: the lifecycle table refuses it.
  const org = await makeOrganisation();
  const m = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id }] });
  const review = await underReview(m.user, officer.user, org, programme, 500_000);
  const notYet = dataOf(
    await server.gql(
      WITHDRAW,
      { i: { applicationId: String(review._id), reason: 'CONDITIONS_UNMET', details: 'x', effectiveOn: '2026-06-01' } },
      officer.token,
    ),
  ).withdrawGrant;
  expect(notYet.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', field: 'id' });
  expect((await GrantApplicationModel.findById(id).lean())!.status).toBe('APPROVED');
});

it('a withdrawal cut before the envelope followed is finished by reconciliation', async () => {
  const { envelope, id } = await paidGrant();
  faults.afterLedgerEntry = () => {
    throw new Error('power cut');
  };
  const cut = await server.gql(
    WITHDRAW,
    { i: { applicationId: id, reason: 'CONDITIONS_UNMET', details: 'Bilan non remis.', effectiveOn: '2026-07-01' } },
    officer.token,
  );
  expect(cut.body.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
  delete faults.afterLedgerEntry;
  expect((await GrantApplicationModel.findById(id).lean())!.status).toBe('WITHDRAWN');
  expect((await envelopeWithLedger(envelope._id)).committed).toBe(1_200_000);
  clock.now = () => new Date(Date.now() + 10 * 60_000);
  const report = dataOf(await server.gql(RECONCILE, {}, admin.token)).reconcileEnvelopes.report;
  expect(report.unrepaired).toEqual([]);
  const env = await envelopeWithLedger(envelope._id);
  expect([env.committed, env.paid, env.commitments.map((c) => c.state)]).toEqual([900_000, 900_000, ['APPLIED']]);
});
