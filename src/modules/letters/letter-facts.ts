// What a letter says about its application: the placeholder values (from the application, its organisation,
// its programme and the city's settings) and the legal mentions each kind must carry whatever the template.
import type { Config } from '../../config';
import type { App } from '../grants/application/grant-application.model';
import type { FundingProgrammeDoc } from '../grants/budget/funding-programme.model';
import type { OrganisationDoc } from '../organisation/organisation.model';
import type { LetterLayout } from './letter-pdf';
import { DEFAULT_TEMPLATES, fill, type LetterKind } from './letter-templates';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** 2026-11-26 -> "26 novembre 2026" (UTC: the day stored is the day printed). */
export function frenchDate(d: Date): string {
  return `${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** 1250050 -> "12 500,50 €" (integer arithmetic; plain spaces, which every font prints). */
export function frenchEuros(cents: number): string {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const euros = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${cents < 0 ? '-' : ''}${euros},${digits.slice(-2)} €`;
}

/** The same day two months later (the last day of the month when it has no such day). */
export function twoMonthsAfter(d: Date): Date {
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)));
}

export type CityIdentity = Pick<Config, 'cityName' | 'citySiret'> & Partial<Pick<Config, 'cityAddress' | 'cityCourt' | 'cityLogoPath'>>;

export const DEFAULT_COURT = 'tribunal administratif de Marseille';

/** The town of the city's address (its last line, "13100 Aix-en-Provence"), for "<town>, le <date>". */
function townOf(city: CityIdentity): string {
  const last = city.cityAddress?.at(-1) ?? '';
  return last.replace(/^\d{5}\s+/, '') || city.cityName.replace(/^(Commune|Ville) d(e |')/i, '');
}

export interface LetterSubject {
  app: App;
  organisation: Pick<OrganisationDoc, 'name' | 'address' | 'siret' | 'rna'>;
  programme: Pick<FundingProgrammeDoc, 'name' | 'year'>;
  /** The payment a PAYMENT_NOTICE is about. */
  paymentId?: string | null;
}

function orgAddress(o: LetterSubject['organisation']): string {
  const a = o.address;
  return [a?.street, [a?.postcode, a?.city].filter(Boolean).join(' ')].filter((s) => s && s.trim()).join(', ') || 'adresse non renseignée';
}

/** The placeholder values of a kind; a value that does not exist yet (no decision) is left out. */
export function letterValues(kind: LetterKind, s: LetterSubject, city: CityIdentity, now: Date): Record<string, string> {
  const { app, organisation, programme } = s;
  const v: Record<string, string> = {
    'city.name': city.cityName,
    'city.address': (city.cityAddress ?? []).join(', '),
    'city.siret': city.citySiret,
    'city.court': city.cityCourt || DEFAULT_COURT,
    'organisation.name': organisation.name,
    'organisation.address': orgAddress(organisation),
    'organisation.siret': organisation.siret || 'non renseigné',
    'organisation.rna': organisation.rna || 'non renseigné',
    'application.number': app.number,
    'application.title': app.title,
    'application.description': app.description,
    'application.requestedAmount': frenchEuros(app.requestedAmount),
    'programme.name': programme.name,
    'programme.year': String(programme.year),
    date: frenchDate(now),
  };
  if (app.submittedAt) {
    v['application.receivedOn'] = frenchDate(app.submittedAt);
    v['application.implicitRejectionOn'] = frenchDate(twoMonthsAfter(app.submittedAt));
  }
  const d = app.decision;
  if (d) {
    v['decision.date'] = frenchDate(d.decidedAt);
    v['decision.motivation'] = d.motivation;
    if (d.outcome === 'APPROVED' && d.amount !== null && d.amount !== undefined) {
      v['decision.amount'] = frenchEuros(d.amount);
      v['decision.summary'] = `la Ville vous accorde une subvention de ${frenchEuros(d.amount)}.`;
    } else {
      v['decision.amount'] = '';
      v['decision.summary'] = 'la Ville ne peut donner une suite favorable à votre demande : la subvention est refusée.';
    }
  }
  if (app.reportDueOn) v['report.dueOn'] = frenchDate(app.reportDueOn);
  const payments = app.payments ?? [];
  if (d?.outcome === 'APPROVED') {
    v['convention.tranches'] = payments.length
      ? payments.map((t, i) => `- tranche ${i + 1} : ${frenchEuros(t.amount)}, le ${frenchDate(t.dueDate)}`).join('\n')
      : `- versement unique de ${frenchEuros(d.amount ?? 0)} après signature de la présente convention`;
  }
  const payment = s.paymentId ? payments.find((t) => String(t._id) === s.paymentId) : payments.filter((t) => t.paidAt).at(-1);
  if (payment?.paidAt) {
    const paidBefore = payments.filter(
      (t) => t.paidAt && (t.paidAt < payment.paidAt! || (t.paidAt.getTime() === payment.paidAt!.getTime() && String(t._id) <= String(payment._id))),
    );
    const total = paidBefore.reduce((n, t) => n + t.amount, 0);
    v['payment.amount'] = frenchEuros(payment.amount);
    v['payment.paidOn'] = frenchDate(payment.paidAt);
    v['payment.paidTotal'] = frenchEuros(total);
    v['payment.remaining'] = frenchEuros(Math.max(0, (d?.amount ?? 0) - total));
  }
  return v;
}

/** Appeal routes against a decision (CRPA art. L411-2, CJA art. R421-1). */
function appealRoutes(court: string, implicit = false): string[] {
  const what = implicit ? 'Une décision implicite de rejet' : 'Cette décision';
  const from = implicit ? 'du jour où elle est née' : 'de sa notification';
  return [
    `${what} peut faire l’objet d’un recours gracieux auprès du maire dans un délai de deux mois à compter ${from}.`,
    `Elle peut également être contestée devant le ${court} dans un délai de deux mois à compter ${from}, ou de la réponse à votre recours gracieux (le silence gardé deux mois valant rejet). Le tribunal peut être saisi par l’application Télérecours citoyens (www.telerecours.fr).`,
  ];
}

/** The mentions a kind must carry, whatever its template says. */
export function legalMentions(kind: LetterKind, s: LetterSubject, values: Record<string, string>): LetterLayout['legal'] {
  const court = values['city.court']!;
  switch (kind) {
    case 'ACKNOWLEDGEMENT':
      return [
        {
          heading: 'Délai de décision',
          paragraphs: [
            `Reçue le ${values['application.receivedOn'] ?? '[date de réception]'}, votre demande est instruite dans un délai de deux mois. En l’absence de réponse au ${values['application.implicitRejectionOn'] ?? '[date]'}, le silence gardé par l’administration vaut décision implicite de rejet (articles L231-4 et L231-6 du code des relations entre le public et l’administration).`,
          ],
        },
        { heading: 'Voies et délais de recours', paragraphs: appealRoutes(court, true) },
      ];
    case 'DECISION_LETTER':
      return [{ heading: 'Voies et délais de recours', paragraphs: appealRoutes(court) }];
    case 'CONVENTION_DRAFT':
      return [
        {
          heading: 'Clauses obligatoires',
          paragraphs: [
            'Contrat d’engagement républicain. L’association s’engage à respecter le contrat d’engagement républicain prévu à l’article 10-1 de la loi n° 2000-321 du 12 avril 2000 et par le décret n° 2021-1947 du 31 décembre 2021, qu’elle a souscrit en déposant sa demande.',
            'Retrait et reversement. En cas de manquement à ce contrat, d’inexécution, de modification substantielle ou de retard significatif du projet sans l’accord écrit de la Ville, ou d’utilisation de la subvention à une autre fin, la Ville retire la subvention par décision motivée, après que l’association a été mise à même de présenter ses observations, et exige le reversement des sommes versées, dans un délai de six mois à compter de la décision de retrait.',
            `Litiges. Les litiges relatifs à la présente convention relèvent du ${court}.`,
          ],
        },
      ];
    case 'PAYMENT_NOTICE':
      return [];
  }
}

/** The whole letter: its template filled, the legal mentions, the letterhead and signature around them. */
export function letterLayout(kind: LetterKind, template: string, s: LetterSubject, city: CityIdentity, now: Date): LetterLayout {
  const values = letterValues(kind, s, city, now);
  const subject = fill(DEFAULT_TEMPLATES[kind].subject, values);
  return {
    title: subject,
    letterhead: [city.cityName, ...(city.cityAddress ?? []), `SIRET ${city.citySiret}`],
    logoPath: city.cityLogoPath || null,
    placeAndDate: `${townOf(city)}, le ${frenchDate(now)}`,
    recipient: [s.organisation.name, orgAddress(s.organisation)],
    subject,
    reference: `Dossier n° ${s.app.number} — ${s.programme.name} ${s.programme.year}`,
    body: fill(template, values)
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean),
    legal: legalMentions(kind, s, values),
    signature:
      kind === 'CONVENTION_DRAFT'
        ? ['Pour la Ville, le maire', 'Pour l’association, son représentant légal']
        : ['Pour le maire et par délégation,', 'le service des subventions', city.cityName],
    generatedAt: now,
  };
}

/** The layout as plain text (the preview). */
export function layoutText(l: LetterLayout): string {
  return [
    ...l.letterhead,
    '',
    ...l.recipient,
    '',
    l.placeAndDate,
    '',
    `Objet : ${l.subject}`,
    l.reference,
    '',
    ...l.body.flatMap((p) => [p, '']),
    ...l.legal.flatMap((s) => [s.heading, ...s.paragraphs, '']),
    ...l.signature,
  ].join('\n');
}
