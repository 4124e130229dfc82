// DEMO DATA: about 320 invented organisations of Aix-en-Provence (names, identifiers, people and bank
// details are fictitious), spread over the neighbourhoods and domains. Deterministic, upserted by RNA
// or SIRET, so seeding twice changes nothing.
import type { Types } from 'mongoose';
import { OrganisationModel, type LegalForm } from '../src/modules/organisation/organisation.model';
import { foldText } from '../src/shared/text';
import { fakeRna, fakeSiret, rng } from './random';
import { NEIGHBOURHOODS, pointIn } from './reference';

interface Theme {
  domain: string;
  stems: string[];
  purposes: string[];
}

const THEMES: Theme[] = [
  {
    domain: 'seniors',
    stems: ['Les Aînés', 'Âge Solidaire', 'Entre Générations', 'Les Cheveux d’Argent'],
    purposes: [
      'visites à domicile de personnes âgées isolées',
      'colocations intergénérationnelles entre étudiants et seniors',
      'portage de repas et lien social pour les aînés',
    ],
  },
  {
    domain: 'habitat-intergenerationnel',
    stems: ['Toit Partagé', 'Maison des Générations'],
    purposes: ['mise en relation de seniors et de jeunes pour un logement partagé'],
  },
  {
    domain: 'sante-hopital',
    stems: ['Santé Pour Tous', 'Usagers du Pays d’Aix', 'Prévention Santé'],
    purposes: ['accès aux soins des personnes précaires', 'représentation des usagers de l’hôpital public', 'ateliers de prévention santé'],
  },
  {
    domain: 'jeunesse-emploi',
    stems: ['Tremplin Jeunes', 'Avenir Emploi', 'Premiers Pas Pro', 'Cap Jeunesse'],
    purposes: [
      'accompagnement personnalisé des jeunes vers l’emploi',
      'parrainage de jeunes diplômés par des professionnels',
      'ateliers CV et simulations d’entretien',
    ],
  },
  {
    domain: 'petite-enfance',
    stems: ['Les Petits Pas', 'Crèche Parentale', 'Coup de Pouce Scolaire', 'Les Lucioles'],
    purposes: ['crèche parentale associative', 'soutien scolaire et aide aux devoirs', 'lieu d’accueil enfants-parents'],
  },
  {
    domain: 'ess',
    stems: ['Coopérative du Pays d’Aix', 'Atelier Solidaire', 'La Ressourcerie', 'Échanges Locaux'],
    purposes: [
      'réemploi et réparation d’objets du quotidien',
      'développement de l’économie sociale et solidaire locale',
      'monnaie locale et commerce équitable',
    ],
  },
  {
    domain: 'insertion',
    stems: ['Chantier d’Insertion', 'Repartir', 'Passerelle Emploi'],
    purposes: ['chantier d’insertion en espaces verts', 'retour à l’emploi des chômeurs de longue durée'],
  },
  {
    domain: 'circuits-courts',
    stems: ['Épicerie Solidaire', 'Jardins Partagés', 'Panier Provençal', 'AMAP du Quartier'],
    purposes: ['épicerie solidaire à prix réduits', 'jardins partagés et ateliers de cuisine', 'paniers de légumes de producteurs locaux'],
  },
  {
    domain: 'egalite-femmes-hommes',
    stems: ['Égalité Maintenant', 'Femmes Solidaires', 'Paroles de Femmes'],
    purposes: ['écoute et accompagnement des femmes victimes de violences', 'sensibilisation à l’égalité dans les écoles'],
  },
  {
    domain: 'handicap',
    stems: ['Tous Inclus', 'Handi’Aix', 'Accès Pour Tous', 'Les Aidants'],
    purposes: ['loisirs adaptés pour personnes en situation de handicap', 'soutien aux aidants familiaux', 'accessibilité des lieux culturels'],
  },
  {
    domain: 'anti-discriminations',
    stems: ['Droits Devant', 'Aix Fraternité', 'Tous Égaux'],
    purposes: ['permanences d’accès aux droits', 'lutte contre le racisme et les discriminations au logement'],
  },
  {
    domain: 'culture',
    stems: ['Théâtre de l’Arc', 'Compagnie du Cours', 'Musiques du Monde', 'Atelier d’Art Populaire', 'Éducation Populaire'],
    purposes: ['théâtre amateur et ateliers pour tous', 'pratique musicale collective', 'éducation populaire et ateliers artistiques'],
  },
  {
    domain: 'culture-occitane',
    stems: ['Lou Prouvençau', 'Escolo Occitano', 'Cant de Prouvènço'],
    purposes: ['enseignement et promotion de la langue occitane', 'chants et danses provençales'],
  },
  {
    domain: 'arts-de-la-rue',
    stems: ['Compagnie des Places', 'Cirque en Rue', 'Les Saltimbanques'],
    purposes: ['spectacles de rue et cirque dans les quartiers', 'festival des arts de la rue'],
  },
  {
    domain: 'vie-associative',
    stems: ['Maison des Associations', 'Réseau Bénévole', 'Comité de Quartier', 'Centre Social'],
    purposes: ['animation de la vie de quartier', 'accompagnement des bénévoles et des associations', 'centre social et espace de vie sociale'],
  },
  {
    domain: 'migrants',
    stems: ['Accueil Réfugiés', 'Terre d’Asile', 'Voyageurs Citoyens', 'Langues et Partage'],
    purposes: ['cours de français pour personnes exilées', 'accompagnement administratif des demandeurs d’asile', 'médiation avec les gens du voyage'],
  },
  {
    domain: 'bien-etre-animal',
    stems: ['Refuge des Quatre Pattes', 'Patte Tendue', 'Médiation Animale'],
    purposes: ['refuge et adoption d’animaux abandonnés', 'médiation animale auprès des personnes âgées', 'stérilisation des chats libres'],
  },
];

const FORM_PREFIX: Record<LegalForm, string[]> = {
  ASSOCIATION: ['Association', 'Collectif', 'Les Amis de', ''],
  SCOP: ['SCOP'],
  SCIC: ['SCIC'],
  COOPERATIVE: ['Coopérative'],
  MUTUAL: ['Mutuelle'],
  FOUNDATION: ['Fondation'],
  ESUS_COMPANY: ['Entreprise solidaire'],
  OTHER: ['Groupement'],
};

const STREETS = [
  'rue Mignet',
  'avenue de l’Europe',
  'boulevard Aristide Briand',
  'rue Jean Moulin',
  'avenue Paul Cézanne',
  'rue des Cordeliers',
  'avenue des Écoles Militaires',
  'chemin de la Blaque',
  'route de Berre',
  'avenue Henri Mouret',
  'rue Émile Tavan',
  'place du Ramoneur',
];
const FIRST = ['Camille', 'Nadia', 'Julien', 'Sophie', 'Karim', 'Léa', 'Mathieu', 'Inès', 'Pierre', 'Fatou', 'Élodie', 'Youssef'];
const LAST = ['Martin', 'Benali', 'Roux', 'Garcia', 'Fabre', 'Nguyen', 'Blanc', 'Diallo', 'Michel', 'Laurent', 'Bonnet', 'Mercier'];

export interface SeedOrganisation {
  index: number;
  rna: string | null;
  siret: string | null;
  name: string;
}

/** Builds the demo organisations (pure: same output every time). */
export function buildOrganisations(domainIds: Map<string, Types.ObjectId>, neighbourhoodIds: Map<string, Types.ObjectId>, count = 320) {
  const r = rng(16_21);
  const docs: Record<string, unknown>[] = [];
  const forms: LegalForm[] = [
    'ASSOCIATION',
    'ASSOCIATION',
    'ASSOCIATION',
    'ASSOCIATION',
    'ASSOCIATION',
    'ASSOCIATION',
    'ASSOCIATION',
    'SCOP',
    'SCIC',
    'COOPERATIVE',
    'MUTUAL',
    'FOUNDATION',
    'ESUS_COMPANY',
  ];
  const usedNames = new Set<string>();
  for (let i = 0; i < count; i++) {
    // The first organisation is the demo member's: fixed, in a priority neighbourhood.
    const theme = i === 0 ? THEMES.find((t) => t.domain === 'vie-associative')! : r.pick(THEMES);
    const hood = i === 0 ? NEIGHBOURHOODS[0]! : r.pick(NEIGHBOURHOODS);
    const legalForm: LegalForm = i === 0 ? 'ASSOCIATION' : r.pick(forms);
    const stem = r.pick(theme.stems);
    const prefix = r.pick(FORM_PREFIX[legalForm]);
    let name =
      i === 0
        ? 'Maison des Solidarités d’Encagnane'
        : `${prefix ? `${prefix} ` : ''}${stem} ${hood.isPriority || r.chance(0.5) ? `– ${hood.name}` : ''}`.trim();
    for (let k = 2; usedNames.has(name); k++) name = `${name.replace(/ \d+$/, '')} ${k}`;
    usedNames.add(name);
    const words = name
      .replace(/[–’']/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2 && /^[A-ZÉÈ]/.test(w));
    const acronym = r.chance(0.4)
      ? words
          .map((w) => foldText(w)[0]!.toUpperCase())
          .join('')
          .slice(0, 8)
      : undefined;

    const extraDomains = r.chance(0.35) ? [r.pick(THEMES).domain] : [];
    const domains = [...new Set([theme.domain, ...extraDomains])].map((c) => domainIds.get(c)!).filter(Boolean);
    const served = [hood, ...(r.chance(0.3) ? [r.pick(NEIGHBOURHOODS)] : [])];
    const neighbourhoods = [...new Set(served.map((n) => n.code))].map((c) => neighbourhoodIds.get(c)!);
    const point = pointIn(hood, r.next(), r.next());
    const person = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const slug = foldText(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    const isAssociation = legalForm === 'ASSOCIATION';
    const rna = isAssociation ? fakeRna(i) : null;
    const siret = !isAssociation || r.chance(0.4) ? fakeSiret(i) : null;

    docs.push({
      name,
      nameKey: foldText(name),
      acronym,
      legalForm,
      rna,
      siret,
      description: `${theme.purposes[i % theme.purposes.length]![0]!.toUpperCase()}${theme.purposes[i % theme.purposes.length]!.slice(1)} à ${hood.name}. Structure fictive (données de démonstration).`,
      domains,
      neighbourhoods,
      address: { street: `${r.int(1, 120)} ${r.pick(STREETS)}`, postcode: r.pick(['13090', '13100', '13290', '13540']), city: 'Aix-en-Provence' },
      location: { type: 'Point', coordinates: [point.lng, point.lat] },
      website: r.chance(0.6) ? `https://${slug}.example.org` : undefined,
      publicEmail: `contact@${slug}.example.org`,
      publicPhone: `04 42 ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
      privateContact: {
        name: person,
        email: `${foldText(person).replace(/\s+/g, '.')}@${slug}.example.org`,
        phone: `06 ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
      },
      iban: r.chance(0.7) ? fakeIban(i) : undefined,
      headcount: { staff: r.int(0, legalForm === 'ASSOCIATION' ? 8 : 40), volunteers: r.int(0, 120), members: r.int(5, 600) },
      labels: r.chance(0.15) ? ['ESUS'] : r.chance(0.1) ? ['Jeunesse et éducation populaire'] : [],
      status: i > 0 && r.chance(0.03) ? 'DISSOLVED' : 'ACTIVE',
      isPublic: i === 0 || !r.chance(0.05),
      source: 'MAILLAGE',
    });
  }
  return docs;
}

/** A French IBAN with a valid key (bank and account numbers invented). */
export function fakeIban(n: number): string {
  const bban = `30004${String(1000 + (n % 9000)).padStart(5, '0')}${String(n).padStart(11, '0')}${String(n % 97).padStart(2, '0')}`;
  const numeric = (bban + 'FR00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return `FR${String(98 - rem).padStart(2, '0')}${bban}`;
}

/** Upserts the demo organisations by identifier; returns them in seed order. */
export async function seedOrganisations(domainIds: Map<string, Types.ObjectId>, neighbourhoodIds: Map<string, Types.ObjectId>, count = 320) {
  const docs = buildOrganisations(domainIds, neighbourhoodIds, count);
  // Insert-only, without automatic timestamps (they would `$set` updatedAt on every run): seeding twice
  // changes no document, and an organisation edited in the demo keeps its edits.
  const seededAt = new Date();
  await OrganisationModel.bulkWrite(
    docs.map((d) => ({
      updateOne: {
        // `$type: 'string'` lets the planner use the partial unique indexes on rna and siret.
        filter: (d.rna ? { rna: { $eq: d.rna, $type: 'string' } } : { siret: { $eq: d.siret, $type: 'string' } }) as Record<string, unknown>,
        update: {
          $setOnInsert: {
            ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== null)),
            createdAt: seededAt,
            updatedAt: seededAt,
          },
        },
        upsert: true,
        timestamps: false,
      },
    })),
    { ordered: false },
  );
  const keys = docs.map((d) => (d.rna as string | null) ?? (d.siret as string));
  const stored = await OrganisationModel.find({ $or: [{ rna: { $in: keys, $type: 'string' } }, { siret: { $in: keys, $type: 'string' } }] }).lean();
  const byKey = new Map<string, (typeof stored)[number]>();
  for (const o of stored) {
    if (o.rna) byKey.set(o.rna, o);
    if (o.siret) byKey.set(o.siret, o);
  }
  return keys.map((k) => byKey.get(k)!);
}
