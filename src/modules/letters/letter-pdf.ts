// Lays a letter out as a PDF (pdfkit, standard Helvetica: no font file to ship, WinAnsi covers French).
// The layout is fixed (letterhead, recipient, subject, body, legal mentions, signature); only the words vary.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export interface LetterLayout {
  /** The city's name, then its address lines, then its SIRET line. */
  letterhead: string[];
  /** A PNG or JPEG shown above the letterhead (SVG is skipped: pdfkit does not draw it). */
  logoPath?: string | null;
  /** "Aix-en-Provence, le 26 novembre 2026". */
  placeAndDate: string;
  recipient: string[];
  subject: string;
  reference: string;
  /** Paragraphs of the body; a line break inside one is kept. */
  body: string[];
  /** The mentions the law requires, under their heading (never editable). */
  legal: { heading: string; paragraphs: string[] }[];
  signature: string[];
  /** Written as the PDF's creation date, so the same letter renders to the same bytes. */
  generatedAt: Date;
  title: string;
}

/** Characters the standard fonts cannot print, replaced by ones they can (WinAnsi). */
function printable(s: string): string {
  return s
    .replace(/[\u202f\u2009\u2007]/g, ' ')
    .replace(/[\u2010-\u2012]/g, '-')
    .replace(
      /[^\t\n\x20-\x7e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
      '?',
    );
}

export function renderLetterPdf(layout: LetterLayout): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 64, right: 64 },
      info: { Title: printable(layout.title), Author: printable(layout.letterhead[0] ?? ''), CreationDate: layout.generatedAt, Producer: 'Maillage' },
      lang: 'fr-FR',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const width = doc.page.width - 128;
      if (layout.logoPath && /\.(png|jpe?g)$/i.test(layout.logoPath) && existsSync(layout.logoPath)) {
        try {
          doc.image(layout.logoPath, { fit: [90, 60] });
          doc.moveDown(0.5);
        } catch {
          // An unreadable logo leaves the letter without it, never without the letter.
        }
      }
      const [city, ...rest] = layout.letterhead;
      doc
        .font('Helvetica-Bold')
        .fontSize(12)
        .text(printable(city ?? ''), { width });
      doc.font('Helvetica').fontSize(9);
      for (const line of rest) doc.text(printable(line), { width });
      doc.moveDown(1.5);
      doc.fontSize(10);
      for (const line of layout.recipient) doc.text(printable(line), { width, align: 'right' });
      doc.moveDown(1);
      doc.text(printable(layout.placeAndDate), { width, align: 'right' });
      doc.moveDown(1.5);
      doc.font('Helvetica-Bold').text(printable(`Objet : ${layout.subject}`), { width });
      doc.font('Helvetica').text(printable(layout.reference), { width });
      doc.moveDown(1);
      for (const p of layout.body) {
        doc.text(printable(p), { width, align: 'justify' });
        doc.moveDown(0.7);
      }
      for (const section of layout.legal) {
        doc.moveDown(0.5);
        doc.font('Helvetica-Bold').fontSize(10).text(printable(section.heading), { width });
        doc.font('Helvetica').fontSize(9);
        for (const p of section.paragraphs) {
          doc.text(printable(p), { width, align: 'justify' });
          doc.moveDown(0.5);
        }
        doc.fontSize(10);
      }
      doc.moveDown(1);
      for (const line of layout.signature) doc.text(printable(line), { width, align: 'right' });
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
