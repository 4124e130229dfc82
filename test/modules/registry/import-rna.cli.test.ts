// The RNA import through its real interface: the CLI on fixture files (UTF-8 with broken rows, Latin-1,
// an update), against this file's database.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useTestDatabase } from '../../helpers/db';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { makeOrganisation } from '../../helpers/factories';
import { parseArgs, progressBar } from '../../../src/cli/import-rna';
import { readVersions } from '../../../src/shared/versions';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'rna');
const db = useTestDatabase();

async function importRna(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'import-rna.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: db.uri(), NODE_ENV: 'development', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
/** The directory caches' token for organisations ('' before any write), see src/shared/versions.ts. */
const organisationsVersion = async () => (await readVersions()).organisations;
const count = (summary: string, label: string) => Number(new RegExp(`^\\s+${label}\\s+(\\d+)`, 'm').exec(summary)?.[1]);

describe('npm run import:rna', () => {
  it('imports a UTF-8 file for one commune, reports each bad row with its line number and keeps going', async () => {
    const version = await organisationsVersion();
    const res = await importRna(join(FIXTURES, 'waldec-utf8.csv'), '--commune', '13001');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('(UTF-8), commune 13001: 11 rows');
    expect([
      count(res.stdout, 'created'),
      count(res.stdout, 'updated'),
      count(res.stdout, 'dissolved'),
      count(res.stdout, 'skipped'),
      count(res.stdout, 'rejected'),
    ]).toEqual([4, 0, 1, 2, 4]);
    expect(res.stderr).toContain('line 6: rejected: id "X12" is not an RNA number');
    expect(res.stderr).toContain('line 7: rejected: expected 39 fields separated by ";", found 9.');
    expect(res.stderr).toContain('line 8 (W131000007): rejected: position "Z"');
    expect(res.stderr).toContain('line 9 (W131000008): rejected: the name (titre) is empty.');
    expect(res.stderr).toContain('line 10 (W131000009): warning: SIRET "12345678901234" is not valid');

    const theatre = await OrganisationModel.findOne({ rna: 'W131000001' }).lean();
    expect(theatre).toMatchObject({
      name: 'ASSOCIATION DES AMIS DU THÉÂTRE DU COURS',
      nameKey: 'association des amis du theatre du cours',
      legalForm: 'ASSOCIATION',
      acronym: 'AATC',
      siret: '42424242000018',
      description: 'promouvoir le théâtre amateur à Aix-en-Provence',
      address: { street: '12 RUE Mignet', postcode: '13100', city: 'AIX-EN-PROVENCE' },
      website: 'http://www.amis-theatre.example.org',
      status: 'ACTIVE',
      source: 'RNA',
      registryUpdatedAt: new Date('2025-03-14T10:22:31.000Z'),
    });
    expect((await OrganisationModel.findOne({ rna: 'W131000002' }).lean())?.name).toBe('LES "JARDINS" PARTAGÉS D\'ENCAGNANE');
    expect((await OrganisationModel.findOne({ rna: 'W131000003' }).lean())?.status).toBe('DISSOLVED');
    expect(await OrganisationModel.findOne({ rna: 'W131000009' }).lean()).toMatchObject({ name: 'CERCLE OCCITAN LOU PROUVENÇAU' });
    expect((await OrganisationModel.findOne({ rna: 'W131000009' }).lean())?.siret).toBeUndefined();
    expect(await OrganisationModel.countDocuments({ rna: { $in: ['W131000004', 'W131000010'] } })).toBe(0);
    // The directory's cached counts and pages are told: the organisations' version changed.
    expect(await organisationsVersion()).not.toBe(version);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await OrganisationModel.find({ source: 'RNA' }).sort({ rna: 1 }).lean();
    const version = await organisationsVersion();
    const res = await importRna(join(FIXTURES, 'waldec-utf8.csv'), '--commune', '13001');
    expect([count(res.stdout, 'created'), count(res.stdout, 'updated'), count(res.stdout, 'dissolved'), count(res.stdout, 'unchanged')]).toEqual([0, 0, 0, 5]);
    expect(await OrganisationModel.find({ source: 'RNA' }).sort({ rna: 1 }).lean()).toEqual(before);
    // Nothing written, so the caches stay valid.
    expect(await organisationsVersion()).toBe(version);
  });

  it('updates from a newer file but keeps the fields edited in Maillage, and marks newly dissolved associations', async () => {
    await OrganisationModel.updateOne({ rna: 'W131000001' }, { $set: { name: 'Les Amis du Théâtre du Cours' }, $addToSet: { locallyEditedFields: 'name' } });
    const res = await importRna(join(FIXTURES, 'waldec-update.csv'));
    expect(res.code).toBe(0);
    expect([count(res.stdout, 'updated'), count(res.stdout, 'dissolved'), count(res.stdout, 'unchanged')]).toEqual([1, 1, 1]);
    const theatre = await OrganisationModel.findOne({ rna: 'W131000001' }).lean();
    expect(theatre).toMatchObject({ name: 'Les Amis du Théâtre du Cours', description: 'théâtre amateur et ateliers pour tous les âges' });
    expect((await OrganisationModel.findOne({ rna: 'W131000002' }).lean())?.status).toBe('DISSOLVED');
  });

  it('never overwrites what an organisation created in Maillage already says', async () => {
    await makeOrganisation({ rna: 'W132000002', name: 'Amis de la Chapelle', description: 'Notre propre description, écrite ici.' });
    const res = await importRna(join(FIXTURES, 'waldec-latin1.csv'), '--commune', '13001');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('(Latin-1), commune 13001: 4 rows');
    expect(res.stderr).toBe('');
    expect([
      count(res.stdout, 'created'),
      count(res.stdout, 'updated'),
      count(res.stdout, 'dissolved'),
      count(res.stdout, 'skipped'),
      count(res.stdout, 'rejected'),
    ]).toEqual([1, 1, 1, 1, 0]);
    expect((await OrganisationModel.findOne({ rna: 'W132000001' }).lean())?.name).toBe('SOCIÉTÉ DES FÊTES DE LUYNES');
    expect((await OrganisationModel.findOne({ rna: 'W132000003' }).lean())?.name).toBe("GARÇONS ET FILLES À L'ÉCOLE");
    const chapel = await OrganisationModel.findOne({ rna: 'W132000002' }).lean();
    // Name and purpose were written here; the acronym and address were empty, so the registry fills them.
    expect(chapel).toMatchObject({ name: 'Amis de la Chapelle', description: 'Notre propre description, écrite ici.', acronym: 'ACND', source: 'MAILLAGE' });
    expect(chapel?.address?.city).toBe('AIX-EN-PROVENCE');
  });

  it('rejects a row whose SIRET already belongs to another organisation, and imports the rest', async () => {
    const lines = readFileSync(join(FIXTURES, 'waldec-utf8.csv'), 'utf8').split('\r\n');
    const header = lines[0]!;
    const theatre = lines[1]!;
    const clash = theatre.replace('W131000001', 'W139999991').replace('ASSOCIATION DES AMIS', 'AUTRE ASSOCIATION');
    const fine = theatre.replace('W131000001', 'W139999992').replace('42424242000018', '').replace('ASSOCIATION DES AMIS', 'TROISIÈME ASSOCIATION');
    const dir = mkdtempSync(join(tmpdir(), 'rna-'));
    const file = join(dir, 'clash.csv');
    writeFileSync(file, [header, clash, fine, ''].join('\n'));
    const res = await importRna(file);
    expect([count(res.stdout, 'created'), count(res.stdout, 'rejected')]).toEqual([1, 1]);
    expect(res.stderr).toContain('line 2 (W139999991): rejected: SIRET 42424242000018 is already used by another organisation');
    expect(await OrganisationModel.countDocuments({ rna: 'W139999991' })).toBe(0);
    expect(await OrganisationModel.countDocuments({ rna: 'W139999992' })).toBe(1);
  });

  it('refuses a file that is not a waldec export, and a missing file, with exit code 1', async () => {
    const notWaldec = await importRna(join(FIXTURES, 'not-waldec.csv'));
    expect(notWaldec.code).toBe(1);
    expect(notWaldec.stderr).toContain('This is not a waldec RNA export: the header lacks id, siret, titre');
    const missing = await importRna(join(FIXTURES, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.csv: no such file\./);
  });
});

describe('the command line', () => {
  it('reads the file, --commune and --encoding, and explains a bad option', () => {
    expect(parseArgs(['f.csv', '--commune', '13001'])).toEqual({ file: 'f.csv', commune: '13001', encoding: null });
    expect(parseArgs(['--encoding=latin1', 'f.csv'])).toEqual({ file: 'f.csv', commune: null, encoding: 'latin1' });
    expect(parseArgs(['f.csv', '--commune', 'Aix'])).toBe('--commune takes an INSEE commune code of 5 characters (e.g. 13001), got "Aix".');
    expect(parseArgs([])).toBe('Give the waldec CSV file to import.');
    expect(parseArgs(['a.csv', 'b.csv'])).toBe('Only one file at a time (got "a.csv" and "b.csv").');
  });

  it('draws a progress bar on a terminal, and nothing when the output is redirected', () => {
    const written: string[] = [];
    const tty = progressBar({ isTTY: true, write: (s: string) => written.push(s) > 0 } as never);
    tty.update(50, 200, 1234);
    tty.update(200, 200, 5000);
    expect(written[0]).toBe(`\r[${'#'.repeat(8)}${'.'.repeat(22)}]  25%  1,234 rows`);
    expect(written[1]).toBe(`\r[${'#'.repeat(30)}] 100%  5,000 rows`);
    const redirected: string[] = [];
    progressBar({ isTTY: false, write: (s: string) => redirected.push(s) > 0 } as never).update(50, 200, 1);
    expect(redirected).toEqual([]);
  });
});
