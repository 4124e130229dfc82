// The final report with its proofs over HTTP: a programme requiring a financial report and proofs of
// expense (stage FINAL_REPORT), one MISSING_DOCUMENT per missing one, other kinds refused on their field,
// and the documents listed on the report for those who see the vault only.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { makeEnvelope, makeProgramme } from '../grants/fixtures';
import { vaultDocument } from './dossier-helpers';

useTestDatabase();
let server: TestServer;
const YEAR = new Date().getUTCFullYear();
const P = 'errors { code message field }';

beforeAll(async () => {
  await seedReference();
  server = await startServer();
});
afterAll(() => server.close());

it('takes the financial report and proofs of expense a programme requires, each missing one named', async () => {
  const org = await makeOrganisation();
  const member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
  const admin = await makeUser({ role: 'ADMIN' });
  const officer = await makeUser({ role: 'OFFICER' });
  const decider = await makeUser({ role: 'OFFICER' });
  const coordinator = await makeUser({ role: 'COORDINATOR' });
  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => dataOf(await server.gql(query, variables, token));
  const programme = await makeProgramme({ year: YEAR, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
  const envelope = await makeEnvelope(programme, 10_000_000);
  const set = await gql(
    admin.token,
    `mutation($p: ID!, $r: [DocumentRequirementInput!]!) { setDocumentRequirements(programmeId: $p, requirements: $r) { ${P} } }`,
    {
      p: String(programme._id),
      r: [
        { id: 'financial-report', kind: 'FINANCIAL_REPORT', label: 'Compte rendu financier (CERFA 15059)', stage: 'FINAL_REPORT' },
        { id: 'proofs', kind: 'PROOF_OF_EXPENSE', label: 'Justificatifs de dépenses', stage: 'FINAL_REPORT' },
      ],
    },
  );
  expect(set.setDocumentRequirements.errors).toEqual([]);
  const id = (
    await gql(
      member.token,
      `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id documentChecklist { status } } ${P} } }`,
      {
        i: {
          organisationId: String(org._id),
          programmeId: String(programme._id),
          title: 'Repair café',
          description: 'Réparer ensemble.',
          requestedAmount: 300_000,
          republicanContractAttested: true,
          budgetLines: [{ kind: 'EXPENSE', label: 'Outils', amount: 300_000 }],
        },
      },
    )
  ).createGrantApplication.application.id;
  // Final-report requirements are not asked at submission.
  expect((await gql(member.token, `mutation($id: ID!) { submitGrantApplication(id: $id) { ${P} } }`, { id })).submitGrantApplication.errors).toEqual([]);
  await gql(officer.token, `mutation($id: ID!) { startReview(id: $id) { ${P} } }`, { id });
  const approved = await gql(decider.token, `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { ${P} } }`, {
    id,
    i: { amount: 300_000, envelopeId: String(envelope._id) },
  });
  expect(approved.approveGrantApplication.errors).toEqual([]);

  const REPORT = `mutation($id: ID!, $i: FinalReportInput!) { submitFinalReport(id: $id, input: $i) {
    application { finalReportChecklist { requirement { id } status document { id } } finalReport { documents { id kind } } } ${P} } }`;
  const report = (documentIds: string[]) => ({
    spentLines: [{ label: 'Outils', amount: 290_000 }],
    beneficiariesReached: 40,
    narrative: 'Dix séances.',
    documentIds,
  });

  const none = (await gql(member.token, REPORT, { id, i: report([]) })).submitFinalReport;
  expect(none.application).toBeNull();
  expect(none.errors.map((e: any) => [e.code, e.field])).toEqual([
    ['MISSING_DOCUMENT', 'documents.financial-report'],
    ['MISSING_DOCUMENT', 'documents.proofs'],
  ]);

  const financial = await vaultDocument(org._id, 'FINANCIAL_REPORT');
  const rib = await vaultDocument(org._id, 'BANK_DETAILS');
  const wrong = (await gql(member.token, REPORT, { id, i: report([financial, rib]) })).submitFinalReport;
  expect(wrong.errors.map((e: any) => [e.code, e.field])).toEqual([
    ['BAD_USER_INPUT', 'input.documentIds[1]'],
    ['MISSING_DOCUMENT', 'documents.proofs'],
  ]);

  const invoice = await vaultDocument(org._id, 'PROOF_OF_EXPENSE', { text: 'Facture 1' });
  const receipt = await vaultDocument(org._id, 'PROOF_OF_EXPENSE', { text: 'Facture 2' });
  const done = (await gql(member.token, REPORT, { id, i: report([financial, invoice, receipt]) })).submitFinalReport;
  expect(done.errors).toEqual([]);
  expect(done.application.finalReport.documents.map((d: any) => d.id).sort()).toEqual([financial, invoice, receipt].sort());
  expect(done.application.finalReportChecklist).toEqual([
    { requirement: { id: 'financial-report' }, status: 'OK', document: { id: financial } },
    { requirement: { id: 'proofs' }, status: 'OK', document: { id: expect.any(String) } },
  ]);

  // Coordinators see the decided grant and its report, never its financial documents.
  const seen = await gql(coordinator.token, `query($id: ID!) { grantApplication(id: $id) { finalReport { narrative documents { id } } } }`, { id });
  expect(seen.grantApplication.finalReport).toEqual({ narrative: 'Dix séances.', documents: null });
});
