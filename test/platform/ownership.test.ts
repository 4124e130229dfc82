// Each module writes only its own collections and declares the indexes of its own models. A source scan:
// it reads src/modules/*/ as text, so it catches a new foreign write or a stray index before review does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const MODULES = join(__dirname, '..', '..', 'src', 'modules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The module a file belongs to: the first folder under src/modules ('' for files at its root). */
const moduleOf = (file: string) => {
  const parts = relative(MODULES, file).split(sep);
  return parts.length > 1 ? parts[0]! : '';
};

const files = sourceFiles(MODULES).map((file) => ({ file, name: relative(MODULES, file), module: moduleOf(file), text: readFileSync(file, 'utf8') }));

/** Calls that change a collection, on a model or on its raw collection. */
const WRITES = [
  'create',
  'insertMany',
  'insertOne',
  'bulkWrite',
  'bulkSave',
  'updateOne',
  'updateMany',
  'replaceOne',
  'findOneAndUpdate',
  'findByIdAndUpdate',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
  'findByIdAndDelete',
  'drop',
];

/** The models a file imports from another module's `*.model` file. */
function foreignModels(f: (typeof files)[number]): { model: string; from: string }[] {
  const found: { model: string; from: string }[] = [];
  for (const m of f.text.matchAll(/import\s+(?!type\b)\{([^}]*)\}\s+from\s+'([^']+\.model)'/g)) {
    const target = join(f.file, '..', m[2]!);
    const owner = moduleOf(target);
    if (owner === f.module) continue;
    for (const spec of m[1]!.split(',')) {
      const name = spec
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (/Model$/.test(name) && !spec.trim().startsWith('type ')) found.push({ model: name, from: owner });
    }
  }
  return found;
}

describe('module ownership', () => {
  it('finds the module sources it scans', () => {
    expect(files.length).toBeGreaterThan(20);
    expect([...new Set(files.map((f) => f.module))]).toEqual(expect.arrayContaining(['user', 'organisation', 'registry', 'grants']));
  });

  it('lets no module write a collection owned by another module', () => {
    const offences: string[] = [];
    for (const f of files) {
      for (const { model, from } of foreignModels(f)) {
        const call = new RegExp(`\\b${model}\\s*(?:\\.collection)?\\s*\\.\\s*(${WRITES.join('|')})\\s*\\(`, 'g');
        for (const m of f.text.matchAll(call)) offences.push(`${f.name} calls ${model}.${m[1]} (the ${from} module owns it)`);
        // A document loaded from a foreign model and saved is a write too.
        if (new RegExp(`\\bnew\\s+${model}\\s*\\(`).test(f.text)) offences.push(`${f.name} builds a ${model} document (the ${from} module owns it)`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('catches a foreign write when there is one (the scan is not blind)', () => {
    const sample = {
      file: join(MODULES, 'organisation', 'sample.ts'),
      name: 'organisation/sample.ts',
      module: 'organisation',
      text: "import { UserModel } from '../user/user.model';\nawait UserModel.updateOne({}, {});",
    };
    expect(foreignModels(sample)).toEqual([{ model: 'UserModel', from: 'user' }]);
  });

  it('declares every index in the model file of the collection it belongs to', () => {
    const offences: string[] = [];
    for (const f of files) {
      const schemas = new Set([...f.text.matchAll(/const\s+(\w+)\s*=\s*new\s+Schema\b/g)].map((m) => m[1]!));
      for (const m of f.text.matchAll(/([\w.]+)\s*\.\s*index\s*\(/g)) {
        const target = m[1]!;
        if (!f.name.endsWith('.model.ts')) offences.push(`${f.name}: ${target}.index(...) outside a model file`);
        else if (!schemas.has(target)) offences.push(`${f.name}: ${target}.index(...) on a schema this file does not declare`);
      }
    }
    expect(offences).toEqual([]);
  });
});
