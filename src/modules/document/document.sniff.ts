// What a file is, decided from its bytes: the name and the client's Content-Type are never trusted.
// Binary formats by their signature (file-type, which looks inside zips for the OOXML and ODF markers);
// CSV by a text heuristic; everything else (HTML, SVG, executables, archives) is refused.
// file-type 16 is the last CommonJS line (17+ is ESM only, which ts-jest's CommonJS runtime cannot require).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fromBuffer } = require('file-type/core') as typeof import('file-type/core');

/** Bytes read before deciding: enough for the zip entries that tell a .docx from a bare zip. */
export const SNIFF_BYTES = 512 * 1024;

export interface SniffedType {
  contentType: string;
  extension: string;
}

export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'text/csv': 'csv',
};

/**
 * The type of a file from its first bytes (`head`, up to SNIFF_BYTES, the whole file when shorter), or null
 * when it is not one we accept.
 */
export async function sniffType(head: Buffer): Promise<SniffedType | null> {
  if (head.length === 0) return null;
  const found = await fromBuffer(head);
  if (found) {
    if (found.mime === 'application/pdf' && !/^%PDF-\d\.\d/.test(head.subarray(0, 8).toString('latin1'))) return null;
    const extension = ACCEPTED_TYPES[found.mime];
    return extension ? { contentType: found.mime, extension } : null;
  }
  return looksLikeCsv(head) ? { contentType: 'text/csv', extension: 'csv' } : null;
}

/** The end of a PDF must carry its end-of-file marker: a PDF header glued on something else has none. */
export function pdfTailIsValid(tail: Buffer): boolean {
  return tail.includes('%%EOF', 0, 'latin1');
}

const MARKUP = /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|a\s|img\s|meta\s|link\s|style)/i;

/**
 * Plain text in rows and columns: valid UTF-8 (or 8-bit text without control characters), no markup, and
 * the first complete lines split into the same number (at least two) of fields by one delimiter.
 */
export function looksLikeCsv(head: Buffer): boolean {
  let text = head.toString('utf8');
  if (text.includes('\uFFFD')) {
    // Not UTF-8: a spreadsheet's export in Windows-1252 is still text if no control character is there.
    text = head.toString('latin1');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return false;
  if (MARKUP.test(text)) return false;
  const lines = text.split(/\r\n|\n|\r/);
  // The last line may be cut by the sniffing window; a one-line file is complete.
  const complete = (lines.length > 1 ? lines.slice(0, -1) : lines).filter((l) => l.trim() !== '').slice(0, 20);
  if (complete.length === 0) return false;
  return [';', ',', '\t'].some((d) => {
    const counts = complete.map((l) => fieldsOf(l, d));
    return counts[0]! >= 2 && counts.every((c) => c === counts[0]);
  });
}

/** Number of fields of a line split on `delimiter`, quotes respected. */
function fieldsOf(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) fields++;
  }
  return fields;
}

// Names come from a client: no folders, no control or direction characters, a sane length, and an
// extension that says what the bytes are.
const CONTROL_AND_BIDI = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function cleanFilename(raw: string | null | undefined, type: SniffedType): string {
  let name = (raw ?? '').normalize('NFC').replace(CONTROL_AND_BIDI, '');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(/[<>:"|?*]/g, '_').trim();
  name = name.replace(/^\.+/, '').trim();
  let base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/\.+$/, '');
  if (!base) base = 'document';
  if (base.length > 200) base = base.slice(0, 200);
  return `${base}.${type.extension}`;
}
