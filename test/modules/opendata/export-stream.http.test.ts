// The export pipeline over more grants than one batch: every publishable grant exactly once and in order
// in both formats, the reader's pace holding the cursor back (backpressure), and a reader that leaves
// closing the cursor. What each row says is tested in opendata.http.test.ts.
import { Writable } from 'node:stream';
import mongoose, { Types } from 'mongoose';
import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, fakeSiret } from '../../helpers/factories';
import { makeProgramme } from '../coordination/grant-docs';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { EXPORT_BATCH, streamExport } from '../../../src/modules/opendata/export-stream';
import { giving360Json } from '../../../src/modules/opendata/giving360';
import type { ExportGrant } from '../../../src/modules/opendata/scdl';

useTestDatabase();
const YEAR = 2030;
const GRANTS = 3_000;
let server: TestServer;
/** The numbers the publication must list, in decision order; every seventh grant's beneficiary has no identifier. */
const published: string[] = [];

beforeAll(async () => {
  server = await startServer({ cityName: 'Commune de Mesure', citySiret: '21130001700012' });
  const withIds = await makeOrganisation({ name: 'Association, "grande"', rna: 'W131009001', siret: fakeSiret(9001) });
  const without = await makeOrganisation({ name: 'Collectif sans numéro', rna: undefined, siret: undefined });
  const programme = await makeProgramme({ name: 'Mesure', year: YEAR });
  const docs = [];
  for (let k = 0; k < GRANTS; k++) {
    // Decisions in reverse insertion order, some on the same instant: the export sorts by decision, then number.
    const decidedAt = new Date(Date.UTC(YEAR, 5, 1) + Math.floor((GRANTS - k) / 3) * 60_000);
    const number = `${YEAR}-${String(k).padStart(6, '0')}`;
    const org = k % 7 === 0 ? without._id : withIds._id;
    docs.push({
      number,
      organisation: org,
      programme: programme._id,
      year: YEAR,
      title: k % 2 ? `Projet n°${k}, "quartiers"` : '?',
      description: 'Projet pour les essais du flux.',
      budgetLines: [{ kind: 'EXPENSE', label: 'Dépenses', amount: 200_000 }],
      otherFunders: [],
      requestedAmount: 100_000 + k,
      status: k % 5 ? 'APPROVED' : 'COMPLETED',
      createdBy: new Types.ObjectId(),
      decision: { outcome: 'APPROVED', amount: 100_000 + k, motivation: 'Conforme.', decidedBy: new Types.ObjectId(), decidedAt },
      payments: [],
      convention: null,
      paidAmount: 0,
      createdAt: decidedAt,
      updatedAt: decidedAt,
    });
    if (org !== without._id) published.push(number);
  }
  await GrantApplicationModel.collection.insertMany(docs);
  const decided = new Map(docs.map((d) => [d.number, d.decision.decidedAt.getTime()]));
  published.sort((a, b) => decided.get(a)! - decided.get(b)! || a.localeCompare(b));
}, 60_000);
afterAll(() => server.close());

/** The export's cursors still open on the server (idle between two batches, or running). */
async function openExportCursors(): Promise<number> {
  const ns = `${mongoose.connection.db!.databaseName}.${GrantApplicationModel.collection.collectionName}`;
  const ops = await mongoose.connection
    .db!.admin()
    .command({ aggregate: 1, pipeline: [{ $currentOp: { idleCursors: true, allUsers: true } }, { $match: { ns, type: 'idleCursor' } }], cursor: {} });
  return (ops.cursor as { firstBatch: unknown[] }).firstBatch.length;
}

/** Polls `check` until it holds or `ms` pass (generous: the machines running the suite can be loaded). */
async function until(check: () => Promise<boolean>, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('the export pipeline', () => {
  it('streams several batches of grants, each publishable one exactly once, in decision order, in both formats', async () => {
    const csv = await server.get(`/api/open-data/scdl/subventions-${YEAR}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('x-excluded-grants')).toBe(String(GRANTS - published.length));
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.referenceDecision)).toEqual(published);
    expect(rows.find((r) => r.referenceDecision === `${YEAR}-000001`)?.montant).toBe('1000.01');

    const json = await server.get(`/api/open-data/360giving-${YEAR}.json`);
    const body = JSON.parse(await json.text()) as { grants: { id: string; title: string; amountAwarded: number }[] };
    expect(body.grants.map((g) => g.id.slice(-11))).toEqual(published);
    expect(body.grants.find((g) => g.id.endsWith(`${YEAR}-000002`))).toMatchObject({ title: '?', amountAwarded: 1000.02 });
  });

  it('reads the cursor only as fast as the reader takes the text: a stalled reader holds it within a batch or two', async () => {
    let formatted = 0;
    const stalled = new Writable({ highWaterMark: 16 * 1024, write: () => {} });
    const done = streamExport(
      stalled,
      { year: YEAR, 'decision.outcome': 'APPROVED' },
      {
        head: '',
        row: (g) => {
          formatted++;
          return `${g.number},${'x'.repeat(200)}\n`;
        },
        tail: '',
      },
    );
    // Once the first rows are out, the export stops and stays stopped while nobody reads.
    expect(await until(async () => formatted > 0)).toBe(true);
    let held = -1;
    expect(
      await until(async () => {
        const before = formatted;
        await new Promise((r) => setTimeout(r, 500));
        held = formatted;
        return held === before;
      }),
    ).toBe(true);
    expect(held).toBeLessThanOrEqual(2 * EXPORT_BATCH);
    expect(await openExportCursors()).toBe(1);
    // The reader leaves: the export fails (its client is gone) and the cursor is closed, not left to time out.
    stalled.destroy();
    await expect(done).rejects.toThrow();
    expect(await until(async () => (await openExportCursors()) === 0)).toBe(true);
  });

  it('closes the cursor when an HTTP client disconnects mid-export', async () => {
    const abort = new AbortController();
    const res = await fetch(`${server.url}/api/open-data/scdl/subventions-${YEAR}.csv`, { signal: abort.signal });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    abort.abort();
    await reader.read().catch(() => null);
    expect(await until(async () => (await openExportCursors()) === 0)).toBe(true);
    // And the server still answers the next export in full.
    const again = await server.get(`/api/open-data/scdl/subventions-${YEAR}.csv`);
    expect((await again.text()).split('\r\n').length - 2).toBe(published.length);
  });
});

describe('the 360Giving row', () => {
  const grant = (title: string, description: string): ExportGrant => ({
    _id: new Types.ObjectId(),
    number: '2030-000001',
    title,
    description,
    decision: { amount: 123_45, decidedAt: new Date('2030-03-01T10:00:00Z') },
    org: { name: '"amountAwarded":"?"', rna: 'W131009001' },
  });

  it('writes the amount as a number in its own field, whatever the texts say', () => {
    for (const text of ['?', '"?"', '__AMOUNT__', '"amountAwarded":"?"', 'amountAwarded', '\\"amountAwarded\\":"?"']) {
      const json = giving360Json(grant(text, text), { cityName: 'Commune', citySiret: '21130001700012' })!;
      const parsed = JSON.parse(json) as Record<string, any>;
      expect(parsed).toMatchObject({ title: text, description: text, amountAwarded: 123.45 });
      expect(parsed.recipientOrganization[0].name).toBe('"amountAwarded":"?"');
    }
  });
});
