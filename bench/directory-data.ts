// The directory benches' data: the reference lists and N generated organisations, inserted in batches.
import { OrganisationModel } from '../src/modules/organisation/organisation.model';
import { buildOrganisations } from '../seeds/organisations';
import { seedReference } from '../seeds/reference';

/** Seeds the domains, the neighbourhoods and `count` organisations in the connected database. */
export async function seedDirectory(count: number): Promise<number> {
  const docs = await buildDirectory(count);
  for (let i = 0; i < docs.length; i += 1000) await OrganisationModel.insertMany(docs.slice(i, i + 1000));
  return OrganisationModel.countDocuments();
}

/** The reference lists (seeded) and `count` generated organisation documents, not inserted. */
export async function buildDirectory(count: number): Promise<Record<string, unknown>[]> {
  const ref = await seedReference();
  const domainIds = new Map([...ref.domainByCode].map(([k, v]) => [k, v._id]));
  const hoodIds = new Map([...ref.neighbourhoodByCode].map(([k, v]) => [k, v._id]));
  return buildOrganisations(domainIds, hoodIds, count);
}

/**
 * Inserts generated documents as they are, with the defaults and timestamps Mongoose would add, through
 * the driver in batches of 1,000: much faster than through Mongoose.
 */
export async function insertRaw(docs: Record<string, unknown>[]): Promise<void> {
  const at = new Date();
  for (let i = 0; i < docs.length; i += 1000) {
    const batch = docs.slice(i, i + 1000).map((d) => ({
      status: 'ACTIVE',
      isPublic: true,
      labels: [],
      source: 'MAILLAGE',
      locallyEditedFields: [],
      description: '',
      ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== null)),
      createdAt: at,
      updatedAt: at,
    }));
    await OrganisationModel.collection.insertMany(batch, { ordered: false });
  }
}
