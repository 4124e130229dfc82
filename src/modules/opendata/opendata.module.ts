// The open-data publication over plain HTTP (public, streamed) and, for officers, the grants it had to
// leave out. See opendata.service.ts for what is published and why.
import { roles } from '../../auth/policy';
import { Problems } from '../../errors/app-error';
import type { AppModule } from '../module';
import { handler } from '../../http/errors';
import { checkExportYear, countExclusions, openDataDue, openDataExclusions, write360GivingJson, writeScdlCsv } from './opendata.service';
import { checkYear, isoDay } from '../../shared/dates';
import { firstOf, pageSize } from '../../shared/pagination';

export const MAX_EXCLUSIONS = 500;

export const opendataModule: AppModule = {
  name: 'opendata',
  policies: { Query: { openDataExclusions: roles('OFFICER', 'ADMIN'), openDataDue: roles('OFFICER', 'ADMIN') } },
  resolvers: {
    Query: {
      openDataExclusions: async (_, args) => {
        const p = new Problems();
        checkYear(args.year, 'year', p);
        p.throwIfAny();
        return openDataExclusions(args.year, MAX_EXCLUSIONS);
      },
      openDataDue: (_, args) => firstOf(args.first, async () => (await openDataDue(pageSize(args.first))) as never),
    },
    OpenDataDue: {
      signedOn: (d) => isoDay(d.signedOn as Date),
      dueOn: (d) => isoDay(d.dueOn as Date),
    },
  },
  routes(router, { config, log }) {
    // Both exports: public, open to other origins, streamed; the excluded grants are counted in a header.
    const exportRoute = (path: string, headers: Record<string, string | ((year: number) => string)>, write: typeof writeScdlCsv) =>
      router.get(
        path,
        handler(log, async (req, res) => {
          const year = checkExportYear(String(req.params.year));
          const excluded = await countExclusions(year);
          res.status(200);
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, typeof value === 'function' ? value(year) : value);
          res.setHeader('access-control-allow-origin', '*');
          res.setHeader('x-excluded-grants', String(excluded));
          // Streamed with backpressure and ended by the pipeline (export-stream.ts).
          await write(res, year, config);
        }),
      );
    exportRoute(
      '/api/open-data/scdl/subventions-:year.csv',
      { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': (year) => `inline; filename="subventions-${year}.csv"` },
      writeScdlCsv,
    );
    exportRoute('/api/open-data/360giving-:year.json', { 'content-type': 'application/json; charset=utf-8' }, write360GivingJson);
  },
};
