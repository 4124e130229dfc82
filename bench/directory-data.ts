// The directory benches' data: the reference lists and N generated organisations, inserted in batches.
import { OrganisationModel } from '../src/modules/organisation/organisation.model';
import { buildOrganisations } from '../seeds/organisations';
import { seedReference } from '../seeds/reference';

/** Seeds the domains, the neighbourhoods and `count` organisations in the connected database. */
export async function seedDirectory(count: number): Promise<number> {
  const ref = await seedReference();
  const domainIds = new Map([...ref.domainByCode].map(([k, v]) => [k, v._id]));
  const hoodIds = new Map([...ref.neighbourhoodByCode].map(([k, v]) => [k, v._id]));
  const docs = buildOrganisations(domainIds, hoodIds, count);
  for (let i = 0; i < docs.length; i += 1000) await OrganisationModel.insertMany(docs.slice(i, i + 1000));
  return OrganisationModel.countDocuments();
}
