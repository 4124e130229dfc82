// Reference caches on every instance: a second API process (src/index.ts, its own memory) on the same
// database keeps the lists in its cache; an admin's change made through this instance is seen by that one on
// its very next request, through the data-version token, without waiting for the cache's maximum age.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeUser } from '../../helpers/factories';
import { DomainModel } from '../../../src/modules/reference/domain.model';

const db = useTestDatabase();
let here: TestServer;
let other: { child: ChildProcess; url: string };
let admin: Awaited<ReturnType<typeof makeUser>>;

async function startOtherInstance(): Promise<{ child: ChildProcess; url: string }> {
  const root = join(__dirname, '..', '..', '..');
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/index.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', SEED_ON_START: 'false', METRICS_ENABLED: 'false', MONGODB_URI: db.uri() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const onLine = (line: string) => {
      lines.push(line);
      if (/API ready at/.test(line)) resolve((JSON.parse(line) as { port: number }).port);
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.on('exit', (code) => reject(new Error(`the second instance exited (${code}):\n${lines.join('\n')}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function askOther(query: string): Promise<any> {
  const res = await fetch(`${other.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  here = await startServer();
  admin = await makeUser({ role: 'ADMIN' });
  other = await startOtherInstance();
}, 60_000);
afterAll(async () => {
  if (other?.child.exitCode === null) {
    const exited = new Promise((resolve) => other.child.on('exit', resolve));
    other.child.kill('SIGTERM');
    await exited;
  }
  await here?.close();
});

const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.01, y],
    [x + 0.01, y + 0.01],
    [x, y + 0.01],
    [x, y],
  ],
];

it("shows an admin's creations, edits and archivings on the other instance at its next request", async () => {
  // Warm the other instance's cache with the lists as they are.
  expect(await askOther('{ domains { code } neighbourhoods { code } }')).toEqual({ domains: [], neighbourhoods: [] });
  // The control: a write that bypasses the models (a shell, a restore) bumps no version, and the other
  // instance keeps answering from its cache: the lists really are cached there.
  await DomainModel.collection.insertOne({ code: 'brut', name: 'Écrit à la main', proposal: 1, parent: null, archivedAt: null });
  expect(await askOther('{ domains { code } neighbourhoods { code } }')).toEqual({ domains: [], neighbourhoods: [] });

  const created = dataOf(
    await here.gql(
      'mutation { d: createDomain(input: { code: "entraide", name: "Entraide", proposal: 3 }) { domain { id } errors { message } } }',
      {},
      admin.token,
    ),
  );
  const hood = dataOf(
    await here.gql(
      'mutation($g: GeometryInput!) { createNeighbourhood(input: { code: "QN00001M", name: "Le Port", isPriority: true, geometry: $g }) { neighbourhood { id } errors { message } } }',
      { g: { polygon: square(4, 44) } },
      admin.token,
    ),
  );
  expect(await askOther('{ domains { code name } neighbourhoods(priorityOnly: true) { code } }')).toEqual({
    domains: [
      { code: 'brut', name: 'Écrit à la main' },
      { code: 'entraide', name: 'Entraide' },
    ],
    neighbourhoods: [{ code: 'QN00001M' }],
  });

  await here.gql(
    'mutation($id: ID!) { updateDomain(id: $id, input: { name: "Entraide et voisinage" }) { errors { message } } }',
    { id: created.d.domain.id },
    admin.token,
  );
  expect(await askOther('{ domains { name } }')).toEqual({ domains: [{ name: 'Écrit à la main' }, { name: 'Entraide et voisinage' }] });

  await here.gql('mutation($id: ID!) { archiveNeighbourhood(id: $id) { errors { message } } }', { id: hood.createNeighbourhood.neighbourhood.id }, admin.token);
  expect(await askOther('{ neighbourhoods { code } }')).toEqual({ neighbourhoods: [] });
}, 60_000);
