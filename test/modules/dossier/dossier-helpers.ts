// Test helpers of the dossier and the letters: real PDF files to put in a vault, and the text of a PDF
// read back with a PDF parser (pdf2json), as a person's reader would show it.
import { Types } from 'mongoose';
import PDFDocument from 'pdfkit';
import { DocumentModel, type DocumentKind } from '../../../src/modules/document/document.model';
import { openDocumentStream, storeDocument } from '../../../src/modules/document/document.service';

/** What the test uses of pdf2json (its package types are ESM-only; its CommonJS build is what runs here). */
interface PdfParser {
  on(event: 'pdfParser_dataReady' | 'pdfParser_dataError', listener: (e?: unknown) => void): void;
  getRawTextContent(): string;
  parseBuffer(pdf: Buffer, verbosity?: number): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build, typed by the interface above
const PDFParser = require('pdf2json') as new (context: null, rawText: boolean) => PdfParser;

/** A small, valid PDF whose text is `text`. */
export function pdfBytes(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

/** The text of a PDF, lines joined with spaces and whitespace collapsed. */
export function pdfText(pdf: Buffer): Promise<string> {
  // A fresh buffer of its own: the parser reads the underlying ArrayBuffer from offset 0.
  const copy = Buffer.alloc(pdf.length);
  pdf.copy(copy);
  return new Promise((resolve, reject) => {
    const parser = new PDFParser(null, true);
    parser.on('pdfParser_dataReady', () => {
      const raw = parser.getRawTextContent().replace(/-+Page \(\d+\) Break-+/g, ' ');
      resolve(raw.replace(/\s+/g, ' ').trim());
    });
    parser.on('pdfParser_dataError', (e: unknown) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))));
    parser.parseBuffer(copy, 0);
  });
}

/** The bytes of a vault document, read back from GridFS. */
export async function documentBytes(id: unknown): Promise<Buffer> {
  const doc = (await DocumentModel.findById(id).lean())!;
  const chunks: Buffer[] = [];
  for await (const c of openDocumentStream(doc)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A document of `kind` in the organisation's vault, uploaded `monthsAgo` months ago (its upload date moved back). */
export async function vaultDocument(
  organisation: unknown,
  kind: DocumentKind,
  opts: { monthsAgo?: number; validUntil?: Date | null; text?: string; by?: string } = {},
) {
  const doc = await storeDocument({
    organisationId: new Types.ObjectId(String(organisation)),
    kind,
    filename: `${kind.toLowerCase()}.pdf`,
    validUntil: opts.validUntil ?? null,
    uploadedBy: opts.by ? new Types.ObjectId(opts.by) : null,
    source: await pdfBytes(opts.text ?? `${kind} ${new Types.ObjectId()}`),
  });
  if (opts.monthsAgo) {
    const at = new Date();
    at.setUTCMonth(at.getUTCMonth() - opts.monthsAgo);
    await DocumentModel.collection.updateOne({ _id: doc._id }, { $set: { createdAt: at } });
  }
  return String(doc._id);
}
