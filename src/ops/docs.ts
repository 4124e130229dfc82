// Generated documentation tables: the policy of every operation (from policyTable() and the SDL), in
// docs/security.md, and every configuration variable (from describeConfig()), in docs/operations.md.
// `npm run docs` prints them; `npm run docs -- --write` rewrites their blocks. A test fails when a file
// differs from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { describePolicy } from '../auth/policy';
import { describeConfig } from '../config';
import { buildSchema, policyTable } from '../schema';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** First sentence of an SDL description, for a one-line table cell. */
function summary(description: string | null | undefined): string {
  if (!description) return '';
  const first = description.split(/(?<=\.)\s/)[0] ?? description;
  return cell(first);
}

export function policyMarkdown(schema: GraphQLSchema = buildSchema()): string {
  const rows = [...policyTable().entries()]
    .map(([key, { root, policy, module }]) => {
      const [, field] = key.split('.') as [string, string];
      const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
      return { root, field, who: describePolicy(policy), module, about: summary(type?.getFields()[field]?.description) };
    })
    .sort((a, b) => (a.root === b.root ? a.field.localeCompare(b.field) : a.root === 'Query' ? -1 : 1));
  return [
    '| operation | kind | who may call it | module | what it does |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${r.field}\` | ${r.root === 'Query' ? 'query' : 'mutation'} | ${r.who} | ${r.module} | ${r.about} |`),
  ].join('\n');
}

export function configMarkdown(): string {
  return [
    '| variable | default | meaning |',
    '| --- | --- | --- |',
    ...describeConfig().map((v) => `| \`${v.name}\` | ${cell(v.default)} | ${cell(v.description)}${v.secret ? ' **Secret**: never logged.' : ''} |`),
  ].join('\n');
}

/** Each generated block and the file (from the repository's root) that holds it. */
export const GENERATED_BLOCKS: Record<string, { file: string; make: () => string }> = {
  policies: { file: 'docs/security.md', make: () => policyMarkdown() },
  config: { file: 'docs/operations.md', make: configMarkdown },
};

/** The text between `<!-- generated:name -->` and `<!-- /generated:name -->`, or null. */
export function readBlock(text: string, name: string): string | null {
  const m = new RegExp(`<!-- generated:${name} -->([\\s\\S]*?)<!-- /generated:${name} -->`).exec(text);
  return m ? m[1]!.replace(/^\n+|\n+$/g, '') : null;
}

/** Rewrites the named blocks of a file's text with what the code says now. */
export function writeBlocks(text: string, names: string[]): string {
  let out = text;
  for (const name of names) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(out)) throw new Error(`No <!-- generated:${name} --> block in ${GENERATED_BLOCKS[name]!.file}.`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}\n${GENERATED_BLOCKS[name]!.make()}\n${close}`);
  }
  return out;
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  if (process.argv.includes('--write')) {
    const files = [...new Set(Object.values(GENERATED_BLOCKS).map((b) => b.file))];
    for (const file of files) {
      const names = Object.keys(GENERATED_BLOCKS).filter((n) => GENERATED_BLOCKS[n]!.file === file);
      writeFileSync(join(root, file), writeBlocks(readFileSync(join(root, file), 'utf8'), names));
      console.log(`${file}: ${names.join(', ')} updated.`);
    }
  } else {
    const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    for (const name of which.length ? which : Object.keys(GENERATED_BLOCKS)) console.log(`${GENERATED_BLOCKS[name]!.make()}\n`);
  }
}
