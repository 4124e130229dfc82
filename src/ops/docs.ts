// Generated README tables: the policy of every operation (from policyTable() and the SDL) and every
// configuration variable (from describeConfig()). `npm run docs` prints them; `npm run docs -- --write`
// rewrites the README blocks. A test fails when the README differs from the code.
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

export const README_BLOCKS: Record<string, () => string> = { policies: () => policyMarkdown(), config: configMarkdown };

/** The text between `<!-- generated:name -->` and `<!-- /generated:name -->`, or null. */
export function readBlock(readme: string, name: string): string | null {
  const m = new RegExp(`<!-- generated:${name} -->([\\s\\S]*?)<!-- /generated:${name} -->`).exec(readme);
  return m ? m[1]!.replace(/^\n+|\n+$/g, '') : null;
}

export function writeBlocks(readme: string): string {
  let out = readme;
  for (const [name, make] of Object.entries(README_BLOCKS)) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(out)) throw new Error(`README has no <!-- generated:${name} --> block.`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}\n${make()}\n${close}`);
  }
  return out;
}

if (require.main === module) {
  const readmePath = join(__dirname, '..', '..', 'README.md');
  if (process.argv.includes('--write')) {
    writeFileSync(readmePath, writeBlocks(readFileSync(readmePath, 'utf8')));
    console.log('README tables updated.');
  } else {
    const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    for (const name of which.length ? which : Object.keys(README_BLOCKS)) console.log(`${README_BLOCKS[name]!()}\n`);
  }
}
