// Hostile uploads over HTTP: each gets a clear 4xx, nothing is recorded, and not one GridFS file or chunk
// is left behind (counted before and after). Filenames with paths and control characters are cleaned.
import { connect } from 'node:net';
import { useTestDatabase } from '../../helpers/db';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import { startServer, type TestServer } from '../../helpers/server';
import { exe, multipart, pdf, upload, vaultCounts, zipArchive, type Part } from './document-fixtures';

useTestDatabase();

let server: TestServer;
let token: string;
let orgId: string;

beforeAll(async () => {
  server = await startServer();
  const org = await makeOrganisation();
  orgId = String(org._id);
  token = (await makeUser({ memberOf: [{ organisation: org._id }] })).token;
});
afterAll(() => server.close());

async function post(parts: Part[]) {
  const { body, contentType } = multipart(parts);
  const res = await fetch(`${server.url}/api/documents`, { method: 'POST', body, headers: { 'content-type': contentType, authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as any };
}

const fields = (kind = 'STATUTES'): Part[] => [
  { name: 'organisationId', value: orgId },
  { name: 'kind', value: kind },
];

/** Runs `attempt`, then proves the vault holds exactly what it held before. */
async function leavesNothing(attempt: () => Promise<{ status: number; body: any }>, expected: { status: number; code: string; field?: string }) {
  const before = await vaultCounts();
  const res = await attempt();
  expect(res.status).toBe(expected.status);
  expect(res.body.errors[0]).toMatchObject({ code: expected.code, message: expect.any(String), field: expected.field ?? 'file' });
  expect(JSON.stringify(res.body)).not.toMatch(/stack|Mongo|E11000|at \//);
  expect(await vaultCounts()).toEqual(before);
}

describe('hostile uploads', () => {
  it('refuses a renamed executable', async () => {
    await leavesNothing(
      () => upload(server, token, { organisationId: orgId, kind: 'STATUTES' }, { data: exe(), filename: 'statuts.pdf', contentType: 'application/pdf' }),
      {
        status: 415,
        code: 'UNSUPPORTED_FILE_TYPE',
      },
    );
  });

  it('refuses a renamed executable larger than the sniffing window, after part of it went to GridFS', async () => {
    // The type is decided on the first 512 KiB; an executable padded past that is still refused before a chunk is kept.
    const big = Buffer.concat([exe(), Buffer.alloc(2 * 1024 * 1024, 0x90)]);
    await leavesNothing(() => upload(server, token, { organisationId: orgId, kind: 'STATUTES' }, { data: big, filename: 'setup.pdf' }), {
      status: 415,
      code: 'UNSUPPORTED_FILE_TYPE',
    });
  });

  it.each([
    ['HTML with a script', '<!DOCTYPE html><html><body><script>fetch("/graphql")</script></body></html>', 'rapport.csv', 'text/csv'],
    ['SVG with a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>', 'logo.png', 'image/png'],
    ['XML-declared SVG', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'logo.svg', 'image/svg+xml'],
    ['HTML that looks like a table', 'nom;montant\n<img src=x onerror=alert(1)>;1\n', 'budget.csv', 'text/csv'],
  ])('refuses %s', async (_label, text, filename, contentType) => {
    await leavesNothing(() => upload(server, token, { organisationId: orgId, kind: 'OTHER' }, { data: Buffer.from(text), filename, contentType }), {
      status: 415,
      code: 'UNSUPPORTED_FILE_TYPE',
    });
  });

  it('refuses an archive', async () => {
    await leavesNothing(async () => upload(server, token, { organisationId: orgId, kind: 'OTHER' }, { data: await zipArchive(), filename: 'pieces.zip' }), {
      status: 415,
      code: 'UNSUPPORTED_FILE_TYPE',
    });
  });

  it.each([
    ['a bogus version', Buffer.from('%PDF-evil\n<html><script>alert(1)</script></html>\n%%EOF\n')],
    ['no end-of-file marker', Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>\n')],
    ['a PDF header glued on an executable, past the sniffing window', Buffer.concat([Buffer.from('%PDF-1.4\n'), exe(), Buffer.alloc(1024 * 1024, 0x41)])],
  ])('refuses a PDF with %s', async (_label, data) => {
    await leavesNothing(() => upload(server, token, { organisationId: orgId, kind: 'STATUTES' }, { data, filename: 'statuts.pdf' }), {
      status: 415,
      code: 'UNSUPPORTED_FILE_TYPE',
    });
  });

  it('refuses an empty file', async () => {
    await leavesNothing(() => upload(server, token, { organisationId: orgId, kind: 'STATUTES' }, { data: Buffer.alloc(0) }), {
      status: 400,
      code: 'BAD_USER_INPUT',
    });
  });

  it('refuses a body with two files, even when the first was already stored', async () => {
    await leavesNothing(
      () =>
        post([...fields(), { name: 'file', filename: 'a.pdf', data: pdf('premier', 700 * 1024) }, { name: 'file', filename: 'b.pdf', data: pdf('second') }]),
      { status: 400, code: 'BAD_USER_INPUT' },
    );
  });

  it('refuses a body with no file', async () => {
    await leavesNothing(() => post(fields()), { status: 400, code: 'BAD_USER_INPUT' });
  });

  it('refuses a file sent before its fields, or under another name', async () => {
    await leavesNothing(() => post([{ name: 'file', filename: 'a.pdf', data: pdf() }, ...fields()]), {
      status: 400,
      code: 'BAD_USER_INPUT',
      field: 'organisationId',
    });
    await leavesNothing(() => post([...fields(), { name: 'upload', filename: 'a.pdf', data: pdf() }]), { status: 400, code: 'BAD_USER_INPUT' });
  });

  it('refuses a body that is not multipart', async () => {
    await leavesNothing(
      async () => {
        const res = await fetch(`${server.url}/api/documents`, {
          method: 'POST',
          body: pdf(),
          headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` },
        });
        return { status: res.status, body: await res.json() };
      },
      { status: 400, code: 'BAD_USER_INPUT' },
    );
  });

  it('leaves nothing when the body is cut mid-file', async () => {
    const before = await vaultCounts();
    const { body, contentType } = multipart([...fields(), { name: 'file', filename: 'statuts.pdf', data: pdf('coupé', 3 * 1024 * 1024) }]);
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    // Well past the sniffing window, so chunks are already in GridFS when the connection drops.
    await new Promise<void>((resolve) => socket.write(body.subarray(0, 2 * 1024 * 1024), () => resolve()));
    await new Promise((r) => setTimeout(r, 300));
    socket.destroy();
    // The server notices the close and deletes what it wrote: wait for it, within a bound.
    let after = await vaultCounts();
    for (let i = 0; i < 50 && JSON.stringify(after) !== JSON.stringify(before); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await vaultCounts();
    }
    expect(after).toEqual(before);
  });

  it.each([
    ['a path', '../../etc/passwd.pdf', 'passwd.pdf'],
    ['a Windows path', '..\\..\\Windows\\statuts.pdf', 'statuts.pdf'],
    ['control characters', 'sta\u0001tuts\u0007\u007f.pdf', 'statuts.pdf'],
    ['a right-to-left override', 'facture\u202Efdp.exe', 'facturefdp.pdf'],
    ['nothing but dots', '...', 'document.pdf'],
  ])('cleans a filename with %s instead of refusing it', async (_label, filename, cleaned) => {
    const res = await upload(server, token, { organisationId: orgId, kind: 'OTHER' }, { data: pdf(`nom ${filename}`), filename });
    expect(res.status).toBe(201);
    expect(res.body.document.filename).toBe(cleaned);
  });
});
