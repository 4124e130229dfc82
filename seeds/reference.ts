// Reference data: the domains of the programme's proposals 12 to 23, and about fifteen neighbourhoods
// of Aix-en-Provence. DEMO DATA: the neighbourhood shapes are rough hexagons around approximate centres,
// not official boundaries (the real QPV contours are published by the ANCT).
import { DomainModel } from '../src/modules/reference/domain.model';
import { NeighbourhoodModel } from '../src/modules/reference/neighbourhood.model';

export interface DomainSeed {
  code: string;
  name: string;
  proposal: number;
  description: string;
  children?: { code: string; name: string; description: string }[];
}

export const DOMAINS: DomainSeed[] = [
  {
    code: 'seniors',
    name: 'Personnes âgées et maintien à domicile',
    proposal: 12,
    description: 'Maintien à domicile, habitat partagé et intergénérationnel.',
    children: [{ code: 'habitat-intergenerationnel', name: 'Habitat intergénérationnel', description: 'Logement partagé entre générations.' }],
  },
  { code: 'sante-hopital', name: 'Santé et hôpital public', proposal: 13, description: "Accès aux soins, défense de l'hôpital public, usagers." },
  { code: 'jeunesse-emploi', name: 'Jeunesse et emploi', proposal: 14, description: 'Accompagnement personnalisé des jeunes vers l’emploi.' },
  { code: 'petite-enfance', name: 'Petite enfance et scolarité', proposal: 15, description: 'Crèches, soutien scolaire, parentalité.' },
  {
    code: 'ess',
    name: 'Économie sociale et solidaire',
    proposal: 16,
    description: 'Coopératives, insertion par l’activité économique, circuits courts.',
    children: [
      { code: 'insertion', name: "Insertion par l'activité économique", description: 'Chantiers et entreprises d’insertion.' },
      { code: 'circuits-courts', name: 'Circuits courts et alimentation', description: 'Épiceries solidaires, AMAP, jardins partagés.' },
    ],
  },
  { code: 'egalite-femmes-hommes', name: 'Égalité femmes-hommes', proposal: 17, description: 'Égalité, lutte contre les violences faites aux femmes.' },
  { code: 'handicap', name: 'Handicap et inclusion', proposal: 18, description: 'Accessibilité, inclusion, aidants.' },
  {
    code: 'anti-discriminations',
    name: 'Lutte contre les discriminations',
    proposal: 19,
    description: 'Accès aux droits, lutte contre le racisme et les discriminations.',
  },
  {
    code: 'culture',
    name: 'Culture pour toutes et tous',
    proposal: 20,
    description: 'Pratiques artistiques, éducation populaire.',
    children: [
      { code: 'culture-occitane', name: 'Culture occitane et provençale', description: 'Langue et culture occitanes.' },
      { code: 'arts-de-la-rue', name: 'Arts de la rue', description: 'Spectacle vivant dans l’espace public.' },
    ],
  },
  { code: 'vie-associative', name: 'Vie associative et coordination', proposal: 21, description: 'Maillage associatif, bénévolat, coordination des acteurs.' },
  { code: 'migrants', name: 'Migrants, gens du voyage et Roms', proposal: 22, description: 'Accueil, hébergement, accès aux droits.' },
  { code: 'bien-etre-animal', name: 'Bien-être animal', proposal: 23, description: 'Protection animale, médiation animale et réinsertion.' },
];

export interface NeighbourhoodSeed {
  code: string;
  name: string;
  isPriority: boolean;
  lat: number;
  lng: number;
  /** Rough radius of the hexagon, in metres. */
  radius: number;
  population: number;
}

export const NEIGHBOURHOODS: NeighbourhoodSeed[] = [
  { code: 'encagnane', name: 'Encagnane', isPriority: true, lat: 43.5236, lng: 5.4318, radius: 420, population: 6500 },
  { code: 'jas-de-bouffan', name: 'Jas de Bouffan', isPriority: true, lat: 43.5247, lng: 5.4125, radius: 650, population: 9200 },
  { code: 'corsy', name: 'Corsy', isPriority: true, lat: 43.5158, lng: 5.4612, radius: 380, population: 2100 },
  { code: 'beisson', name: 'Beisson', isPriority: true, lat: 43.5372, lng: 5.4322, radius: 380, population: 2600 },
  { code: 'centre-historique', name: 'Centre historique', isPriority: false, lat: 43.5283, lng: 5.4474, radius: 600, population: 21000 },
  { code: 'facultes', name: 'Les Facultés', isPriority: false, lat: 43.5178, lng: 5.4405, radius: 350, population: 5400 },
  { code: 'pont-de-l-arc', name: "Pont de l'Arc", isPriority: false, lat: 43.5075, lng: 5.4455, radius: 500, population: 7000 },
  { code: 'val-saint-andre', name: 'Val Saint-André', isPriority: false, lat: 43.5262, lng: 5.4688, radius: 420, population: 4300 },
  { code: 'saint-eutrope', name: 'Saint-Eutrope', isPriority: false, lat: 43.5382, lng: 5.4578, radius: 450, population: 6100 },
  { code: 'saint-mitre', name: 'Saint-Mitre', isPriority: false, lat: 43.5435, lng: 5.415, radius: 500, population: 4800 },
  { code: 'celony', name: 'Célony', isPriority: false, lat: 43.5585, lng: 5.404, radius: 800, population: 2500 },
  { code: 'puyricard', name: 'Puyricard', isPriority: false, lat: 43.5815, lng: 5.417, radius: 1200, population: 6200 },
  { code: 'les-milles', name: 'Les Milles', isPriority: false, lat: 43.504, lng: 5.3835, radius: 1000, population: 7300 },
  { code: 'luynes', name: 'Luynes', isPriority: false, lat: 43.486, lng: 5.434, radius: 1000, population: 5100 },
  { code: 'la-duranne', name: 'La Duranne', isPriority: false, lat: 43.4935, lng: 5.3545, radius: 900, population: 4000 },
];

const M_PER_DEG_LAT = 111_320;
const mPerDegLng = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/** A closed hexagon ring around a centre, GeoJSON order [lng, lat]. */
export function hexagon(lat: number, lng: number, radius: number): number[][][] {
  const ring: number[][] = [];
  for (let i = 0; i < 6; i++) {
    const a = (Math.PI / 3) * i + Math.PI / 6;
    ring.push([Number((lng + (radius * Math.cos(a)) / mPerDegLng(lat)).toFixed(6)), Number((lat + (radius * Math.sin(a)) / M_PER_DEG_LAT).toFixed(6))]);
  }
  ring.push(ring[0]!);
  return [ring];
}

/** A point inside a neighbourhood's hexagon (within 80% of its inner radius). */
export function pointIn(n: NeighbourhoodSeed, u: number, v: number): { lat: number; lng: number } {
  const r = n.radius * 0.8 * 0.866 * Math.sqrt(u);
  const a = 2 * Math.PI * v;
  return {
    lat: Number((n.lat + (r * Math.sin(a)) / M_PER_DEG_LAT).toFixed(6)),
    lng: Number((n.lng + (r * Math.cos(a)) / mPerDegLng(n.lat)).toFixed(6)),
  };
}

/** Upserts domains and neighbourhoods by code: running it again changes nothing. */
export async function seedReference() {
  for (const d of DOMAINS) {
    const parent = await DomainModel.findOneAndUpdate(
      { code: d.code },
      { $set: { name: d.name, proposal: d.proposal, description: d.description, parent: null } },
      { upsert: true, returnDocument: 'after' },
    );
    for (const c of d.children ?? []) {
      await DomainModel.updateOne(
        { code: c.code },
        { $set: { name: c.name, proposal: d.proposal, description: c.description, parent: parent._id } },
        { upsert: true },
      );
    }
  }
  for (const n of NEIGHBOURHOODS) {
    await NeighbourhoodModel.updateOne(
      { code: n.code },
      {
        $set: { name: n.name, isPriority: n.isPriority, population: n.population, geometry: { type: 'Polygon', coordinates: hexagon(n.lat, n.lng, n.radius) } },
      },
      { upsert: true },
    );
  }
  const domains = await DomainModel.find().lean();
  const neighbourhoods = await NeighbourhoodModel.find().lean();
  return {
    domainByCode: new Map(domains.map((d) => [d.code, d])),
    neighbourhoodByCode: new Map(neighbourhoods.map((n) => [n.code, n])),
  };
}
