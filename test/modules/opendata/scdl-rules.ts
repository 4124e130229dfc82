// The SCDL "Subventions" 2.1.1 rules as the standard states them (column list and order, required
// fields, patterns, SIRET-or-RNA, decimal point, YYYY-MM-DD), written independently of the exporter.
export const SCDL_2_1_1_HEADER = [
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
];
const REQUIRED = [
  'nomAttribuant',
  'idAttribuant',
  'dateConvention',
  'nomBeneficiaire',
  'objet',
  'montant',
  'nature',
  'conditionsVersement',
  'datesPeriodeVersement',
  'notificationUE',
  'pourcentageSubvention',
];

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** Every violation of the standard in a parsed CSV (first row the header); [] when valid. */
export function scdlViolations(rows: string[][]): string[] {
  const errors: string[] = [];
  const [header, ...data] = rows;
  if (JSON.stringify(header) !== JSON.stringify(SCDL_2_1_1_HEADER)) errors.push(`header: ${JSON.stringify(header)}`);
  data.forEach((values, i) => {
    const at = (m: string) => errors.push(`row ${i + 2}: ${m}`);
    if (values.length !== SCDL_2_1_1_HEADER.length) return at(`${values.length} fields`);
    const r = Object.fromEntries(SCDL_2_1_1_HEADER.map((c, k) => [c, values[k]!])) as Record<string, string>;
    for (const c of REQUIRED) if (!r[c]) at(`${c} is required`);
    if (!/^\d{14}$/.test(r.idAttribuant!)) at('idAttribuant is not a SIRET');
    if (!isDay(r.dateConvention!)) at(`dateConvention "${r.dateConvention}"`);
    if (r.idBeneficiaire && !/^\d{14}$/.test(r.idBeneficiaire)) at('idBeneficiaire is not 14 digits');
    if (r.rnaBeneficiaire && !/^W\d{9}$/.test(r.rnaBeneficiaire)) at('rnaBeneficiaire is not W + 9 digits');
    if (!r.idBeneficiaire && !r.rnaBeneficiaire) at('neither idBeneficiaire nor rnaBeneficiaire');
    if ([...r.objet!].length > 256) at('objet longer than 256');
    if (!/^\d+(\.\d{1,2})?$/.test(r.montant!)) at(`montant "${r.montant}" is not euros with a decimal point`);
    if (!r.nature!.split(';').every((n) => n === 'aide en numéraire' || n === 'aide en nature')) at(`nature "${r.nature}"`);
    if ([...r.conditionsVersement!].length > 256) at('conditionsVersement longer than 256');
    const period = r.datesPeriodeVersement!.split('/');
    if (period.length > 2 || !period.every(isDay)) at(`datesPeriodeVersement "${r.datesPeriodeVersement}"`);
    if (r.idRAE!.length > 5) at('idRAE longer than 5');
    if (r.notificationUE !== 'oui' && r.notificationUE !== 'non') at('notificationUE');
    const share = Number(r.pourcentageSubvention);
    if (!/^\d+(\.\d+)?$/.test(r.pourcentageSubvention!) || share < 0.01 || share > 1) at(`pourcentageSubvention "${r.pourcentageSubvention}"`);
  });
  return errors;
}
