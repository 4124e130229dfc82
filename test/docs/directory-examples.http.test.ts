// The directory guide's examples (docs/directory.md) run as written: each GraphQL block of the section, with the JSON
// variables that follow it, answers without errors against seeded reference data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTestDatabase } from '../helpers/db';
import { startServer, dataOf, type TestServer } from '../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../helpers/factories';

useTestDatabase();
let server: TestServer;
let cultureId: string;

const section = readFileSync(join(__dirname, '..', '..', 'docs', 'directory.md'), 'utf8');
const blocks = [...section.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
const examples = blocks
  .map((b, i) => ({ ...b, vars: blocks[i + 1]?.lang === 'json' ? blocks[i + 1]!.text : null }))
  .filter((b) => b.lang === 'graphql')
  .map((b) => ({ title: b.text.split('\n')[0]!.replace(/\{.*$/, '').trim() || b.text.slice(0, 40), query: b.text, vars: b.vars }));

beforeAll(async () => {
  server = await startServer();
  const ref = await seedReference();
  cultureId = String(ref.domainByCode.get('culture')!._id);
  await makeOrganisation({
    name: 'Théâtre des Quartiers',
    domains: [ref.domainByCode.get('culture')!._id],
    neighbourhoods: [ref.neighbourhoodByCode.get('encagnane')!._id],
    location: { type: 'Point', coordinates: [5.4318, 43.5236] },
  });
});
afterAll(() => server.close());

it('finds examples in the directory guide', () => {
  expect(examples.length).toBeGreaterThanOrEqual(3);
});

it.each(examples.map((e) => [e.title, e]))('runs the example "%s" without errors', async (_title, example) => {
  const variables = example.vars ? JSON.parse(example.vars.replace('<id of the domain culture>', cultureId)) : {};
  const token = /^mutation/.test(example.query.trim()) ? (await makeUser({ role: 'OFFICER' })).token : null;
  const data = dataOf(await server.gql(example.query.replace(/#.*$/gm, ''), variables, token));
  expect(data).toBeTruthy();
  if (data.organisations) expect(data.organisations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Théâtre des Quartiers']);
  if (data.createOrganisation) expect(data.createOrganisation.errors).toEqual([]);
});
