// The wording of the letters: a default template per kind, the placeholders each kind knows, the check
// that refuses an unknown one (with its line) and the rendering. The legal mentions a letter must carry
// (appeal routes, the implicit-rejection rule, the convention's mandatory clauses) are not part of the
// editable template: letter-facts.ts adds them after it, so an edit cannot drop them.
import { AppError } from '../../errors/app-error';

export const LETTER_KINDS = ['ACKNOWLEDGEMENT', 'DECISION_LETTER', 'CONVENTION_DRAFT', 'PAYMENT_NOTICE'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The longest template an admin may save. */
export const MAX_TEMPLATE_LENGTH = 20_000;

const COMMON = {
  'city.name': 'The city, as it signs (CITY_NAME).',
  'city.address': 'The town hall’s postal address, on one line (CITY_ADDRESS).',
  'city.siret': 'The city’s SIRET (CITY_SIRET).',
  'city.court': 'The administrative court that hears appeals (CITY_COURT).',
  'organisation.name': 'The applicant organisation’s name.',
  'organisation.address': 'Its postal address, on one line.',
  'organisation.siret': 'Its SIRET, or “non renseigné”.',
  'organisation.rna': 'Its RNA number, or “non renseigné”.',
  'application.number': 'The application’s number (2026-00042).',
  'application.title': 'The project’s title.',
  'application.requestedAmount': 'The amount requested, in euros.',
  'programme.name': 'The funding programme.',
  'programme.year': 'The funded year.',
  date: 'The day the letter is generated.',
} as const;

const DECISION = {
  'decision.date': 'The day of the decision.',
  'decision.amount': 'The amount granted, in euros (empty for a refusal).',
  'decision.motivation': 'The motivation the officer gave.',
  'decision.summary': 'One sentence: the grant and its amount, or the refusal.',
} as const;

/** The placeholders each kind may use, with what they print (shown in errors and docs). */
export const PLACEHOLDERS: Record<LetterKind, Record<string, string>> = {
  ACKNOWLEDGEMENT: {
    ...COMMON,
    'application.receivedOn': 'The day the application was received (submitted).',
    'application.implicitRejectionOn': 'Two months after receipt: without an answer by then, the request is implicitly rejected.',
  },
  DECISION_LETTER: { ...COMMON, ...DECISION },
  CONVENTION_DRAFT: {
    ...COMMON,
    ...DECISION,
    'application.description': 'The project as the applicant described it (the convention’s purpose).',
    'convention.tranches': 'The payment schedule, one tranche a line (or the single payment).',
    'report.dueOn': 'The final report’s due date (six months after the funded year).',
  },
  PAYMENT_NOTICE: {
    ...COMMON,
    'decision.amount': DECISION['decision.amount'],
    'decision.date': DECISION['decision.date'],
    'payment.amount': 'The amount of this payment, in euros.',
    'payment.paidOn': 'The day it was paid.',
    'payment.paidTotal': 'Everything paid on this grant so far, this payment included.',
    'payment.remaining': 'What remains to be paid on the grant.',
  },
};

/** The default wording (French: the letters go to French associations). Paragraphs are separated by a blank line. */
export const DEFAULT_TEMPLATES: Record<LetterKind, { subject: string; body: string }> = {
  ACKNOWLEDGEMENT: {
    subject: 'Accusé de réception de votre demande de subvention n° {{application.number}}',
    body: [
      'Madame, Monsieur,',
      'Nous accusons réception, le {{application.receivedOn}}, de la demande de subvention de {{organisation.name}} au titre du dispositif « {{programme.name}} » ({{programme.year}}), enregistrée sous le numéro {{application.number}} : « {{application.title}} », pour un montant demandé de {{application.requestedAmount}}.',
      'Votre dossier est complet à cette date. Il sera instruit par les services de la ville, qui pourront vous demander des précisions.',
      'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    ].join('\n\n'),
  },
  DECISION_LETTER: {
    subject: 'Décision sur votre demande de subvention n° {{application.number}}',
    body: [
      'Madame, Monsieur,',
      'Par décision du {{decision.date}}, concernant la demande de {{organisation.name}} « {{application.title}} » (dossier n° {{application.number}}, dispositif « {{programme.name}} »), {{decision.summary}}',
      'Motivation : {{decision.motivation}}',
      'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    ].join('\n\n'),
  },
  CONVENTION_DRAFT: {
    subject: 'Projet de convention d’objectifs et de moyens — dossier n° {{application.number}}',
    body: [
      'Entre {{city.name}}, {{city.address}}, SIRET {{city.siret}}, ci-après « la Ville », d’une part,',
      'et {{organisation.name}}, {{organisation.address}}, SIRET {{organisation.siret}}, RNA {{organisation.rna}}, ci-après « l’association », d’autre part,',
      'il est convenu ce qui suit.',
      'Article 1 — Objet. La présente convention a pour objet le soutien de la Ville au projet « {{application.title}} » : {{application.description}}',
      'Article 2 — Montant. La Ville attribue à l’association une subvention de {{decision.amount}}, par décision du {{decision.date}}.',
      'Article 3 — Versement. La subvention est versée selon l’échéancier suivant :\n{{convention.tranches}}',
      'Article 4 — Conditions d’utilisation. La subvention est affectée exclusivement au projet décrit à l’article 1. L’association ne peut la reverser à un autre organisme (article 15 du décret-loi du 2 mai 1938). Elle tient une comptabilité permettant d’en retracer l’emploi.',
      'Article 5 — Compte rendu financier. L’association transmet le compte rendu financier (CERFA n° 15059), accompagné de ses justificatifs, au plus tard le {{report.dueOn}}.',
    ].join('\n\n'),
  },
  PAYMENT_NOTICE: {
    subject: 'Avis de versement — dossier n° {{application.number}}',
    body: [
      'Madame, Monsieur,',
      'Nous vous informons du versement, le {{payment.paidOn}}, de la somme de {{payment.amount}} au titre de la subvention de {{decision.amount}} accordée à {{organisation.name}} par décision du {{decision.date}} (dossier n° {{application.number}}, « {{application.title}} »).',
      'Total versé à ce jour : {{payment.paidTotal}}. Reste à verser : {{payment.remaining}}.',
      'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    ].join('\n\n'),
  },
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Refuses a template with an unknown placeholder, an unclosed `{{`, or beyond the length limit, naming
 * `field` and the line; returns the trimmed template otherwise.
 */
export function checkTemplate(kind: LetterKind, template: string | null | undefined, field = 'template'): string {
  const text = (template ?? '').replace(/\r\n?/g, '\n').trim();
  if (!text) throw new AppError('BAD_USER_INPUT', 'The template is empty: write the letter’s wording.', { field });
  if (text.length > MAX_TEMPLATE_LENGTH) {
    throw new AppError(
      'BAD_USER_INPUT',
      `A template is at most ${MAX_TEMPLATE_LENGTH.toLocaleString('en')} characters (got ${text.length.toLocaleString('en')}).`,
      {
        field,
      },
    );
  }
  const known = PLACEHOLDERS[kind];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!Object.hasOwn(known, name)) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Unknown placeholder {{${name}}} on line ${lineOf(m.index)}: a ${kind} letter knows ${Object.keys(known)
          .map((k) => `{{${k}}}`)
          .join(', ')}.`,
        { field, extra: { placeholder: name, line: lineOf(m.index) } },
      );
    }
  }
  const stray = text.replace(PLACEHOLDER, '').search(/\{\{|\}\}/);
  if (stray >= 0) {
    throw new AppError('BAD_USER_INPUT', 'A placeholder is not closed: write it as {{name}}, with two braces on each side.', { field });
  }
  return text;
}

/** Fills the placeholders (already checked) with their values; a value not known yet prints as [name]. */
export function fill(template: string, values: Record<string, string | null | undefined>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? `[${name}]`);
}
