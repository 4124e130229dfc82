// `npm run import:neighbourhoods` as an operator runs it: the real command on fixtures in the published QPV
// format (code_qp, nom_qp, commune_qp, MultiPolygons) against the test database, its exit code, its report,
// and what is stored.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useTestDatabase } from '../helpers/db';
import { NeighbourhoodModel } from '../../src/modules/reference/neighbourhood.model';
import { ActivityModel } from '../../src/modules/activity/activity.model';
import { parseArgs, progressBar } from '../../src/cli/import-neighbourhoods';

const execute = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'neighbourhoods');
const db = useTestDatabase();
// Each case starts the real command (tsx compiles it first): slow on a loaded machine, so more time than the default.
jest.setTimeout(240_000);

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await execute(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'import-neighbourhoods.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: db.uri(), NODE_ENV: 'development', LOG_LEVEL: 'silent' },
    });
    return { ...r, code: 0 };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const QPV = ['--name-property', 'nom_qp', '--code-property', 'code_qp', '--priority', '--where', 'commune_qp=Bellerive-sur-Lune'];
const count = (label: string, n: number) => new RegExp(`^  ${label}\\s+${n}\\b`, 'm');

describe('npm run import:neighbourhoods on a QPV file', () => {
  it("imports the commune's priority neighbourhoods with their shapes as published, and reports it", async () => {
    const out = await run(join(FIXTURES, 'qpv-bellerive.geojson'), ...QPV);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Neighbourhoods from qpv-bellerive.geojson: 4 features, imported as priority neighbourhoods');
    expect(out.stdout).toMatch(count('created', 3));
    expect(out.stdout).toMatch(/^ {2}skipped\s+1 {2}\(not commune_qp=Bellerive-sur-Lune\)/m);
    expect(out.stdout).toMatch(count('invalid', 0));
    // Redirected output: no progress bar, no carriage return.
    expect(out.stderr).toBe('');
    const stored = await NeighbourhoodModel.find({}).sort({ code: 1 }).lean();
    expect(stored.map((n) => [n.code, n.name, n.isPriority])).toEqual([
      ['QN04501M', 'Les Acacias', true],
      ['QN04502M', 'La Source-Lune', true],
      ['QN04503M', 'Clos-Fleuri', true],
    ]);
    // The shapes as the file has them: a MultiPolygon of two parts, one with a hole.
    const { features } = JSON.parse(readFileSync(join(FIXTURES, 'qpv-bellerive.geojson'), 'utf8')) as { features: { geometry: unknown }[] };
    expect(stored.map((n) => n.geometry)).toEqual(features.slice(0, 3).map((f) => f.geometry));
    const trail = await ActivityModel.find({ objectType: 'Neighbourhood', action: 'IMPORT' }).lean();
    expect(trail).toHaveLength(3);
    expect(trail.every((r) => r.actor === null && r.changes?.some((c) => c.field === 'geometry' && /^MultiPolygon: /.test(c.after!)))).toBe(true);
  });

  it('changes nothing on a second run, and says so', async () => {
    const before = await NeighbourhoodModel.find({}).lean();
    const out = await run(join(FIXTURES, 'qpv-bellerive.geojson'), ...QPV);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(count('created', 0));
    expect(out.stdout).toMatch(count('updated', 0));
    expect(out.stdout).toMatch(count('unchanged', 3));
    expect(out.stdout).toContain('Nothing changed: the database already matches the file.');
    expect(await NeighbourhoodModel.find({}).lean()).toEqual(before);
    expect(await ActivityModel.countDocuments({ objectType: 'Neighbourhood' })).toBe(3);
  });

  it('finishes an import that stopped halfway when run again, and brings an edited name back to the file', async () => {
    // As if the first run had written only one feature before the database went away.
    await NeighbourhoodModel.deleteMany({ code: { $in: ['QN04502M', 'QN04503M'] } });
    await NeighbourhoodModel.updateOne({ code: 'QN04501M' }, { $set: { name: 'Acacias (old name)' } });
    const out = await run(join(FIXTURES, 'qpv-bellerive.geojson'), ...QPV);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(count('created', 2));
    expect(out.stdout).toMatch(count('updated', 1));
    expect(await NeighbourhoodModel.countDocuments({})).toBe(3);
    expect((await NeighbourhoodModel.findOne({ code: 'QN04501M' }).lean())!.name).toBe('Les Acacias');
  });

  it('reports every invalid feature by its index and imports nothing', async () => {
    const out = await run(join(FIXTURES, 'qpv-invalid.geojson'), '--name-property', 'nom_qp', '--code-property', 'code_qp', '--priority');
    expect(out.code).toBe(1);
    const lines = out.stderr.trim().split('\n');
    expect(lines).toEqual([
      'feature 1 (geometry.coordinates[0][0]): Polygon 0, ring 0 (the outline) crosses itself: its edges 0 and 2 meet. Draw it without a loop or a figure of eight.',
      'feature 2 (geometry.coordinates[0][0]): Polygon 0, ring 0 (the outline) is not closed: its last position must repeat its first, [1.89, 47.885].',
      expect.stringMatching(/^feature 3 \(geometry\.coordinates\[0\]\[0\]\[0\]\): .* out of range .* convert the file to WGS 84 \(EPSG:4326\)\.$/),
      'feature 4 (properties.code_qp): code "QN04511M" is also the code of feature 0: each neighbourhood has its own code.',
      'feature 5 (properties.nom_qp): no name (property "nom_qp" is missing or empty).',
      'feature 6 (geometry.coordinates[0][0]): Polygon 0, ring 0 (the outline) has 3 positions: a ring needs at least 4, the last one repeating the first.',
    ]);
    expect(out.stdout).toMatch(count('invalid', 6));
    expect(out.stdout).toContain(
      'Nothing was imported: correct the features above and run the import again, or add --skip-invalid to import the 2 valid ones.',
    );
    expect(await NeighbourhoodModel.countDocuments({ code: { $in: ['QN04511M', 'QN04517M'] } })).toBe(0);
  });

  it('imports the valid features of a flawed file with --skip-invalid, still listing the others', async () => {
    const out = await run(join(FIXTURES, 'qpv-invalid.geojson'), '--name-property', 'nom_qp', '--code-property', 'code_qp', '--skip-invalid');
    expect(out.code).toBe(0);
    expect(out.stderr.trim().split('\n')).toHaveLength(6);
    expect(out.stdout).toMatch(count('created', 2));
    expect((await NeighbourhoodModel.find({ code: { $in: ['QN04511M', 'QN04517M'] } }).lean()).map((n) => n.isPriority)).toEqual([false, false]);
  });

  it('refuses a property no feature has, naming those feature 0 has', async () => {
    const out = await run(join(FIXTURES, 'qpv-bellerive.geojson'), '--name-property', 'name', '--code-property', 'code_qp');
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe('feature 0: --name-property "name": no feature has this property (feature 0 has: code_qp, nom_qp, commune_qp).');
  });

  it('refuses an empty collection, an empty file and a file that is not GeoJSON, each saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoods-'));
    writeFileSync(join(dir, 'zero.geojson'), '');
    writeFileSync(join(dir, 'broken.geojson'), '{"type": "FeatureCollection", "features": [');
    writeFileSync(join(dir, 'points.geojson'), JSON.stringify({ type: 'Feature', geometry: null, properties: {} }));
    const args = ['--name-property', 'nom_qp', '--code-property', 'code_qp'];
    const empty = await run(join(FIXTURES, 'qpv-empty.geojson'), ...args);
    expect([empty.code, empty.stderr.trim()]).toEqual([1, expect.stringMatching(/qpv-empty\.geojson" has no features: there is nothing to import\.$/)]);
    const zero = await run(join(dir, 'zero.geojson'), ...args);
    expect([zero.code, zero.stderr.trim()]).toEqual([1, expect.stringMatching(/zero\.geojson" is empty: give a GeoJSON FeatureCollection/)]);
    const broken = await run(join(dir, 'broken.geojson'), ...args);
    expect([broken.code, broken.stderr.trim()]).toEqual([1, expect.stringMatching(/broken\.geojson" is not valid JSON/)]);
    const notCollection = await run(join(dir, 'points.geojson'), ...args);
    expect([notCollection.code, notCollection.stderr.trim()]).toEqual([1, expect.stringMatching(/is not a GeoJSON FeatureCollection/)]);
  });

  it('answers a usage mistake with exit code 2 and the usage', async () => {
    const out = await run(join(FIXTURES, 'qpv-bellerive.geojson'), '--name-property', 'nom_qp');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("Give --code-property: the property holding each neighbourhood's code.");
    expect(out.stderr).toContain('Usage: npm run import:neighbourhoods -- <file.geojson> --name-property <property> --code-property <property> [--priority]');
  });
});

describe('the command line', () => {
  it('reads every option, in both spellings', () => {
    expect(parseArgs(['f.geojson', '--name-property=nom_iris', '--code-property', 'code_iris', '--where', 'insee_com=45999', '--skip-invalid'])).toEqual({
      file: 'f.geojson',
      nameProperty: 'nom_iris',
      codeProperty: 'code_iris',
      priority: false,
      where: { property: 'insee_com', value: '45999' },
      skipInvalid: true,
    });
    expect(parseArgs(['f.geojson', '--name-property', 'n', '--code-property', 'c', '--where', 'commune'])).toMatch(/--where takes <property>=<value>/);
    expect(parseArgs(['f.geojson', '--frobnicate'])).toBe('Unknown option --frobnicate.');
    expect(parseArgs(['a.geojson', 'b.geojson'])).toBe('Only one file at a time (got "a.geojson" and "b.geojson").');
  });

  it('draws progress on a terminal only', () => {
    const tty: string[] = [];
    const bar = progressBar({ isTTY: true, write: (s: string) => tty.push(s) > 0 });
    bar.update(3, 3);
    bar.clear();
    expect(tty).toEqual([`\r[${'#'.repeat(30)}] 3/3 neighbourhoods`, '\r\x1b[2K']);
    const piped: string[] = [];
    const quiet = progressBar({ isTTY: false, write: (s: string) => piped.push(s) > 0 });
    quiet.update(1, 3);
    quiet.clear();
    expect(piped).toEqual([]);
  });
});
