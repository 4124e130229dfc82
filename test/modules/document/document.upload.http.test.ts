// POST /api/documents over HTTP: who may upload, what the bytes must be, the answer's shape, the limits,
// deduplication and versions.
import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { makeOrganisation, makeRoles, makeUser } from '../../helpers/factories';
import { startServer, type TestServer } from '../../helpers/server';
import { ConflictOfInterestModel } from '../../../src/modules/organisation/conflict-of-interest.model';
import { DocumentModel } from '../../../src/modules/document/document.model';
import { csv, docx, jpeg, odt, pdf, png, upload, vaultCounts } from './document-fixtures';

useTestDatabase();

let server: TestServer;
let org: { _id: Types.ObjectId };
let roles: Awaited<ReturnType<typeof makeRoles>>;
let orgId: string;

beforeAll(async () => {
  server = await startServer();
  org = await makeOrganisation();
  orgId = String(org._id);
  roles = await makeRoles(org._id);
});
afterAll(() => server.close());

describe('POST /api/documents', () => {
  it('stores a PDF for a member and answers 201 with the document, its hash and its validity', async () => {
    const bytes = pdf('Statuts 2026');
    const res = await upload(
      server,
      roles.member.token,
      { organisationId: orgId, kind: 'STATUTES', title: 'Statuts', validUntil: '2030-12-31' },
      { data: bytes, filename: 'statuts.pdf' },
    );
    expect(res.status).toBe(201);
    expect(res.body.document).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      kind: 'STATUTES',
      title: 'Statuts',
      filename: 'statuts.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      validUntil: '2030-12-31',
    });
  });

  it.each([
    ['a PNG', png, 'image/png', 'scan.png'],
    ['a JPEG', jpeg, 'image/jpeg', 'scan.jpg'],
    ['a CSV', csv, 'text/csv', 'budget.csv'],
    ['a Word document', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'rapport.docx'],
    ['an OpenDocument text', odt, 'application/vnd.oasis.opendocument.text', 'rapport.odt'],
  ])('accepts %s, typed from its bytes whatever the name and the declared type say', async (_label, make, type, name) => {
    const data = await make();
    const res = await upload(
      server,
      roles.member.token,
      { organisationId: orgId, kind: 'OTHER' },
      { data, filename: 'fichier.bin', contentType: 'application/octet-stream' },
    );
    expect(res.status).toBe(201);
    expect(res.body.document.contentType).toBe(type);
    // The extension follows the real type.
    expect(res.body.document.filename).toBe(`fichier.${name.split('.').pop()}`);
  });

  it('lets officers and admins upload for an organisation, and refuses other members and coordinators', async () => {
    const data = pdf(`officer ${Date.now()}`);
    expect((await upload(server, roles.officer.token, { organisationId: orgId, kind: 'OTHER' }, { data })).status).toBe(201);
    expect((await upload(server, roles.admin.token, { organisationId: orgId, kind: 'OTHER' }, { data: pdf('admin') })).status).toBeLessThan(202);
    const before = await vaultCounts();
    for (const who of [roles.outsider, roles.coordinator]) {
      const res = await upload(server, who.token, { organisationId: orgId, kind: 'OTHER' }, { data: pdf('intrus') });
      expect(res.status).toBe(403);
      expect(res.body.errors[0]).toMatchObject({ code: 'FORBIDDEN', field: 'organisationId' });
    }
    expect(await vaultCounts()).toEqual(before);
  });

  it('refuses an officer who declared a link to the organisation', async () => {
    const officer = await makeUser({ role: 'OFFICER' });
    await ConflictOfInterestModel.create({
      officer: officer.user._id,
      organisation: org._id,
      reason: 'Je suis trésorier de cette association.',
      declaredAt: new Date(),
    });
    const res = await upload(server, officer.token, { organisationId: orgId, kind: 'OTHER' }, { data: pdf('recused') });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].code).toBe('CONFLICT_OF_INTEREST');
  });

  it('answers 401 without a token and 404 for an organisation that does not exist', async () => {
    const anon = await upload(server, null, { organisationId: orgId, kind: 'OTHER' }, { data: pdf() });
    expect(anon.status).toBe(401);
    expect(anon.body.errors[0].code).toBe('UNAUTHENTICATED');
    const missing = await upload(server, roles.admin.token, { organisationId: '0123456789abcdef01234567', kind: 'OTHER' }, { data: pdf() });
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'organisationId' });
  });

  it('reports every bad field at once, each on its field, with nothing stored', async () => {
    const before = await vaultCounts();
    const res = await upload(server, roles.member.token, { organisationId: 'nope', kind: 'PASSPORT', validUntil: '2026-02-30' }, { data: pdf() });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'organisationId', 'validUntil']);
    for (const e of res.body.errors) expect(e).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await vaultCounts()).toEqual(before);
  });

  it('stores the same file uploaded twice by one organisation once', async () => {
    const data = pdf(`Comptes ${Date.now()}`);
    const first = await upload(server, roles.member.token, { organisationId: orgId, kind: 'ANNUAL_ACCOUNTS' }, { data });
    const before = await vaultCounts();
    const again = await upload(server, roles.member.token, { organisationId: orgId, kind: 'ANNUAL_ACCOUNTS' }, { data });
    expect(again.status).toBe(200);
    expect(again.body.document.id).toBe(first.body.document.id);
    // Filed under another kind: a second record, the same bytes.
    const other = await upload(server, roles.member.token, { organisationId: orgId, kind: 'OTHER' }, { data });
    expect(other.status).toBe(201);
    const after = await vaultCounts();
    expect(after.files).toBe(before.files);
    expect(after.chunks).toBe(before.chunks);
    const records = await DocumentModel.find({ _id: { $in: [first.body.document.id, other.body.document.id] } }).lean();
    expect(new Set(records.map((r) => String(r.fileId))).size).toBe(1);
  });

  it('does not share bytes between organisations', async () => {
    const other = await makeOrganisation();
    const member = await makeUser({ memberOf: [{ organisation: other._id }] });
    const data = pdf(`partagé ${Date.now()}`);
    await upload(server, roles.member.token, { organisationId: orgId, kind: 'OTHER' }, { data });
    const before = await vaultCounts();
    expect((await upload(server, member.token, { organisationId: String(other._id), kind: 'OTHER' }, { data })).status).toBe(201);
    expect((await vaultCounts()).files).toBe(before.files + 1);
  });

  it('keeps the previous version of a single-version kind, superseded by the new one', async () => {
    const v1 = await upload(server, roles.member.token, { organisationId: orgId, kind: 'BOARD_LIST' }, { data: pdf('Bureau 2025') });
    const v2 = await upload(server, roles.member.token, { organisationId: orgId, kind: 'BOARD_LIST' }, { data: pdf('Bureau 2026') });
    const [old, current] = await Promise.all([DocumentModel.findById(v1.body.document.id).lean(), DocumentModel.findById(v2.body.document.id).lean()]);
    expect(String(old!.supersededBy)).toBe(v2.body.document.id);
    expect(String(current!.supersedes)).toBe(v1.body.document.id);
    expect(current!.supersededBy).toBeNull();
    // Proofs of expense pile up: none supersedes another.
    const p1 = await upload(server, roles.member.token, { organisationId: orgId, kind: 'PROOF_OF_EXPENSE' }, { data: pdf('Facture 1') });
    await upload(server, roles.member.token, { organisationId: orgId, kind: 'PROOF_OF_EXPENSE' }, { data: pdf('Facture 2') });
    expect((await DocumentModel.findById(p1.body.document.id).lean())!.supersededBy).toBeNull();
  });

  it('leaves one current version when two new versions arrive at once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) => upload(server, roles.member.token, { organisationId: orgId, kind: 'ACTIVITY_REPORT' }, { data: pdf(`Rapport ${n} ${Date.now()}`) })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const current = await DocumentModel.find({ organisation: org._id, kind: 'ACTIVITY_REPORT', supersededBy: null, deletedAt: null }).lean();
    expect(current).toHaveLength(1);
  });
});

describe('upload limits', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startServer({ maxUploadBytes: 64 * 1024, documentQuotaBytes: 200 * 1024 });
  });
  afterAll(() => small.close());

  it('refuses a file over MAX_UPLOAD_BYTES with 413 FILE_TOO_LARGE, and keeps not a byte of it', async () => {
    const before = await vaultCounts();
    const res = await upload(small, roles.member.token, { organisationId: orgId, kind: 'OTHER' }, { data: pdf('gros', 2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.errors[0]).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'file', message: expect.stringContaining('0.1 MB') });
    expect(await vaultCounts()).toEqual(before);
  });

  it('refuses what would take the organisation over its quota with QUOTA_EXCEEDED, and counts a shared file once', async () => {
    const quotaOrg = await makeOrganisation();
    const member = await makeUser({ memberOf: [{ organisation: quotaOrg._id }] });
    const id = String(quotaOrg._id);
    const sixty = pdf('a', 60 * 1024);
    for (const n of [1, 2, 3]) {
      const res = await upload(small, member.token, { organisationId: id, kind: 'PROOF_OF_EXPENSE' }, { data: pdf(`facture ${n}`, 60 * 1024) });
      expect(res.status).toBe(201);
    }
    const before = await vaultCounts();
    const over = await upload(small, member.token, { organisationId: id, kind: 'PROOF_OF_EXPENSE' }, { data: sixty });
    expect(over.status).toBe(413);
    expect(over.body.errors[0]).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'file' });
    expect(await vaultCounts()).toEqual(before);
  });
});
