// Files and requests for the vault's tests: small real files of each accepted type, hostile ones, a
// multipart builder that writes exactly the bytes a test wants, and the GridFS counts that prove cleanup.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { ZipFile } from 'yazl';
import type { TestServer } from '../../helpers/server';

/** A minimal valid PDF whose text is `text` (uncompressed, so a test can find it in the bytes). */
export function pdf(text = 'Statuts', padBytes = 0): Buffer {
  const pad = padBytes
    ? `% ${randomBytes(Math.ceil(padBytes / 2))
        .toString('hex')
        .slice(0, padBytes)}\n`
    : '';
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\n${pad}trailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** A 1x1 PNG. */
export const png = () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The start of a JPEG (JFIF): enough for a type check. */
export const jpeg = () =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), randomBytes(200), Buffer.from([0xff, 0xd9])]);

export const csv = () => Buffer.from('poste;montant\nloyer;1200\nsalaires;5400\n', 'utf8');

async function zipOf(entries: { name: string; data: string; store?: boolean }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.data), e.name, { compress: !e.store });
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

export const docx = () =>
  zipOf([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document/>' },
  ]);

export const odt = () =>
  zipOf([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
    { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content/>' },
  ]);

/** A plain zip archive: refused. */
export const zipArchive = () => zipOf([{ name: 'readme.txt', data: 'hello' }]);

/** A Windows executable's header (MZ ... PE): what a renamed .exe starts with. */
export function exe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export interface Part {
  name: string;
  value?: string;
  filename?: string;
  data?: Buffer;
  contentType?: string;
}

/** A multipart/form-data body written byte for byte (filenames as given, control characters included). */
export function multipart(parts: Part[], boundary = `----maillage${randomBytes(8).toString('hex')}`): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    // A header line cannot carry control characters (the parser refuses the part): a client sends them
    // percent-encoded in filename* (RFC 7578, RFC 8187), which is what reaches the server's cleaning.
    if (p.filename !== undefined && /[\u0000-\u001f\u007f]/.test(p.filename)) head += `; filename*=UTF-8''${encodeURIComponent(p.filename)}`;
    else if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.data) head += `Content-Type: ${p.contentType ?? 'application/octet-stream'}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'utf8'), p.data ?? Buffer.from(p.value ?? '', 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface UploadFields {
  organisationId: string;
  kind: string;
  title?: string;
  validUntil?: string;
}

/** POST /api/documents with the fields first, then the file. */
export async function upload(server: TestServer, token: string | null, fields: UploadFields, file: { data: Buffer; filename?: string; contentType?: string }) {
  const parts: Part[] = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => ({ name, value: String(value) }));
  parts.push({ name: 'file', filename: file.filename ?? 'document.pdf', data: file.data, contentType: file.contentType ?? 'application/pdf' });
  const { body, contentType } = multipart(parts);
  const res = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

/** Files and chunks of the vault's GridFS bucket, and document records. */
export async function vaultCounts(): Promise<{ files: number; chunks: number; documents: number }> {
  const db = mongoose.connection.db!;
  return {
    files: await db.collection('vault.files').countDocuments(),
    chunks: await db.collection('vault.chunks').countDocuments(),
    documents: await db.collection('documents').countDocuments(),
  };
}

/** The entries of a zip whose files are stored (not compressed), read from its central directory. */
export function readStoredZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const localNameLen = zip.readUInt16LE(local + 26);
    const localExtraLen = zip.readUInt16LE(local + 28);
    const start = local + 30 + localNameLen + localExtraLen;
    if (method !== 0) throw new Error(`entry ${name} is compressed`);
    out.set(name, zip.subarray(start, start + size));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
