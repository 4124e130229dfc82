// The dossier over HTTP: a programme's document requirements (the CERFA 12156 list by default, the RNA
// and auditor rules), attaching and detaching vault documents, the checklist, MISSING_DOCUMENT at
// submission with the other missing items, a change request naming documents to replace, and an
// applicant reusing last year's statutes in this year's application.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { makeEnvelope, makeProgramme } from '../grants/fixtures';
import { vaultDocument } from './dossier-helpers';

useTestDatabase();
let server: TestServer;
const YEAR = new Date().getUTCFullYear();
const P = 'errors { code message field }';
const CHECKLIST = 'documentChecklist { requirement { id kind label required } reason status document { id } toReplace }';
const DOSSIER = `id status documents { document { id kind } requirementId attachedBy { id } } ${CHECKLIST}`;

let admin: { token: string };
let officer: { token: string };
let coordinator: { token: string };
let member: { token: string; id: string };
let outsider: { token: string };
let org: { _id: unknown };
let rnaOrg: { _id: unknown };
let rnaMember: { token: string };

beforeAll(async () => {
  await seedReference();
  server = await startServer();
  org = await makeOrganisation({ rna: undefined });
  rnaOrg = await makeOrganisation();
  admin = await makeUser({ role: 'ADMIN' });
  officer = await makeUser({ role: 'OFFICER' });
  coordinator = await makeUser({ role: 'COORDINATOR' });
  member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
  rnaMember = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: rnaOrg._id, role: 'MANAGER' }] });
  outsider = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: (await makeOrganisation())._id }] });
});
afterAll(() => server.close());

async function gql(token: string, query: string, variables: Record<string, unknown> = {}) {
  return dataOf(await server.gql(query, variables, token));
}

/** A programme created by the admin over HTTP (so with the default requirements), open all year. */
async function newProgramme(extra: Record<string, unknown> = {}) {
  const res = await gql(
    admin.token,
    `mutation($i: CreateFundingProgrammeInput!) { createFundingProgramme(input: $i) { programme { id documentRequirements { id kind label required maxAgeMonths minRequestedAmount stage } } ${P} } }`,
    {
      i: {
        name: `Dossier ${Math.random()}`,
        year: YEAR,
        opensOn: `${YEAR}-01-01`,
        closesOn: `${YEAR}-12-31`,
        minAmount: 100_000,
        maxAmount: 50_000_000,
        ...extra,
      },
    },
  );
  expect(res.createFundingProgramme.errors).toEqual([]);
  return res.createFundingProgramme.programme;
}

const CONTENT = (requestedAmount = 1_000_000) => ({
  title: 'Ateliers vélo',
  description: 'Apprendre le vélo aux adultes du quartier.',
  requestedAmount,
  republicanContractAttested: true,
  budgetLines: [
    { kind: 'EXPENSE', label: 'Moniteurs', amount: requestedAmount + 500_000 },
    { kind: 'INCOME', label: 'Cotisations', amount: 500_000 },
  ],
});

async function draft(token: string, organisation: unknown, programmeId: string, content: Record<string, unknown> = CONTENT()) {
  const res = await gql(token, `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id } ${P} } }`, {
    i: { organisationId: String(organisation), programmeId, ...content },
  });
  expect(res.createGrantApplication.errors).toEqual([]);
  return res.createGrantApplication.application.id as string;
}

const attach = (token: string, applicationId: string, documentId: string, requirementId?: string) =>
  gql(token, `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { application { ${DOSSIER} } ${P} } }`, {
    i: { applicationId, documentId, ...(requirementId ? { requirementId } : {}) },
  }).then((d) => d.attachDocument);
const submit = (token: string, id: string) =>
  gql(token, `mutation($id: ID!) { submitGrantApplication(id: $id) { application { id status } ${P} } }`, { id }).then((d) => d.submitGrantApplication);
const dossierOf = (token: string, id: string) =>
  gql(token, `query($id: ID!) { grantApplication(id: $id) { ${DOSSIER} } }`, { id }).then((d) => d.grantApplication);

describe('programme requirements', () => {
  it('starts a new programme with the CERFA 12156 list', async () => {
    const programme = await newProgramme();
    expect(programme.documentRequirements.map((r: any) => [r.id, r.kind, r.required])).toEqual([
      ['statutes', 'STATUTES', true],
      ['board-list', 'BOARD_LIST', true],
      ['bank-details', 'BANK_DETAILS', true],
      ['annual-accounts', 'ANNUAL_ACCOUNTS', true],
      ['activity-report', 'ACTIVITY_REPORT', true],
      ['project-budget', 'PROJECT_BUDGET', true],
      ['auditor-report', 'AUDITOR_REPORT', true],
    ]);
    expect(programme.documentRequirements.find((r: any) => r.id === 'annual-accounts')).toMatchObject({ maxAgeMonths: 24, stage: 'APPLICATION' });
  });

  it('lets admins replace the list, names every bad field at once, and refuses everyone else', async () => {
    const programme = await newProgramme();
    const SET = `mutation($p: ID!, $r: [DocumentRequirementInput!]!) { setDocumentRequirements(programmeId: $p, requirements: $r) { programme { documentRequirements { id kind required minRequestedAmount } } ${P} } }`;
    const bad = await gql(admin.token, SET, {
      p: programme.id,
      r: [
        { id: 'Bank Details', kind: 'BANK_DETAILS', label: 'RIB' },
        { id: 'rib', kind: 'BANK_DETAILS', label: '' },
        { id: 'rib', kind: 'PROJECT_BUDGET', label: 'Budget', maxAgeMonths: 0 },
      ],
    });
    expect(bad.setDocumentRequirements.programme).toBeNull();
    expect(bad.setDocumentRequirements.errors.map((e: any) => [e.code, e.field])).toEqual([
      ['BAD_USER_INPUT', 'requirements[0].id'],
      ['BAD_USER_INPUT', 'requirements[1].label'],
      ['BAD_USER_INPUT', 'requirements[2].id'],
      ['BAD_USER_INPUT', 'requirements[2].maxAgeMonths'],
    ]);
    const good = await gql(admin.token, SET, {
      p: programme.id,
      r: [{ id: 'rib', kind: 'BANK_DETAILS', label: 'RIB', minRequestedAmount: 500_000 }],
    });
    expect(good.setDocumentRequirements).toEqual({
      programme: { documentRequirements: [{ id: 'rib', kind: 'BANK_DETAILS', required: true, minRequestedAmount: 500_000 }] },
      errors: [],
    });
    for (const who of [officer, member, coordinator]) {
      const res = await server.gql(SET, { p: programme.id, r: [] }, who.token);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('submission', () => {
  it('answers one MISSING_DOCUMENT per unmet requirement, together with the other missing items', async () => {
    const programme = await newProgramme();
    const id = await draft(member.token, org._id, programme.id, { title: 'Ateliers', description: 'Des ateliers.', requestedAmount: 1_000_000 });
    const refused = await submit(member.token, id);
    expect(refused.application).toBeNull();
    expect(refused.errors.map((e: any) => [e.code, e.field])).toEqual([
      ['INCOMPLETE_APPLICATION', 'budgetLines'],
      ['INCOMPLETE_APPLICATION', 'republicanContractAttested'],
      ['MISSING_DOCUMENT', 'documents.statutes'],
      ['MISSING_DOCUMENT', 'documents.board-list'],
      ['MISSING_DOCUMENT', 'documents.bank-details'],
      ['MISSING_DOCUMENT', 'documents.annual-accounts'],
      ['MISSING_DOCUMENT', 'documents.activity-report'],
      ['MISSING_DOCUMENT', 'documents.project-budget'],
    ]);
    expect(refused.errors.find((e: any) => e.field === 'documents.bank-details').message).toContain('attachDocument with requirementId "bank-details"');
  });

  it('does not ask statutes nor the board list when the RNA number is known, and says why', async () => {
    const programme = await newProgramme();
    const id = await draft(rnaMember.token, rnaOrg._id, programme.id);
    const { documentChecklist } = await dossierOf(rnaMember.token, id);
    const statutes = documentChecklist.find((i: any) => i.requirement.id === 'statutes');
    expect(statutes).toMatchObject({ requirement: { kind: 'STATUTES', required: false }, status: 'MISSING', document: null });
    expect(statutes.reason).toMatch(/RNA number \(W\d+\).*décret 2016-1971/);
    expect(documentChecklist.find((i: any) => i.requirement.id === 'board-list').requirement.required).toBe(false);
    const refused = await submit(rnaMember.token, id);
    expect(refused.errors.map((e: any) => e.field)).toEqual([
      'documents.bank-details',
      'documents.annual-accounts',
      'documents.activity-report',
      'documents.project-budget',
    ]);
  });

  it('asks the auditor report only of organisations over 153,000 EUR of public grants a year', async () => {
    const programme = await newProgramme();
    const small = await dossierOf(rnaMember.token, await draft(rnaMember.token, rnaOrg._id, programme.id, CONTENT(15_300_000)));
    const auditor = (c: any[]) => c.find((i: any) => i.requirement.id === 'auditor-report');
    expect(auditor(small.documentChecklist)).toMatchObject({ requirement: { required: false } });
    expect(auditor(small.documentChecklist).reason).toContain('153,000.00 EUR');
    const big = await dossierOf(rnaMember.token, await draft(rnaMember.token, rnaOrg._id, programme.id, CONTENT(15_300_100)));
    expect(auditor(big.documentChecklist)).toMatchObject({ requirement: { required: true }, reason: null, status: 'MISSING' });
  });

  it('reports EXPIRED and TOO_OLD documents, and submits once every requirement is met', async () => {
    const programme = await newProgramme();
    const id = await draft(rnaMember.token, rnaOrg._id, programme.id);
    const yesterday = new Date(Date.now() - 86_400_000 * 2);
    const docs = {
      'bank-details': await vaultDocument(rnaOrg._id, 'BANK_DETAILS', { validUntil: yesterday }),
      'annual-accounts': await vaultDocument(rnaOrg._id, 'ANNUAL_ACCOUNTS', { monthsAgo: 30 }),
      'activity-report': await vaultDocument(rnaOrg._id, 'ACTIVITY_REPORT', { monthsAgo: 6 }),
      'project-budget': await vaultDocument(rnaOrg._id, 'PROJECT_BUDGET'),
    };
    for (const [requirementId, documentId] of Object.entries(docs)) expect((await attach(rnaMember.token, id, documentId, requirementId)).errors).toEqual([]);
    const { documentChecklist, documents } = await dossierOf(rnaMember.token, id);
    expect(documents).toHaveLength(4);
    expect(Object.fromEntries(documentChecklist.filter((i: any) => i.requirement.required).map((i: any) => [i.requirement.id, i.status]))).toEqual({
      'bank-details': 'EXPIRED',
      'annual-accounts': 'TOO_OLD',
      'activity-report': 'OK',
      'project-budget': 'OK',
    });
    const refused = await submit(rnaMember.token, id);
    expect(refused.errors.map((e: any) => [e.code, e.field])).toEqual([
      ['MISSING_DOCUMENT', 'documents.bank-details'],
      ['MISSING_DOCUMENT', 'documents.annual-accounts'],
    ]);
    expect(refused.errors[0].message).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    expect(refused.errors[1].message).toMatch(/more than 24 months ago/);
    // New versions, attached for the same requirements: the latest answers.
    expect((await attach(rnaMember.token, id, await vaultDocument(rnaOrg._id, 'BANK_DETAILS'), 'bank-details')).errors).toEqual([]);
    expect((await attach(rnaMember.token, id, await vaultDocument(rnaOrg._id, 'ANNUAL_ACCOUNTS'), 'annual-accounts')).errors).toEqual([]);
    expect(await submit(rnaMember.token, id)).toEqual({ application: { id, status: 'SUBMITTED' }, errors: [] });
  });

  it('leaves programmes older than the dossier (no requirements) as they were', async () => {
    const programme = await makeProgramme({ year: YEAR, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
    const id = await draft(member.token, org._id, String(programme._id));
    expect((await dossierOf(member.token, id)).documentChecklist).toEqual([]);
    expect((await submit(member.token, id)).errors).toEqual([]);
  });
});

describe('attaching', () => {
  it("lets an applicant reuse last year's statutes in this year's application", async () => {
    // Last year: the statutes are uploaded and sent with that year's application.
    const lastYear = await makeProgramme({ year: YEAR - 1, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
    await gql(
      admin.token,
      `mutation($p: ID!) { setDocumentRequirements(programmeId: $p, requirements: [{ id: "statutes", kind: STATUTES, label: "Statuts" }]) { ${P} } }`,
      { p: String(lastYear._id) },
    );
    const statutes = await vaultDocument(org._id, 'STATUTES', { monthsAgo: 12, text: 'Statuts de l’association, adoptés en assemblée générale.' });
    const old = await draft(member.token, org._id, String(lastYear._id));
    expect((await attach(member.token, old, statutes, 'statutes')).errors).toEqual([]);
    expect((await submit(member.token, old)).errors).toEqual([]);

    // This year: the member finds them in the vault and attaches them again, with no new upload.
    const vault = await gql(member.token, `query($o: ID!) { organisation(id: $o) { documents(kind: STATUTES) { nodes { id status createdAt } } } }`, {
      o: String(org._id),
    });
    expect(vault.organisation.documents.nodes).toEqual([{ id: statutes, status: 'CURRENT', createdAt: expect.any(String) }]);
    const programme = await newProgramme();
    const id = await draft(member.token, org._id, programme.id);
    const attached = await attach(member.token, id, statutes, 'statutes');
    expect(attached.errors).toEqual([]);
    expect(attached.application.documents).toEqual([
      { document: { id: statutes, kind: 'STATUTES' }, requirementId: 'statutes', attachedBy: { id: member.id } },
    ]);
    expect(attached.application.documentChecklist[0]).toEqual({
      requirement: { id: 'statutes', kind: 'STATUTES', label: 'Statuts en vigueur, datés et signés', required: true },
      reason: null,
      status: 'OK',
      document: { id: statutes },
      toReplace: false,
    });
    for (const [kind, req] of [
      ['BOARD_LIST', 'board-list'],
      ['BANK_DETAILS', 'bank-details'],
      ['ANNUAL_ACCOUNTS', 'annual-accounts'],
      ['ACTIVITY_REPORT', 'activity-report'],
      ['PROJECT_BUDGET', 'project-budget'],
    ] as const) {
      expect((await attach(member.token, id, await vaultDocument(org._id, kind), req)).errors).toEqual([]);
    }
    expect(await submit(member.token, id)).toEqual({ application: { id, status: 'SUBMITTED' }, errors: [] });
    // One file for both years' applications: the vault holds the statutes once.
    expect((await dossierOf(member.token, old)).documents[0].document.id).toBe(statutes);
  });

  it('refuses with the field at fault: another kind, an unknown requirement, another organisation, a non-member, a submitted application', async () => {
    const programme = await newProgramme();
    const id = await draft(member.token, org._id, programme.id);
    const rib = await vaultDocument(org._id, 'BANK_DETAILS');
    expect((await attach(member.token, id, rib, 'statutes')).errors).toEqual([
      {
        code: 'BAD_USER_INPUT',
        field: 'input.documentId',
        message: '"Statuts en vigueur, datés et signés" asks for a document of kind STATUTES; this one is BANK_DETAILS.',
      },
    ]);
    expect((await attach(member.token, id, rib, 'nothing')).errors).toMatchObject([{ code: 'BAD_USER_INPUT', field: 'input.requirementId' }]);
    // A document of an organisation the member does not belong to: not found, its existence not revealed.
    const foreign = await vaultDocument(rnaOrg._id, 'BANK_DETAILS');
    const hidden = await server.gql(
      `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { ${P} } }`,
      { i: { applicationId: id, documentId: foreign } },
      member.token,
    );
    expect(hidden.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['NOT_FOUND', 'input.documentId']]);
    // A member of both organisations is told the document is another organisation's.
    const both = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id }, { organisation: rnaOrg._id }] });
    expect((await attach(both.token, id, foreign)).errors).toMatchObject([{ code: 'BAD_USER_INPUT', field: 'input.documentId' }]);
    // Officers do not build the applicant's dossier.
    const byOfficer = await server.gql(
      `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { ${P} } }`,
      { i: { applicationId: id, documentId: rib } },
      officer.token,
    );
    expect(byOfficer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Malformed ids.
    expect(
      (
        await server.gql(
          `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { ${P} } }`,
          { i: { applicationId: id, documentId: 'x' } },
          member.token,
        )
      ).body.data?.attachDocument.errors,
    ).toMatchObject([{ code: 'BAD_USER_INPUT', field: 'input.documentId' }]);
    // Detach, then nothing to detach.
    expect((await attach(member.token, id, rib, 'bank-details')).errors).toEqual([]);
    const DETACH = `mutation($i: DetachDocumentInput!) { detachDocument(input: $i) { application { documents { document { id } } } ${P} } }`;
    expect((await gql(member.token, DETACH, { i: { applicationId: id, documentId: rib } })).detachDocument).toEqual({
      application: { documents: [] },
      errors: [],
    });
    expect((await gql(member.token, DETACH, { i: { applicationId: id, documentId: rib } })).detachDocument.errors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: 'input.documentId' },
    ]);
    // Once submitted, the dossier is frozen.
    const old = await makeProgramme({ year: YEAR, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
    const submitted = await draft(member.token, org._id, String(old._id));
    expect((await submit(member.token, submitted)).errors).toEqual([]);
    expect((await attach(member.token, submitted, rib)).errors).toMatchObject([{ code: 'INVALID_TRANSITION', field: 'id' }]);
  });

  it('lets two attachments at once both land or one be told to retry, never one lost silently', async () => {
    const programme = await newProgramme();
    const id = await draft(member.token, org._id, programme.id);
    const a = await vaultDocument(org._id, 'PROJECT_BUDGET');
    const b = await vaultDocument(org._id, 'BOARD_LIST');
    const [ra, rb] = await Promise.all([attach(member.token, id, a, 'project-budget'), attach(member.token, id, b, 'board-list')]);
    const landed = [ra, rb].filter((r) => r.errors.length === 0).length;
    for (const r of [ra, rb]) if (r.errors.length) expect(r.errors[0].code).toBe('INVALID_TRANSITION');
    expect((await dossierOf(member.token, id)).documents).toHaveLength(landed);
  });
});

describe('a change request naming documents to replace', () => {
  it('flags them in the checklist and blocks the resubmission until a new one is attached', async () => {
    const programme = await newProgramme();
    await gql(
      admin.token,
      `mutation($p: ID!) { setDocumentRequirements(programmeId: $p, requirements: [{ id: "rib", kind: BANK_DETAILS, label: "RIB" }]) { ${P} } }`,
      { p: programme.id },
    );
    const envelope = await makeEnvelope({ _id: programme.id }, 10_000_000);
    expect(envelope.total).toBe(10_000_000);
    const id = await draft(member.token, org._id, programme.id);
    const rib = await vaultDocument(org._id, 'BANK_DETAILS', { text: 'RIB illisible' });
    await attach(member.token, id, rib, 'rib');
    expect((await submit(member.token, id)).errors).toEqual([]);
    await gql(officer.token, `mutation($id: ID!) { startReview(id: $id) { ${P} } }`, { id });
    const REQUEST = `mutation($id: ID!, $d: [ID!]) { requestChanges(id: $id, message: "Le RIB est illisible.", replaceDocumentIds: $d) { application { status } ${P} } }`;
    expect((await gql(officer.token, REQUEST, { id, d: ['0123456789abcdef01234567'] })).requestChanges.errors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: 'replaceDocumentIds[0]' },
    ]);
    expect((await gql(officer.token, REQUEST, { id, d: [rib] })).requestChanges).toEqual({ application: { status: 'CHANGES_REQUESTED' }, errors: [] });
    expect((await dossierOf(member.token, id)).documentChecklist).toMatchObject([{ status: 'OK', document: { id: rib }, toReplace: true }]);
    expect((await submit(member.token, id)).errors).toMatchObject([
      { code: 'MISSING_DOCUMENT', field: 'documents.rib', message: expect.stringContaining('replaced') },
    ]);
    const fresh = await vaultDocument(org._id, 'BANK_DETAILS', { text: 'RIB lisible' });
    expect((await attach(member.token, id, fresh, 'rib')).application.documentChecklist).toMatchObject([
      { status: 'OK', document: { id: fresh }, toReplace: false },
    ]);
    expect((await submit(member.token, id)).errors).toEqual([]);
  });
});

describe('who sees the dossier', () => {
  it('shows documents and checklist to the applicant and officers, null to coordinators; others do not see the application', async () => {
    const programme = await makeProgramme({ year: YEAR, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
    const envelope = await makeEnvelope(programme, 10_000_000);
    const id = await draft(member.token, org._id, String(programme._id));
    await attach(member.token, id, await vaultDocument(org._id, 'PROJECT_BUDGET'));
    await submit(member.token, id);
    await gql(officer.token, `mutation($id: ID!) { startReview(id: $id) { ${P} } }`, { id });
    const approved = await gql(
      (await makeUser({ role: 'OFFICER' })).token,
      `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { ${P} } }`,
      { id, i: { amount: 500_000, envelopeId: String(envelope._id) } },
    );
    expect(approved.approveGrantApplication.errors).toEqual([]);
    const Q = `query($id: ID!) { grantApplication(id: $id) { id documents { document { id } } documentChecklist { status } finalReportChecklist { status } letters { kind } } }`;
    for (const who of [member, officer, admin]) {
      const seen = (await gql(who.token, Q, { id })).grantApplication;
      expect(seen.documents).toHaveLength(1);
      expect(seen.documentChecklist).toEqual([]);
    }
    const byCoordinator = (await gql(coordinator.token, Q, { id })).grantApplication;
    expect(byCoordinator).toEqual({ id, documents: null, documentChecklist: null, finalReportChecklist: null, letters: null });
    expect((await gql(outsider.token, Q, { id })).grantApplication).toBeNull();
  });
});
