// docs/dossier.md says what the code does: its CERFA table is the list new programmes start with, its
// example refusal is the one a submission answers, its example mutation runs, and the placeholders it
// names exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { useTestDatabase } from '../helpers/db';
import { dataOf, startServer, type TestServer } from '../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../helpers/factories';
import { CERFA_12156_REQUIREMENTS } from '../../src/modules/grants/budget/document-requirements';
import { PLACEHOLDERS } from '../../src/modules/letters/letter-templates';
import { vaultDocument } from '../modules/dossier/dossier-helpers';

useTestDatabase();
const FULL = readFileSync(join(__dirname, '..', '..', 'docs', 'dossier.md'), 'utf8');
/** This test's part of the guide (the Documents part before it is the vault's, tested with it). */
const GUIDE = FULL.slice(FULL.indexOf('## Requirements, checklist and letters'));
const fences = (lang: string) => [...GUIDE.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
let server: TestServer;

beforeAll(async () => {
  await seedReference();
  server = await startServer();
});
afterAll(() => server.close());

describe('docs/dossier.md', () => {
  it('has its part', () => {
    expect(GUIDE.startsWith('## Requirements, checklist and letters')).toBe(true);
  });

  it('lists the CERFA 12156 requirements new programmes start with, in order', () => {
    const rows = [...GUIDE.matchAll(/^\| `([a-z-]+)` \| `([A-Z_]+)` \| ([^|]+) \|([^|]*)\|$/gm)].map((m) => [m[1], m[2], m[4]!.trim()]);
    expect(rows).toEqual(CERFA_12156_REQUIREMENTS.map((r) => [r.id, r.kind, r.maxAgeMonths ? `${r.maxAgeMonths} months` : '']));
  });

  it('names only placeholders that exist', () => {
    const named = [...GUIDE.matchAll(/\{\{([a-zA-Z.]+)\}\}/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    const known = new Set(Object.values(PLACEHOLDERS).flatMap((p) => Object.keys(p)));
    // The guide's example of a refused template names a placeholder that does not exist, on purpose.
    expect(named.filter((n) => !known.has(n))).toEqual(['application.numero']);
  });

  it('runs its attachDocument example and answers its example refusal word for word', async () => {
    const org = await makeOrganisation();
    const member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
    const admin = await makeUser({ role: 'ADMIN' });
    const year = new Date().getUTCFullYear();
    const programme = dataOf(
      await server.gql(
        `mutation($i: CreateFundingProgrammeInput!) { createFundingProgramme(input: $i) { programme { id } } }`,
        { i: { name: 'Guide', year, opensOn: `${year}-01-01`, closesOn: `${year}-12-31`, minAmount: 0, maxAmount: 10_000_000 } },
        admin.token,
      ),
    ).createFundingProgramme.programme.id;
    const applicationId = dataOf(
      await server.gql(
        `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id } } }`,
        { i: { organisationId: String(org._id), programmeId: programme, title: 'Guide', description: 'Guide.', requestedAmount: 100_000 } },
        member.token,
      ),
    ).createGrantApplication.application.id;
    const statutes = await vaultDocument(org._id, 'STATUTES');
    const [example] = fences('graphql');
    const query = example!.replace('applicationId: "…"', `applicationId: "${applicationId}"`).replace('documentId: "…"', `documentId: "${statutes}"`);
    parse(query);
    const attached = dataOf(await server.gql(query, {}, member.token)).attachDocument;
    expect(attached.errors).toEqual([]);
    // The organisation has an RNA number: its statutes are attached all the same, and not required.
    expect(attached.application.documentChecklist[0]).toMatchObject({
      requirement: { id: 'statutes', required: false },
      status: 'OK',
      document: { id: statutes },
    });

    const [answer] = fences('json');
    const submitted = dataOf(
      await server.gql(`mutation($id: ID!) { submitGrantApplication(id: $id) { errors { code field message } } }`, { id: applicationId }, member.token),
    );
    expect(submitted.submitGrantApplication.errors).toContainEqual(JSON.parse(answer!));
  });
});
