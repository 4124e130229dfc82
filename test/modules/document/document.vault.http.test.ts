// The vault over HTTP: Organisation.documents (who sees it, filters, statuses), downloads (headers, who gets
// 404 or 401), the dossier zip, the download history, and deleteDocument's rule.
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { makeOrganisation, makeRoles } from '../../helpers/factories';
import { startServer, type TestServer } from '../../helpers/server';
import { ActivityModel } from '../../../src/modules/activity/activity.model';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { csv, pdf, readStoredZip, upload, vaultCounts } from './document-fixtures';

useTestDatabase();

let server: TestServer;
let org: { _id: Types.ObjectId };
let orgId: string;
let roles: Awaited<ReturnType<typeof makeRoles>>;
let n = 0;

/** An application as the grants module stores it, with these documents attached (what attachDocument writes). */
async function application(status: string, documentIds: string[]) {
  const _id = new Types.ObjectId();
  await GrantApplicationModel.collection.insertOne({
    _id,
    number: `2026-9${String(++n).padStart(4, '0')}`,
    organisation: org._id,
    programme: new Types.ObjectId(),
    year: 2026,
    title: 'Ateliers vélo',
    description: 'Réparer des vélos avec les habitants.',
    requestedAmount: 500_000,
    status,
    createdBy: new Types.ObjectId(roles.member.id),
    submittedAt: status === 'DRAFT' ? null : new Date(),
    documents: documentIds.map((id, i) => ({ document: new Types.ObjectId(id), requirementId: `req-${i}`, attachedAt: new Date(), attachedBy: null })),
    outbox: [],
  });
  return String(_id);
}

const store = async (kind: string, data = pdf(`${kind} ${++n}`), extra: Record<string, string> = {}) =>
  (await upload(server, roles.member.token, { organisationId: orgId, kind, ...extra }, { data, filename: `${kind.toLowerCase()}.pdf` })).body.document as {
    id: string;
    sha256: string;
  };

const VAULT = `query($id: ID!, $kind: DocumentKind, $first: Int, $after: String) {
  organisation(id: $id) { documents(kind: $kind, first: $first, after: $after) {
    totalCount nodes { id kind status validUntil downloadUrl supersedes { id } supersededBy { id } } pageInfo { hasNextPage endCursor } } } }`;

beforeAll(async () => {
  server = await startServer();
  org = await makeOrganisation({ isPublic: true });
  orgId = String(org._id);
  roles = await makeRoles(org._id);
});
afterAll(() => server.close());

describe('Organisation.documents', () => {
  it('lists the vault, newest first, for its members, officers and admins; null for anyone else', async () => {
    const a = await store('STATUTES');
    const b = await store('BANK_DETAILS');
    for (const who of [roles.member, roles.officer, roles.admin]) {
      const res = await server.gql(VAULT, { id: orgId }, who.token);
      expect(res.body.errors).toBeUndefined();
      const ids = res.body.data.organisation.documents.nodes.map((d: { id: string }) => d.id);
      expect(ids.slice(0, 2)).toEqual([b.id, a.id]);
    }
    for (const token of [roles.coordinator.token, roles.outsider.token, null]) {
      const res = await server.gql(VAULT, { id: orgId }, token);
      expect(res.body.data.organisation.documents).toBeNull();
    }
  });

  it('filters by kind, pages with a cursor, and shows versions and statuses', async () => {
    const old = await store('ORGANISATION_BUDGET', pdf('budget 2025'), { validUntil: '2020-12-31' });
    const current = await store('ORGANISATION_BUDGET', pdf('budget 2026'), { validUntil: '2099-12-31' });
    const page1 = await server.gql(VAULT, { id: orgId, kind: 'ORGANISATION_BUDGET', first: 1 }, roles.member.token);
    const docs1 = page1.body.data.organisation.documents;
    expect(docs1.totalCount).toBe(2);
    expect(docs1.nodes[0]).toMatchObject({ id: current.id, status: 'CURRENT', validUntil: '2099-12-31', supersedes: { id: old.id }, supersededBy: null });
    expect(docs1.nodes[0].downloadUrl).toBe(`/api/documents/${current.id}`);
    const page2 = await server.gql(VAULT, { id: orgId, kind: 'ORGANISATION_BUDGET', first: 1, after: docs1.pageInfo.endCursor }, roles.member.token);
    expect(page2.body.data.organisation.documents.nodes[0]).toMatchObject({ id: old.id, status: 'SUPERSEDED', supersededBy: { id: current.id } });
    expect(page2.body.data.organisation.documents.pageInfo.hasNextPage).toBe(false);
  });

  it('shows a document past its validity date as EXPIRED', async () => {
    const expired = await store('AUDITOR_REPORT', pdf('audit'), { validUntil: '2021-06-30' });
    const res = await server.gql(VAULT, { id: orgId, kind: 'AUDITOR_REPORT' }, roles.member.token);
    expect(res.body.data.organisation.documents.nodes).toEqual([expect.objectContaining({ id: expired.id, status: 'EXPIRED' })]);
  });
});

describe('GET /api/documents/:id', () => {
  it('streams the bytes as an attachment that is never rendered nor sniffed', async () => {
    const bytes = pdf('Relevé d’identité bancaire');
    const doc = (await upload(server, roles.member.token, { organisationId: orgId, kind: 'OTHER' }, { data: bytes, filename: 'RIB été 100% 2026.pdf' })).body
      .document;
    for (const who of [roles.member, roles.officer, roles.admin]) {
      const res = await server.get(`/api/documents/${doc.id}`, { authorization: `Bearer ${who.token}` });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="RIB ete 100_ 2026.pdf"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('RIB été 100% 2026.pdf');
      const body = Buffer.from(await res.arrayBuffer());
      expect(createHash('sha256').update(body).digest('hex')).toBe(doc.sha256);
    }
  });

  it('answers 404 to anyone else, 401 without a token, and 404 once deleted', async () => {
    const doc = await store('STATUTES');
    for (const who of [roles.outsider, roles.coordinator]) {
      const res = await server.get(`/api/documents/${doc.id}`, { authorization: `Bearer ${who.token}` });
      expect(res.status).toBe(404);
      expect(((await res.json()) as any).errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
    expect((await server.get(`/api/documents/${new Types.ObjectId().toHexString()}`, { authorization: `Bearer ${roles.outsider.token}` })).status).toBe(404);
    const anon = await server.get(`/api/documents/${doc.id}`);
    expect(anon.status).toBe(401);
    const deleted = await server.gql(`mutation($id: ID!) { deleteDocument(id: $id) { deletedId errors { code } } }`, { id: doc.id }, roles.member.token);
    expect(deleted.body.data.deleteDocument).toEqual({ deletedId: doc.id, errors: [] });
    expect((await server.get(`/api/documents/${doc.id}`, { authorization: `Bearer ${roles.member.token}` })).status).toBe(404);
  });

  it('answers 404 to coordinators, whatever the kind, even for a decided grant', async () => {
    const statutes = await store('STATUTES');
    const rib = await store('BANK_DETAILS');
    const accounts = await store('ANNUAL_ACCOUNTS');
    await application('APPROVED', [statutes.id, rib.id, accounts.id]);
    for (const doc of [statutes, rib, accounts]) {
      expect((await server.get(`/api/documents/${doc.id}`, { authorization: `Bearer ${roles.coordinator.token}` })).status).toBe(404);
    }
  });
});

describe('the dossier zip', () => {
  it('streams every attached document and a summary to officers, admins and the applicant, and records each download', async () => {
    const docs = [await store('STATUTES'), await store('BOARD_LIST'), await store('PROJECT_BUDGET', csv())];
    const appId = await application(
      'SUBMITTED',
      docs.map((d) => d.id),
    );
    for (const who of [roles.officer, roles.admin, roles.member]) {
      const res = await server.get(`/api/grant-applications/${appId}/dossier.zip`, { authorization: `Bearer ${who.token}` });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dossier-2026-9\d{4}\.zip"/);
      const entries = readStoredZip(Buffer.from(await res.arrayBuffer()));
      expect([...entries.keys()]).toEqual([
        '01-STATUTES-statutes.pdf',
        '02-BOARD_LIST-board_list.pdf',
        '03-PROJECT_BUDGET-project_budget.csv',
        '00-summary.txt',
      ]);
      docs.forEach((d, i) =>
        expect(
          createHash('sha256')
            .update([...entries.values()][i]!)
            .digest('hex'),
        ).toBe(d.sha256),
      );
      const summary = entries.get('00-summary.txt')!.toString('utf8');
      expect(summary).toContain('Ateliers vélo');
      for (const d of docs) expect(summary).toContain(d.sha256);
    }
    const trail = await ActivityModel.find({ objectId: new Types.ObjectId(appId), action: 'DOWNLOAD_DOCUMENT' }).lean();
    expect(trail).toHaveLength(9);
    expect(new Set(trail.map((r) => String(r.actor)))).toEqual(new Set([roles.officer.id, roles.admin.id, roles.member.id]));
    expect(trail[0]!.reason).toMatch(/^STATUTES: statutes\.pdf/);
  });

  it('shows the downloads in the application history', async () => {
    const doc = await store('STATUTES');
    const appId = await application('SUBMITTED', [doc.id]);
    await server.get(`/api/documents/${doc.id}`, { authorization: `Bearer ${roles.officer.token}` });
    const res = await server.gql(`query($id: ID!) { grantApplication(id: $id) { history { action reason } } }`, { id: appId }, roles.member.token);
    expect(res.body.data.grantApplication.history).toEqual([
      expect.objectContaining({ action: 'DOWNLOAD_DOCUMENT', reason: expect.stringContaining('statutes.pdf') }),
    ]);
  });

  it('answers 404 to coordinators and other organisations, 401 without a token', async () => {
    const appId = await application('APPROVED', [(await store('STATUTES')).id]);
    for (const who of [roles.coordinator, roles.outsider]) {
      expect((await server.get(`/api/grant-applications/${appId}/dossier.zip`, { authorization: `Bearer ${who.token}` })).status).toBe(404);
    }
    expect((await server.get(`/api/grant-applications/${appId}/dossier.zip`)).status).toBe(401);
  });
});

describe('deleteDocument', () => {
  const DELETE = `mutation($id: ID!) { deleteDocument(id: $id) { deletedId errors { code message field } } }`;

  it('is refused with DOCUMENT_IN_USE while a submitted application uses the document', async () => {
    const doc = await store('STATUTES');
    await application('SUBMITTED', [doc.id]);
    const res = await server.gql(DELETE, { id: doc.id }, roles.member.token);
    expect(res.body.data.deleteDocument).toEqual({ deletedId: null, errors: [{ code: 'DOCUMENT_IN_USE', message: expect.any(String), field: 'id' }] });
    expect((await server.get(`/api/documents/${doc.id}`, { authorization: `Bearer ${roles.member.token}` })).status).toBe(200);
  });

  it('deletes a document used by a draft only, removes its bytes, and makes the previous version current again', async () => {
    const v1 = await store('ACTIVITY_REPORT', pdf('rapport v1'));
    const v2 = await store('ACTIVITY_REPORT', pdf('rapport v2'));
    await application('DRAFT', [v2.id]);
    const before = await vaultCounts();
    const res = await server.gql(DELETE, { id: v2.id }, roles.member.token);
    expect(res.body.data.deleteDocument).toEqual({ deletedId: v2.id, errors: [] });
    const after = await vaultCounts();
    expect(after.files).toBe(before.files - 1);
    expect(after.documents).toBe(before.documents);
    const vault = await server.gql(VAULT, { id: orgId, kind: 'ACTIVITY_REPORT' }, roles.member.token);
    expect(vault.body.data.organisation.documents.nodes.map((d: { id: string; status: string }) => [d.id, d.status])).toContainEqual([v1.id, 'CURRENT']);
  });

  it('keeps bytes another record still uses, and refuses outsiders as if the document did not exist', async () => {
    const data = pdf(`partagé ${++n}`);
    const a = await store('STATUTES', data);
    await store('OTHER', data);
    const outsider = await server.gql(DELETE, { id: a.id }, roles.outsider.token);
    expect(outsider.body.errors?.[0]?.extensions?.code ?? outsider.body.data?.deleteDocument?.errors?.[0]?.code).toBe('NOT_FOUND');
    const before = await vaultCounts();
    await server.gql(DELETE, { id: a.id }, roles.member.token);
    expect((await vaultCounts()).files).toBe(before.files);
  });
});
