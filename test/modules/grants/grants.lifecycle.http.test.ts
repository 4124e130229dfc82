// The whole lifecycle through HTTP with the demo accounts: programme and envelope, application,
// completeness, review, changes, approval, payments, final report, completion; visibility; bad input;
// and the seeded demo data.
import mongoose from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { seedAll, type SeedContext } from '../../../seeds/seed';
import { DEMO_PASSWORD } from '../../../seeds/users';

useTestDatabase();
let server: TestServer;
let seeded: SeedContext;
const tokens: Record<string, string> = {};
const YEAR = new Date().getUTCFullYear();

async function login(email: string) {
  const res = dataOf(
    await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }`, { e: email, p: DEMO_PASSWORD }),
  );
  return res.login.token as string;
}

beforeAll(async () => {
  seeded = await seedAll({ log: { info: () => undefined }, bcryptCost: 4, organisations: 12 });
  server = await startServer();
  for (const who of ['admin', 'officer', 'officer2', 'coordinator', 'member', 'member2']) tokens[who] = await login(`${who}@maillage.test`);
});
afterAll(() => server.close());

const APP = `id number status requestedAmount paidAmount changesRequested reportDueOn reportOverdue
  reviews { recommendation scores { criterion score } author { id } } privateNotes { body }
  messages { body fromApplicant }
  decision { outcome amount motivation envelope { id committed } decidedBy { id } }
  payments { id amount dueDate paidOn }
  finalReport { narrative acceptedAt }
  history { action fromStatus toStatus reason actor { id } }
  permissions { canEdit canSubmit canWithdraw canReview canDecide canReopen canPay canSubmitReport canAcceptReport }`;
const PAYLOAD = `application { ${APP} } errors { code message field }`;

async function call(who: string | null, mutation: string, variables: Record<string, unknown>) {
  const res = await server.gql(mutation, variables, who ? tokens[who] : null);
  return res;
}
async function ok(who: string, mutation: string, variables: Record<string, unknown>) {
  const data = dataOf(await call(who, mutation, variables));
  const payload = Object.values(data)[0] as { errors: unknown[]; application: any };
  expect(payload.errors).toEqual([]);
  return payload;
}

describe('the grant lifecycle over HTTP', () => {
  it('takes an application from draft to completed, committing and paying from the envelope', async () => {
    const org0 = String(seeded.organisationIds[0]);
    const programme = await ok(
      'admin',
      `mutation($i: CreateFundingProgrammeInput!) { createFundingProgramme(input: $i) { programme { id } errors { code message field } } }`,
      {
        i: { name: 'Test lifecycle', year: YEAR, opensOn: `${YEAR}-01-01`, closesOn: `${YEAR}-12-31`, minAmount: 100000, maxAmount: 3000000 },
      },
    );
    const programmeId = (programme as any).programme.id;
    // Documents are the dossier's tests (test/modules/dossier): this programme asks for none.
    await ok('admin', `mutation($p: ID!) { setDocumentRequirements(programmeId: $p, requirements: []) { programme { id } errors { code message field } } }`, {
      p: programmeId,
    });
    const env = await ok(
      'admin',
      `mutation($i: CreateBudgetEnvelopeInput!) { createBudgetEnvelope(input: $i) { envelope { id total committed paid remaining } errors { code message field } } }`,
      {
        i: { programmeId, label: 'Crédits test', total: 2000000 },
      },
    );
    const envelopeId = (env as any).envelope.id;

    // Member: a minimal draft, then submission says everything that is missing.
    const created = await ok('member', `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { ${PAYLOAD} } }`, {
      i: { organisationId: org0, programmeId, title: 'Vélo-école', description: 'Apprendre le vélo aux adultes.', requestedAmount: 1000000 },
    });
    const id = created.application.id;
    expect(created.application.number).toMatch(new RegExp(`^${YEAR}-\\d{5}$`));
    expect(created.application.permissions).toMatchObject({ canEdit: true, canSubmit: true, canDecide: false });
    const incomplete = dataOf(await call('member', `mutation($id: ID!) { submitGrantApplication(id: $id) { ${PAYLOAD} } }`, { id })).submitGrantApplication;
    expect(incomplete.application).toBeNull();
    expect(incomplete.errors.map((e: any) => [e.code, e.field])).toEqual([
      ['INCOMPLETE_APPLICATION', 'budgetLines'],
      ['INCOMPLETE_APPLICATION', 'republicanContractAttested'],
    ]);
    await ok('member', `mutation($id: ID!, $i: UpdateGrantApplicationInput!) { updateGrantApplication(id: $id, input: $i) { ${PAYLOAD} } }`, {
      id,
      i: {
        republicanContractAttested: true,
        budgetLines: [
          { kind: 'EXPENSE', label: 'Moniteurs', amount: 1500000 },
          { kind: 'INCOME', label: 'Cotisations', amount: 500000 },
        ],
        otherFunders: [{ name: 'Métropole (test)', amount: 500000, status: 'GRANTED' }],
      },
    });
    await ok('member', `mutation($id: ID!) { submitGrantApplication(id: $id) { ${PAYLOAD} } }`, { id });

    // Officer: review, ask for changes; the applicant sees the request, not the reviews nor the notes.
    await ok('officer', `mutation($id: ID!) { startReview(id: $id) { ${PAYLOAD} } }`, { id });
    await ok('officer', `mutation($id: ID!, $i: ReviewInput!) { addReview(id: $id, input: $i) { ${PAYLOAD} } }`, {
      id,
      i: { recommendation: 'CHANGES', scores: [{ criterion: 'impact', score: 4 }], comment: 'Public à préciser.' },
    });
    await ok('officer', `mutation($id: ID!) { addPrivateNote(id: $id, body: "Association fiable.") { ${PAYLOAD} } }`, { id });
    await ok('officer', `mutation($id: ID!) { requestChanges(id: $id, message: "Combien d'adultes ?") { ${PAYLOAD} } }`, { id });
    const seen = dataOf(await call('member', `query($id: ID!) { grantApplication(id: $id) { ${APP} } }`, { id })).grantApplication;
    expect([seen.status, seen.changesRequested, seen.reviews, seen.privateNotes]).toEqual(['CHANGES_REQUESTED', "Combien d'adultes ?", null, null]);
    expect(seen.messages).toEqual([{ body: "Combien d'adultes ?", fromApplicant: false }]);
    expect(seen.history.map((h: any) => h.action)).toEqual(['CREATE', 'SUBMIT', 'START_REVIEW', 'REQUEST_CHANGES']);
    const staffView = dataOf(await call('officer', `query($id: ID!) { grantApplication(id: $id) { history { action } } }`, { id })).grantApplication;
    expect(staffView.history.map((h: any) => h.action)).toContain('ADD_REVIEW');
    await ok('member', `mutation($id: ID!) { sendGrantMessage(id: $id, body: "Trente adultes.") { ${PAYLOAD} } }`, { id });
    await ok('member', `mutation($id: ID!) { submitGrantApplication(id: $id) { ${PAYLOAD} } }`, { id });
    await ok('officer2', `mutation($id: ID!) { startReview(id: $id) { ${PAYLOAD} } }`, { id });

    // Decision: commits in the envelope.
    const approved = await ok('officer2', `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { ${PAYLOAD} } }`, {
      id,
      i: { amount: 1000000, envelopeId, motivation: 'Projet utile.' },
    });
    expect(approved.application.decision).toMatchObject({ outcome: 'APPROVED', amount: 1000000, envelope: { id: envelopeId, committed: 1000000 } });
    expect(approved.application.reportDueOn).toBe(`${YEAR + 1}-06-30`);
    expect(approved.application.permissions).toMatchObject({ canPay: true, canDecide: false, canReopen: true });
    const again = dataOf(
      await call('officer', `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { ${PAYLOAD} } }`, {
        id,
        i: { amount: 1000000, envelopeId },
      }),
    ).approveGrantApplication;
    expect(again.errors.map((e: any) => e.code)).toEqual(['INVALID_TRANSITION']);

    // Payments, final report, completion.
    const scheduled = await ok('officer', `mutation($id: ID!, $t: [TrancheInput!]!) { schedulePayments(id: $id, tranches: $t) { ${PAYLOAD} } }`, {
      id,
      t: [
        { amount: 600000, dueDate: `${YEAR + 1}-01-15` }, // not before the decision (today)
        { amount: 400000, dueDate: `${YEAR + 1}-12-15` },
      ],
    });
    const [t1, t2] = scheduled.application.payments.map((t: any) => t.id);
    // The demo organisation's grants of the year add up to more than 23,000 EUR: paying needs the convention (issue 13).
    await ok('officer', `mutation($id: ID!, $i: ConventionInput!) { recordConvention(id: $id, input: $i) { ${PAYLOAD} } }`, {
      id,
      i: { reference: 'CONV-LIFECYCLE', signedOn: new Date().toISOString().slice(0, 10) },
    });
    await ok('officer', `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { ${PAYLOAD} } }`, { id, i: { trancheId: t1 } });
    await ok('member', `mutation($id: ID!, $i: FinalReportInput!) { submitFinalReport(id: $id, input: $i) { ${PAYLOAD} } }`, {
      id,
      i: { spentLines: [{ label: 'Moniteurs', amount: 1450000 }], beneficiariesReached: 31, narrative: 'Trente et un adultes formés.' },
    });
    await ok('officer', `mutation($id: ID!) { acceptFinalReport(id: $id) { ${PAYLOAD} } }`, { id });
    const done = await ok('officer', `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { ${PAYLOAD} } }`, {
      id,
      i: { trancheId: t2 },
    });
    expect([done.application.status, done.application.paidAmount]).toEqual(['COMPLETED', 1000000]);
    expect(done.application.history.filter((h: any) => h.fromStatus !== h.toStatus).map((h: any) => `${h.fromStatus}>${h.toStatus}`)).toEqual([
      'null>DRAFT',
      'DRAFT>SUBMITTED',
      'SUBMITTED>UNDER_REVIEW',
      'UNDER_REVIEW>CHANGES_REQUESTED',
      'CHANGES_REQUESTED>SUBMITTED',
      'SUBMITTED>UNDER_REVIEW',
      'UNDER_REVIEW>APPROVED',
      'APPROVED>COMPLETED',
    ]);

    const listed = dataOf(
      await call('admin', `query($y: Int) { fundingProgrammes(year: $y) { id envelopes { id total committed paid remaining } } }`, { y: YEAR }),
    );
    const mine = listed.fundingProgrammes.find((p: any) => p.id === programmeId);
    expect(mine.envelopes).toEqual([{ id: envelopeId, total: 2000000, committed: 1000000, paid: 1000000, remaining: 1000000 }]);
  });
});

describe('visibility', () => {
  it('shows members their own organisations only, and anonymous callers nothing', async () => {
    const member2 = dataOf(
      await call('member2', `{ grantApplications(first: 100) { totalCount nodes: edges { node { organisation { id } reviews { comment } } } } }`, {}),
    );
    const own = String(seeded.organisationIds[2]);
    expect(member2.grantApplications.totalCount).toBeGreaterThan(0);
    expect(member2.grantApplications.nodes.every((e: any) => e.node.organisation.id === own && e.node.reviews === null)).toBe(true);
    const anon = await call(null, `{ grantApplications { totalCount } }`, {});
    expect(anon.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const org = dataOf(await call(null, `query($id: ID!) { organisation(id: $id) { grantApplications { id } } }`, { id: String(seeded.organisationIds[0]) }));
    expect(org.organisation.grantApplications).toEqual([]);
  });

  it('pages the list with a total count and filters it', async () => {
    const first = dataOf(
      await call(
        'admin',
        `{ grantApplications(first: 2, filter: { status: [APPROVED, COMPLETED] }) { totalCount edges { node { status } } pageInfo { hasNextPage endCursor } } }`,
        {},
      ),
    );
    expect(first.grantApplications.edges).toHaveLength(2);
    const next = dataOf(
      await call(
        'admin',
        `query($a: String) { grantApplications(first: 100, after: $a, filter: { status: [APPROVED, COMPLETED] }) { edges { node { status } } } }`,
        { a: first.grantApplications.pageInfo.endCursor },
      ),
    );
    expect(2 + next.grantApplications.edges.length).toBe(first.grantApplications.totalCount);
    const search = dataOf(await call('admin', `{ grantApplications(filter: { search: "maraudes" }) { edges { node { status } } } }`, {}));
    expect(search.grantApplications.edges.map((e: any) => e.node.status)).toEqual(['COMPLETED']);
  });
});

describe('batching', () => {
  it('answers a page of 5 or of 50 applications with all their links in the same number of queries', async () => {
    const QUERY = `query($n: Int) { grantApplications(first: $n) { totalCount edges { node { number organisation { name } programme { name envelopes { label } }
      targetDomains { name } targetNeighbourhoods { name } assignedTo { name } reviews { author { name } } messages { author { name } }
      decision { envelope { label } decidedBy { name } } history { actor { name } } permissions { canDecide } } } } }`;
    const count = async (n: number) => {
      let queries = 0;
      mongoose.set('debug', () => {
        queries++;
      });
      try {
        const data = dataOf(await call('officer', QUERY, { n }));
        expect(data.grantApplications.edges.length).toBe(Math.min(n, data.grantApplications.totalCount));
        expect(data.grantApplications.totalCount).toBeGreaterThan(5);
      } finally {
        mongoose.set('debug', false);
      }
      return queries;
    };
    // A first request fills the per-instance reference cache (src/modules/reference/reference.cache.ts);
    // what must not grow with the page is the work of the requests after it.
    await count(5);
    const small = await count(5);
    const large = await count(50);
    expect(small).toBeGreaterThan(5);
    expect(large).toBe(small);
  });
});

describe('the demo data', () => {
  it('gives the demo member a DRAFT, a SUBMITTED and an APPROVED application, and covers every status', async () => {
    const org0 = dataOf(
      await call('member', `query($id: ID!) { organisation(id: $id) { grantApplications { status } } }`, { id: String(seeded.organisationIds[0]) }),
    );
    const statuses = org0.organisation.grantApplications.map((a: any) => a.status);
    expect(statuses).toEqual(expect.arrayContaining(['DRAFT', 'SUBMITTED', 'APPROVED']));
    const all = dataOf(await call('admin', `{ grantApplications(first: 100) { edges { node { status reportOverdue history { action } } } } }`, {}));
    const nodes = all.grantApplications.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(
      new Set(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'COMPLETED']),
    );
    expect(nodes.filter((n: any) => n.reportOverdue)).toHaveLength(1);
  });
});

describe('bad input', () => {
  const CREATE = `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { ${PAYLOAD} } }`;
  const base = () => ({ organisationId: String(seeded.organisationIds[0]), programmeId: '', title: 'Test', description: 'Test', requestedAmount: 100000 });
  let programmeId = '';
  beforeAll(async () => {
    const list = dataOf(await call('member', `query($y: Int) { fundingProgrammes(year: $y) { id } }`, { y: YEAR }));
    programmeId = list.fundingProgrammes[0].id;
  });

  it('refuses zero, negative and non-integer amounts with the field at fault', async () => {
    for (const amount of [0, -5]) {
      const res = dataOf(await call('member', CREATE, { i: { ...base(), programmeId, requestedAmount: amount } })).createGrantApplication;
      expect(res.errors.map((e: any) => [e.code, e.field])).toEqual([['BAD_USER_INPUT', 'input.requestedAmount']]);
    }
    const fraction = await call('member', CREATE, { i: { ...base(), programmeId, requestedAmount: 12.5 } });
    expect(fraction.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fraction.body.errors?.[0]?.message).toMatch(/whole number of euro cents/);
  });

  it('answers unknown and malformed ids, and another organisation, with stable codes', async () => {
    const unknown = await call('member', CREATE, { i: { ...base(), programmeId: '0123456789abcdef01234567' } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = dataOf(await call('member', CREATE, { i: { ...base(), programmeId: 'nope' } })).createGrantApplication;
    expect(malformed.errors.map((e: any) => [e.code, e.field])).toEqual([['BAD_USER_INPUT', 'input.programmeId']]);
    const notMine = await call('member2', CREATE, { i: { ...base(), programmeId } });
    expect(notMine.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const someoneElses = dataOf(
      await call('admin', `{ grantApplications(filter: { status: [DRAFT] }, first: 100) { edges { node { id organisation { id } } } } }`, {}),
    );
    const draftOfOrg0 = someoneElses.grantApplications.edges.find((e: any) => e.node.organisation.id === String(seeded.organisationIds[0])).node.id;
    const res = await call('member2', `mutation($id: ID!) { submitGrantApplication(id: $id) { errors { code } } }`, { id: draftOfOrg0 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses the wrong status and a motivation too long, changing nothing', async () => {
    const list = dataOf(await call('admin', `{ grantApplications(filter: { status: [UNDER_REVIEW] }) { edges { node { id history { action } } } } }`, {}));
    const { id, history } = list.grantApplications.edges[0].node;
    const long = dataOf(
      await call('officer', `mutation($id: ID!) { rejectGrantApplication(id: $id, input: { motivation: "${'x'.repeat(2001)}" }) { ${PAYLOAD} } }`, { id }),
    );
    expect(long.rejectGrantApplication.errors.map((e: any) => [e.code, e.field])).toEqual([['BAD_USER_INPUT', 'input.motivation']]);
    const wrong = dataOf(await call('officer', `mutation($id: ID!) { startReview(id: $id) { ${PAYLOAD} } }`, { id }));
    expect(wrong.startReview.errors.map((e: any) => e.code)).toEqual(['INVALID_TRANSITION']);
    const after = dataOf(await call('admin', `query($id: ID!) { grantApplication(id: $id) { status history { action } } }`, { id }));
    expect(after.grantApplication).toEqual({ status: 'UNDER_REVIEW', history });
  });
});
