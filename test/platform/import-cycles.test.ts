// No import cycle in the server, its seeds and its benches: the same dependency-cruiser rule as
// `npm run lint:cycles` (.dependency-cruiser.cjs), so CI fails on a cycle even where lint does not run. The
// check is first shown to catch a deliberate cycle (test/fixtures/cycle), so an empty answer means something.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
// dependency-cruiser is an ES module: run its command line (as CI does) rather than load it into Jest.
const CLI = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

async function violations(...paths: string[]): Promise<Violation[]> {
  const args = [CLI, ...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--no-progress'];
  // The command exits non-zero when it finds violations; its JSON on stdout is the answer either way.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch((err: { stdout?: string }) => {
    if (!err.stdout) throw err;
    return { stdout: err.stdout };
  });
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** A violation as one line: the rule, then the cycle's files in order. */
const asLine = (v: Violation): string => `${v.rule.name}: ${[v.from, ...(v.cycle ?? []).map((c) => c.name)].join(' -> ')}`;

it('catches a deliberate cycle between two files', async () => {
  const found = await violations('test/fixtures/cycle');
  expect(found.map((v) => v.rule.name)).toContain('no-circular');
  expect(found.flatMap((v) => [v.from, v.to]).sort()).toEqual(expect.arrayContaining(['test/fixtures/cycle/a.ts', 'test/fixtures/cycle/b.ts']));
}, 120_000);

it('finds no import cycle in src/, seeds/ or bench/, type-only imports included', async () => {
  expect((await violations('src', 'seeds', 'bench')).map(asLine)).toEqual([]);
}, 120_000);
