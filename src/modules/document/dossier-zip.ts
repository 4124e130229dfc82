// What the dossier zip holds besides the documents: their names inside the zip, and a plain-text summary
// of the application and of every file (kind, requirement, size, SHA-256) so a reader can check each one.
import type { App } from '../grants/application/grant-application.model';
import type { OrganisationDoc } from '../organisation/organisation.model';
import type { DocumentDoc } from './document.model';
import type { DossierEntry } from './document.service';

/** `01-STATUTES-statuts.pdf`: in the dossier's order, unique, and safe in any unzip tool (no folders). */
export function zipEntryName(position: number, doc: Pick<DocumentDoc, 'kind' | 'filename'>, taken: Set<string>, letter?: string): string {
  const base = `${String(position).padStart(2, '0')}-${letter ? `LETTER-${letter}` : doc.kind}-${doc.filename.replace(/[/\\]/g, '_')}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = base.replace(/(\.[^.]*)?$/, (ext) => `-${n}${ext}`);
  taken.add(name);
  return name;
}

const euros = (cents: number) => `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} EUR`;
const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : '-');

export function dossierSummary(
  app: App,
  organisation: Pick<OrganisationDoc, 'name' | 'rna' | 'siret'> | null,
  entries: readonly DossierEntry[],
  now = new Date(),
): string {
  const lines = [
    `Dossier ${app.number}`,
    `Title: ${app.title}`,
    `Organisation: ${organisation?.name ?? '-'}${organisation?.rna ? ` (RNA ${organisation.rna})` : ''}${organisation?.siret ? ` (SIRET ${organisation.siret})` : ''}`,
    `Status: ${app.status}`,
    `Requested: ${euros(app.requestedAmount)}`,
    `Submitted: ${day(app.submittedAt)}`,
    `Generated: ${now.toISOString()}`,
    '',
    `Documents (${entries.length}):`,
  ];
  const taken = new Set<string>();
  entries.forEach((e, i) => {
    const d = e.document;
    lines.push(
      `${zipEntryName(i + 1, d, taken, e.letter)}`,
      e.letter ? `  letter from the city: ${e.letter}` : `  kind: ${d.kind}${e.requirementId ? `, for requirement ${e.requirementId}` : ''}`,
      `  title: ${d.title}`,
      `  ${d.contentType}, ${d.size} bytes, valid until ${day(d.validUntil)}, uploaded ${day(d.createdAt)}, attached ${day(e.attachedAt)}`,
      `  sha256: ${d.sha256}`,
    );
  });
  if (!entries.length) lines.push('  (none attached)');
  return `${lines.join('\n')}\n`;
}
