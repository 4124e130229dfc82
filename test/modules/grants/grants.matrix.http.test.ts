// Role x operation: every grants mutation, called over HTTP by every role (anonymous included) on an
// object in the right state, is either done or refused with the expected code.
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { approveGrantApplication } from '../../../src/modules/grants/commands/decide';
import { recordConvention, schedulePayments } from '../../../src/modules/grants/commands/pay';
import { submitFinalReport } from '../../../src/modules/grants/commands/report';
import { submitGrantApplication } from '../../../src/modules/grants/commands/submit';
import { policyTable } from '../../../src/schema';
import { ctxFor, draftApplication, makeEnvelope, makeProgramme, underReview } from './fixtures';

useTestDatabase();
let server: TestServer;
const ROLES = ['anonymous', 'member', 'outsider', 'coordinator', 'officer', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

let cast: Record<Exclude<Role, 'anonymous'>, { user: any; token: string }>;
let org: any;
let programme: any;
let envelope: any;

beforeAll(async () => {
  await seedReference();
  server = await startServer();
  org = await makeOrganisation();
  cast = {
    member: await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] }),
    outsider: await makeUser({ role: 'MEMBER', memberOf: [{ organisation: (await makeOrganisation())._id }] }),
    coordinator: await makeUser({ role: 'COORDINATOR' }),
    officer: await makeUser({ role: 'OFFICER' }),
    admin: await makeUser({ role: 'ADMIN' }),
  };
  programme = await makeProgramme({ year: new Date().getUTCFullYear(), opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01') });
  envelope = await makeEnvelope(programme, 1_000_000_000);
});
afterAll(() => server.close());

/** A due date after any decision taken today (tranches cannot fall due before their decision). */
const NEXT_YEAR_DAY = `${new Date().getUTCFullYear() + 1}-06-01`;

// Fixtures: an application in the state each mutation needs, made fresh for every call.
const draft = async () => String((await draftApplication(cast.member.user, org, programme))._id);
const submitted = async () => {
  const id = await draft();
  await submitGrantApplication(ctxFor(cast.member.user), id);
  return id;
};
const reviewing = async () => String((await underReview(cast.member.user, cast.officer.user, org, programme))._id);
const approved = async () => {
  const id = await reviewing();
  await approveGrantApplication(ctxFor(cast.officer.user), id, { amount: 500_000, envelopeId: String(envelope._id) });
  return id;
};
const scheduled = async () => {
  const id = await approved();
  const app = await schedulePayments(ctxFor(cast.officer.user), id, [{ amount: 500_000, dueDate: NEXT_YEAR_DAY }]);
  // The organisation holds many grants this year, above 23,000 EUR in all: paying one needs its convention (issue 13).
  await recordConvention(ctxFor(cast.officer.user), id, { reference: 'C-M', signedOn: new Date().toISOString().slice(0, 10) });
  return { id, tranche: String(app.payments[0]!._id) };
};
const reported = async () => {
  const id = await approved();
  await submitFinalReport(ctxFor(cast.member.user), id, { spentLines: [{ label: 'Tout', amount: 1 }], beneficiariesReached: 1, narrative: 'Fait.' });
  return id;
};

const ADMIN_ONLY: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  outsider: 'FORBIDDEN',
  coordinator: 'FORBIDDEN',
  officer: 'FORBIDDEN',
  admin: 'OK',
};
const STAFF: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  outsider: 'FORBIDDEN',
  coordinator: 'FORBIDDEN',
  officer: 'OK',
  admin: 'OK',
};
/** The applicant's operations: others cannot see a non-decided application at all. */
const APPLICANT: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'OK',
  outsider: 'NOT_FOUND',
  coordinator: 'NOT_FOUND',
  officer: 'FORBIDDEN',
  admin: 'FORBIDDEN',
};

interface Case {
  expected: Record<Role, Outcome>;
  run: () => Promise<{ query: string; variables: Record<string, unknown> }>;
}
const P = 'errors { code message field }';
const A = `application { id } ${P}`;

const CASES: Record<string, Case> = {
  createFundingProgramme: {
    expected: ADMIN_ONLY,
    run: async () => ({
      query: `mutation($i: CreateFundingProgrammeInput!) { createFundingProgramme(input: $i) { programme { id } ${P} } }`,
      variables: { i: { name: `P ${Math.random()}`, year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31', minAmount: 0, maxAmount: 100 } },
    }),
  },
  updateFundingProgramme: {
    expected: ADMIN_ONLY,
    run: async () => ({
      query: `mutation($id: ID!) { updateFundingProgramme(id: $id, input: { description: "x" }) { programme { id } ${P} } }`,
      variables: { id: String(programme._id) },
    }),
  },
  createBudgetEnvelope: {
    expected: ADMIN_ONLY,
    run: async () => ({
      query: `mutation($i: CreateBudgetEnvelopeInput!) { createBudgetEnvelope(input: $i) { envelope { id } ${P} } }`,
      variables: { i: { programmeId: String(programme._id), label: `E ${Math.random()}`, total: 100 } },
    }),
  },
  updateBudgetEnvelope: {
    expected: ADMIN_ONLY,
    run: async () => ({
      query: `mutation($id: ID!) { updateBudgetEnvelope(id: $id, input: { label: "Crédits" }) { envelope { id } ${P} } }`,
      variables: { id: String(envelope._id) },
    }),
  },
  reconcileEnvelopes: {
    expected: ADMIN_ONLY,
    run: async () => ({ query: `mutation { reconcileEnvelopes { report { countersFixed } ${P} } }`, variables: {} }),
  },
  createGrantApplication: {
    expected: { anonymous: 'UNAUTHENTICATED', member: 'OK', outsider: 'FORBIDDEN', coordinator: 'FORBIDDEN', officer: 'FORBIDDEN', admin: 'FORBIDDEN' },
    run: async () => ({
      query: `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { ${A} } }`,
      variables: { i: { organisationId: String(org._id), programmeId: String(programme._id), title: 'T', description: 'D', requestedAmount: 1000 } },
    }),
  },
  updateGrantApplication: {
    expected: APPLICANT,
    run: async () => ({
      query: `mutation($id: ID!) { updateGrantApplication(id: $id, input: { title: "Nouveau" }) { ${A} } }`,
      variables: { id: await draft() },
    }),
  },
  submitGrantApplication: {
    expected: APPLICANT,
    run: async () => ({ query: `mutation($id: ID!) { submitGrantApplication(id: $id) { ${A} } }`, variables: { id: await draft() } }),
  },
  withdrawGrantApplication: {
    expected: APPLICANT,
    run: async () => ({ query: `mutation($id: ID!) { withdrawGrantApplication(id: $id) { ${A} } }`, variables: { id: await submitted() } }),
  },
  submitFinalReport: {
    // A decided grant is visible to coordinators (as open data), who still cannot report on it.
    expected: { ...APPLICANT, coordinator: 'FORBIDDEN' },
    run: async () => ({
      query: `mutation($id: ID!) { submitFinalReport(id: $id, input: { spentLines: [{ label: "Tout", amount: 1 }], beneficiariesReached: 3, narrative: "Fait." }) { ${A} } }`,
      variables: { id: await approved() },
    }),
  },
  sendGrantMessage: {
    expected: { anonymous: 'UNAUTHENTICATED', member: 'OK', outsider: 'NOT_FOUND', coordinator: 'NOT_FOUND', officer: 'OK', admin: 'OK' },
    run: async () => ({ query: `mutation($id: ID!) { sendGrantMessage(id: $id, body: "Bonjour") { ${A} } }`, variables: { id: await reviewing() } }),
  },
  startReview: { expected: STAFF, run: async () => ({ query: `mutation($id: ID!) { startReview(id: $id) { ${A} } }`, variables: { id: await submitted() } }) },
  requestChanges: {
    expected: STAFF,
    run: async () => ({ query: `mutation($id: ID!) { requestChanges(id: $id, message: "Plus de détails") { ${A} } }`, variables: { id: await reviewing() } }),
  },
  addReview: {
    expected: STAFF,
    run: async () => ({
      query: `mutation($id: ID!) { addReview(id: $id, input: { recommendation: APPROVE }) { ${A} } }`,
      variables: { id: await reviewing() },
    }),
  },
  addPrivateNote: {
    expected: STAFF,
    run: async () => ({ query: `mutation($id: ID!) { addPrivateNote(id: $id, body: "Note") { ${A} } }`, variables: { id: await reviewing() } }),
  },
  approveGrantApplication: {
    expected: STAFF,
    run: async () => ({
      query: `mutation($id: ID!, $e: ID!) { approveGrantApplication(id: $id, input: { amount: 1000, envelopeId: $e }) { ${A} } }`,
      variables: { id: await reviewing(), e: String(envelope._id) },
    }),
  },
  rejectGrantApplication: {
    expected: STAFF,
    run: async () => ({
      query: `mutation($id: ID!) { rejectGrantApplication(id: $id, input: { motivation: "Non" }) { ${A} } }`,
      variables: { id: await reviewing() },
    }),
  },
  reopenGrantApplication: {
    expected: STAFF,
    run: async () => ({ query: `mutation($id: ID!) { reopenGrantApplication(id: $id) { ${A} } }`, variables: { id: await approved() } }),
  },
  schedulePayments: {
    expected: STAFF,
    run: async () => ({
      query: `mutation($id: ID!) { schedulePayments(id: $id, tranches: [{ amount: 1000, dueDate: "${NEXT_YEAR_DAY}" }]) { ${A} } }`,
      variables: { id: await approved() },
    }),
  },
  recordConvention: {
    expected: STAFF,
    run: async () => ({
      query: `mutation($id: ID!) { recordConvention(id: $id, input: { reference: "C-1", signedOn: "${new Date().toISOString().slice(0, 10)}" }) { ${A} } }`,
      variables: { id: await approved() },
    }),
  },
  recordPayment: {
    expected: STAFF,
    run: async () => {
      const { id, tranche } = await scheduled();
      return { query: `mutation($id: ID!, $t: ID!) { recordPayment(id: $id, input: { trancheId: $t }) { ${A} } }`, variables: { id, t: tranche } };
    },
  },
  acceptFinalReport: {
    expected: STAFF,
    run: async () => ({ query: `mutation($id: ID!) { acceptFinalReport(id: $id) { ${A} } }`, variables: { id: await reported() } }),
  },
  declareConflictOfInterest: {
    expected: STAFF,
    run: async () => ({
      query: `mutation($o: ID!) { declareConflictOfInterest(organisationId: $o, reason: "Ancien trésorier") { conflict { id } ${P} } }`,
      variables: { o: String(org._id) },
    }),
  },
};

describe('role x operation', () => {
  it('covers every grants mutation', () => {
    const grants = [...policyTable().entries()]
      .filter(([k, v]) => v.module === 'grants' && k.startsWith('Mutation.'))
      .map(([k]) => k.slice('Mutation.'.length));
    expect(Object.keys(CASES).sort()).toEqual(grants.sort());
  });

  for (const [mutation, c] of Object.entries(CASES)) {
    it(`${mutation}: ${ROLES.map((r) => `${r} ${c.expected[r]}`).join(', ')}`, async () => {
      const got: Record<string, string> = {};
      for (const role of ROLES) {
        const { query, variables } = await c.run();
        const res = await server.gql(query, variables, role === 'anonymous' ? null : cast[role].token);
        if (res.body.errors?.length) got[role] = String(res.body.errors[0]!.extensions?.code);
        else {
          const payload = Object.values(res.body.data as Record<string, { errors: { code: string; message: string }[] }>)[0]!;
          got[role] = payload.errors.length ? `payload ${payload.errors.map((e) => `${e.code}: ${e.message}`).join('; ')}` : 'OK';
        }
      }
      expect(got).toEqual(c.expected);
    });
  }
});
