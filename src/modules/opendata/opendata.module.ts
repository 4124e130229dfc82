// The open-data publication over plain HTTP (public, streamed) and, for officers, the grants it had to
// leave out. See opendata.service.ts for what is published and why.
import { roles } from '../../auth/policy';
import type { Context } from '../../context';
import { Problems } from '../../errors/app-error';
import type { AppModule } from '../module';
import { handler } from '../map/http';
import { checkExportYear, countExclusions, openDataExclusions, write360GivingJson, writeScdlCsv } from './opendata.service';

export const MAX_EXCLUSIONS = 500;

export const opendataModule: AppModule = {
  name: 'opendata',
  policies: { Query: { openDataExclusions: roles('OFFICER', 'ADMIN') } },
  resolvers: {
    Query: {
      openDataExclusions: async (_: unknown, args: { year: number }, _ctx: Context) => {
        const p = new Problems();
        if (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100) p.add('year', 'The year must be between 2000 and 2100.');
        p.throwIfAny();
        return (await openDataExclusions(args.year)).slice(0, MAX_EXCLUSIONS);
      },
    },
  },
  routes(router, { config, log }) {
    router.get(
      '/api/open-data/scdl/subventions-:year.csv',
      handler(log, async (req, res) => {
        const year = checkExportYear(String(req.params.year));
        const excluded = await countExclusions(year);
        res.status(200);
        res.setHeader('content-type', 'text/csv; charset=utf-8; header=present');
        res.setHeader('content-disposition', `inline; filename="subventions-${year}.csv"`);
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('x-excluded-grants', String(excluded));
        await writeScdlCsv(res, year, config);
        res.end();
      }),
    );
    router.get(
      '/api/open-data/360giving-:year.json',
      handler(log, async (req, res) => {
        const year = checkExportYear(String(req.params.year));
        const excluded = await countExclusions(year);
        res.status(200);
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('x-excluded-grants', String(excluded));
        await write360GivingJson(res, year, config);
        res.end();
      }),
    );
  },
};
