// The grants module's folders are layers, and files import downward only:
//   kernel/ (lifecycle table, clock, money) <- application/ and budget/ (side by side, never each other)
//   <- commands/ (the command path and each mutation) <- grants.resolvers.ts, grants.loaders.ts (the wire).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../src/modules/grants');
// dossier/ (requirements, checklist) and convention/ (multi-year rules, what an approval writes) read
// application/ and budget/, and the commands read them; so does funding/ (thresholds per beneficiary and year).
const RANK: Record<string, number> = { kernel: 0, application: 1, budget: 1, dossier: 1.5, convention: 1.5, funding: 1.5, commands: 2, '.': 3 };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (file: string) => dirname(relative(ROOT, file));

/** The grants files a file imports (relative imports resolving inside the module). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)]
    .map((m) => resolve(dirname(file), m[1]) + '.ts')
    .filter((target) => target.startsWith(ROOT + '/') || target === ROOT);
}

describe('the grants layers', () => {
  const all = files(ROOT);

  it('puts every file in a known layer', () => {
    expect(all.length).toBeGreaterThan(10);
    for (const f of all) expect({ file: relative(ROOT, f), known: layerOf(f) in RANK }).toEqual({ file: relative(ROOT, f), known: true });
  });

  it('imports downward only: a layer reads its own folder and the layers below it', () => {
    const upward: string[] = [];
    for (const f of all) {
      for (const target of importsOf(f)) {
        const from = layerOf(f);
        const to = layerOf(target);
        if (from !== to && RANK[to] >= RANK[from]) upward.push(`${relative(ROOT, f)} -> ${relative(ROOT, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle inside the module', () => {
    const graph = new Map(all.map((f) => [f, importsOf(f)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(ROOT, p)).join(' -> '));
        return;
      }
      state.set(f, 'visiting');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
