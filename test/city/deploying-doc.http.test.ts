// docs/deploying.md (and the README's section) as written: every command names a real script with options
// its tool accepts, every setting is one the server reads, and every GraphQL block runs as the admin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTestDatabase } from '../helpers/db';
import { startServer, dataOf, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/factories';
import { describeConfig } from '../../src/config';
import { parseArgs as importArgs } from '../../src/cli/import-neighbourhoods';
import { parseArgs as adminArgs } from '../../src/cli/create-admin';

const ROOT = join(__dirname, '..', '..');
const guide = readFileSync(join(ROOT, 'docs', 'deploying.md'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Deploying for your city'), readme.indexOf('## Architecture'));
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
/** Shell words, quotes removed (the commands here use no escapes). */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
const commands = [...blocks(guide, 'sh'), ...blocks(section, 'sh')]
  .flatMap((b) => b.split('\n'))
  .flatMap((l) => l.split('&&'))
  .map((l) => l.trim())
  .filter((l) => l.startsWith('npm '));

useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('Deploying for your city, as written', () => {
  it('names scripts that exist, with options their tools accept', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const command of commands) {
      const [, verb, script, dashes, ...args] = words(command);
      if (verb === 'ci') continue;
      expect([command, verb === 'start' || scripts[script!] !== undefined]).toEqual([command, true]);
      if (script === 'import:neighbourhoods') {
        expect(dashes).toBe('--');
        expect([command, typeof importArgs(args.map((a) => a.replace('<commune>', 'Bellerive')))]).toEqual([command, 'object']);
      }
      if (script === 'create:admin') expect(adminArgs(args)).toEqual({ email: expect.stringMatching(/^dsi@/), name: 'Camille Martin' });
    }
  });

  it('sets only variables the server reads', () => {
    const known = new Set(describeConfig().map((v) => v.name));
    const set = [...guide.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!);
    expect(set.length).toBeGreaterThanOrEqual(10);
    expect(set.filter((v) => !known.has(v))).toEqual([]);
  });

  it('runs its GraphQL as the admin, without an error', async () => {
    const admin = await makeUser({ role: 'ADMIN' });
    const queries = blocks(guide, 'graphql');
    expect(queries).toHaveLength(3);
    for (const query of queries) {
      const data = dataOf(await server.gql(query, {}, admin.token)) as Record<string, { errors?: unknown[] }>;
      for (const value of Object.values(data)) if (value && typeof value === 'object' && 'errors' in value) expect(value.errors).toEqual([]);
    }
    const { domains } = dataOf(await server.gql('{ domains { code } }'));
    expect(domains.map((d: { code: string }) => d.code)).toEqual(['solidarite', 'culture']);
  });
});
