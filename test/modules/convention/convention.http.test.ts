// Multi-year conventions over HTTP: the request's years, an approval recording a four-year convention
// with its first year committed, the council voting later years on their own envelopes, interim reports
// gating the next year's payments, amendments with their history, and the final report's deadline.
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { fixClock, restoreClock } from '../grants/fixtures';
import { BudgetEnvelopeModel } from '../../../src/modules/grants/budget/budget-envelope.model';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { FundingYearModel } from '../../../src/modules/grants/funding/funding-year.model';
import {
  AMEND,
  APPROVE,
  caller,
  CONVENTION,
  councilDecision,
  CREATE,
  INTERIM,
  multiYearUnderReview,
  PAY,
  REOPEN,
  SCHEDULE,
  SUBMIT,
  UPDATE,
  VOTE,
  world,
  type Call,
} from './helpers';

useTestDatabase();
let server: TestServer;
let call: Call;

beforeAll(async () => {
  fixClock();
  server = await startServer();
  call = caller(server);
});
afterAll(async () => {
  restoreClock();
  await server.close();
});

const FOUR_YEARS = [
  { year: 2026, amount: 3_000_000 },
  { year: 2027, amount: 3_100_000 },
  { year: 2028, amount: 3_200_000 },
  { year: 2029, amount: 3_300_000 },
];

const envelope = (id: string) => BudgetEnvelopeModel.findById(id, { committed: 1, paid: 1 }).lean<{ committed: number; paid: number }>();

describe('a multi-year request', () => {
  it('takes 2 to 4 consecutive years of positive cents, and its request is their sum', async () => {
    const w = await world([2026, 2027]);
    const base = {
      organisationId: String(w.org._id),
      programmeId: String(w.programmes[2026]!._id),
      title: 'CPO',
      description: 'Quatre ans.',
      requestedAmount: 200_000,
    };
    const ok = await call(w.tokens.member, CREATE, {
      i: {
        ...base,
        requestedAmount: 350_050,
        years: [
          { year: 2026, amount: 100_000 },
          { year: 2027, amount: 250_050 },
        ],
      },
    });
    expect(ok.errors).toEqual([]);
    expect(ok.application.requestedAmount).toBe(350_050);
    // Changing the years alone sets the request to their sum.
    const edited = await call(w.tokens.member, UPDATE, {
      id: ok.application.id,
      i: {
        years: [
          { year: 2026, amount: 100_000 },
          { year: 2027, amount: 100_001 },
        ],
      },
    });
    expect(edited.errors).toEqual([]);
    expect(edited.application.requestedAmount).toBe(200_001);
    expect(ok.application.years).toEqual([
      { year: 2026, amount: 100_000 },
      { year: 2027, amount: 250_050 },
    ]);

    const gap = await call(w.tokens.member, CREATE, {
      i: {
        ...base,
        years: [
          { year: 2026, amount: 100_000 },
          { year: 2028, amount: 100_000 },
        ],
      },
    });
    expect(gap.errors).toEqual([
      { code: 'MULTI_YEAR_INVALID', field: 'input.years[1].year', message: expect.stringContaining('2026 is followed by 2027, not 2028') },
    ]);
    const five = await call(w.tokens.member, CREATE, {
      i: { ...base, years: [2026, 2027, 2028, 2029, 2030].map((year) => ({ year, amount: 100_000 })) },
    });
    expect(five.errors).toEqual([{ code: 'MULTI_YEAR_INVALID', field: 'input.years', message: expect.stringContaining('2 to 4 years (got 5)') }]);
    const one = await call(w.tokens.member, CREATE, { i: { ...base, years: [{ year: 2026, amount: 100_000 }] } });
    expect(one.errors[0]).toMatchObject({ code: 'MULTI_YEAR_INVALID', field: 'input.years' });
    const negative = await call(w.tokens.member, CREATE, {
      i: {
        ...base,
        years: [
          { year: 2026, amount: 0 },
          { year: 2027, amount: 0 },
        ],
      },
    });
    expect(negative.errors.map((e: any) => [e.code, e.field])).toEqual([
      ['BAD_USER_INPUT', 'input.years[0].amount'],
      ['BAD_USER_INPUT', 'input.years[1].amount'],
    ]);
    const mismatch = await call(w.tokens.member, CREATE, {
      i: {
        ...base,
        requestedAmount: 300_000,
        years: [
          { year: 2026, amount: 100_000 },
          { year: 2027, amount: 100_000 },
        ],
      },
    });
    expect(mismatch.errors).toEqual([
      {
        code: 'MULTI_YEAR_TOTAL_MISMATCH',
        field: 'input.requestedAmount',
        message: 'The yearly amounts add up to 2,000.00 EUR, but the request says 3,000.00 EUR: they must be equal.',
      },
    ]);
  });

  it('is refused at submission when it does not start in the programme year or no longer adds up', async () => {
    const w = await world([2026, 2027, 2028]);
    const created = await call(w.tokens.member, CREATE, {
      i: {
        organisationId: String(w.org._id),
        programmeId: String(w.programmes[2026]!._id),
        title: 'CPO décalée',
        description: 'Commence trop tard.',
        years: [
          { year: 2027, amount: 1_000_000 },
          { year: 2028, amount: 1_000_000 },
        ],
        requestedAmount: 2_000_000,
        budgetLines: [
          { kind: 'EXPENSE', label: 'Tout', amount: 2_500_000 },
          { kind: 'INCOME', label: 'Fonds propres', amount: 500_000 },
        ],
        republicanContractAttested: true,
      },
    });
    const id = created.application.id;
    await call(w.tokens.member, UPDATE, { id, i: { requestedAmount: 2_100_000 } });
    const refused = await call(w.tokens.member, SUBMIT, { id });
    expect(refused.application).toBeNull();
    expect(refused.errors).toEqual(
      expect.arrayContaining([
        { code: 'MULTI_YEAR_INVALID', field: 'years', message: "A convention starts in the programme's year, 2026 (the years start in 2027)." },
        {
          code: 'MULTI_YEAR_TOTAL_MISMATCH',
          field: 'requestedAmount',
          message: 'The yearly amounts add up to 20,000.00 EUR, but the request says 21,000.00 EUR: they must be equal.',
        },
      ]),
    );
  });
});

describe('a four-year convention', () => {
  it('commits its first year at approval, the later years when the council votes them, each on its own envelope', async () => {
    const w = await world([2026, 2027, 2028, 2029]);
    const id = await multiYearUnderReview(call, w, FOUR_YEARS);
    const cd1 = await councilDecision(call, w.tokens.officer, 'DEL-2026-03-001');

    const wrongFirst = await call(w.tokens.officer, APPROVE, { id, i: { amount: 3_100_000, envelopeId: w.envelopes[2026] } });
    expect(wrongFirst.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.years[0].amount' })]);
    const tooMuch = await call(w.tokens.officer, APPROVE, {
      id,
      i: { amount: 3_000_000, envelopeId: w.envelopes[2026], years: [...FOUR_YEARS.slice(0, 3), { year: 2029, amount: 3_300_001 }] },
    });
    expect(tooMuch.errors).toEqual([
      {
        code: 'BAD_USER_INPUT',
        field: 'input.years[3].amount',
        message: 'The 2029 amount granted (33,000.01 EUR) cannot exceed the 33,000.00 EUR requested for 2029.',
      },
    ]);

    const approved = await call(w.tokens.officer, APPROVE, { id, i: { amount: 3_000_000, envelopeId: w.envelopes[2026], councilDecisionId: cd1 } });
    expect(approved.errors).toEqual([]);
    const a = approved.application;
    expect(a.status).toBe('APPROVED');
    expect(a.decision.amount).toBe(3_000_000);
    expect(a.councilDecision.reference).toBe('DEL-2026-03-001');
    expect(a.multiYearConvention).toMatchObject({ version: 1, total: 12_600_000, committed: 3_000_000, finalReportDueOn: '2030-06-30' });
    expect(a.reportDueOn).toBe('2030-06-30');
    expect(a.multiYearConvention.years.map((y: any) => [y.year, y.amount, y.status, y.envelope?.id ?? null])).toEqual([
      [2026, 3_000_000, 'COMMITTED', w.envelopes[2026]],
      [2027, 3_100_000, 'PROVISIONAL', null],
      [2028, 3_200_000, 'PROVISIONAL', null],
      [2029, 3_300_000, 'PROVISIONAL', null],
    ]);
    expect(a.multiYearConvention.years[0].councilDecision.reference).toBe('DEL-2026-03-001');
    expect(await envelope(w.envelopes[2026]!)).toMatchObject({ committed: 3_000_000 });
    expect(await envelope(w.envelopes[2027]!)).toMatchObject({ committed: 0 });

    // A provisional year is not paid.
    expect((await call(w.tokens.officer, CONVENTION, { id, i: { reference: 'CPO-2026-007', signedOn: '2026-03-15' } })).errors).toEqual([]);
    const early = await call(w.tokens.officer, PAY, { id, i: { amount: 100_000, year: 2027 } });
    expect(early.errors).toEqual([
      {
        code: 'CONVENTION_YEAR_NOT_VOTED',
        field: 'input.year',
        message:
          'The 2027 amount of this convention (31,000.00 EUR) is provisional until the council votes it (voteConventionYear): nothing can be paid on it yet.',
      },
    ]);

    const cd2 = await councilDecision(call, w.tokens.officer, 'DEL-2026-03-014');
    const wrongEnvelope = await call(w.tokens.officer, VOTE, { i: { applicationId: id, year: 2027, envelopeId: w.envelopes[2026], councilDecisionId: cd2 } });
    expect(wrongEnvelope.errors).toEqual([
      {
        code: 'ENVELOPE_WRONG_YEAR',
        field: 'input.envelopeId',
        message: 'This envelope funds 2026: the 2027 amount (31,000.00 EUR) is committed on an envelope of a 2027 programme.',
      },
    ]);
    const outOfOrder = await call(w.tokens.officer, VOTE, { i: { applicationId: id, year: 2029, envelopeId: w.envelopes[2029], councilDecisionId: cd2 } });
    expect(outOfOrder.errors).toEqual([{ code: 'CONVENTION_YEAR_NOT_VOTED', field: 'input.year', message: 'Vote 2028 (32,000.00 EUR) before 2029.' }]);

    const voted = await call(w.tokens.officer, VOTE, { i: { applicationId: id, year: 2027, envelopeId: w.envelopes[2027], councilDecisionId: cd2 } });
    expect(voted.errors).toEqual([]);
    const y2027 = voted.application.multiYearConvention.years[1];
    expect(y2027).toMatchObject({ year: 2027, status: 'COMMITTED', committedOn: '2026-03-15', councilDecision: { reference: 'DEL-2026-03-014' } });
    expect(y2027.envelope).toMatchObject({ id: w.envelopes[2027], committed: 3_100_000 });
    expect(voted.application.multiYearConvention.committed).toBe(6_100_000);
    expect(await envelope(w.envelopes[2026]!)).toMatchObject({ committed: 3_000_000 });

    const again = await call(w.tokens.officer, VOTE, { i: { applicationId: id, year: 2027, envelopeId: w.envelopes[2027], councilDecisionId: cd2 } });
    expect(again.errors).toEqual([
      { code: 'CONVENTION_YEAR_ALREADY_VOTED', field: 'input.year', message: '2027 was already voted: 31,000.00 EUR are committed on its envelope.' },
    ]);
    expect(await envelope(w.envelopes[2027]!)).toMatchObject({ committed: 3_100_000 });

    // The interim report of 2026 gates the payments of 2027.
    const paid2026 = await call(w.tokens.officer, PAY, { id, i: { amount: 3_000_000 } });
    expect(paid2026.errors).toEqual([]);
    const gated = await call(w.tokens.officer, PAY, { id, i: { amount: 1_000_000, year: 2027 } });
    expect(gated.errors).toEqual([
      {
        code: 'INTERIM_REPORT_MISSING',
        field: 'input.year',
        message: 'The 2026 interim report is not submitted yet (submitInterimReport): payments of 2027 (31,000.00 EUR) wait for it.',
      },
    ]);
    const lastYearReport = await call(w.tokens.member, INTERIM, { i: { applicationId: id, year: 2029, narrative: 'x', amountSpent: 0 } });
    expect(lastYearReport.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.year' });
    const notVotedReport = await call(w.tokens.member, INTERIM, { i: { applicationId: id, year: 2028, narrative: 'x', amountSpent: 0 } });
    expect(notVotedReport.errors[0]).toMatchObject({ code: 'CONVENTION_YEAR_NOT_VOTED', field: 'input.year' });
    const report = await call(w.tokens.member, INTERIM, {
      i: { applicationId: id, year: 2026, narrative: 'Accueil de 320 personnes.', amountSpent: 2_950_000 },
    });
    expect(report.errors).toEqual([]);
    expect(report.application.multiYearConvention.years[0].interimReport).toEqual({ narrative: 'Accueil de 320 personnes.', amountSpent: 2_950_000 });
    const twice = await call(w.tokens.member, INTERIM, { i: { applicationId: id, year: 2026, narrative: 'Encore', amountSpent: 1 } });
    expect(twice.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'input.year' });
    const byOfficer = await server.gql(
      `mutation($i: InterimReportInput!) { submitInterimReport(input: $i) { errors { code } } }`,
      { i: { applicationId: id, year: 2027, narrative: 'x', amountSpent: 0 } },
      w.tokens.officer,
    );
    expect(byOfficer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const paid2027 = await call(w.tokens.officer, PAY, { id, i: { amount: 1_000_000, year: 2027 } });
    expect(paid2027.errors).toEqual([]);
    expect(paid2027.application.payments.map((t: any) => [t.year, t.amount])).toEqual([
      [2026, 3_000_000],
      [2027, 1_000_000],
    ]);
    expect(paid2027.application.multiYearConvention.years[1]).toMatchObject({ paid: 1_000_000 });
    expect(await envelope(w.envelopes[2027]!)).toEqual(expect.objectContaining({ committed: 3_100_000, paid: 1_000_000 }));
    expect(await envelope(w.envelopes[2026]!)).toEqual(expect.objectContaining({ paid: 3_000_000 }));
    const over = await call(w.tokens.officer, PAY, { id, i: { amount: 2_100_001, year: 2027 } });
    expect(over.errors).toEqual([
      {
        code: 'PAYMENT_EXCEEDS_GRANT',
        field: 'input.amount',
        message: "10,000.00 EUR of the 31,000.00 EUR granted for 2027 are already paid: 21,000.01 EUR more would exceed that year's amount.",
      },
    ]);
    // A schedule plans voted years only, each within its amount.
    const scheduleProvisional = await call(w.tokens.officer, SCHEDULE, { id, t: [{ amount: 100_000, dueDate: '2028-02-01', year: 2028 }] });
    expect(scheduleProvisional.errors[0]).toMatchObject({ code: 'CONVENTION_YEAR_NOT_VOTED', field: 'tranches[0].year' });
    const scheduled = await call(w.tokens.officer, SCHEDULE, { id, t: [{ amount: 2_100_000, dueDate: '2027-06-01', year: 2027 }] });
    expect(scheduled.errors).toEqual([]);

    // A reopening would strand the commitment of 2027.
    const reopen = await call(w.tokens.officer, REOPEN, { id });
    expect(reopen.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('is amended with versions, reasons and history; voted years cannot change', async () => {
    const w = await world([2026, 2027, 2028]);
    const id = await multiYearUnderReview(call, w, FOUR_YEARS.slice(0, 3));
    expect((await call(w.tokens.officer, APPROVE, { id, i: { amount: 3_000_000, envelopeId: w.envelopes[2026] } })).errors).toEqual([]);

    const touchVoted = await call(w.tokens.officer2, AMEND, {
      i: { applicationId: id, reason: 'Baisse', years: [{ year: 2026, amount: 2_000_000 }, ...FOUR_YEARS.slice(1, 3)] },
    });
    expect(touchVoted.errors).toEqual([
      {
        code: 'CONVENTION_YEAR_COMMITTED',
        field: 'input.years',
        message: '2026 is voted with 30,000.00 EUR committed: an amendment cannot change it to 20,000.00 EUR.',
      },
    ]);
    const noReason = await call(w.tokens.officer2, AMEND, { i: { applicationId: id, reason: ' ', years: FOUR_YEARS.slice(0, 3) } });
    expect(noReason.errors.map((e: any) => e.field)).toEqual(['input.reason']);

    const amended = await call(w.tokens.officer2, AMEND, {
      i: {
        applicationId: id,
        reason: 'Extension du projet à Beisson',
        years: [FOUR_YEARS[0], { year: 2027, amount: 3_500_000 }, FOUR_YEARS[2], { year: 2029, amount: 1_000_000 }],
      },
    });
    expect(amended.errors).toEqual([]);
    // The convention rule's guard is told of every year the amendment touches, so a payment racing with it
    // re-reads its year's total (2029 is new: its guard document exists from the amendment on).
    const { organisation } = (await GrantApplicationModel.findById(id, { organisation: 1 }).lean())!;
    const guards = await FundingYearModel.find({ organisation, year: { $in: [2027, 2029] } }, { year: 1, seq: 1 }).lean();
    expect(guards.map((g) => [g.year, g.seq! >= 1]).sort()).toEqual([
      [2027, true],
      [2029, true],
    ]);
    const c = amended.application.multiYearConvention;
    expect(c.version).toBe(2);
    expect(c.total).toBe(10_700_000);
    expect(c.finalReportDueOn).toBe('2030-06-30');
    expect(amended.application.reportDueOn).toBe('2030-06-30');
    expect(c.amendments).toEqual([
      {
        version: 2,
        reason: 'Extension du projet à Beisson',
        before: FOUR_YEARS.slice(0, 3),
        after: [FOUR_YEARS[0], { year: 2027, amount: 3_500_000 }, FOUR_YEARS[2], { year: 2029, amount: 1_000_000 }],
      },
    ]);
    expect(c.years.map((y: any) => [y.year, y.status])).toEqual([
      [2026, 'COMMITTED'],
      [2027, 'PROVISIONAL'],
      [2028, 'PROVISIONAL'],
      [2029, 'PROVISIONAL'],
    ]);
    const shorter = await call(w.tokens.officer2, AMEND, {
      i: { applicationId: id, reason: 'Fin anticipée', years: [FOUR_YEARS[0], { year: 2027, amount: 3_500_000 }] },
    });
    expect(shorter.errors).toEqual([]);
    expect(shorter.application.multiYearConvention).toMatchObject({ version: 3, total: 6_500_000, finalReportDueOn: '2028-06-30' });
    expect(shorter.application.multiYearConvention.amendments.map((x: any) => x.version)).toEqual([2, 3]);
  });

  it('lets only one of two concurrent votes of a year commit it, once', async () => {
    const w = await world([2026, 2027]);
    const id = await multiYearUnderReview(call, w, FOUR_YEARS.slice(0, 2));
    expect((await call(w.tokens.officer, APPROVE, { id, i: { amount: 3_000_000, envelopeId: w.envelopes[2026] } })).errors).toEqual([]);
    const cd = await councilDecision(call, w.tokens.officer, 'DEL-RACE-1');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(i % 2 ? w.tokens.officer : w.tokens.officer2, VOTE, {
          i: { applicationId: id, year: 2027, envelopeId: w.envelopes[2027], councilDecisionId: cd },
        }),
      ),
    );
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors.length)) {
      expect(['INVALID_TRANSITION', 'CONVENTION_YEAR_ALREADY_VOTED']).toContain(r.errors[0].code);
    }
    expect(await envelope(w.envelopes[2027]!)).toMatchObject({ committed: 3_100_000 });
  });

  it('leaves a year provisional when its envelope cannot take it', async () => {
    const w = await world([2026, 2027], 3_050_000);
    const id = await multiYearUnderReview(call, w, FOUR_YEARS.slice(0, 2));
    expect((await call(w.tokens.officer, APPROVE, { id, i: { amount: 3_000_000, envelopeId: w.envelopes[2026] } })).errors).toEqual([]);
    const cd = await councilDecision(call, w.tokens.officer, 'DEL-FULL-1');
    const refused = await call(w.tokens.officer, VOTE, { i: { applicationId: id, year: 2027, envelopeId: w.envelopes[2027], councilDecisionId: cd } });
    expect(refused.errors[0]).toMatchObject({ code: 'ENVELOPE_EXHAUSTED' });
    expect(refused.errors[0].message).toContain('31,000.00 EUR');
    const after = await call(w.tokens.officer, VOTE, { i: { applicationId: id, year: 2027, envelopeId: w.envelopes[2027], councilDecisionId: cd } });
    expect(after.errors[0]).toMatchObject({ code: 'ENVELOPE_EXHAUSTED' });
    expect(await envelope(w.envelopes[2027]!)).toMatchObject({ committed: 0 });
  });

  it('refuses a multi-year approval on a one-year request', async () => {
    const w = await world([2026]);
    const created = await call(w.tokens.member, CREATE, {
      i: {
        organisationId: String(w.org._id),
        programmeId: String(w.programmes[2026]!._id),
        title: 'Un an',
        description: 'Une seule année.',
        requestedAmount: 1_000_000,
        budgetLines: [{ kind: 'EXPENSE', label: 'Tout', amount: 1_000_000 }],
        republicanContractAttested: true,
      },
    });
    const id = created.application.id;
    await call(w.tokens.member, SUBMIT, { id });
    await call(w.tokens.officer, `mutation($id: ID!) { startReview(id: $id) { errors { code } } }`, { id });
    const refused = await call(w.tokens.officer, APPROVE, { id, i: { amount: 1_000_000, envelopeId: w.envelopes[2026], years: FOUR_YEARS.slice(0, 2) } });
    expect(refused.errors).toEqual([{ code: 'MULTI_YEAR_INVALID', field: 'input.years', message: expect.stringContaining('asks for 2026 only') }]);
    const vote = await call(w.tokens.officer, APPROVE, { id, i: { amount: 1_000_000, envelopeId: w.envelopes[2026] } });
    expect(vote.errors).toEqual([]);
    expect(vote.application.multiYearConvention).toBeNull();
    expect(vote.application.payments).toEqual([]);
  });
});
