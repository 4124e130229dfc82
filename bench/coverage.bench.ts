// The coverage matrix over 100,000 organisations (and 5,000 grants of the year) against a plain count
// of the same collection: the whole domain x neighbourhood matrix costs one pass over each collection.
import { Types } from 'mongoose';
import { createContext } from '../src/context';
import { testConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { OrganisationModel } from '../src/modules/organisation/organisation.model';
import { GrantApplicationModel } from '../src/modules/grants/application/grant-application.model';
import { coverage } from '../src/modules/coordination/coverage.service';
import { seedReference } from '../seeds/reference';
import { rng } from '../seeds/random';
import { compareMs, result, type Bench } from './harness';

const ORGANISATIONS = 100_000;
const GRANTS = 5_000;

const bench: Bench = {
  name: 'coverage',
  async run(ctx) {
    await ctx.connectFreshDatabase();
    try {
      const ref = await seedReference();
      const domains = [...ref.domainByCode.values()].map((d) => d._id);
      const hoods = [...ref.neighbourhoodByCode.values()].map((n) => n._id);
      const r = rng(100_000);
      const orgIds: Types.ObjectId[] = [];
      for (let i = 0; i < ORGANISATIONS; i += 10_000) {
        const docs = [];
        for (let k = i; k < i + 10_000; k++) {
          const _id = new Types.ObjectId();
          orgIds.push(_id);
          docs.push({
            _id,
            name: `Organisation ${k}`,
            nameKey: `organisation ${k}`,
            legalForm: 'ASSOCIATION',
            description: '',
            isPublic: r.chance(0.95),
            status: r.chance(0.97) ? 'ACTIVE' : 'DISSOLVED',
            domains: r.sample(domains, r.int(1, 2)),
            neighbourhoods: r.sample(hoods, r.int(1, 2)),
            labels: [],
            source: 'MAILLAGE',
            locallyEditedFields: [],
          });
        }
        await OrganisationModel.collection.insertMany(docs, { ordered: false });
      }
      const programme = new Types.ObjectId();
      const grants = Array.from({ length: GRANTS }, (_, k) => ({
        number: `2026-${String(k + 1).padStart(5, '0')}`,
        organisation: r.pick(orgIds),
        programme,
        year: 2026,
        title: `Projet ${k}`,
        description: '-',
        requestedAmount: 500_000,
        status: 'APPROVED',
        createdBy: programme,
        budgetLines: [],
        otherFunders: [],
        targetDomains: k % 2 ? r.sample(domains, 1) : [],
        targetNeighbourhoods: k % 2 ? r.sample(hoods, 1) : [],
        decision: { outcome: 'APPROVED', amount: 100_000 + k, motivation: '-', decidedBy: programme, decidedAt: new Date('2026-04-01T10:00:00Z') },
      }));
      await GrantApplicationModel.collection.insertMany(grants, { ordered: false });
      ctx.log(`inserted ${ORGANISATIONS} organisations, ${GRANTS} grants`);

      const c = createContext({ config: testConfig(), log: createLogger('silent') }, null);
      const check = await coverage(c, { year: 2026 });
      ctx.log(`${check.cells.length} cells, ${check.gapCount} gaps`);
      const times = await compareMs(
        {
          coverage: () => coverage(c, { year: 2026 }),
          count: () => OrganisationModel.countDocuments({ status: 'ACTIVE' }),
        },
        7,
        1,
      );
      return [
        result({
          name: `coverage matrix (${check.cells.length} cells) over ${ORGANISATIONS.toLocaleString('en')} organisations and ${GRANTS.toLocaleString('en')} grants, vs countDocuments of the active ones`,
          value: times.coverage!,
          baseline: times.count!,
          unit: 'ms',
          aim: 'reported (one pass over each collection)',
        }),
      ];
    } finally {
      await ctx.disconnectDatabase();
    }
  },
};

export default bench;
