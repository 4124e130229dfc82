// The SCDL "Subventions" 2.1.1 row (https://schema.data.gouv.fr/scdl/subventions/): exact columns and
// order, formats built from integer cents and calendar days, never from floats.
import { csvLine } from '../../shared/csv';
import { isoDay } from '../../shared/dates';
import { isValidSiret } from '../../shared/identifiers';

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

/**
 * SCDL pourcentageSubvention: a beneficiary's part of the grant over the whole grant, rounded half up to
 * the hundredth and kept within the schema's 0.01 to 1 ("0.45", "1.00"). One beneficiary: "1.00".
 */
export function subsidyShare(part: number, whole: number): string {
  if (!whole || whole <= 0) return '1.00';
  let hundredths = Math.floor((part * 200 + whole) / (2 * whole));
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
  /** The programme's year: a one-year grant's funded year. */
  year?: number;
  budgetLines?: { kind: string; amount: number }[];
  /** `amount` is the cash committed by the decision (a multi-year convention's first year). */
  decision: { amount: number; decidedAt: Date };
  convention?: { signedAt?: Date | null } | null;
  /** A multi-year convention: every year's cash, provisional years included (the convention's amounts). */
  multiYear?: { years: { year: number; amount: number }[] } | null;
  inKind?: { valuation: number }[] | null;
  payments?: { dueDate: Date; paidAt?: Date | null }[];
  updatedAt?: Date;
  /** The beneficiary as of the decision (grants/convention/approval.ts); older grants have none. */
  beneficiary?: { name?: string | null; siret?: string | null; rna?: string | null } | null;
  /** The organisation as it is now: for grants decided before the snapshot existed. */
  org?: { name?: string; siret?: string | null; rna?: string | null } | null;
  programmeName?: string | null;
  /** The council decision's reference, when the grant is attached to one. */
  councilReference?: string | null;
  /** When the grant first appeared in an export; null until then. */
  firstPublishedAt?: Date | null;
}

/** A SIRET the standard accepts: 14 digits with a valid check digit (its custom check french-siret-value). */
const validSiret = (v: string | null | undefined): v is string => !!v && SIRET.test(v) && isValidSiret(v);
const validRna = (v: string | null | undefined): v is string => !!v && RNA.test(v);

/**
 * The beneficiary's name and identifiers as of the decision: the snapshot taken at approval, so a later
 * change of SIRET or name does not rewrite a published row. A snapshot without any identifier (an
 * organisation that had none then) takes the ones added since, which is what openDataExclusions asks for.
 */
export function beneficiaryOf(g: Pick<ExportGrant, 'beneficiary' | 'org'>): { name: string; siret: string; rna: string } {
  const snap = g.beneficiary;
  const snapIds = snap && (validSiret(snap.siret) || validRna(snap.rna));
  const source = snapIds ? snap : g.org;
  return {
    name: (snap?.name || g.org?.name || '').trim(),
    siret: validSiret(source?.siret) ? source.siret : '',
    rna: validRna(source?.rna) ? source.rna : '',
  };
}

/** The beneficiary's identifiers the standard accepts; null when it has neither (the row cannot be published). */
export function beneficiaryIds(g: Pick<ExportGrant, 'beneficiary' | 'org'>): { siret: string; rna: string } | null {
  const { siret, rna } = beneficiaryOf(g);
  return siret || rna ? { siret, rna } : null;
}

/** Cash over every year of the grant (a multi-year convention's amounts, else the decision's). */
export function cashOf(g: Pick<ExportGrant, 'decision' | 'multiYear'>): number {
  const years = g.multiYear?.years ?? [];
  return years.length ? years.reduce((s, y) => s + y.amount, 0) : g.decision.amount;
}

export const inKindOf = (g: Pick<ExportGrant, 'inKind'>): number => (g.inKind ?? []).reduce((s, k) => s + k.valuation, 0);

/** What the grant is worth: its cash over every year plus the valuation of its aid in kind (SCDL montant, 360Giving amountAwarded). */
export const grantValueOf = (g: Pick<ExportGrant, 'decision' | 'multiYear' | 'inKind'>): number => cashOf(g) + inKindOf(g);

/** SCDL `nature`: cash, in kind, or both joined by `;` (the schema's enum). */
export function natureOf(g: Pick<ExportGrant, 'decision' | 'multiYear' | 'inKind'>): string {
  const cash = cashOf(g) > 0;
  const kind = inKindOf(g) > 0;
  if (cash && kind) return 'aide en numéraire;aide en nature';
  return kind ? 'aide en nature' : 'aide en numéraire';
}

/** The last day of the period the grant funds: 31 December of its last year. */
function fundedUntil(g: Pick<ExportGrant, 'year' | 'multiYear' | 'decision'>): string {
  const years = g.multiYear?.years ?? [];
  const last = years.length ? years[years.length - 1]!.year : (g.year ?? Number(parisDay(g.decision.decidedAt).slice(0, 4)));
  return `${last}-12-31`;
}

/**
 * `conditionsVersement` and `datesPeriodeVersement`, as the schema says: a single payment on a known day
 * is that day; a staggered payment (several tranches, or a multi-year convention) is always a period
 * `start/end`, even when every tranche falls on the same day; a single payment whose day is not known yet
 * (no schedule) is the period it will fall in, from the decision to the end of the funded period.
 */
export function paymentTerms(g: Pick<ExportGrant, 'payments' | 'multiYear' | 'year' | 'decision'>): { conditions: string; period: string } {
  const days = [...(g.payments ?? [])].map((t) => utcDay(t.paidAt ?? t.dueDate)).sort();
  const decided = parisDay(g.decision.decidedAt);
  const until = fundedUntil(g);
  const multiYear = (g.multiYear?.years ?? []).length > 0;
  if (multiYear || days.length > 1) {
    const start = days[0] ?? decided;
    const lastTranche = days[days.length - 1] ?? start;
    const end = multiYear && until > lastTranche ? until : lastTranche;
    return { conditions: 'échelonné', period: `${start}/${end < start ? start : end}` };
  }
  if (days.length === 1) return { conditions: 'unique', period: days[0]! };
  return { conditions: 'unique', period: `${decided}/${until < decided ? decided : until}` };
}

export function scdlRow(g: ExportGrant, city: { name: string; siret: string }): ScdlRow | null {
  const ids = beneficiaryIds(g);
  if (!ids) return null;
  const value = grantValueOf(g);
  const terms = paymentTerms(g);
  return {
    nomAttribuant: city.name,
    idAttribuant: city.siret,
    // The convention's date when one was signed (mandatory above 23,000 EUR), else the decision's.
    dateConvention: g.convention?.signedAt ? utcDay(g.convention.signedAt) : parisDay(g.decision.decidedAt),
    // The council decision's reference once the grant is attached to one; until then the dossier's number.
    referenceDecision: clip(g.councilReference || g.number, 256),
    nomBeneficiaire: clip(beneficiaryOf(g).name, 256),
    idBeneficiaire: ids.siret,
    rnaBeneficiaire: ids.rna,
    objet: clip(g.title, 256),
    montant: centsToDecimal(value),
    nature: natureOf(g),
    conditionsVersement: terms.conditions,
    datesPeriodeVersement: terms.period,
    idRAE: '',
    notificationUE: 'non',
    // The beneficiary's share of the grant (not of the project's cost): one beneficiary, the whole grant.
    pourcentageSubvention: subsidyShare(value, value),
    // An identifier of the national schema of aid schemes (schema-dispositif-aide); the programmes carry
    // none, so the column stays empty (the programme's name is 360Giving's grantProgramme).
    dispositifAide: '',
  };
}
