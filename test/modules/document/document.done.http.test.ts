// Issue 12's "done when", over HTTP: an applicant reuses last year's statutes in this year's application,
// and an officer downloads the complete dossier, with the acknowledgement the city generated on submission.
import { createHash } from 'node:crypto';
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { makeProgramme } from '../grants/fixtures';
import { lettersSettled } from '../../../src/modules/letters/letters.service';
import { ActivityModel } from '../../../src/modules/activity/activity.model';
import { pdf, readStoredZip, upload } from './document-fixtures';

useTestDatabase();
let server: TestServer;
const YEAR = new Date().getUTCFullYear();
const P = 'errors { code message field }';

beforeAll(async () => {
  await seedReference();
  server = await startServer();
});
afterAll(() => server.close());

describe('the dossier, done', () => {
  it("lets an applicant reuse last year's statutes, and an officer download the whole dossier with its acknowledgement", async () => {
    const org = await makeOrganisation({ name: 'Roue Libre' });
    const member = await makeUser({ memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
    const officer = await makeUser({ role: 'OFFICER' });
    const gql = async (token: string, query: string, variables: Record<string, unknown>) => dataOf(await server.gql(query, variables, token));

    // Last year: the statutes go into the vault.
    const statutes = (
      await upload(
        server,
        member.token,
        { organisationId: String(org._id), kind: 'STATUTES', title: 'Statuts' },
        { data: pdf('Statuts de Roue Libre'), filename: 'statuts.pdf' },
      )
    ).body.document;

    const applications: { id: string; number: string }[] = [];
    for (const year of [YEAR - 1, YEAR]) {
      const programme = await makeProgramme({ year, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
      const created = await gql(
        member.token,
        `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id number } ${P} } }`,
        {
          i: {
            organisationId: String(org._id),
            programmeId: String(programme._id),
            title: `Vélo-école ${year}`,
            description: 'Apprendre le vélo aux adultes.',
            requestedAmount: 500_000,
            republicanContractAttested: true,
            budgetLines: [
              { kind: 'EXPENSE', label: 'Moniteurs', amount: 600_000 },
              { kind: 'INCOME', label: 'Cotisations', amount: 100_000 },
            ],
          },
        },
      );
      const app = created.createGrantApplication.application as { id: string; number: string };
      const attached = await gql(member.token, `mutation($i: AttachDocumentInput!) { attachDocument(input: $i) { ${P} } }`, {
        i: { applicationId: app.id, documentId: statutes.id },
      });
      expect(attached.attachDocument.errors).toEqual([]);
      const submitted = await gql(member.token, `mutation($id: ID!) { submitGrantApplication(id: $id) { ${P} } }`, { id: app.id });
      expect(submitted.submitGrantApplication.errors).toEqual([]);
      applications.push(app);
    }
    await lettersSettled();

    // This year's dossier holds the same statutes document, uploaded once.
    const thisYear = applications[1]!;
    const res = await server.get(`/api/grant-applications/${thisYear.id}/dossier.zip`, { authorization: `Bearer ${officer.token}` });
    expect(res.status).toBe(200);
    const entries = readStoredZip(Buffer.from(await res.arrayBuffer()));
    const names = [...entries.keys()];
    expect(names).toEqual(['01-STATUTES-statuts.pdf', expect.stringMatching(/^02-LETTER-ACKNOWLEDGEMENT-.+\.pdf$/), '00-summary.txt']);
    expect(createHash('sha256').update(entries.get('01-STATUTES-statuts.pdf')!).digest('hex')).toBe(statutes.sha256);
    expect(entries.get(names[1]!)!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(entries.get('00-summary.txt')!.toString('utf8')).toContain(`Dossier ${thisYear.number}`);

    // Each document the officer took is in the application's history.
    const trail = await ActivityModel.find({ objectId: thisYear.id, action: 'DOWNLOAD_DOCUMENT' }).lean();
    expect(trail.map((r) => String(r.actor))).toEqual([officer.id, officer.id]);
    expect(trail.map((r) => r.reason)).toEqual([expect.stringMatching(/^STATUTES: statuts\.pdf/), expect.stringMatching(/^OTHER: .+\.pdf/)]);
  });
});
