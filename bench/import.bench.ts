// The RNA import of 100,000 waldec rows (a generated UTF-8 file) against a raw insertMany of the same
// documents in the same run: rows per second, aim at least half of insertMany's. Then the same file
// again (nothing to change), to show the idempotent pass.
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrganisationModel } from '../src/modules/organisation/organisation.model';
import { importRna, rowToFields } from '../src/modules/registry/rna-import';
import { foldText } from '../src/shared/text';
import { result, type Bench, type BenchResult } from './harness';

const ROWS = 100_000;
const HEADER =
  'id;id_ex;siret;rup_mi;gestion;date_creat;date_decla;date_publi;date_disso;nature;groupement;titre;titre_court;objet;objet_social1;objet_social2;adrs_complement;adrs_numvoie;adrs_repetition;adrs_typevoie;adrs_libvoie;adrs_distrib;adrs_codeinsee;adrs_codepostal;adrs_libcommune;adrg_declarant;adrg_complemid;adrg_complemgeo;adrg_libvoie;adrg_distrib;adrg_codepostal;adrg_achemine;adrg_pays;dir_civilite;siteweb;publiweb;observation;position;maj_time'.split(
    ';',
  );

function line(i: number): string {
  const r: Record<string, string> = Object.fromEntries(HEADER.map((h) => [h, '']));
  Object.assign(r, {
    id: `W13${String(i).padStart(7, '0')}`,
    titre: `ASSOCIATION DE DÉMONSTRATION NUMÉRO ${i}`,
    titre_court: i % 3 ? '' : `ADN${i}`,
    objet: `favoriser la vie associative et les activités culturelles du quartier (ligne ${i})`,
    adrs_numvoie: String(1 + (i % 120)),
    adrs_typevoie: 'RUE',
    adrs_libvoie: 'des Cordeliers',
    adrs_codeinsee: i % 4 ? '13001' : '13055',
    adrs_codepostal: '13100',
    adrs_libcommune: 'AIX-EN-PROVENCE',
    siteweb: i % 5 ? '' : `www.asso${i}.example.org`,
    position: i % 20 ? 'A' : 'D',
    maj_time: '2025-11-02 10:00:00',
    date_creat: '2001-01-01',
  });
  return HEADER.map((h) => r[h]).join(';');
}

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(';')}\n`);
  let chunk = '';
  for (let i = 1; i <= ROWS; i++) {
    chunk += `${line(i)}\n`;
    if (chunk.length > 256 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The documents the import would create, built in memory (mapping excluded from the baseline's time). */
function documents(): Record<string, unknown>[] {
  const now = new Date();
  const docs: Record<string, unknown>[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const values = line(i).split(';');
    const rec = Object.fromEntries(HEADER.map((h, k) => [h, values[k]!]));
    const out = rowToFields(rec, i + 1, () => undefined);
    if (!('row' in out)) continue;
    docs.push({
      ...out.row.fields,
      nameKey: foldText(out.row.fields.name as string),
      rna: out.row.rna,
      legalForm: 'ASSOCIATION',
      domains: [],
      neighbourhoods: [],
      labels: [],
      isPublic: true,
      source: 'RNA',
      locallyEditedFields: [],
      description: out.row.fields.description ?? '',
      createdAt: now,
      updatedAt: now,
    });
  }
  return docs;
}

const bench: Bench = {
  name: 'import',
  async run(ctx) {
    await ctx.connectFreshDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-'));
    const file = join(dir, 'waldec-100k.csv');
    const results: BenchResult[] = [];
    try {
      await writeFile(file);
      const docs = documents();

      // Two rounds, each variant on an empty (indexed) collection; the best time of each is kept (the
      // machine is shared and noisy). Baseline: insertMany of the same documents, 1,000 a call.
      let insertMs = Infinity;
      let importMs = Infinity;
      let first = null as Awaited<ReturnType<typeof importRna>> | null;
      for (let round = 0; round < 2; round++) {
        await OrganisationModel.deleteMany({});
        let t0 = process.hrtime.bigint();
        for (let i = 0; i < docs.length; i += 1000)
          await OrganisationModel.collection.insertMany(
            docs.slice(i, i + 1000).map((d) => ({ ...d })),
            { ordered: false },
          );
        insertMs = Math.min(insertMs, Number(process.hrtime.bigint() - t0) / 1e6);
        await OrganisationModel.deleteMany({});
        t0 = process.hrtime.bigint();
        first = await importRna(file);
        importMs = Math.min(importMs, Number(process.hrtime.bigint() - t0) / 1e6);
      }
      ctx.log(
        `import: ${first!.created} created, ${first!.dissolved} dissolved, ${first!.rejected} rejected in ${importMs.toFixed(0)} ms; insertMany ${insertMs.toFixed(0)} ms`,
      );

      let t = process.hrtime.bigint();
      t = process.hrtime.bigint();
      const second = await importRna(file);
      const againMs = Number(process.hrtime.bigint() - t) / 1e6;
      ctx.log(`second run: ${second.unchanged} unchanged, ${second.created + second.updated + second.dissolved} changed in ${againMs.toFixed(0)} ms`);

      const rate = (ms: number) => Math.round((ROWS / ms) * 1000);
      results.push(
        result({
          name: `RNA import of ${ROWS.toLocaleString('en')} rows (file to database), vs raw insertMany of the same documents`,
          value: rate(importMs),
          baseline: rate(insertMs),
          unit: 'rows/s',
          higherIsBetter: true,
          aim: '>= 0.5x',
          ok: rate(importMs) / rate(insertMs) >= 0.5,
        }),
        result({
          name: 'RNA import, second run of the same file (nothing changes), vs raw insertMany',
          value: rate(againMs),
          baseline: rate(insertMs),
          unit: 'rows/s',
          higherIsBetter: true,
          aim: 'changes nothing',
          ok: second.created + second.updated + second.dissolved === 0,
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await ctx.disconnectDatabase();
    }
    return results;
  },
};

export default bench;
