// Issue 9, findings 5, 9 and 10, over HTTP: amounts and sums bounded at input, computed outputs that stay
// answerable whatever was stored (before the bounds too); the overdue block lifted only by an accepted final
// report; and payments and tranches that cannot be dated before the decision.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference, tokenFor } from '../../helpers/factories';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { approveGrantApplication } from '../../../src/modules/grants/commands/decide';
import { recordConvention, recordPayment } from '../../../src/modules/grants/commands/pay';
import { submitGrantApplication } from '../../../src/modules/grants/commands/submit';
import { ctxFor, draftApplication, fixClock, makeEnvelope, makeProgramme, restoreClock, underReview, YEAR } from './fixtures';

useTestDatabase();
let server: TestServer;
let cast: Awaited<ReturnType<typeof castOf>>;
let programme: Awaited<ReturnType<typeof makeProgramme>>;
let envelope: Awaited<ReturnType<typeof makeEnvelope>>;
let moveClock: (to: Date) => void;

const MAX_SAFE = Number.MAX_SAFE_INTEGER; // 2^53 - 1, the amount
const BILLION_EUR = 100_000_000_000; // cents
const INT_MAX = 2_147_483_647;

async function castOf() {
  const org = await makeOrganisation();
  const member = (await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] })).user;
  const officer = (await makeUser({ role: 'OFFICER' })).user;
  return { org, member, officer, tokens: { member: tokenFor(member), officer: tokenFor(officer) } };
}

beforeAll(async () => {
  await seedReference();
  moveClock = fixClock();
  server = await startServer();
  cast = await castOf();
  programme = await makeProgramme({ maxAmount: BILLION_EUR });
  envelope = await makeEnvelope(programme, 1_000_000_000);
});
afterAll(async () => {
  restoreClock();
  await server.close();
});

const gql = (who: 'member' | 'officer', query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, cast.tokens[who]);
/** The payload of a mutation (its only root field). */
async function payloadOf(who: 'member' | 'officer', query: string, variables: Record<string, unknown> = {}) {
  return Object.values(dataOf(await gql(who, query, variables)))[0] as { application: any; errors: { code: string; field: string; message: string }[] };
}
const UPDATE = `mutation($id: ID!, $i: UpdateGrantApplicationInput!) { updateGrantApplication(id: $id, input: $i) { application { id } errors { code field message } } }`;

describe('finding 5: amounts and sums are bounded at input', () => {
  it("refuses the issue's 2^53-1 cents at the door, naming the field and the bound, and stores nothing", async () => {
    const before = await GrantApplicationModel.countDocuments();
    const res = await gql(
      'member',
      `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id } errors { code field } } }`,
      {
        i: {
          organisationId: String(cast.org._id),
          programmeId: String(programme._id),
          title: 'Attaque',
          description: 'Des montants énormes.',
          requestedAmount: 100_000,
          budgetLines: [{ kind: 'EXPENSE', label: 'Énorme', amount: MAX_SAFE }],
          otherFunders: [{ name: 'Région Sud', amount: MAX_SAFE, status: 'GRANTED' }],
        },
      },
    );
    expect(res.body.data).toBeUndefined();
    const errors = res.body.errors!.map((e) => [e.extensions!.code, e.message]);
    expect(errors).toEqual([
      ['BAD_USER_INPUT', expect.stringContaining('at "i.budgetLines[0].amount"')],
      ['BAD_USER_INPUT', expect.stringContaining('at "i.otherFunders[0].amount"')],
    ]);
    expect(errors[0]![1]).toContain('100,000,000,000.00 EUR');
    expect(await GrantApplicationModel.countDocuments()).toBe(before);
  });

  it('refuses, all at once and each on its field, any amount or sum of lines above 1 billion EUR, and changes nothing', async () => {
    const draft = await draftApplication(cast.member, cast.org, programme);
    const { application, errors } = await payloadOf('member', UPDATE, {
      id: String(draft._id),
      i: {
        requestedAmount: BILLION_EUR + 1,
        budgetLines: [
          { kind: 'EXPENSE', label: 'Travaux', amount: 60_000_000_000 },
          { kind: 'EXPENSE', label: 'Études', amount: 60_000_000_000 },
          { kind: 'INCOME', label: 'Mécénat', amount: BILLION_EUR + 1 },
        ],
        otherFunders: [
          { name: 'Région Sud', amount: 60_000_000_000, status: 'GRANTED' },
          { name: 'État', amount: 60_000_000_000, status: 'REQUESTED' },
        ],
      },
    });
    expect(application).toBeNull();
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['BAD_USER_INPUT', 'input.requestedAmount'],
      ['BAD_USER_INPUT', 'input.budgetLines[2].amount'],
      ['BAD_USER_INPUT', 'input.budgetLines'],
      ['BAD_USER_INPUT', 'input.otherFunders'],
    ]);
    for (const e of errors) expect(e.message).toContain('1,000,000,000.00 EUR');
    expect(errors[2]!.message).toContain('expense lines add up to 1,200,000,000.00 EUR');
    const stored = await GrantApplicationModel.findById(draft._id).lean();
    expect([stored!.requestedAmount, stored!.budgetLines.length, stored!.otherFunders.length]).toEqual([draft.requestedAmount, 2, 1]);
  });

  it('takes amounts and sums at the bound itself', async () => {
    const draft = await draftApplication(cast.member, cast.org, programme);
    const { errors } = await payloadOf('member', UPDATE, {
      id: String(draft._id),
      i: {
        requestedAmount: BILLION_EUR,
        budgetLines: [
          { kind: 'EXPENSE', label: 'Travaux', amount: 60_000_000_000 },
          { kind: 'EXPENSE', label: 'Études', amount: 40_000_000_000 },
        ],
        otherFunders: [{ name: 'Région Sud', amount: BILLION_EUR, status: 'GRANTED' }],
      },
    });
    expect(errors).toEqual([]);
  });
});

describe('finding 5: computed amounts always answer', () => {
  const LIST = `{ grantApplications(first: 100) { edges { node { id totalExpenses funding { totalCost publicAmount privateAmount publicShareBasisPoints flags } } } } }`;
  const ALERTS = `query($y: Int!) { cofundingAlerts(year: $y) { flag application { id } funding { publicAmount totalCost publicShareBasisPoints } message } }`;

  it('answers a public share far above 100% within the Int range, for a budget the bounds allow', async () => {
    // 1,000 EUR of expenses, 1 billion EUR of public co-funding: 10^10 basis points, beyond GraphQL's Int.
    const draft = await draftApplication(cast.member, cast.org, programme);
    const id = String(draft._id);
    expect(
      (
        await payloadOf('member', UPDATE, {
          id,
          i: {
            requestedAmount: 100_000,
            budgetLines: [{ kind: 'EXPENSE', label: 'Animation', amount: 100_000 }],
            otherFunders: [{ name: 'Région Sud', amount: BILLION_EUR, status: 'GRANTED', isPublic: true }],
          },
        })
      ).errors,
    ).toEqual([]);
    await submitGrantApplication(ctxFor(cast.member), id);

    const list = await gql('officer', LIST);
    expect(list.body.errors).toBeUndefined();
    const node = list.body.data.grantApplications.edges.map((e: any) => e.node).find((n: any) => n.id === id);
    expect(node.funding).toEqual({
      totalCost: 100_000,
      publicAmount: BILLION_EUR + 100_000,
      privateAmount: 0,
      publicShareBasisPoints: INT_MAX,
      flags: ['PUBLIC_FUNDING_EXCEEDS_COST'],
    });

    const alerts = await gql('officer', ALERTS, { y: YEAR });
    expect(alerts.body.errors).toBeUndefined();
    const alert = alerts.body.data.cofundingAlerts.find((a: any) => a.application.id === id);
    expect(alert).toMatchObject({ flag: 'PUBLIC_FUNDING_EXCEEDS_COST', funding: { publicShareBasisPoints: INT_MAX } });
    expect(alert.message).toContain('1,000,000,000.00 EUR');
  });

  it("answers the officers' list, cofundingAlerts and funding for amounts stored before the bounds", async () => {
    const draft = await draftApplication(cast.member, cast.org, programme);
    await submitGrantApplication(ctxFor(cast.member), String(draft._id));
    // Written raw, as an application stored before this fix could hold (every amount was a safe integer).
    await GrantApplicationModel.collection.updateOne(
      { _id: draft._id },
      {
        $set: {
          requestedAmount: MAX_SAFE,
          budgetLines: [
            { kind: 'EXPENSE', label: 'Énorme 1', amount: MAX_SAFE },
            { kind: 'EXPENSE', label: 'Énorme 2', amount: MAX_SAFE },
            { kind: 'EXPENSE', label: 'Énorme 3', amount: MAX_SAFE },
            { kind: 'INCOME', label: 'Énorme 4', amount: MAX_SAFE },
          ],
          otherFunders: [
            { name: 'Région Sud', amount: MAX_SAFE, status: 'GRANTED', isPublic: true },
            { name: 'État', amount: MAX_SAFE, status: 'GRANTED', isPublic: true },
            { name: 'Fondation', amount: MAX_SAFE, status: 'GRANTED', isPublic: false },
            { name: 'Mécène', amount: MAX_SAFE, status: 'GRANTED', isPublic: false },
          ],
        },
      },
    );
    const id = String(draft._id);

    const list = await gql('officer', LIST);
    expect(list.body.errors).toBeUndefined();
    const node = list.body.data.grantApplications.edges.map((e: any) => e.node).find((n: any) => n.id === id);
    // Sums of stored amounts stop at 2^53-1 cents instead of failing the whole list.
    expect(node).toEqual({
      id,
      totalExpenses: MAX_SAFE,
      funding: { totalCost: MAX_SAFE, publicAmount: MAX_SAFE, privateAmount: MAX_SAFE, publicShareBasisPoints: 10_000, flags: [] },
    });
    const one = await gql('officer', `query($id: ID!) { grantApplication(id: $id) { funding { publicShareBasisPoints } totalExpenses } }`, { id });
    expect(one.body).toEqual({ data: { grantApplication: { funding: { publicShareBasisPoints: 10_000 }, totalExpenses: MAX_SAFE } } });

    const alerts = await gql('officer', ALERTS, { y: YEAR });
    expect(alerts.body.errors).toBeUndefined();
    expect(Array.isArray(alerts.body.data.cofundingAlerts)).toBe(true);
  });
});

describe('finding 9: only an accepted final report lifts the overdue block', () => {
  const REPORT = `mutation($id: ID!, $i: FinalReportInput!) { submitFinalReport(id: $id, input: $i) { application { id } errors { code field message } } }`;
  const PAY = `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { application { paidAmount } errors { code field message } } }`;
  const STATE = `query($id: ID!) { grantApplication(id: $id) { reportOverdue finalReport { acceptedAt } } }`;

  it('keeps paying and submitting blocked after a report of zeros or an unaccepted report, until an officer accepts it', async () => {
    moveClock(new Date(`${YEAR}-03-15T10:00:00Z`));
    const app = await underReview(cast.member, cast.officer, cast.org, programme);
    const id = String(app._id);
    await approveGrantApplication(ctxFor(cast.officer), id, { amount: 1_000_000, envelopeId: String(envelope._id) });
    await recordPayment(ctxFor(cast.officer), id, { amount: 500_000 });
    const next = await draftApplication(
      cast.member,
      cast.org,
      await makeProgramme({ year: YEAR + 1, opensOn: new Date(`${YEAR + 1}-01-01`), closesOn: new Date(`${YEAR + 1}-12-31`) }),
    );
    moveClock(new Date(`${YEAR + 1}-07-01T09:00:00Z`)); // the report was due on 30 June
    try {
      expect(dataOf(await gql('member', STATE, { id })).grantApplication.reportOverdue).toBe(true);

      // A report of zeros is refused for what it lacks.
      const zeros = await payloadOf('member', REPORT, { id, i: { spentLines: [{ label: 'Rien', amount: 0 }], beneficiariesReached: 0, narrative: '.' } });
      expect(zeros.errors.map((e) => [e.code, e.field])).toEqual([['BAD_USER_INPUT', 'input.spentLines']]);
      expect(zeros.errors[0]!.message).toMatch(/positive amount/);

      // A report with content is taken, but the block stays until an officer accepts it.
      const report = await payloadOf('member', REPORT, {
        id,
        i: { spentLines: [{ label: 'Animateur', amount: 1_400_000 }], beneficiariesReached: 40, narrative: 'Douze ateliers menés, quarante habitants formés.' },
      });
      expect(report.errors).toEqual([]);
      expect(dataOf(await gql('member', STATE, { id })).grantApplication).toEqual({ reportOverdue: true, finalReport: { acceptedAt: null } });
      const refused = await payloadOf('officer', PAY, { id, i: { amount: 100_000 } });
      expect(refused.errors.map((e) => [e.code, e.field])).toEqual([['REPORT_OVERDUE', 'id']]);
      expect(refused.errors[0]!.message).toMatch(/awaiting an officer's acceptance/);
      const submitted = await payloadOf('member', `mutation($id: ID!) { submitGrantApplication(id: $id) { application { id } errors { code field } } }`, {
        id: String(next._id),
      });
      expect(submitted.errors).toEqual([{ code: 'REPORT_OVERDUE', field: 'organisationId' }]);

      // Accepted: the block is lifted.
      expect((await payloadOf('officer', `mutation($id: ID!) { acceptFinalReport(id: $id) { application { id } errors { code } } }`, { id })).errors).toEqual(
        [],
      );
      expect(dataOf(await gql('member', STATE, { id })).grantApplication.reportOverdue).toBe(false);
      expect(await payloadOf('officer', PAY, { id, i: { amount: 100_000 } })).toEqual({ application: { paidAmount: 600_000 }, errors: [] });
    } finally {
      moveClock(new Date(`${YEAR}-03-15T10:00:00Z`));
    }
  });

  it('refuses a report whose amounts add up to more than 1 billion EUR', async () => {
    const app = await underReview(cast.member, cast.officer, cast.org, programme);
    const id = String(app._id);
    await approveGrantApplication(ctxFor(cast.officer), id, { amount: 1_000_000, envelopeId: String(envelope._id) });
    const { errors } = await payloadOf('member', REPORT, {
      id,
      i: {
        spentLines: [
          { label: 'A', amount: 60_000_000_000 },
          { label: 'B', amount: 60_000_000_000 },
        ],
        beneficiariesReached: 1,
        narrative: 'Des dépenses.',
      },
    });
    expect(errors.map((e) => [e.code, e.field])).toEqual([['BAD_USER_INPUT', 'input.spentLines']]);
    expect(errors[0]!.message).toContain('1,000,000,000.00 EUR');
  });
});

describe('finding 10: payments and tranches are not dated before the decision', () => {
  const PAY = `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { application { paidAmount payments { paidOn } } errors { code field message } } }`;
  const SCHEDULE = `mutation($id: ID!, $t: [TrancheInput!]!) { schedulePayments(id: $id, tranches: $t) { application { payments { dueDate } } errors { code field message } } }`;

  async function decidedOn(day: string) {
    moveClock(new Date(`${day}T10:00:00Z`));
    const app = await underReview(cast.member, cast.officer, cast.org, programme);
    await approveGrantApplication(ctxFor(cast.officer), String(app._id), { amount: 1_000_000, envelopeId: String(envelope._id) });
    // The organisation's grants of the year add up to more than 23,000 EUR: each needs its convention to be paid (issue 13).
    await recordConvention(ctxFor(cast.officer), String(app._id), { reference: `C-${day}`, signedOn: day });
    moveClock(new Date(`${YEAR}-04-20T10:00:00Z`));
    return String(app._id);
  }

  it('refuses a payment dated before the decision, naming its date, and after today; takes the decision day', async () => {
    const id = await decidedOn(`${YEAR}-03-15`);
    for (const paidOn of ['2001-01-01', `${YEAR}-03-14`]) {
      const { application, errors } = await payloadOf('officer', PAY, { id, i: { amount: 100_000, paidOn } });
      expect({ paidOn, application, errors: errors.map((e) => [e.code, e.field]) }).toEqual({
        paidOn,
        application: null,
        errors: [['BAD_USER_INPUT', 'input.paidOn']],
      });
      expect(errors[0]!.message).toContain(`decision (${YEAR}-03-15)`);
    }
    expect((await payloadOf('officer', PAY, { id, i: { amount: 100_000, paidOn: `${YEAR}-04-21` } })).errors.map((e) => e.field)).toEqual(['input.paidOn']);
    expect((await GrantApplicationModel.findById(id).lean())!.paidAmount).toBe(0);
    expect(await payloadOf('officer', PAY, { id, i: { amount: 100_000, paidOn: `${YEAR}-03-15` } })).toEqual({
      application: { paidAmount: 100_000, payments: [{ paidOn: `${YEAR}-03-15` }] },
      errors: [],
    });
  });

  it('refuses a scheduled tranche paid on a day before the decision, even with its tranche id', async () => {
    const id = await decidedOn(`${YEAR}-03-15`);
    const scheduled = await payloadOf('officer', SCHEDULE, { id, t: [{ amount: 500_000, dueDate: `${YEAR}-04-01` }] });
    expect(scheduled.errors).toEqual([]);
    const tranche = (await GrantApplicationModel.findById(id).lean())!.payments[0]!;
    const { errors } = await payloadOf('officer', PAY, { id, i: { trancheId: String(tranche._id), paidOn: '2001-01-01' } });
    expect(errors.map((e) => [e.code, e.field])).toEqual([['BAD_USER_INPUT', 'input.paidOn']]);
  });

  it('refuses tranches due before the decision, each on its field, and schedules nothing', async () => {
    const id = await decidedOn(`${YEAR}-03-15`);
    const { application, errors } = await payloadOf('officer', SCHEDULE, {
      id,
      t: [
        { amount: 300_000, dueDate: '2001-01-01' },
        { amount: 300_000, dueDate: `${YEAR}-03-15` },
        { amount: 300_000, dueDate: `${YEAR}-03-01` },
      ],
    });
    expect(application).toBeNull();
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['BAD_USER_INPUT', 'tranches[0].dueDate'],
      ['BAD_USER_INPUT', 'tranches[2].dueDate'],
    ]);
    expect(errors[0]!.message).toContain(`decision (${YEAR}-03-15)`);
    expect((await GrantApplicationModel.findById(id).lean())!.payments).toEqual([]);
  });
});
