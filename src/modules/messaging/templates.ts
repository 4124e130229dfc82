// What each event says, in French: the email (subject, text and HTML, every value escaped) and the
// notification shown in the API. Rendered from the event's data when sent, so a one-time token exists
// in clear only in memory, for the time of one send.
import type { EventType } from './event-types';

export interface Rendered {
  subject: string;
  /** Paragraphs of plain text (escaped for HTML when rendered). */
  paragraphs: string[];
  /** Absolute link to the object (or the token's page), under PUBLIC_URL. */
  link: string | null;
  linkLabel: string;
}

type Data = Record<string, unknown>;

// An event's data holds strings, numbers, booleans and ids: String() prints each as the reader expects.
// eslint-disable-next-line @typescript-eslint/no-base-to-string
const str = (v: unknown, fallback = ''): string => (v === null || v === undefined || v === '' ? fallback : String(v).slice(0, 500));
const seg = (v: unknown) => encodeURIComponent(str(v));

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
/** Integer cents as "1 500,00 €". */
export const money = (cents: unknown): string => (typeof cents === 'number' && Number.isFinite(cents) ? euros.format(cents / 100) : '');

const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
export const frenchDate = (v: unknown): string => {
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? day.format(d) : '';
};

/** The same day two months later (CRPA L231-4: the silence of two months). */
export function twoMonthsAfter(v: unknown): Date | null {
  const d = new Date(str(v));
  if (Number.isNaN(d.getTime())) return null;
  const out = new Date(d);
  out.setUTCMonth(out.getUTCMonth() + 2);
  return out;
}

const application = (d: Data) => `« ${str(d.title, 'sans titre')} » (n° ${str(d.number, '?')})`;

type Template = (d: Data, url: (path: string) => string, token: string | null) => Rendered;

const appLink = (d: Data, url: (p: string) => string) => url(`/applications/${seg(d.applicationId)}`);

const TEMPLATES: Record<EventType, Template> = {
  'grant_application.submitted': (d, url) => {
    const received = frenchDate(d.receivedAt);
    const deadline = frenchDate(twoMonthsAfter(d.receivedAt));
    return {
      subject: `Accusé de réception de votre demande de subvention n° ${str(d.number)}`,
      paragraphs: [
        `Votre demande de subvention ${application(d)} pour ${str(d.organisationName, 'votre organisation')} a été reçue le ${received}. Elle est enregistrée sous le numéro ${str(d.number)}.`,
        `En l'absence de réponse de l'administration dans un délai de deux mois à compter de sa réception, soit au ${deadline}, votre demande sera considérée comme rejetée (article L231-4 du code des relations entre le public et l'administration). Le présent accusé de réception vous est délivré en application de l'article R112-5 du même code.`,
        `Voies de recours : cette décision implicite de rejet pourra être contestée dans un délai de deux mois à compter de sa naissance, par un recours gracieux adressé au maire, ou par un recours contentieux devant le tribunal administratif compétent (y compris par l'application Télérecours citoyens, www.telerecours.fr). Vous pouvez aussi demander les motifs de cette décision implicite dans ce même délai (article L232-4 du même code).`,
        `Si des pièces manquent, le service instructeur vous le fera savoir ; le délai de deux mois ne court alors qu'à compter de leur réception.`,
      ],
      link: appLink(d, url),
      linkLabel: 'Suivre votre demande',
    };
  },
  'grant_application.received': (d, url) => ({
    subject: `Nouvelle demande de subvention n° ${str(d.number)}`,
    paragraphs: [
      `${str(d.organisationName, 'Une organisation')} a déposé la demande ${application(d)} le ${frenchDate(d.receivedAt)}, pour ${money(d.requestedAmount)}.`,
      `Sans décision avant le ${frenchDate(twoMonthsAfter(d.receivedAt))}, elle sera implicitement rejetée.`,
    ],
    link: appLink(d, url),
    linkLabel: 'Ouvrir la demande',
  }),
  'grant_application.changes_requested': (d, url) => ({
    subject: `Des modifications sont demandées sur votre demande n° ${str(d.number)}`,
    paragraphs: [
      `Le service instructeur demande des modifications sur votre demande ${application(d)}.`,
      'Connectez-vous pour lire la demande, modifier votre dossier et le déposer à nouveau.',
    ],
    link: appLink(d, url),
    linkLabel: 'Voir la demande de modifications',
  }),
  'grant_application.message_received': (d, url) => ({
    subject: `Nouveau message sur la demande n° ${str(d.number)}`,
    paragraphs: [
      `${d.fromApplicant ? 'Le demandeur' : 'Le service instructeur'} a écrit un message sur la demande ${application(d)}.`,
      'Connectez-vous pour le lire et y répondre.',
    ],
    link: appLink(d, url),
    linkLabel: 'Lire le message',
  }),
  'grant_application.decided': (d, url) => ({
    subject: `Décision sur votre demande de subvention n° ${str(d.number)}`,
    paragraphs: [
      d.outcome === 'APPROVED'
        ? `Votre demande ${application(d)} est accordée, pour un montant de ${money(d.amount)}.`
        : `Votre demande ${application(d)} n'est pas retenue.`,
      `Motivation : ${str(d.motivation, 'non précisée')}`,
      `Cette décision peut être contestée dans un délai de deux mois à compter de sa notification, par un recours gracieux adressé au maire, ou par un recours contentieux devant le tribunal administratif compétent (www.telerecours.fr).`,
    ],
    link: appLink(d, url),
    linkLabel: 'Voir la décision',
  }),
  'payment.recorded': (d, url) => ({
    subject: `Versement de ${money(d.amount)} sur la subvention n° ${str(d.number)}`,
    paragraphs: [
      `Un versement de ${money(d.amount)} a été enregistré sur la subvention ${application(d)}. Total versé : ${money(d.paidAmount)} sur ${money(d.grantedAmount)} accordés.`,
    ],
    link: appLink(d, url),
    linkLabel: 'Voir les versements',
  }),
  'final_report.submitted': (d, url) => ({
    subject: `Compte rendu final déposé pour la subvention n° ${str(d.number)}`,
    paragraphs: [`Le compte rendu financier de la subvention ${application(d)} a été déposé le ${frenchDate(d.submittedAt)}.`],
    link: appLink(d, url),
    linkLabel: 'Lire le compte rendu',
  }),
  'final_report.due': (d, url) => ({
    subject: `Compte rendu attendu dans ${str(d.daysLeft)} jours : subvention n° ${str(d.number)}`,
    paragraphs: [
      `Le compte rendu financier de la subvention ${application(d)} est attendu au plus tard le ${frenchDate(d.reportDueOn)}.`,
      'Sans lui, les versements suivants et les prochaines demandes seront bloqués.',
    ],
    link: appLink(d, url),
    linkLabel: 'Déposer le compte rendu',
  }),
  'final_report.overdue': (d, url) => ({
    subject: `Compte rendu en retard : subvention n° ${str(d.number)}`,
    paragraphs: [
      `Le compte rendu financier de la subvention ${application(d)} était attendu le ${frenchDate(d.reportDueOn)} et n'a pas été reçu.`,
      'Les versements suivants restent bloqués jusqu’à son dépôt.',
    ],
    link: appLink(d, url),
    linkLabel: 'Déposer le compte rendu',
  }),
  'call_for_projects.closing': (d, url) => ({
    subject: `L'appel à projets « ${str(d.programmeName)} » ferme dans ${str(d.daysLeft)} jours`,
    paragraphs: [
      `L'appel à projets « ${str(d.programmeName)} » ferme le ${frenchDate(d.closesOn)}. Votre brouillon ${application(d)} n'est pas encore déposé.`,
    ],
    link: appLink(d, url),
    linkLabel: 'Terminer et déposer le dossier',
  }),
  'organisation.invitation': (d, url) => ({
    subject: `Invitation à rejoindre ${str(d.organisationName, 'une organisation')}`,
    paragraphs: [
      `${str(d.invitedByName, 'Un responsable')} vous invite à rejoindre ${str(d.organisationName, 'une organisation')} sur Maillage, comme ${d.role === 'MANAGER' ? 'responsable' : 'contributeur'}.`,
      "Connectez-vous avec cette adresse pour accepter ou refuser l'invitation.",
      "Si vous n'avez pas encore de compte Maillage, créez-le avec cette adresse, puis demandez à la personne qui vous invite de renouveler l'invitation. Si vous êtes déjà membre, ou si ce message ne vous concerne pas, ignorez-le.",
    ],
    link: url(`/organisations/${seg(d.organisationId)}`),
    linkLabel: "Répondre à l'invitation",
  }),
  'organisation.claim_decided': (d, url) => ({
    subject: d.approved ? `Vous gérez maintenant ${str(d.organisationName)}` : `Votre demande de gestion de ${str(d.organisationName)} est refusée`,
    paragraphs: [
      d.approved
        ? `Votre demande de gestion de ${str(d.organisationName)} est acceptée : vous en êtes responsable sur Maillage.`
        : `Votre demande de gestion de ${str(d.organisationName)} n'est pas acceptée.${d.reason ? ` Motif : ${str(d.reason)}` : ''}`,
    ],
    link: url(`/organisations/${seg(d.organisationId)}`),
    linkLabel: "Voir l'organisation",
  }),
  'account.verify_email': (_d, url, token) => ({
    subject: 'Confirmez votre adresse email',
    paragraphs: [
      'Pour activer votre compte Maillage, confirmez votre adresse en ouvrant le lien ci-dessous. Il ne sert qu’une fois et expire bientôt.',
      "Si vous n'avez pas créé de compte, ignorez ce message.",
    ],
    link: url(`/verify-email?token=${encodeURIComponent(token ?? '')}`),
    linkLabel: 'Confirmer mon adresse',
  }),
  'account.register_attempt': (_d, url) => ({
    subject: 'Tentative de création de compte avec votre adresse',
    paragraphs: [
      "Quelqu'un a essayé de créer un compte Maillage avec votre adresse, qui en a déjà un.",
      "Si c'était vous et que vous avez oublié votre mot de passe, vous pouvez le réinitialiser. Sinon, ignorez ce message : votre compte n'a pas changé.",
    ],
    link: url('/reset-password'),
    linkLabel: 'Réinitialiser mon mot de passe',
  }),
  'account.password_reset': (_d, url, token) => ({
    subject: 'Réinitialisation de votre mot de passe',
    paragraphs: [
      'Pour choisir un nouveau mot de passe, ouvrez le lien ci-dessous. Il ne sert qu’une fois et expire dans une heure.',
      "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe n'a pas changé.",
    ],
    link: url(`/reset-password?token=${encodeURIComponent(token ?? '')}`),
    linkLabel: 'Choisir un nouveau mot de passe',
  }),
  'account.invitation': (d, url, token) => ({
    subject: 'Votre compte Maillage a été créé',
    paragraphs: [
      `Un administrateur a créé votre compte Maillage${d.role ? ` (rôle ${str(d.role)})` : ''}.`,
      'Choisissez votre mot de passe en ouvrant le lien ci-dessous ; il ne sert qu’une fois.',
    ],
    link: url(`/reset-password?token=${encodeURIComponent(token ?? '')}`),
    linkLabel: 'Choisir mon mot de passe',
  }),
  'account.password_changed': (d, url) => ({
    subject: 'Votre mot de passe a été modifié',
    paragraphs: [
      `Le mot de passe de votre compte Maillage a été modifié le ${frenchDate(d.changedAt)}. Vos autres sessions ont été fermées.`,
      "Si ce n'était pas vous, réinitialisez-le tout de suite et prévenez un administrateur.",
    ],
    link: url('/reset-password'),
    linkLabel: 'Réinitialiser mon mot de passe',
  }),
  'webhook.disabled': (d, url) => ({
    subject: 'Un webhook a été désactivé',
    paragraphs: [
      `Le webhook ${str(d.url)} échoue depuis le ${frenchDate(d.failingSince)} ; il a été désactivé et ne reçoit plus rien.`,
      `Dernière erreur : ${str(d.lastError, 'inconnue')}`,
    ],
    link: url(`/admin/webhooks/${seg(d.webhookId)}`),
    linkLabel: 'Voir le webhook',
  }),
  'notifications.digest': (d, url) => {
    const items = Array.isArray(d.items) ? (d.items as Data[]) : [];
    return {
      subject: `Maillage : ${items.length} notification${items.length > 1 ? 's' : ''} du jour`,
      paragraphs: items.map((i) => `• ${str(i.title)}${i.link ? ` : ${str(i.link)}` : ''}`),
      link: url('/notifications'),
      linkLabel: 'Toutes vos notifications',
    };
  },
};

export function render(type: EventType, data: Data, publicUrl: string, token: string | null = null): Rendered {
  const url = (path: string) => `${publicUrl}${path}`;
  return TEMPLATES[type](data, url, token);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The email: plain text and HTML, every value escaped in the HTML. */
export function renderEmail(type: EventType, data: Data, publicUrl: string, token: string | null): { subject: string; text: string; html: string } {
  const r = render(type, data, publicUrl, token);
  const greeting = data.recipientName ? `Bonjour ${str(data.recipientName)},` : 'Bonjour,';
  const text = [greeting, ...r.paragraphs, r.link ? `${r.linkLabel} : ${r.link}` : '', '-- \nMaillage, ce message vous est envoyé automatiquement.']
    .filter(Boolean)
    .join('\n\n');
  const html = [
    '<!doctype html><html lang="fr"><body>',
    `<p>${escapeHtml(greeting)}</p>`,
    ...r.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    r.link ? `<p><a href="${escapeHtml(r.link)}">${escapeHtml(r.linkLabel)}</a></p>` : '',
    '<p style="color:#666">Maillage, ce message vous est envoyé automatiquement.</p>',
    '</body></html>',
  ].join('\n');
  return { subject: r.subject.replace(/[\r\n]+/g, ' '), text, html };
}

/** The notification of the API: a title, two sentences at most, the link. */
export function renderNotification(type: EventType, data: Data, publicUrl: string): { title: string; body: string; link: string | null } {
  const r = render(type, data, publicUrl, null);
  return { title: r.subject, body: r.paragraphs.slice(0, 2).join(' '), link: r.link };
}
