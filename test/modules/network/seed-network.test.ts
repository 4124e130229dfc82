// The demo network: deterministic, idempotent, and a graph with hubs and isolated actors.
import { useTestDatabase } from '../../helpers/db';
import { seedReference } from '../../helpers/factories';
import { seedOrganisations } from '../../../seeds/organisations';
import { seedNetwork } from '../../../seeds/network';
import type { SeedContext } from '../../../seeds/seed';
import { PartnershipModel } from '../../../src/modules/network/partnership.model';
import { createContext } from '../../../src/context';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { network } from '../../../src/modules/network/network.service';

useTestDatabase();

it('seeds partnerships once: a second run changes nothing, and the graph has hubs and isolated actors', async () => {
  const ref = await seedReference();
  const domainIds = new Map([...ref.domainByCode].map(([k, v]) => [k, v._id]));
  const neighbourhoodIds = new Map([...ref.neighbourhoodByCode].map(([k, v]) => [k, v._id]));
  const orgs = await seedOrganisations(domainIds, neighbourhoodIds, 320);
  const ctx = {
    log: { info: () => undefined },
    bcryptCost: 4,
    domainIds,
    neighbourhoodIds,
    organisationIds: orgs.map((o) => o._id),
    userIds: new Map(),
  } as unknown as SeedContext;
  await seedNetwork(ctx);
  const first = await PartnershipModel.find().sort({ _id: 1 }).lean();
  await seedNetwork(ctx);
  expect(await PartnershipModel.find().sort({ _id: 1 }).lean()).toEqual(first);
  expect(first.length).toBeGreaterThan(50);

  const graph = await network(createContext({ config: testConfig(), log: createLogger('silent') }, null), {});
  expect(graph.nodes.filter((n) => n.isHub).length).toBeGreaterThanOrEqual(3);
  expect(graph.nodes.filter((n) => n.isIsolated).length).toBeGreaterThan(0);
  expect(graph.edges.length).toBeGreaterThan(0);
});
