// The directory at 100,000 organisations, in process through HTTP: what `totalCount` adds to a page with
// each filter (aim: within 1.3x of the page without it), and a text search page at 100,000 against the
// same at 10,000 (aim: within 3x). Both caches involved (counts, ranked searches) are shown warm, as
// visitors meet them, and cold (the data version replaced before every request, as after a write).
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { Types } from 'mongoose';
import { createApp } from '../src/app';
import { testConfig } from '../src/config';
import { createLogger } from '../src/shared/logger';
import { DataVersionModel } from '../src/shared/versions';
import { DomainModel } from '../src/modules/reference/domain.model';
import { NeighbourhoodModel } from '../src/modules/reference/neighbourhood.model';
import { buildDirectory, insertRaw } from './directory-data';
import { compareMs, result, type Bench, type BenchResult } from './harness';

const SMALL = 10_000;
const LARGE = 100_000;

const page = (count: boolean) => `query($filter: OrganisationFilter) {
  organisations(first: 100, filter: $filter) {
    ${count ? 'totalCount' : ''}
    edges { node { id name acronym legalForm location { lat lng } domains { id name } neighbourhoods { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** As another instance's write would: the organisations' data version replaced. */
const invalidate = () => DataVersionModel.collection.updateOne({ _id: 'organisations' as never }, { $set: { token: new Types.ObjectId() } }, { upsert: true });

const bench: Bench = {
  name: 'directory at scale (counts and search, 100,000 organisations)',
  async run(ctx) {
    await ctx.connectFreshDatabase();
    const results: BenchResult[] = [];
    const { app, stop } = await createApp({ config: testConfig(), log: createLogger('silent') });
    const server: Server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const ask = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: { organisations: { edges: unknown[] } }; errors?: unknown };
      if (!body.data || body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    try {
      const t0 = Date.now();
      const docs = await buildDirectory(LARGE);
      await insertRaw(docs.slice(0, SMALL));
      ctx.log(`${SMALL} organisations inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const search = { filter: { search: 'solidaire' } };
      const small = await compareMs(
        {
          warm: () => ask(page(true), search),
          cold: async () => {
            await invalidate();
            await ask(page(false), search);
          },
        },
        9,
        2,
      );

      const t1 = Date.now();
      await insertRaw(docs.slice(SMALL));
      ctx.log(`${LARGE} organisations in all, the last ${LARGE - SMALL} inserted in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
      await invalidate();
      const large = await compareMs(
        {
          warm: () => ask(page(true), search),
          cold: async () => {
            await invalidate();
            await ask(page(false), search);
          },
        },
        9,
        2,
      );
      results.push(
        result({
          name: `search page "solidaire" (100, with totalCount) at ${LARGE} vs at ${SMALL} organisations, cache warm`,
          value: Number(large.warm!.toFixed(1)),
          baseline: Number(small.warm!.toFixed(1)),
          unit: 'ms',
          aim: '<= 3x',
          ok: large.warm! <= 3 * small.warm!,
        }),
        result({
          name: `search page "solidaire" (100, no totalCount) at ${LARGE} vs at ${SMALL}, cold (ranked after every write)`,
          value: Number(large.cold!.toFixed(1)),
          baseline: Number(small.cold!.toFixed(1)),
          unit: 'ms',
          aim: 'reported (scores every match)',
        }),
      );

      const ess = await DomainModel.findOne({ code: 'ess' }).lean();
      const corsy = await NeighbourhoodModel.findOne({ code: 'corsy' }).lean();
      const filters: [string, Record<string, unknown>][] = [
        ['no filter', {}],
        ['priorityNeighbourhoodsOnly', { priorityNeighbourhoodsOnly: true }],
        ['domainIds (ess)', { domainIds: [String(ess!._id)] }],
        ['neighbourhoodIds (corsy)', { neighbourhoodIds: [String(corsy!._id)] }],
        ['legalForms (SCOP)', { legalForms: ['SCOP'] }],
      ];
      for (const [label, filter] of filters) {
        const m = await compareMs(
          {
            without: () => ask(page(false), { filter }),
            with: () => ask(page(true), { filter }),
            cold: async () => {
              await invalidate();
              await ask(page(true), { filter });
            },
          },
          9,
          2,
        );
        results.push(
          result({
            name: `directory page of 100 (${label}) at ${LARGE}: with totalCount (cached) vs without`,
            value: Number(m.with!.toFixed(1)),
            baseline: Number(m.without!.toFixed(1)),
            unit: 'ms',
            aim: '<= 1.3x',
            ok: m.with! <= 1.3 * m.without!,
          }),
          result({
            name: `directory page of 100 (${label}) at ${LARGE}: with totalCount counted (first after a write) vs without`,
            value: Number(m.cold!.toFixed(1)),
            baseline: Number(m.without!.toFixed(1)),
            unit: 'ms',
            aim: 'reported',
          }),
        );
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
      await ctx.disconnectDatabase();
    }
    return results;
  },
};

export default bench;
