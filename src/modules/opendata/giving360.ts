// The 360Giving grant (https://standard.threesixtygiving.org/): one grant as an object, and as the JSON text
// the export writes, its amount a number literal built from integer cents, never a float.
import type { Config } from '../../config';
import { beneficiaryIds, beneficiaryOf, centsToDecimal, grantValueOf, parisDay, utcDay, type ExportGrant } from './scdl';

/** Stands for the amount until the JSON text is written (see giving360Json). */
const PLACEHOLDER = '?';
const KEY = '"amountAwarded":';

/** 360Giving identifiers follow org-id.guide: FR-SIRET / FR-RNA, and a grant id under the 360G- prefix. */
export function giving360Grant(g: ExportGrant, config: Pick<Config, 'cityName' | 'citySiret'>): Record<string, unknown> | null {
  const ids = beneficiaryIds(g);
  if (!ids) return null;
  return {
    id: `360G-FR-SIRET-${config.citySiret}-${g.number}`,
    title: g.title,
    description: g.description?.trim() || g.title,
    currency: 'EUR',
    amountAwarded: PLACEHOLDER,
    awardDate: parisDay(g.decision.decidedAt),
    ...(g.updatedAt ? { dateModified: g.updatedAt.toISOString() } : {}),
    // The beneficiary as of the decision (scdl.ts, beneficiaryOf), as in the SCDL file.
    recipientOrganization: [{ id: ids.siret ? `FR-SIRET-${ids.siret}` : `FR-RNA-${ids.rna}`, name: beneficiaryOf(g).name }],
    fundingOrganization: [{ id: `FR-SIRET-${config.citySiret}`, name: config.cityName }],
    ...(g.programmeName ? { grantProgramme: [{ title: g.programmeName }] } : {}),
    ...plannedDates(g),
  };
}

/** A multi-year convention runs from 1 January of its first year to 31 December of its last; a convention signed, from its signature. */
function plannedDates(g: ExportGrant): Record<string, unknown> {
  const years = g.multiYear?.years ?? [];
  if (years.length)
    return { plannedDates: [{ startDate: `${years[0]!.year}-01-01`, endDate: `${years[years.length - 1]!.year}-12-31`, duration: 12 * years.length }] };
  return g.convention?.signedAt ? { plannedDates: [{ startDate: utcDay(g.convention.signedAt) }] } : {};
}

/**
 * One grant as JSON text, or null when it cannot be published. The amount is written as the number
 * literal of its cents ("1234.50"). `"amountAwarded":` can only be the key itself (a quote inside a
 * person's text is escaped), so the placeholder after it is replaced by position, whatever the text holds.
 */
export function giving360Json(g: ExportGrant, config: Pick<Config, 'cityName' | 'citySiret'>): string | null {
  const grant = giving360Grant(g, config);
  if (!grant) return null;
  const json = JSON.stringify(grant);
  const start = json.indexOf(KEY) + KEY.length;
  return `${json.slice(0, start)}${centsToDecimal(grantValueOf(g))}${json.slice(start + JSON.stringify(PLACEHOLDER).length)}`;
}
