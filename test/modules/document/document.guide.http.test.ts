// docs/dossier.md's Documents part and the README's dossier section say what the code does: their curl
// upload, run with the same fields, answers the documented shape, and the refusal table names the codes
// and statuses the server gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTestDatabase } from '../../helpers/db';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import { startServer, type TestServer } from '../../helpers/server';
import { exe, pdf, upload } from './document-fixtures';

useTestDatabase();
const root = join(__dirname, '..', '..', '..');
const GUIDE = readFileSync(join(root, 'docs', 'dossier.md'), 'utf8');
const README = readFileSync(join(root, 'README.md'), 'utf8');
const section = (text: string, heading: string) => {
  const start = text.indexOf(heading);
  const next = text.indexOf('\n## ', start + heading.length);
  return text.slice(start, next < 0 ? undefined : next);
};
const DOCUMENTS = section(GUIDE, '## Documents');

/** The -F fields of the first curl upload of a text, file excluded. */
function curlFields(text: string): Record<string, string> {
  const curl = /curl[^\n]*\/api\/documents[\s\S]*?-F file=@(\S+)/.exec(text);
  if (!curl) throw new Error('no curl upload found');
  return Object.fromEntries([...curl[0].matchAll(/-F (\w+)=("([^"]*)"|\S+)/g)].filter((m) => m[1] !== 'file').map((m) => [m[1]!, m[3] ?? m[2]!]));
}

let server: TestServer;
let orgId: string;
let token: string;
beforeAll(async () => {
  server = await startServer();
  const org = await makeOrganisation();
  orgId = String(org._id);
  token = (await makeUser({ memberOf: [{ organisation: org._id }] })).token;
});
afterAll(() => server.close());

describe('the documents guide', () => {
  it.each([
    ['docs/dossier.md', DOCUMENTS],
    ['README.md', section(README, '## The dossier')],
  ])('%s: its curl upload, with the same fields, answers 201 with the documented fields', async (_name, text) => {
    const fields = curlFields(text);
    expect(fields.kind).toBe('STATUTES');
    const res = await upload(server, token, { ...fields, organisationId: orgId, kind: fields.kind! }, { data: pdf(`guide ${_name}`), filename: 'statuts.pdf' });
    expect(res.status).toBe(201);
    const [example] = [...DOCUMENTS.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as { document: Record<string, unknown> });
    expect(Object.keys(res.body.document).sort()).toEqual(Object.keys(example!.document).sort());
    if (fields.validUntil) expect(res.body.document.validUntil).toBe(fields.validUntil);
  });

  it('gives the statuses and codes its refusal table says', async () => {
    const rows = [...DOCUMENTS.matchAll(/^\| (\d{3}) \| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \|/gm)].map((m) => ({
      status: Number(m[1]),
      codes: m[2]!.replace(/`/g, '').split(', '),
    }));
    const statusOf = (code: string) => rows.find((r) => r.codes.includes(code))?.status;
    const refused = await upload(server, token, { organisationId: orgId, kind: 'STATUTES' }, { data: exe(), filename: 'statuts.pdf' });
    expect(refused.status).toBe(statusOf('UNSUPPORTED_FILE_TYPE'));
    const anon = await upload(server, null, { organisationId: orgId, kind: 'STATUTES' }, { data: pdf() });
    expect(anon.status).toBe(statusOf('UNAUTHENTICATED'));
    const bad = await upload(server, token, { organisationId: orgId, kind: 'PASSPORT' }, { data: pdf() });
    expect(bad.status).toBe(statusOf('BAD_USER_INPUT'));
    expect(statusOf('FILE_TOO_LARGE')).toBe(413);
  });
});
