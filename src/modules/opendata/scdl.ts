// The SCDL "Subventions" 2.1.1 row (https://schema.data.gouv.fr/scdl/subventions/): exact columns and
// order, formats built from integer cents and calendar days, never from floats.
import { csvLine } from '../../shared/csv';
import { isoDay } from '../../shared/dates';

export const SCDL_COLUMNS = [
  'nomAttribuant',
  'idAttribuant',
  'dateConvention',
  'referenceDecision',
  'nomBeneficiaire',
  'idBeneficiaire',
  'rnaBeneficiaire',
  'objet',
  'montant',
  'nature',
  'conditionsVersement',
  'datesPeriodeVersement',
  'idRAE',
  'notificationUE',
  'pourcentageSubvention',
  'dispositifAide',
] as const;
export type ScdlColumn = (typeof SCDL_COLUMNS)[number];
export type ScdlRow = Record<ScdlColumn, string>;

/** 123456 cents -> "1234.56": euros with a decimal point, integer arithmetic only. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`Not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** amount / cost rounded half up to the hundredth, kept within the schema's 0.01 to 1. "0.45", "1.00". */
export function subsidyShare(amount: number, totalCost: number): string {
  if (!totalCost || totalCost <= 0) return '1.00';
  let hundredths = Math.floor((amount * 200 + totalCost) / (2 * totalCost));
  hundredths = Math.min(100, Math.max(1, hundredths));
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** An instant as its calendar day in Paris (the legal date of a decision), YYYY-MM-DD. */
export function parisDay(d: Date): string {
  return PARIS_DAY.format(d);
}

/** A stored calendar day (UTC midnight) as YYYY-MM-DD. */
/** A date's UTC day (the shared helper, under the name the SCDL code reads). */
export const utcDay = isoDay;

/** Cuts text to `max` characters (code points), on one line. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Columns whose value the exporter builds in a format the standard fixes (dates, identifiers, amounts,
 * shares, enumerations): written exactly, so a negative amount or a date is never altered. The other
 * columns carry a person's text (names, titles, the programme) and go through the formula guard.
 */
export const SCDL_VERBATIM_COLUMNS: ReadonlySet<ScdlColumn> = new Set<ScdlColumn>([
  'idAttribuant',
  'dateConvention',
  'idBeneficiaire',
  'rnaBeneficiaire',
  'montant',
  'nature',
  'conditionsVersement',
  'datesPeriodeVersement',
  'idRAE',
  'notificationUE',
  'pourcentageSubvention',
]);
const VERBATIM_POSITIONS = new Set(SCDL_COLUMNS.flatMap((c, i) => (SCDL_VERBATIM_COLUMNS.has(c) ? [i] : [])));

/** The header line. */
export const scdlHeaderLine = () => csvLine(SCDL_COLUMNS);

/** One SCDL row as a CSV line: free text neutralised against formula injection, formats kept exact. */
export const scdlLine = (row: ScdlRow) =>
  csvLine(
    SCDL_COLUMNS.map((c) => row[c]),
    { verbatim: VERBATIM_POSITIONS },
  );

export const SIRET = /^\d{14}$/;
export const RNA = /^W\d{9}$/;

export interface ExportGrant {
  _id: unknown;
  number: string;
  title: string;
  description?: string;
  budgetLines?: { kind: string; amount: number }[];
  decision: { amount: number; decidedAt: Date };
  convention?: { signedAt?: Date | null } | null;
  payments?: { dueDate: Date; paidAt?: Date | null }[];
  updatedAt?: Date;
  org?: { name?: string; siret?: string | null; rna?: string | null } | null;
  programmeName?: string | null;
}

/** The beneficiary's identifiers the standard accepts; null when it has neither (the row cannot be published). */
export function beneficiaryIds(g: Pick<ExportGrant, 'org'>): { siret: string; rna: string } | null {
  const siret = g.org?.siret && SIRET.test(g.org.siret) ? g.org.siret : '';
  const rna = g.org?.rna && RNA.test(g.org.rna) ? g.org.rna : '';
  return siret || rna ? { siret, rna } : null;
}

export function scdlRow(g: ExportGrant, city: { name: string; siret: string }): ScdlRow | null {
  const ids = beneficiaryIds(g);
  if (!ids) return null;
  const cost = (g.budgetLines ?? []).filter((l) => l.kind === 'EXPENSE').reduce((s, l) => s + l.amount, 0);
  const tranches = [...(g.payments ?? [])].map((t) => utcDay(t.paidAt ?? t.dueDate)).sort();
  const decisionDay = parisDay(g.decision.decidedAt);
  let period = decisionDay;
  if (tranches.length === 1) period = tranches[0]!;
  else if (tranches.length > 1) period = tranches[0] === tranches[tranches.length - 1] ? tranches[0]! : `${tranches[0]}/${tranches[tranches.length - 1]}`;
  return {
    nomAttribuant: city.name,
    idAttribuant: city.siret,
    // The convention's date when one was signed (mandatory above 23,000 EUR), else the decision's.
    dateConvention: g.convention?.signedAt ? utcDay(g.convention.signedAt) : decisionDay,
    referenceDecision: g.number,
    nomBeneficiaire: clip(g.org?.name ?? '', 256),
    idBeneficiaire: ids.siret,
    rnaBeneficiaire: ids.rna,
    objet: clip(g.title, 256),
    montant: centsToDecimal(g.decision.amount),
    nature: 'aide en numéraire',
    conditionsVersement: tranches.length > 1 ? 'échelonné' : 'unique',
    datesPeriodeVersement: period,
    idRAE: '',
    notificationUE: 'non',
    pourcentageSubvention: subsidyShare(g.decision.amount, cost),
    dispositifAide: clip(g.programmeName ?? '', 256),
  };
}
