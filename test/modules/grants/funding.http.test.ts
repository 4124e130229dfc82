// Thresholds per beneficiary and year over HTTP (issue 13, point 4): the organisation's funding summary and
// who sees it, the declarations, the officers' alerts, and the convention rule across several grants,
// including its race with an approval.
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { ConflictOfInterestModel } from '../../../src/modules/organisation/conflict-of-interest.model';
import { faults } from '../../../src/modules/grants/kernel/faults';
import { makeEnvelope, makeProgramme, underReview } from './fixtures';

useTestDatabase();
let server: TestServer;
let programme: Awaited<ReturnType<typeof makeProgramme>>;
let envelope: Awaited<ReturnType<typeof makeEnvelope>>;
let officer: Awaited<ReturnType<typeof makeUser>>;
let officer2: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  await seedReference();
  server = await startServer();
  programme = await makeProgramme({ opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
  envelope = await makeEnvelope(programme, 1_000_000_000);
  officer = await makeUser({ role: 'OFFICER' });
  officer2 = await makeUser({ role: 'OFFICER' });
});
afterEach(() => {
  delete faults.afterFundingRead;
});
afterAll(() => server.close());

const APPROVE = `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { application { id status } errors { code field message } } }`;
const PAY = `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { application { paidAmount } errors { code field message } } }`;
const CONVENTION = `mutation($id: ID!, $i: ConventionInput!) { recordConvention(id: $id, input: $i) { application { id } errors { code } } }`;
const SUMMARY = `query($id: ID!, $y: Int!) { organisation(id: $id) { fundingSummary(year: $y) { year cityCash cityInKind otherPublic total budget deMinimis thresholds { kind crossed amount counted message } } } }`;
const DECLARE = `mutation($i: DeclareFundingYearInput!) { declareFundingYear(input: $i) { summary { otherPublic budget deMinimis total } errors { code field message } } }`;
const ALERTS = `query($y: Int!) { thresholdAlerts(year: $y) { kind year counted amount message organisation { id name } } }`;

async function cast() {
  const org = await makeOrganisation();
  const member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
  return { org, member };
}

/** An application of `amount` cents approved over HTTP (by `officer`). */
async function approved(org: { _id: unknown }, member: { user: Parameters<typeof underReview>[0] }, amount: number) {
  const app = await underReview(member.user, officer.user, org, programme, amount);
  const res = dataOf(await server.gql(APPROVE, { id: String(app._id), i: { amount, envelopeId: String(envelope._id) } }, officer.token));
  expect(res.approveGrantApplication.errors).toEqual([]);
  return app;
}

const pay = async (id: unknown, amount: number, token = officer.token) => dataOf(await server.gql(PAY, { id: String(id), i: { amount } }, token)).recordPayment;

describe('an organisation funding summary', () => {
  it('adds every grant of the year, cash and in kind, and the other public funding declared; its members and staff see it, nobody else', async () => {
    const { org, member } = await cast();
    const a = await approved(org, member, 1_200_000);
    await approved(org, member, 1_500_000);
    // Aid in kind valued on an approval (written by the approval's own step; here straight on the document).
    await GrantApplicationModel.updateOne(
      { _id: a._id },
      { $push: { inKind: { kind: 'PREMISES', description: 'Salle Jean Moulin, 2 soirs par semaine', valuation: 300_000, year: 2026 } } },
    );
    const declared = dataOf(
      await server.gql(DECLARE, { i: { organisationId: String(org._id), year: 2026, otherPublicFunding: 14_000_000, budget: 5_000_000 } }, member.token),
    ).declareFundingYear;
    expect(declared).toEqual({ summary: { otherPublic: 14_000_000, budget: 5_000_000, deMinimis: false, total: 17_000_000 }, errors: [] });

    const summary = dataOf(await server.gql(SUMMARY, { id: String(org._id), y: 2026 }, member.token)).organisation.fundingSummary;
    expect(summary).toMatchObject({
      year: 2026,
      cityCash: 2_700_000,
      cityInKind: 300_000,
      otherPublic: 14_000_000,
      total: 17_000_000,
      budget: 5_000_000,
      deMinimis: false,
    });
    const byKind = Object.fromEntries(summary.thresholds.map((t: { kind: string }) => [t.kind, t]));
    expect(byKind.CONVENTION).toMatchObject({ crossed: true, amount: 2_300_000, counted: 3_000_000 });
    expect(byKind.CONVENTION.message).toBe(
      'City aid (cash and in kind), a written convention is required above the threshold (loi 2000-321 art. 10): 30,000.00 EUR in 2026, above the 23,000.00 EUR threshold.',
    );
    // Half the 50,000 EUR budget is below 75,000 EUR: that is the threshold, and 30,000 EUR crosses it.
    expect(byKind.ACCOUNTS_PUBLICATION).toMatchObject({ crossed: true, amount: 2_500_000, counted: 3_000_000 });
    expect(byKind.AUDITOR).toMatchObject({ crossed: true, amount: 15_300_000, counted: 17_000_000 });
    expect(byKind.AUDITOR.message).toMatch(/170,000\.00 EUR in 2026, above the 153,000\.00 EUR threshold/);
    expect(byKind.DE_MINIMIS).toMatchObject({ crossed: false, amount: 30_000_000 });
    // Another year is empty.
    const before = dataOf(await server.gql(SUMMARY, { id: String(org._id), y: 2025 }, member.token)).organisation.fundingSummary;
    expect(before).toMatchObject({ cityCash: 0, cityInKind: 0, otherPublic: 0, total: 0 });

    // Who sees it.
    const stranger = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: (await makeOrganisation())._id }] });
    const coordinator = await makeUser({ role: 'COORDINATOR' });
    const admin = await makeUser({ role: 'ADMIN' });
    const recused = await makeUser({ role: 'OFFICER' });
    await ConflictOfInterestModel.create({
      officer: recused.user._id,
      organisation: org._id,
      reason: 'Ma sœur préside cette association.',
      declaredAt: new Date(),
    });
    const seen = async (token?: string) => dataOf(await server.gql(SUMMARY, { id: String(org._id), y: 2026 }, token)).organisation?.fundingSummary ?? null;
    expect((await seen(officer.token))?.total).toBe(17_000_000);
    expect((await seen(admin.token))?.total).toBe(17_000_000);
    expect(await seen(stranger.token)).toBeNull();
    expect(await seen(coordinator.token)).toBeNull();
    expect(await seen(recused.token)).toBeNull();
    expect(await seen(undefined)).toBeNull();
  });

  it('counts the public co-funders granted on its applications when it declared nothing', async () => {
    const { org, member } = await cast();
    const a = await approved(org, member, 500_000);
    await GrantApplicationModel.updateOne(
      { _id: a._id },
      {
        $set: {
          otherFunders: [
            { name: 'Région Sud', amount: 800_000, status: 'GRANTED' },
            { name: 'Fondation X', amount: 100_000, status: 'GRANTED' },
          ],
        },
      },
    );
    const summary = dataOf(await server.gql(SUMMARY, { id: String(org._id), y: 2026 }, member.token)).organisation.fundingSummary;
    expect([summary.cityCash, summary.otherPublic, summary.total]).toEqual([500_000, 800_000, 1_300_000]);
  });

  it('refuses bad declarations with a code and the field at fault, and lets only staff say the aid is under de minimis', async () => {
    const { org, member } = await cast();
    const bad = dataOf(
      await server.gql(DECLARE, { i: { organisationId: String(org._id), year: 1999, otherPublicFunding: -5, budget: 200_000_000_000 } }, member.token),
    ).declareFundingYear;
    expect(bad.summary).toBeNull();
    expect(bad.errors.map((e: { code: string; field: string }) => [e.code, e.field]).sort()).toEqual([
      ['BAD_USER_INPUT', 'input.budget'],
      ['BAD_USER_INPUT', 'input.otherPublicFunding'],
      ['BAD_USER_INPUT', 'input.year'],
    ]);
    const nothing = dataOf(await server.gql(DECLARE, { i: { organisationId: String(org._id), year: 2026 } }, member.token)).declareFundingYear;
    expect(nothing.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'input', message: 'Give at least one figure to declare.' }]);
    const deMinimis = await server.gql(DECLARE, { i: { organisationId: String(org._id), year: 2026, deMinimis: true } }, member.token);
    expect(deMinimis.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(deMinimis.body.errors![0]!.message).toMatch(/de minimis/);
    const stranger = await makeUser({ role: 'MEMBER' });
    const other = await server.gql(DECLARE, { i: { organisationId: String(org._id), year: 2026, budget: 100 } }, stranger.token);
    expect(other.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const anonymous = await server.gql(DECLARE, { i: { organisationId: String(org._id), year: 2026, budget: 100 } });
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('threshold alerts', () => {
  it('lists for officers each threshold crossed with its amounts, de minimis over three years where declared, and is refused to members', async () => {
    const { org, member } = await cast();
    const a = await approved(org, member, 2_000_000);
    await approved(org, member, 1_000_000);
    // De minimis: the city's 2026 aid is declared under it, and 280,000 EUR of other de minimis aid came in 2025.
    dataOf(await server.gql(DECLARE, { i: { organisationId: String(org._id), year: 2026, deMinimis: true } }, officer.token));
    dataOf(await server.gql(DECLARE, { i: { organisationId: String(org._id), year: 2025, otherDeMinimisAid: 28_000_000 } }, member.token));
    const alerts = dataOf(await server.gql(ALERTS, { y: 2026 }, officer.token)).thresholdAlerts.filter(
      (x: { organisation: { id: string } }) => x.organisation.id === String(org._id),
    );
    expect(alerts.map((x: { kind: string }) => x.kind).sort()).toEqual(['CONVENTION', 'DE_MINIMIS']);
    const deMinimis = alerts.find((x: { kind: string }) => x.kind === 'DE_MINIMIS');
    expect(deMinimis).toMatchObject({ year: 2026, counted: 31_000_000, amount: 30_000_000 });
    expect(deMinimis.message).toBe(
      'De minimis aid over 2024-2026, the EU ceiling (regulation 2023/2831): 310,000.00 EUR in 2026, above the 300,000.00 EUR threshold.',
    );
    expect(alerts.find((x: { kind: string }) => x.kind === 'CONVENTION').counted).toBe(3_000_000);

    // Once both grants have their signed convention, the convention alert is settled.
    const b = (await GrantApplicationModel.find({ organisation: org._id }).lean()).map((x) => x._id);
    for (const id of b) {
      dataOf(
        await server.gql(
          CONVENTION,
          { id: String(id), i: { reference: `CONV-${String(id).slice(-4)}`, signedOn: new Date().toISOString().slice(0, 10) } },
          officer.token,
        ),
      );
    }
    const after = dataOf(await server.gql(ALERTS, { y: 2026 }, officer.token)).thresholdAlerts.filter(
      (x: { organisation: { id: string } }) => x.organisation.id === String(org._id),
    );
    expect(after.map((x: { kind: string }) => x.kind)).toEqual(['DE_MINIMIS']);
    expect(String(a._id)).toBeTruthy();

    // Only officers and admins; an officer recused from the organisation does not see it.
    expect((await server.gql(ALERTS, { y: 2026 }, member.token)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    await ConflictOfInterestModel.create({
      officer: officer2.user._id,
      organisation: org._id,
      reason: 'Trésorier de cette association.',
      declaredAt: new Date(),
    });
    const theirs = dataOf(await server.gql(ALERTS, { y: 2026 }, officer2.token)).thresholdAlerts;
    expect(theirs.some((x: { organisation: { id: string } }) => x.organisation.id === String(org._id))).toBe(false);
    const bad = await server.gql(ALERTS, { y: 3000 }, officer.token);
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('the convention rule across grants', () => {
  it("refuses the first payment once the organisation's year total passes 23,000 EUR over two grants, until that grant's convention is signed", async () => {
    const { org, member } = await cast();
    const a = await approved(org, member, 1_200_000);
    expect((await pay(a._id, 100_000)).errors).toEqual([]);
    const b = await approved(org, member, 1_200_000);
    const refused = await pay(a._id, 100_000);
    expect(refused.application).toBeNull();
    expect(refused.errors).toEqual([
      {
        code: 'CONVENTION_REQUIRED',
        field: 'id',
        message:
          "The city's aid to this organisation in 2026 is 24,000.00 EUR over 2 grants, above the 23,000.00 EUR threshold of loi 2000-321 (art. 10): record this grant's signed convention (recordConvention) before paying it.",
      },
    ]);
    expect((await pay(b._id, 100_000)).errors[0].code).toBe('CONVENTION_REQUIRED');
    dataOf(
      await server.gql(CONVENTION, { id: String(a._id), i: { reference: 'CONV-2026-A', signedOn: new Date().toISOString().slice(0, 10) } }, officer.token),
    );
    expect(await pay(a._id, 100_000)).toEqual({ application: { paidAmount: 200_000 }, errors: [] });
    expect((await pay(b._id, 100_000)).errors[0].code).toBe('CONVENTION_REQUIRED');
  });

  it('two approvals racing across the line at once: neither grant can then be paid without its convention (5 rounds)', async () => {
    for (let round = 0; round < 5; round++) {
      const { org, member } = await cast();
      const apps = await Promise.all([
        underReview(member.user, officer.user, org, programme, 1_200_000),
        underReview(member.user, officer.user, org, programme, 1_200_000),
      ]);
      const results = await Promise.all(
        apps.map((a, i) =>
          server.gql(APPROVE, { id: String(a._id), i: { amount: 1_200_000, envelopeId: String(envelope._id) } }, [officer, officer2][i]!.token),
        ),
      );
      expect(results.map((r) => dataOf(r).approveGrantApplication.errors)).toEqual([[], []]);
      const payments = await Promise.all(apps.map((a) => pay(a._id, 100_000)));
      expect(payments.map((p) => p.errors[0]?.code)).toEqual(['CONVENTION_REQUIRED', 'CONVENTION_REQUIRED']);
    }
  });

  it('a payment that read the total before a racing approval landed is checked again, and refused', async () => {
    const { org, member } = await cast();
    const a = await approved(org, member, 1_200_000);
    const b = await underReview(member.user, officer.user, org, programme, 1_200_000);
    // The payment stops right after reading the year's total (12,000 EUR), as a slow request would...
    let reached!: () => void;
    const atRead = new Promise<void>((r) => (reached = r));
    let resume!: () => void;
    const resumed = new Promise<void>((r) => (resume = r));
    faults.afterFundingRead = async () => {
      reached();
      await resumed;
    };
    const paying = server.gql(PAY, { id: String(a._id), i: { amount: 100_000 } }, officer.token);
    await atRead;
    // ...while the second grant is approved, taking the total to 24,000 EUR.
    const approval = dataOf(await server.gql(APPROVE, { id: String(b._id), i: { amount: 1_200_000, envelopeId: String(envelope._id) } }, officer2.token));
    expect(approval.approveGrantApplication.errors).toEqual([]);
    resume();
    const paid = dataOf(await paying).recordPayment;
    expect(paid.errors[0]).toMatchObject({ code: 'CONVENTION_REQUIRED', field: 'id' });
    expect(paid.errors[0].message).toMatch(/24,000\.00 EUR over 2 grants/);
    expect((await GrantApplicationModel.findById(a._id).lean())!.paidAmount).toBe(0);
    expect(Types.ObjectId.isValid(String(b._id))).toBe(true);
  });
});
