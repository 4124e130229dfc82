// Council decisions and aid in kind over HTTP: recording a decision (officers and admins only, unique
// reference, not in the future), attaching approvals to it at approval or afterwards, the grants still
// awaiting one, aid in kind with its valuation on the approval, and the beneficiary frozen at decision.
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { fixClock, restoreClock } from '../grants/fixtures';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { fakeSiret } from '../../helpers/factories';
import { APPROVE, ATTACH, caller, councilDecision, CREATE_DECISION, multiYearUnderReview, world, type Call } from './helpers';

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

const TWO_YEARS = [
  { year: 2026, amount: 1_500_000 },
  { year: 2027, amount: 1_500_000 },
];
const AWAITING = `query($first: Int) { grantsAwaitingCouncilDecision(first: $first) { id number councilDecision { id } } }`;

describe('council decisions', () => {
  it('are recorded by officers and admins with a unique reference, a past date and a body', async () => {
    const w = await world([2026]);
    const created = await call(w.tokens.admin, CREATE_DECISION, { i: { reference: ' 2026-03-103 ', date: '2026-03-10', body: 'Conseil municipal' } });
    expect(created).toEqual({
      councilDecision: { id: expect.any(String), reference: '2026-03-103', date: '2026-03-10', body: 'Conseil municipal' },
      errors: [],
    });
    const twice = await call(w.tokens.officer, CREATE_DECISION, { i: { reference: '2026-03-103', date: '2026-03-11', body: 'Conseil municipal' } });
    expect(twice).toEqual({
      councilDecision: null,
      errors: [{ code: 'CONFLICT', field: 'input.reference', message: 'A council decision 2026-03-103 is already recorded (dated 2026-03-10).' }],
    });
    const bad = await call(w.tokens.officer, CREATE_DECISION, { i: { reference: '', date: '2026-04-01', body: 'x'.repeat(201) } });
    expect(bad.errors.map((e: any) => e.field)).toEqual(['input.reference', 'input.body', 'input.date']);
    expect(bad.errors[2].message).toBe('A council decision is recorded once taken: 2026-04-01 is after today (2026-03-15).');

    // A reference is an act's number, a body a name: neither takes markup, operators or a bare word.
    for (const [reference, body, fields] of [
      ['sweep', 'Conseil municipal', ['input.reference']],
      ["2026'; db.dropDatabase() //", 'Conseil municipal', ['input.reference']],
      ['2026-03-200', '<script>alert(1)</script>', ['input.body']],
      ['2026-03-201', 'nul\u0000byte', ['input.body']],
    ] as const) {
      const refused = await call(w.tokens.officer, CREATE_DECISION, { i: { reference, date: '2026-03-10', body } });
      expect(refused.errors.map((e: any) => e.field)).toEqual(fields);
    }
    const asMember = await server.gql(CREATE_DECISION, { i: { reference: 'X', date: '2026-03-10', body: 'Conseil' } }, w.tokens.member);
    expect(asMember.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await server.gql(`{ councilDecisions { reference } }`, {}, w.tokens.officer);
    expect(list.body.data.councilDecisions).toEqual([{ reference: '2026-03-103' }]);
    const listAsMember = await server.gql(`{ councilDecisions { reference } }`, {}, w.tokens.member);
    expect(listAsMember.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('take approvals at approval or afterwards; approvals without one are flagged to officers', async () => {
    const w = await world([2026, 2027]);
    const withDecision = await multiYearUnderReview(call, w, TWO_YEARS);
    const without = await multiYearUnderReview(call, w, TWO_YEARS);
    const cd = await councilDecision(call, w.tokens.officer, 'DEL-2026-044');

    const unknown = await server.gql(
      APPROVE,
      { id: withDecision, i: { amount: 1_500_000, envelopeId: w.envelopes[2026], councilDecisionId: '0123456789abcdef01234567' } },
      w.tokens.officer,
    );
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'Council decision not found.',
      extensions: { code: 'NOT_FOUND', field: 'input.councilDecisionId' },
    });

    const approved = await call(w.tokens.officer, APPROVE, {
      id: withDecision,
      i: { amount: 1_500_000, envelopeId: w.envelopes[2026], councilDecisionId: cd },
    });
    expect(approved.errors).toEqual([]);
    expect(approved.application.councilDecision).toEqual({ id: cd, reference: 'DEL-2026-044', date: '2026-03-10', body: 'Conseil municipal' });
    expect((await call(w.tokens.officer, APPROVE, { id: without, i: { amount: 1_500_000, envelopeId: w.envelopes[2026] } })).errors).toEqual([]);

    const awaiting = await server.gql(AWAITING, {}, w.tokens.officer);
    expect(awaiting.body.data.grantsAwaitingCouncilDecision).toEqual([{ id: without, number: expect.any(String), councilDecision: null }]);
    const asMember = await server.gql(AWAITING, {}, w.tokens.member);
    expect(asMember.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const attached = await call(w.tokens.officer2, ATTACH, { i: { applicationId: without, councilDecisionId: cd } });
    expect(attached.errors).toEqual([]);
    expect(attached.application.councilDecision.reference).toBe('DEL-2026-044');
    expect(attached.application.multiYearConvention.years[0].councilDecision).toEqual({ reference: 'DEL-2026-044' });
    expect((await server.gql(AWAITING, {}, w.tokens.officer)).body.data.grantsAwaitingCouncilDecision).toEqual([]);
    // Attaching again to the same decision changes nothing; to another is a conflict.
    expect((await call(w.tokens.officer2, ATTACH, { i: { applicationId: without, councilDecisionId: cd } })).errors).toEqual([]);
    const other = await councilDecision(call, w.tokens.officer, 'DEL-2026-045');
    const conflict = await call(w.tokens.officer2, ATTACH, { i: { applicationId: without, councilDecisionId: other } });
    expect(conflict.errors).toEqual([
      { code: 'CONFLICT', field: 'input.councilDecisionId', message: 'This grant is already attached to council decision DEL-2026-044.' },
    ]);
    const byMember = await server.gql(ATTACH, { i: { applicationId: without, councilDecisionId: cd } }, w.tokens.member);
    expect(byMember.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is not attached to an application still under review', async () => {
    const w = await world([2026, 2027]);
    const id = await multiYearUnderReview(call, w, TWO_YEARS);
    const cd = await councilDecision(call, w.tokens.officer, 'DEL-EARLY-1');
    const refused = await call(w.tokens.officer, ATTACH, { i: { applicationId: id, councilDecisionId: cd } });
    expect(refused.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('aid in kind', () => {
  it('comes with an approval, valued in cents, in a year of the grant', async () => {
    const w = await world([2026, 2027]);
    const id = await multiYearUnderReview(call, w, TWO_YEARS);
    const bad = await call(w.tokens.officer, APPROVE, {
      id,
      i: {
        amount: 1_500_000,
        envelopeId: w.envelopes[2026],
        inKind: [
          { kind: 'PREMISES', description: ' ', valuation: 0 },
          { kind: 'SERVICES', description: 'Impression', valuation: 10_000, year: 2030 },
        ],
      },
    });
    expect(bad.errors.map((e: any) => [e.code, e.field])).toEqual([
      ['BAD_USER_INPUT', 'input.inKind[0].description'],
      ['BAD_USER_INPUT', 'input.inKind[0].valuation'],
      ['BAD_USER_INPUT', 'input.inKind[1].year'],
    ]);
    expect(bad.errors[2].message).toBe('Aid in kind is given in a year of the grant: 2026, 2027 (got 2030).');

    const ok = await call(w.tokens.officer, APPROVE, {
      id,
      i: {
        amount: 1_500_000,
        envelopeId: w.envelopes[2026],
        inKind: [
          { kind: 'PREMISES', description: 'Salle Beisson, « les mardis »', valuation: 480_050 },
          { kind: 'EQUIPMENT', description: 'Minibus', valuation: 120_000, year: 2027 },
        ],
      },
    });
    expect(ok.errors).toEqual([]);
    expect(ok.application.inKind).toEqual([
      { kind: 'PREMISES', description: 'Salle Beisson, « les mardis »', valuation: 480_050, year: 2026 },
      { kind: 'EQUIPMENT', description: 'Minibus', valuation: 120_000, year: 2027 },
    ]);
    expect(ok.application.inKindTotal).toBe(600_050);
    // The envelope commits cash only.
    expect(ok.application.decision.amount).toBe(1_500_000);
  });
});

const SIRET_AT_DECISION = fakeSiret(777_001);

describe('the beneficiary at decision', () => {
  it('is frozen: a later change of name or SIRET leaves the snapshot as it was', async () => {
    const w = await world([2026, 2027]);
    await OrganisationModel.updateOne({ _id: w.org._id }, { $set: { siret: SIRET_AT_DECISION, name: 'Les Amis d’Encagnane' } });
    const id = await multiYearUnderReview(call, w, TWO_YEARS);
    const before = await server.gql(`query($id: ID!) { grantApplication(id: $id) { beneficiaryAtDecision { name } } }`, { id }, w.tokens.officer);
    expect(before.body.data.grantApplication.beneficiaryAtDecision).toBeNull();
    const approved = await call(w.tokens.officer, APPROVE, { id, i: { amount: 1_500_000, envelopeId: w.envelopes[2026] } });
    expect(approved.application.beneficiaryAtDecision).toEqual({ name: 'Les Amis d’Encagnane', siret: SIRET_AT_DECISION, rna: w.org.rna });
    await OrganisationModel.updateOne({ _id: w.org._id }, { $set: { siret: fakeSiret(777_002), name: 'Autre nom' } });
    const after = await server.gql(`query($id: ID!) { grantApplication(id: $id) { beneficiaryAtDecision { name siret rna } } }`, { id }, w.tokens.member);
    expect(after.body.data.grantApplication.beneficiaryAtDecision).toEqual({ name: 'Les Amis d’Encagnane', siret: SIRET_AT_DECISION, rna: w.org.rna });
  });
});
