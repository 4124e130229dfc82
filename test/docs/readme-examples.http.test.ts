// The README and the guides in docs/ read as a city's IT department would read them: the demo accounts
// sign in with the documented password, and the GraphQL examples of the README's tour, of docs/grants.md
// and of docs/coordination-and-open-data.md are taken from the files themselves, filled with ids of the
// demo data (seedAll), sent over HTTP as the demo accounts, and must answer what the prose around them
// says. A document that drifts fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '../helpers/db';
import { startServer, dataOf, type GqlResult, type TestServer } from '../helpers/server';
import { seedAll, type SeedContext } from '../../seeds/seed';
import { DEMO_ACCOUNTS } from '../../seeds/users';
import { clock } from '../../src/modules/grants/kernel/clock';
import { UserModel } from '../../src/modules/user/user.model';
import { parseArgs } from '../../src/cli/import-rna';
import { scdlViolations } from '../modules/opendata/scdl-rules';

// ---- Reading the documents -----------------------------------------------------------------------

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const README = read('README.md');

/** The text under a heading, up to the next heading of the same level or higher (comments in code blocks are no headings). */
function under(text: string, heading: string): string {
  const lines = text.split('\n');
  let fenced = false;
  let level = 0;
  const out: string[] = [];
  for (const line of lines) {
    if (line.startsWith('```')) fenced = !fenced;
    const h = fenced || line.startsWith('```') ? null : /^(#+) (.*)$/.exec(line);
    if (level && h && h[1]!.length <= level) break;
    if (level) out.push(line);
    else if (h && h[2]!.trim() === heading) level = h[1]!.length;
  }
  if (!level) throw new Error(`No heading "${heading}" in the text searched`);
  return out.join('\n');
}

const fences = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

interface Operation {
  /** The comment line above it in the block (`# Admin: a programme and its envelope`). */
  group: string;
  text: string;
  /** The first root field, e.g. `createFundingProgramme`. */
  root: string;
}

/** Splits a fenced block into its operations: each starts at a line beginning with query, mutation or `{`. */
function operations(block: string): Operation[] {
  const ops: { group: string; text: string }[] = [];
  let group = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('#')) group = line.replace(/^#\s*/, '');
    else if (/^(query|mutation|\{)/.test(line)) ops.push({ group, text: line });
    else if (line.trim() && ops.length) ops[ops.length - 1]!.text += `\n${line}`;
  }
  return ops.map((o) => {
    const text = o.text.replace(/#.*$/gm, '');
    return { ...o, text, root: /\{\s*(\w+)/.exec(text)![1]! };
  });
}

/** Replaces the README's placeholders: `key: "…"` by key, and `"<name>"` by name; none may be left. */
function fill(text: string, values: Record<string, string>, keep: string[] = []): string {
  let out = text;
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith('<')) out = out.split(`"${key}"`).join(JSON.stringify(value));
    else out = out.replace(new RegExp(`\\b${key}: "…"`, 'g'), `${key}: ${JSON.stringify(value)}`);
  }
  const left = [...out.matchAll(/(\w+): "(…|<[^>"]*>)"/g)].filter((m) => !keep.includes(m[1]!));
  if (left.length) throw new Error(`Unfilled placeholders: ${left.map((m) => m[0]).join(', ')} in ${text}`);
  return out;
}

/** The first column of a markdown table's rows, as the backticked names it holds. */
const tableNames = (table: string) =>
  table
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...l.split('|')[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!));

/** Splits on commas outside braces. */
function topLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
const named = (t: TypeRef): string => (t.ofType ? named(t.ofType) : t.name!);

/**
 * Every `rootField(args)` written in the prose, checked against the schema: positional names are the
 * field's arguments in order (`approveGrantApplication(id, { amount, envelopeId })`), `{ a, b }` or
 * `name: { a, b }` the input fields of that argument. Returns what does not exist.
 */
async function signatureProblems(text: string): Promise<string[]> {
  const roots = (
    await run(
      null,
      `{ __schema { queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { name kind } } } } } } }
    mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { name kind } } } } } } } } }`,
    )
  ).__schema;
  const fields = new Map<string, { name: string; type: TypeRef }[]>(
    [...roots.queryType.fields, ...roots.mutationType.fields].map((f: any) => [f.name, f.args]),
  );
  const problems: string[] = [];
  let checked = 0;
  for (const [, written] of text.matchAll(/`(\w+\([^`]*\))`/g)) {
    const span = written!.replace(/\s+/g, ' ');
    const [, name, list] = /^(\w+)\((.*)\)$/.exec(span)!;
    const args = fields.get(name!);
    if (!args) continue;
    checked++;
    const documented = topLevel(list!);
    for (const [i, arg] of documented.entries()) {
      const [, label, braces] = /^(?:(\w+)(?::[^{]*)?)?\s*(\{.*\})?$/.exec(arg) ?? [];
      // A name is an argument's name (GraphQL arguments are named); a bare `{ ... }` is the argument at its position.
      const schemaArg = label ? args.find((a) => a.name === label) : args[i];
      if (!schemaArg) {
        problems.push(`${span}: no argument "${arg}" at position ${i + 1} (arguments: ${args.map((a) => a.name).join(', ')})`);
        continue;
      }
      if (!braces) continue;
      const inputFields =
        (await run(null, `query($t: String!) { __type(name: $t) { inputFields { name } } }`, { t: named(schemaArg.type) })).__type?.inputFields?.map(
          (f: any) => f.name,
        ) ?? [];
      for (const f of braces
        .slice(1, -1)
        .split(/,|\s+or\s+/)
        .map((x) => x.trim())
        .filter(Boolean)) {
        if (!inputFields.includes(f)) problems.push(`${span}: ${schemaArg.name} has no field "${f}"`);
      }
    }
  }
  if (!checked) problems.push('no operation signature found');
  return problems;
}

const DEMO = under(README, 'Demo accounts');
const TOUR = under(README, 'A five-minute tour');
const API = read('docs/api.md');
const DIRECTORY = read('docs/directory.md');
const GRANTS = read('docs/grants.md');
const COORDINATION = read('docs/coordination-and-open-data.md');

// ---- The demo platform --------------------------------------------------------------------------

useTestDatabase();
let server: TestServer;
let seeded: SeedContext;
const tokens: Record<string, string> = {};
const realNow = clock.now;
/** A fixed day of 2026, the year the README's examples use: their programme is open and their dates coherent. */
const TODAY = '2026-05-15';

type Who = 'admin' | 'officer' | 'officer2' | 'coordinator' | 'member' | 'member2' | null;

const call = (who: Who, query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, who ? tokens[who] : null);
const run = async (who: Who, query: string, variables: Record<string, unknown> = {}) => dataOf(await call(who, query, variables));
/** The payload of a one-mutation operation. */
const payload = async (who: Who, query: string, variables: Record<string, unknown> = {}) => Object.values(await run(who, query, variables))[0] as any;
/** A mutation's refusal codes, in its payload. */
const refusal = async (who: Who, query: string, variables: Record<string, unknown> = {}) =>
  ((await payload(who, query, variables)).errors as { code: string; field: string | null }[]).map((e) => [e.code, e.field]);
const topLevelCode = (res: GqlResult) => res.body.errors?.[0]?.extensions?.code;

const LOGIN_EXAMPLE = fences(DEMO, 'graphql')[0]!;
const PASSWORD = /password \*\*`([^`]+)`\*\*/.exec(DEMO)![1]!;
const DEMO_ROWS = [...DEMO.matchAll(/^\| `([^`]+@maillage\.test)` \| (\w+) \| (.*) \|$/gm)].map((m) => ({ email: m[1]!, role: m[2]!, what: m[3]! }));

/** Signs in through the README's login example, with another account's email. */
async function login(email: string) {
  const text = LOGIN_EXAMPLE.replace('member@maillage.test', email);
  return (await run(null, text)).login as { token: string; user: { id: string; role: string }; errors: unknown[] };
}

const org = (i: number) => String(seeded.organisationIds[i]);
const userId = (email: string) => String(seeded.userIds.get(email));
const APPS = `{ grantApplications(first: 100) { totalCount edges { node { id number title status requestedAmount reportOverdue organisation { id }
  reviews { recommendation } privateNotes { body } messages { body } history { action }
  decision { amount decidedAt envelope { id } } convention { reference } payments { id amount paidOn } } } } }`;
async function applications(who: Who = 'officer') {
  return (await run(who, APPS)).grantApplications.edges.map((e: any) => e.node) as any[];
}

beforeAll(async () => {
  clock.now = () => new Date(`${TODAY}T10:00:00.000Z`);
  seeded = await seedAll({ log: { info: () => undefined }, bcryptCost: 4 });
  server = await startServer();
  for (const a of DEMO_ACCOUNTS) tokens[a.email.split('@')[0]!] = (await login(a.email)).token;
});
afterAll(async () => {
  clock.now = realNow;
  await server.close();
});

// ---- Demo accounts ------------------------------------------------------------------------------

describe('README: Demo accounts', () => {
  it('lists the seeded demo accounts, and its login example uses the documented password', () => {
    expect(DEMO_ROWS.map((r) => [r.email, r.role])).toEqual(DEMO_ACCOUNTS.map((a) => [a.email, a.role]));
    expect(LOGIN_EXAMPLE).toContain(`password: "${PASSWORD}"`);
  });

  it.each(DEMO_ROWS.map((r) => [r.email, r.role]))('%s signs in with the login example as %s', async (email, role) => {
    const res = await login(email);
    expect(res.errors).toEqual([]);
    expect(res.user).toEqual({ id: userId(email), role });
    expect(res.token).toBeTruthy();
  });

  it('gives HS256 tokens with an issuer and an audience, valid 8 hours by default, and refuses an unsigned one', async () => {
    const [header, body] = tokens
      .member!.split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')));
    expect(header.alg).toBe('HS256');
    expect(body).toEqual(expect.objectContaining({ iss: expect.any(String), aud: expect.any(String) }));
    expect(body.exp - body.iat).toBe(8 * 3600);
    const unsigned = `${Buffer.from(JSON.stringify({ ...header, alg: 'none' })).toString('base64url')}.${tokens.member!.split('.')[1]}.`;
    expect(topLevelCode(await server.gql('{ me { id } }', {}, unsigned))).toBe('UNAUTHENTICATED');
  });

  it('makes member@ the manager of the named organisation, with the listed applications, and editor of a second one', async () => {
    const row = DEMO_ROWS.find((r) => r.email === 'member@maillage.test')!;
    const claim = /^manager of \*([^*]+)\* \(([^)]+) applications\), editor of a second organisation$/.exec(row.what)!;
    expect(claim).toBeTruthy();
    const statuses = claim[2]!.match(/[A-Z_]{4,}/g)!;
    expect(statuses).toEqual(['DRAFT', 'SUBMITTED', 'APPROVED']);
    const me = (await run('member', '{ me { memberships { role organisation { id name grantApplications { status } } } } }')).me;
    const managed = me.memberships.filter((m: any) => m.role === 'MANAGER');
    expect(managed.map((m: any) => m.organisation.name)).toEqual([claim[1]]);
    expect(managed[0].organisation.grantApplications.map((a: any) => a.status)).toEqual(expect.arrayContaining(statuses));
    const edited = me.memberships.filter((m: any) => m.role === 'EDITOR');
    expect(edited).toHaveLength(1);
    expect(edited[0].organisation.id).not.toBe(managed[0].organisation.id);
  });

  it('makes member2@ the manager of another organisation', async () => {
    const me = (await run('member2', '{ me { memberships { role organisation { id } } } }')).me;
    expect(me.memberships).toEqual([{ role: 'MANAGER', organisation: { id: org(2) } }]);
    expect([org(0), org(1)]).not.toContain(org(2));
  });

  it('lets the admin reconcile envelopes, with nothing to repair on the demo data', async () => {
    const res = await payload('admin', 'mutation { reconcileEnvelopes { report { unrepaired countersFixed } errors { code } } }');
    expect(res).toEqual({ report: { unrepaired: [], countersFixed: 0 }, errors: [] });
  });

  it('lets the coordinator read coverage, the network and member lists', async () => {
    const data = await run(
      'coordinator',
      `query($id: ID!) { coverage { gapCount } network { nodes { degree } }
      organisation(id: $id) { members { role } } }`,
      { id: org(0) },
    );
    expect(data.coverage.gapCount).toEqual(expect.any(Number));
    expect(data.network.nodes.length).toBeGreaterThan(0);
    expect(data.organisation.members.map((m: any) => m.role)).toContain('MANAGER');
  });
});

// ---- The tour -----------------------------------------------------------------------------------

describe('README: A five-minute tour', () => {
  const ops = operations(fences(TOUR, 'graphql').join('\n'));
  /** The group comment names the sender: `anonymous` or a demo account's email. */
  const sender = (group: string): Who => {
    const who = /^(anonymous|[\w.]+@maillage\.test):/.exec(group)?.[1];
    if (!who) throw new Error(`The tour's group "${group}" does not say who sends it`);
    return who === 'anonymous' ? null : (who.split('@')[0] as Who);
  };
  const tour = async (root: string, as?: Who) => {
    const op = ops.find((o) => o.root === root)!;
    return (await run(as === undefined ? sender(op.group) : as, op.text))[root];
  };

  it('has the documented examples, each sent by the account its group names', () => {
    expect(ops.map((o) => [sender(o.group), o.root])).toEqual([
      [null, 'organisations'],
      [null, 'neighbourhoods'],
      [null, 'fundingProgrammes'],
      ['member', 'me'],
      ['officer', 'grantApplications'],
      ['coordinator', 'coverage'],
      ['coordinator', 'network'],
    ]);
  });

  it('runs the directory example against the demo data, every match serving a priority neighbourhood', async () => {
    const example = ops.find((o) => o.root === 'organisations')!.text;
    let after: string | null = null;
    const names: string[] = [];
    let total = 0;
    do {
      const page: any = (await run(null, example!, { after })).organisations;
      total = page.totalCount;
      for (const { node } of page.edges) {
        names.push(node.name);
        expect(node.neighbourhoods.some((n: any) => n.isPriority)).toBe(true);
        expect(node.location).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(0);
    expect(names).toHaveLength(total);
  });

  it('lists the priority neighbourhoods the directory guide names', async () => {
    const named = /priority neighbourhood \(QPV: ([^)]+)\)/.exec(DIRECTORY)![1]!.split(/, /);
    const hoods = await tour('neighbourhoods');
    expect(hoods.every((n: any) => n.isPriority)).toBe(true);
    expect(hoods.map((n: any) => n.name).sort()).toEqual([...named].sort());
  });

  it('shows programmes whose envelopes are never over-committed, `remaining` being `total - committed`', async () => {
    expect(TOUR).toContain('`committed <= total`');
    const envelopes = (await tour('fundingProgrammes')).flatMap((p: any) => p.envelopes);
    expect(envelopes.length).toBeGreaterThan(0);
    expect(envelopes.some((e: any) => e.committed > 0)).toBe(true);
    for (const e of envelopes) {
      expect(e.committed).toBeLessThanOrEqual(e.total);
      expect(e.paid).toBeLessThanOrEqual(e.committed);
      expect(e.remaining).toBe(e.total - e.committed);
    }
  });

  it('shows the member their organisations and applications, with what they may do next', async () => {
    const me = await tour('me');
    expect(me.name).toBe(DEMO_ACCOUNTS.find((a) => a.email === 'member@maillage.test')!.name);
    const apps = me.memberships.flatMap((m: any) => m.organisation.grantApplications);
    expect(apps.find((a: any) => a.status === 'DRAFT').permissions).toEqual({ canEdit: true, canSubmit: true });
    expect(apps.find((a: any) => a.status === 'APPROVED').permissions).toEqual({ canEdit: false, canSubmit: false });
  });

  it('shows the officer the submitted applications, each one theirs to review', async () => {
    const queue = await tour('grantApplications');
    expect(queue.totalCount).toBeGreaterThan(0);
    for (const { node } of queue.edges) expect(node.permissions).toEqual({ canReview: true });
    const submitted = (await applications()).filter((a) => a.status === 'SUBMITTED');
    expect(queue.edges.map((e: any) => e.node.number).sort()).toEqual(submitted.map((a) => a.number).sort());
  });

  it("shows a member only their organisations' applications, and a coordinator none in progress", async () => {
    expect(TOUR).toMatch(
      /A member sees only their own organisations' applications; an officer sees them all; a coordinator sees\s+the coverage matrix and the whole network but no application in progress\./,
    );
    const mine = new Set((await run('member', '{ me { memberships { organisation { id } } } }')).me.memberships.map((m: any) => m.organisation.id));
    const seen = (await run('member', '{ grantApplications(first: 100) { edges { node { organisation { id } } } } }')).grantApplications.edges;
    expect(seen.length).toBeGreaterThan(0);
    for (const { node } of seen) expect(mine.has(node.organisation.id)).toBe(true);
    expect((await tour('grantApplications', 'coordinator')).totalCount).toBe(0);
  });

  it('shows the coordinator the coverage gaps and the hubs of the network', async () => {
    const coverage = await tour('coverage');
    expect(coverage).toEqual({ year: expect.any(Number), gapCount: expect.any(Number) });
    expect(coverage.gapCount).toBeGreaterThan(0);
    const network = await tour('network');
    expect(network.nodes.length).toBeGreaterThan(0);
    expect(network.nodes.some((n: any) => n.isHub)).toBe(true);
    for (const n of network.nodes) expect(n.isHub).toBe(n.degree >= network.hubThreshold);
  });
});

// ---- docs/api.md: the conventions -----------------------------------------------------------------

describe('docs/api.md: the conventions', () => {
  it('pages every list with `first` from 1 to 100, 20 by default, `after` the previous `endCursor`', async () => {
    expect((await run(null, '{ organisations { edges { cursor } } }')).organisations.edges).toHaveLength(20);
    const apps = (await run('officer', '{ grantApplications { totalCount edges { cursor } } }')).grantApplications;
    expect(apps.edges).toHaveLength(Math.min(20, apps.totalCount));
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = (
        await run(
          null,
          'query($after: String) { organisations(first: 100, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }',
          { after },
        )
      ).organisations;
      if (!after) expect(page.edges).toHaveLength(100);
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    for (const first of [0, 101]) {
      expect(topLevelCode(await call(null, `{ organisations(first: ${first}) { totalCount } }`))).toBe('BAD_USER_INPUT');
      expect(topLevelCode(await call('officer', `{ grantApplications(first: ${first}) { totalCount } }`))).toBe('BAD_USER_INPUT');
    }
  });

  it('returns a payload with `errors { code message field }` from every mutation but ping', async () => {
    const schema = (
      await run(
        null,
        `{ __schema { mutationType { fields { name type { ofType { name fields { name type { ofType { ofType { ofType { name } } } } } } } } } } }`,
      )
    ).__schema;
    const without = schema.mutationType.fields
      .filter((f: any) => !f.type.ofType.fields?.some((p: any) => p.name === 'errors' && p.type.ofType.ofType.ofType.name === 'UserError'))
      .map((f: any) => f.name);
    expect(without).toEqual(['ping']);
    expect(API).toContain('Every mutation but `ping` returns a **payload**');
    const userError = (await run(null, '{ __type(name: "UserError") { fields { name } } }')).__type.fields.map((f: any) => f.name);
    expect(userError).toEqual(['code', 'message', 'field']);
  });

  it('refuses access with UNAUTHENTICATED or FORBIDDEN as GraphQL errors', async () => {
    expect(topLevelCode(await call(null, '{ grantApplications { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect(topLevelCode(await call('member', '{ coverage { gapCount } }'))).toBe('FORBIDDEN');
  });

  it('takes amounts as Money in whole cents, beyond what GraphQL Int holds', async () => {
    const programmeId = (
      await payload(
        'admin',
        `mutation { createFundingProgramme(input: { name: "Grands travaux (test)", year: 2030, opensOn: "2030-01-01",
      closesOn: "2030-12-31", minAmount: 100000, maxAmount: 9000000000 }) { programme { id } errors { code } } }`,
      )
    ).programme.id;
    const big = await payload(
      'admin',
      `mutation($p: ID!) { createBudgetEnvelope(input: { programmeId: $p, label: "Investissement (test)", total: 5000000000 }) { envelope { total } errors { code } } }`,
      { p: programmeId },
    );
    expect(big).toEqual({ envelope: { total: 5_000_000_000 }, errors: [] });
    const inVariable = await call(
      'admin',
      `mutation($p: ID!, $t: Money!) { createBudgetEnvelope(input: { programmeId: $p, label: "Centimes (test)", total: $t }) { errors { code } } }`,
      { p: programmeId, t: 10.5 },
    );
    expect(topLevelCode(inVariable)).toBe('BAD_USER_INPUT');
    const inQuery = await call(
      'admin',
      `mutation($p: ID!) { createBudgetEnvelope(input: { programmeId: $p, label: "Centimes (test)", total: 10.5 }) { errors { code } } }`,
      { p: programmeId },
    );
    expect(topLevelCode(inQuery)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('exposes `permissions { canX }` on the objects it names', async () => {
    const named = /exposes `permissions \{ canX \}` \(([^)]+)\)/.exec(API)![1]!;
    const types: Record<string, string> = { organisations: 'Organisation', applications: 'GrantApplication', partnerships: 'Partnership' };
    expect(named.split(', ').map((word) => types[word])).toEqual(Object.values(types));
    for (const type of Object.values(types)) {
      const fields = (await run(null, `{ __type(name: "${type}") { fields { name } } }`)).__type.fields.map((f: any) => f.name);
      expect({ type, permissions: fields.includes('permissions') }).toEqual({ type, permissions: true });
    }
  });
});

// ---- docs/grants.md ---------------------------------------------------------------------------------------

describe('docs/grants.md: the demo data', () => {
  const DEMO_DATA = under(GRANTS, 'Demo data');

  it('has the programme for this year, last year and the overdue year, each with two envelopes', async () => {
    const name = /the programme\s+"([^"]+)"/.exec(DEMO_DATA)![1]!;
    const programmes = (await run(null, '{ fundingProgrammes { name year envelopes { label } } }')).fundingProgrammes.filter((p: any) => p.name === name);
    expect(programmes.map((p: any) => p.year)).toEqual([2026, 2025, 2024]);
    for (const p of programmes) expect(p.envelopes).toHaveLength(2);
  });

  it('has applications in every status, with reviews, private notes, messages, history, commitments and payments', async () => {
    const apps = await applications();
    const statuses = (await run(null, '{ __type(name: "GrantStatus") { enumValues { name } } }')).__type.enumValues.map((v: any) => v.name);
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(statuses));
    expect(apps.some((a) => a.reviews.length && a.privateNotes.length && a.messages.length && a.history.length > 3)).toBe(true);
    expect(apps.some((a) => a.decision?.envelope && a.payments.some((p: any) => p.paidOn))).toBe(true);
  });

  it('gives the demo member a DRAFT, a SUBMITTED and an APPROVED application in the first organisation', async () => {
    const claim = /The demo member \(`member@maillage\.test`\) has ([^.]+) application in the first organisation/.exec(DEMO_DATA.replace(/\s+/g, ' '))!;
    const statuses = claim[1]!.match(/[A-Z_]{4,}/g)!;
    const first = (await applications('member')).filter((a) => a.organisation.id === org(0) && !a.title.startsWith('Vélo'));
    expect(first.map((a) => a.status).sort()).toEqual([...statuses].sort());
  });

  it('blocks new submissions of the second organisation, whose final report is overdue', async () => {
    const second = (await applications('member')).filter((a) => a.organisation.id === org(1));
    expect(second.some((a) => a.reportOverdue)).toBe(true);
    const programmeId = (await run(null, `{ fundingProgrammes(year: 2026) { id name } }`)).fundingProgrammes.find(
      (p: any) => p.name === 'Solidarité et inclusion',
    ).id;
    const created = await payload(
      'member',
      `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id } errors { code } } }`,
      {
        i: {
          organisationId: org(1),
          programmeId,
          title: 'Nouveau projet (test)',
          description: 'Un projet complet pour vérifier le blocage.',
          requestedAmount: 500_000,
          republicanContractAttested: true,
          budgetLines: [{ kind: 'EXPENSE', label: 'Animation', amount: 500_000 }],
        },
      },
    );
    expect(created.errors).toEqual([]);
    const refused = await refusal('member', `mutation($id: ID!) { submitGrantApplication(id: $id) { errors { code field } } }`, { id: created.application.id });
    expect(refused.map(([code]) => code)).toEqual(['REPORT_OVERDUE']);
    const overdue = second.find((a) => a.reportOverdue)!;
    const unpaid = overdue.payments.find((p: any) => !p.paidOn);
    expect(
      (
        await refusal('officer', `mutation($id: ID!, $t: ID!) { recordPayment(id: $id, input: { trancheId: $t }) { errors { code field } } }`, {
          id: overdue.id,
          t: unpaid.id,
        })
      ).map(([code]) => code),
    ).toEqual(['REPORT_OVERDUE']);
  });

  it("records officer2's conflict of interest with member2@'s organisation", async () => {
    const conflicts = (await run('officer2', '{ myConflictsOfInterest { organisation { id } } }')).myConflictsOfInterest;
    expect(conflicts).toEqual([{ organisation: { id: org(2) } }]);
  });
});

describe('docs/grants.md: the example operations', () => {
  const ops = operations(fences(under(GRANTS, 'Example operations'), 'graphql')[0]!);
  const op = (root: string) => ops.find((o) => o.root === root)!.text;
  const ids: Record<string, string> = {};
  const velo = () => ({ id: ids.application! });

  it('has the operations the prose announces, in its groups', () => {
    expect(ops.map((o) => [o.group.split(':')[0], o.root])).toEqual([
      ['Admin', 'createFundingProgramme'],
      ['Admin', 'createBudgetEnvelope'],
      ['Admin', 'fundingProgrammes'],
      ['Member', 'createGrantApplication'],
      ['Member', 'updateGrantApplication'],
      ['Member', 'submitGrantApplication'],
      ['Officer', 'startReview'],
      ['Officer', 'addReview'],
      ['Officer', 'approveGrantApplication'],
      ['Payments and the final report', 'schedulePayments'],
      ['Payments and the final report', 'recordConvention'],
      ['Payments and the final report', 'recordPayment'],
      ['Payments and the final report', 'submitFinalReport'],
      ['Payments and the final report', 'acceptFinalReport'],
      ['Lists', 'grantApplications'],
    ]);
  });

  it('names, in its tables and prose, only operations, arguments and input fields that exist', async () => {
    expect(await signatureProblems(GRANTS)).toEqual([]);
  });

  it('lets the admin create a programme and its envelope, which anyone can then list', async () => {
    const programme = await payload('admin', op('createFundingProgramme'));
    expect(programme.errors).toEqual([]);
    ids.programmeId = programme.programme.id;
    // The grants guide's example dossier carries no documents: that is docs/dossier.md's subject, so the
    // admin clears the CERFA list a new programme starts with.
    expect(
      (await payload('admin', `mutation($p: ID!) { setDocumentRequirements(programmeId: $p, requirements: []) { errors { code } } }`, { p: ids.programmeId }))
        .errors,
    ).toEqual([]);
    const envelope = await payload('admin', fill(op('createBudgetEnvelope'), { programmeId: ids.programmeId! }));
    expect(envelope).toEqual({ envelope: { id: expect.any(String), remaining: 20_000_000 }, errors: [] });
    ids.envelopeId = envelope.envelope.id;
    const listed = (await run(null, op('fundingProgrammes'))).fundingProgrammes;
    expect(listed).toContainEqual({
      name: 'Solidarité 2026',
      isOpen: true,
      envelopes: [{ label: 'Fonctionnement', total: 20_000_000, committed: 0, paid: 0, remaining: 20_000_000 }],
    });
  });

  it('lets the demo member draft an application, numbered per programme year', async () => {
    const created = await payload('member', fill(op('createGrantApplication'), { organisationId: org(0), programmeId: ids.programmeId! }));
    expect(created.errors).toEqual([]);
    expect(created.application).toEqual({ id: expect.any(String), number: expect.stringMatching(/^2026-\d{5}$/), status: 'DRAFT' });
    ids.application = created.application.id;
  });

  it('refuses to submit an incomplete application exactly as the example answer shows', async () => {
    const [answer] = fences(under(GRANTS, 'The lifecycle'), 'json');
    // The example's budget: 20,000.00 EUR of expenses, 5,000.00 of income and the 10,000.00 requested.
    await payload(
      'member',
      `mutation($id: ID!) { updateGrantApplication(id: $id, input: { budgetLines: [
      { kind: EXPENSE, label: "Moniteurs", amount: 2000000 }, { kind: INCOME, label: "Cotisations", amount: 500000 } ] }) { errors { code } } }`,
      velo(),
    );
    const refused = await payload(
      'member',
      `mutation($id: ID!) { submitGrantApplication(id: $id) { application { id } errors { code field message } } }`,
      velo(),
    );
    expect(refused).toEqual(JSON.parse(answer!));
  });

  it('lets the member complete and submit it', async () => {
    expect((await payload('member', fill(op('updateGrantApplication'), velo()))).errors).toEqual([]);
    expect(await payload('member', fill(op('submitGrantApplication'), velo()))).toEqual({ application: { status: 'SUBMITTED' }, errors: [] });
  });

  it('lets an officer start the review, which assigns it and lists it among theirs, then review it', async () => {
    const officerName = DEMO_ACCOUNTS.find((a) => a.email === 'officer@maillage.test')!.name;
    expect(await payload('officer', fill(op('startReview'), velo()))).toEqual({
      application: { status: 'UNDER_REVIEW', assignedTo: { name: officerName } },
      errors: [],
    });
    // The README's list, run while the application is under review: the officer's, found by "vélo" (accents and case aside).
    const list = (await run('officer', op('grantApplications'))).grantApplications;
    expect(list.edges.map((e: any) => e.node.title)).toEqual(['Vélo-école']);
    expect(list.edges[0].node).toMatchObject({
      status: 'UNDER_REVIEW',
      organisation: { name: 'Maison des Solidarités d’Encagnane' },
      permissions: { canReview: true, canDecide: true },
    });
    expect(list.edges[0].node.history.at(-1)).toEqual({
      action: 'START_REVIEW',
      fromStatus: 'SUBMITTED',
      toStatus: 'UNDER_REVIEW',
      reason: null,
      at: expect.any(String),
      actor: { name: officerName },
    });
    expect((await run('officer2', op('grantApplications'))).grantApplications.totalCount).toBe(0);
    expect(await payload('officer', fill(op('addReview'), velo()))).toEqual({ errors: [] });
  });

  it('lets the officer approve it, committing the amount in the envelope', async () => {
    const approved = await payload('officer', fill(op('approveGrantApplication'), { ...velo(), envelopeId: ids.envelopeId! }));
    expect(approved).toEqual({
      application: { status: 'APPROVED', decision: { amount: 1_000_000, envelope: { committed: 1_000_000, remaining: 19_000_000 } } },
      errors: [],
    });
    const due = (await run('member', `query($id: ID!) { grantApplication(id: $id) { reportDueOn reportOverdue } }`, velo())).grantApplication;
    expect(due).toEqual({ reportDueOn: '2027-06-30', reportOverdue: false });
  });

  it('schedules and records payments, then takes the final report; the grant completes at the last payment', async () => {
    const scheduled = await payload('officer', fill(op('schedulePayments'), velo()));
    expect(scheduled.errors).toEqual([]);
    expect(scheduled.application.payments.map((t: any) => [t.amount, t.dueDate])).toEqual([
      [600_000, '2026-06-01'],
      [400_000, '2026-10-01'],
    ]);
    const [t1, t2] = scheduled.application.payments.map((t: any) => t.id as string);
    // The demo organisation's grants of the year pass 23,000 EUR: the convention comes before the payments (issue 13).
    expect(await payload('officer', fill(op('recordConvention'), { ...velo(), signedOn: TODAY }))).toEqual({ errors: [] });
    expect(await payload('officer', fill(op('recordPayment'), { ...velo(), trancheId: t1! }))).toEqual({
      application: { paidAmount: 600_000, payments: [{ paidOn: TODAY }, { paidOn: null }] },
      errors: [],
    });
    expect(await payload('member', fill(op('submitFinalReport'), velo(), ['narrative']))).toEqual({ errors: [] });
    expect(await payload('officer', fill(op('acceptFinalReport'), velo()))).toEqual({ application: { status: 'APPROVED' }, errors: [] });
    await payload('officer', fill(op('recordPayment'), { ...velo(), trancheId: t2! }));
    const done = (await run('officer', `query($id: ID!) { grantApplication(id: $id) { status paidAmount decision { envelope { committed paid } } } }`, velo()))
      .grantApplication;
    expect(done).toEqual({ status: 'COMPLETED', paidAmount: 1_000_000, decision: { envelope: { committed: 1_000_000, paid: 1_000_000 } } });
  });

  it('lists with the filter, permissions and history fields the prose names', async () => {
    const list = (await run('officer', op('grantApplications'))).grantApplications;
    expect(list).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const filter = /`grantApplications\(filter: \{ ([^}]+) \}, first, after\)`/.exec(GRANTS)![1]!.split(/,\s*/);
    const inputFields = (await run(null, '{ __type(name: "GrantApplicationFilter") { inputFields { name } } }')).__type.inputFields.map((f: any) => f.name);
    expect(inputFields).toEqual(filter);
    const permissions = /`permissions \{ (canEdit[^}]+) \}`/.exec(GRANTS)![1]!.split(/\s+/);
    const fields = (await run(null, '{ __type(name: "GrantPermissions") { fields { name } } }')).__type.fields.map((f: any) => f.name);
    expect(fields).toEqual(permissions);
    const own = (await run('member', `query($id: ID!) { organisation(id: $id) { grantApplications { title } } }`, { id: org(0) })).organisation;
    expect(own.grantApplications.map((a: any) => a.title)).toContain('Vélo-école');
  });

  describe('refusal codes, each in its documented place', () => {
    const APPROVE = `mutation($id: ID!, $e: ID!, $a: Money!) { approveGrantApplication(id: $id, input: { amount: $a, envelopeId: $e }) { errors { code field } } }`;
    const PAY = `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { errors { code field } } }`;
    const find = async (title: string) => (await applications()).find((a) => a.title === title)!;

    it('UNAUTHENTICATED, FORBIDDEN and NOT_FOUND are top-level errors', async () => {
      const update = `mutation($id: ID!) { updateGrantApplication(id: $id, input: { title: "Autre" }) { errors { code } } }`;
      const draft = (await find('Repair café mensuel (démo)')).id;
      expect(topLevelCode(await call(null, update, { id: draft }))).toBe('UNAUTHENTICATED');
      expect(topLevelCode(await call('member2', update, { id: draft }))).toBe('NOT_FOUND');
      expect(topLevelCode(await call('member', `mutation($id: ID!) { startReview(id: $id) { errors { code } } }`, { id: draft }))).toBe('FORBIDDEN');
    });

    it('INVALID_TRANSITION when the status does not allow it', async () => {
      expect(
        await refusal('member', `mutation($id: ID!) { updateGrantApplication(id: $id, input: { title: "Autre" }) { errors { code field } } }`, velo()),
      ).toEqual([['INVALID_TRANSITION', 'id']]);
    });

    it('ENVELOPE_EXHAUSTED on input.amount when the amount does not fit what remains', async () => {
      const app = await find('Soutien scolaire à Encagnane (démo)');
      const programme = (await run(null, `{ fundingProgrammes(year: 2026) { id name } }`)).fundingProgrammes.find(
        (p: any) => p.name === 'Solidarité et inclusion',
      );
      const small = await payload(
        'admin',
        `mutation($p: ID!) { createBudgetEnvelope(input: { programmeId: $p, label: "Petite enveloppe (test)", total: 100000 }) { envelope { id } errors { code } } }`,
        { p: programme.id },
      );
      const before = (await run('officer', `query($id: ID!) { grantApplication(id: $id) { status history { action } } }`, { id: app.id })).grantApplication;
      expect(await refusal('officer', APPROVE, { id: app.id, e: small.envelope.id, a: 1_000_000 })).toEqual([['ENVELOPE_EXHAUSTED', 'input.amount']]);
      // A refusal changes nothing and writes no history.
      expect((await run('officer', `query($id: ID!) { grantApplication(id: $id) { status history { action } } }`, { id: app.id })).grantApplication).toEqual(
        before,
      );
      const lowered = await payload(
        'admin',
        `mutation($id: ID!) { updateBudgetEnvelope(id: $id, input: { total: 500000 }) { envelope { total } errors { code } } }`,
        { id: ids.envelopeId },
      );
      expect(lowered).toEqual({ envelope: null, errors: [{ code: 'ENVELOPE_EXHAUSTED' }] });
    });

    it("CONFLICT_OF_INTEREST for the recused officer2 on member2@'s organisation", async () => {
      const app = await find('Soutien scolaire à Encagnane (démo)');
      expect(await refusal('officer2', APPROVE, { id: app.id, e: app.decision?.envelope?.id ?? ids.envelopeId, a: 100_000 })).toEqual([
        ['CONFLICT_OF_INTEREST', 'id'],
      ]);
      expect(
        await refusal('officer2', `mutation($id: ID!) { addReview(id: $id, input: { recommendation: APPROVE }) { errors { code field } } }`, { id: app.id }),
      ).toEqual([['CONFLICT_OF_INTEREST', 'id']]);
    });

    it('PAYMENT_EXCEEDS_GRANT above the amount granted, CONFLICT for a tranche already paid', async () => {
      const approved = await find('Ateliers numériques pour les seniors (démo)');
      expect(await refusal('officer', PAY, { id: approved.id, i: { amount: approved.decision.amount } })).toEqual([
        ['PAYMENT_EXCEEDS_GRANT', expect.any(String)],
      ]);
      const paid = approved.payments.find((p: any) => p.paidOn);
      expect((await refusal('officer', PAY, { id: approved.id, i: { trancheId: paid.id } })).map(([c]) => c)).toEqual(['CONFLICT']);
    });

    it('CONVENTION_REQUIRED for the first payment above 23,000 EUR without its convention', async () => {
      const rejected = await find('Séjour de rupture (démo)');
      const envelope = (await find('Ateliers numériques pour les seniors (démo)')).decision.envelope.id;
      expect(
        (await payload('officer', `mutation($id: ID!) { reopenGrantApplication(id: $id, reason: "Erreur (test)") { errors { code } } }`, { id: rejected.id }))
          .errors,
      ).toEqual([]);
      expect(await refusal('officer', APPROVE, { id: rejected.id, e: envelope, a: 2_400_000 })).toEqual([]);
      expect(await refusal('officer', PAY, { id: rejected.id, i: { amount: 100_000 } })).toEqual([['CONVENTION_REQUIRED', expect.any(String)]]);
    });

    it('BAD_USER_INPUT in the payload for an invalid field, and from GraphQL itself for a fractional Money', async () => {
      const draft = (await find('Repair café mensuel (démo)')).id;
      expect(
        await refusal('member', `mutation($id: ID!) { updateGrantApplication(id: $id, input: { requestedAmount: 0 }) { errors { code field } } }`, {
          id: draft,
        }),
      ).toEqual([['BAD_USER_INPUT', 'input.requestedAmount']]);
      const update = `mutation($id: ID!, $a: Money) { updateGrantApplication(id: $id, input: { requestedAmount: $a }) { errors { code } } }`;
      expect(topLevelCode(await call('member', update, { id: draft, a: 1000.5 }))).toBe('BAD_USER_INPUT');
      const written = `mutation($id: ID!) { updateGrantApplication(id: $id, input: { requestedAmount: 1000.5 }) { errors { code } } }`;
      expect(topLevelCode(await call('member', written, { id: draft }))).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});

// ---- docs/coordination-and-open-data.md -----------------------------------------------------------------

describe('docs/coordination-and-open-data.md', () => {
  const local = (url: string) => url.replace('http://localhost:4000', server.url);

  it('names, in its prose, only operations, arguments and input fields that exist', async () => {
    expect(await signatureProblems(COORDINATION)).toEqual([]);
  });

  it('serves the map page and the neighbourhoods as GeoJSON, priority neighbourhoods first', async () => {
    expect((await server.get('/')).headers.get('content-type')).toMatch(/^text\/html/);
    const res = await server.get('/api/neighbourhoods.geojson');
    expect(res.status).toBe(200);
    const { features } = (await res.json()) as { features: any[] };
    expect(features).toHaveLength(15);
    const documented = /`GET \/api\/neighbourhoods\.geojson` \| every neighbourhood as a Feature \(Polygon\), properties `([^`]+)`/
      .exec(COORDINATION)![1]!
      .split(' ');
    for (const f of features) {
      expect(f.geometry.type).toBe('Polygon');
      expect(Object.keys(f.properties).sort()).toEqual([...documented].sort());
    }
    const priority = features.map((f) => f.properties.isPriority);
    expect(priority).toEqual([...priority].sort((a, b) => Number(b) - Number(a)));
  });

  it('answers the documented organisations.geojson request with public points of those domains and neighbourhoods', async () => {
    const url = /curl '([^']+organisations\.geojson[^']*)'/.exec(COORDINATION)![1]!;
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    const { features } = (await res.json()) as { features: any[] };
    expect(features.length).toBeGreaterThan(0);
    for (const f of features) {
      expect(f.geometry.type).toBe('Point');
      expect(JSON.stringify(f.properties)).not.toMatch(/iban|privateContact/);
      expect(JSON.stringify(f.properties.neighbourhoods)).toMatch(/encagnane|corsy/i);
    }
  });

  it('refuses an unknown domain with the documented 400 body', async () => {
    const documented = /`(\{"errors":\[\{"message":"Unknown domain: astronomie[^`]+)`/.exec(COORDINATION)![1]!;
    const res = await server.get('/api/organisations.geojson?domain=astronomie');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(JSON.parse(documented));
  });

  describe('the network', () => {
    const ops = operations(fences(under(COORDINATION, 'The network'), 'graphql').join('\n'));
    const op = (root: string, i = 0) => ops.filter((o) => o.root === root)[i]!.text;
    let federation: string;
    let federationName: string;
    let partnership: string;

    it('has the documented operations', () => {
      expect(ops.map((o) => o.root)).toEqual(['createPartnership', 'endPartnership', 'organisation', 'network']);
    });

    it('lets a member link their organisation to a federation, once per kind', async () => {
      const linked = new Set(
        (
          await run(null, `query($id: ID!) { organisation(id: $id) { partnerships { from { id } to { id } } } }`, { id: org(0) })
        ).organisation.partnerships.flatMap((p: any) => [p.from?.id, p.to?.id]),
      );
      // A federation of the demo network (the seed makes these organisations hubs), not yet linked to the member's.
      const page = (
        await run(null, '{ organisations(first: 100, filter: { search: "maison associations réseau bénévole centre social" }) { edges { node { id name } } } }')
      ).organisations.edges.map((e: any) => e.node);
      const chosen = page.find((o: any) => /Maison des Associations|Réseau Bénévole|Centre Social/.test(o.name) && o.id !== org(0) && !linked.has(o.id));
      federation = chosen.id;
      federationName = chosen.name;
      const create = fill(op('createPartnership'), { '<member>': org(0), '<federation>': federation });
      const created = await payload('member', create);
      expect(created.errors).toEqual([]);
      expect(created.partnership).toMatchObject({
        kind: 'FEDERATION_MEMBER',
        since: '2024-09-01',
        from: { name: expect.any(String) },
        permissions: { canEnd: true },
      });
      partnership = created.partnership.id;
      expect((await payload('member', create)).errors.map((e: any) => [e.code, e.field])).toEqual([['CONFLICT', 'input.kind']]);
      const shown = (await run(null, fill(op('organisation'), { '<id>': org(0) }))).organisation;
      expect(shown.partnerships).toContainEqual({ kind: 'FEDERATION_MEMBER', since: '2024-09-01', from: { name: shown.name }, to: { name: federationName } });
    });

    it('ends it, keeping its end date; ending twice is INVALID_TRANSITION', async () => {
      const end = fill(op('endPartnership'), { '<id>': partnership });
      expect(await payload('member', end)).toEqual({ partnership: { isActive: false, until: '2026-06-30' }, errors: [] });
      expect((await payload('member', end)).errors.map((e: any) => e.code)).toEqual(['INVALID_TRANSITION']);
      const partners = (await run(null, fill(op('organisation'), { '<id>': org(0) }))).organisation.partnerships;
      expect(partners.filter((p: any) => p.to?.name === federationName)).toEqual([]);
    });

    it('draws the network of a neighbourhood with degrees, hubs and isolated actors as described', async () => {
      const encagnane = String(seeded.neighbourhoodIds.get('encagnane'));
      const query = fill(op('network'), { '<Encagnane>': encagnane });
      for (const who of [null, 'coordinator'] as Who[]) {
        const net = (await run(who, query)).network;
        expect(net.truncated).toBe(false);
        expect(net.hubThreshold).toBeGreaterThanOrEqual(3);
        const degree = new Map<string, number>(net.nodes.map((n: any) => [n.organisation.id, 0]));
        for (const e of net.edges) for (const end of [e.from, e.to]) degree.set(end, degree.get(end)! + 1);
        for (const n of net.nodes) {
          expect(n.degree).toBe(degree.get(n.organisation.id));
          expect(n.isIsolated).toBe(n.degree === 0);
          expect(n.isHub).toBe(n.degree >= net.hubThreshold);
        }
        expect(net.nodes.map((n: any) => n.organisation.name)).toEqual(
          [...net.nodes.map((n: any) => n.organisation.name)].sort((a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' })),
        );
        expect(net.edges.length).toBeGreaterThan(0);
      }
      const publicOnly = (
        await run(null, `query($n: [ID!]) { network(filter: { neighbourhoodIds: $n }) { nodes { organisation { isPublic } } } }`, { n: [encagnane] })
      ).network;
      expect(publicOnly.nodes.every((n: any) => n.organisation.isPublic)).toBe(true);
    });
  });

  it('answers the coverage example: priority neighbourhoods first, a gap where a priority neighbourhood lacks the domain', async () => {
    const [example] = fences(under(COORDINATION, 'Coverage gaps'), 'graphql');
    expect(topLevelCode(await call('member', example!))).toBe('FORBIDDEN');
    const coverage = (await run('coordinator', example!)).coverage;
    expect(coverage.year).toBe(2026);
    const priority = coverage.cells.map((c: any) => c.neighbourhood.isPriority);
    expect(priority).toEqual([...priority].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
    const hoods = coverage.cells.map((c: any) => c.neighbourhood).filter((n: any, i: number, all: any[]) => i === 0 || all[i - 1].name !== n.name);
    for (const group of [true, false]) {
      const names = hoods.filter((n: any) => n.isPriority === group).map((n: any) => n.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'fr')));
    }
    expect(new Set(hoods.map((n: any) => n.name)).size).toBe(hoods.length);
    for (const c of coverage.cells) expect(c.isGap).toBe(c.neighbourhood.isPriority && c.activeOrganisations === 0);
    expect(coverage.gapCount).toBe(coverage.cells.filter((c: any) => c.isGap).length);
    expect(coverage.cells.reduce((s: number, c: any) => s + c.approvedApplications, 0)).toBeGreaterThan(0);
  });

  it('gives each application the co-funding ledger with the documented fields', async () => {
    const table = under(COORDINATION, 'Co-funding')
      .split('\n\n')
      .find((p) => p.startsWith('| field'))!;
    const names = [...tableNames(table), ...(table.includes('(`cityAmountIsDecided`)') ? ['cityAmountIsDecided'] : [])];
    const type = (await run(null, '{ __type(name: "GrantFunding") { fields { name } } }')).__type.fields.map((f: any) => f.name);
    expect([...names].sort()).toEqual([...type].sort());
    const selection = names.map((n) => (n === 'sources' ? 'sources { name amount status isPublic }' : n)).join(' ');
    const approved = (await applications()).find((a) => a.title === 'Ateliers numériques pour les seniors (démo)')!;
    const funding = (await run('member', `query($id: ID!) { grantApplication(id: $id) { funding { ${selection} } } }`, { id: approved.id })).grantApplication
      .funding;
    expect(funding).toEqual({
      totalCost: 2_700_000,
      cityAmount: 2_500_000,
      cityAmountIsDecided: true,
      otherPublicAmount: 200_000,
      privateAmount: 0,
      publicAmount: 2_700_000,
      publicShareBasisPoints: 10_000,
      sources: [{ name: 'Département (démo)', amount: 200_000, status: 'REQUESTED', isPublic: true }],
      flags: [],
    });
    const flags = (await run(null, '{ __type(name: "FundingFlag") { enumValues { name } } }')).__type.enumValues.map((v: any) => v.name);
    const documented = /\| `flags` \| (.*) \|/
      .exec(COORDINATION)![1]!
      .match(/`([A-Z_]+)`/g)!
      .map((f) => f.slice(1, -1));
    expect(flags.sort()).toEqual(documented.sort());
    // Alerts: public money above the cost, and the same project (accents, case and punctuation aside) funded twice.
    const current = (await run(null, `{ fundingProgrammes(year: 2026) { id name envelopes { id } } }`)).fundingProgrammes.find(
      (p: any) => p.name === 'Solidarité et inclusion',
    );
    const apply = async (title: string, funders: unknown[]) => {
      const created = await payload(
        'member',
        `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id number } errors { code } } }`,
        {
          i: {
            organisationId: org(0),
            programmeId: current.id,
            title,
            description: 'Un projet pour vérifier les alertes.',
            requestedAmount: 500_000,
            republicanContractAttested: true,
            budgetLines: [{ kind: 'EXPENSE', label: 'Animation', amount: 500_000 }],
            otherFunders: funders,
          },
        },
      );
      expect(
        await refusal('member', `mutation($id: ID!) { submitGrantApplication(id: $id) { errors { code field } } }`, { id: created.application.id }),
      ).toEqual([]);
      return created.application as { id: string; number: string };
    };
    const excess = await apply('Fête des voisins (test)', [{ name: 'Région Sud', amount: 300_000, status: 'REQUESTED' }]);
    const twin = await apply('ATELIERS numériques pour les séniors – démo', []);
    await payload('officer', `mutation($id: ID!) { startReview(id: $id) { errors { code } } }`, { id: twin.id });
    expect(
      await refusal(
        'officer',
        `mutation($id: ID!, $e: ID!) { approveGrantApplication(id: $id, input: { amount: 100000, envelopeId: $e }) { errors { code field } } }`,
        { id: twin.id, e: current.envelopes[0].id },
      ),
    ).toEqual([]);
    const alerts = dataOf(await call('officer', '{ cofundingAlerts(year: 2026) { flag message application { number } related { number } } }')).cofundingAlerts;
    expect(alerts).toEqual(
      expect.arrayContaining([
        {
          flag: 'PUBLIC_FUNDING_EXCEEDS_COST',
          application: { number: excess.number },
          related: [],
          message: "Public funding (8,000.00 EUR) exceeds the project's cost (5,000.00 EUR) by 3,000.00 EUR.",
        },
        {
          flag: 'DUPLICATE_CITY_FUNDING',
          application: { number: twin.number },
          related: [{ number: approved.number }],
          message: expect.stringContaining(approved.number),
        },
        {
          flag: 'DUPLICATE_CITY_FUNDING',
          application: { number: approved.number },
          related: [{ number: twin.number }],
          message: expect.stringContaining(twin.number),
        },
      ]),
    );
    expect(alerts[0].flag).toBe('PUBLIC_FUNDING_EXCEEDS_COST');
    expect(topLevelCode(await call('coordinator', '{ cofundingAlerts(year: 2026) { flag } }'))).toBe('FORBIDDEN');
  });

  it('publishes the documented SCDL and 360Giving files, with the columns and fields the prose lists', async () => {
    const urls = [...COORDINATION.matchAll(/curl -O (\S+)/g)].map((m) => m[1]!);
    expect(urls.map((u) => new URL(u).pathname)).toEqual(['/api/open-data/scdl/subventions-2026.csv', '/api/open-data/360giving-2026.json']);
    const csv = await fetch(local(urls[0]!));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('x-excluded-grants')).toMatch(/^\d+$/);
    const rows = parse(await csv.text(), { relax_column_count: true }) as string[][];
    const columns = tableNames(
      under(COORDINATION, 'The legal publication (SCDL) and 360Giving')
        .split('\n\n')
        .find((p) => p.startsWith('| column'))!,
    );
    expect(rows[0]).toEqual(columns);
    expect(scdlViolations(rows)).toEqual([]);
    const numbers = rows.slice(1).map((r) => r[3]);
    // Every grant approved (or since completed) whose decision falls in the year; the demo organisations all have an RNA or a SIRET.
    expect(csv.headers.get('x-excluded-grants')).toBe('0');
    const decided = (await applications()).filter((a) => ['APPROVED', 'COMPLETED'].includes(a.status) && a.decision.decidedAt.startsWith('2026'));
    expect(decided.map((a) => a.title)).toEqual(expect.arrayContaining(['Vélo-école', 'Ateliers numériques pour les seniors (démo)']));
    expect([...numbers].sort()).toEqual(decided.map((a) => a.number).sort());

    const giving = await fetch(local(urls[1]!));
    expect(giving.status).toBe(200);
    const { grants } = (await giving.json()) as { grants: Record<string, any>[] };
    expect(grants).toHaveLength(numbers.length);
    const fields = /`\{"grants":\[\.\.\.\]\}` with ([\s\S]*?)\.\n/
      .exec(COORDINATION)![1]!
      .match(/`(\w+)`/g)!
      .map((f) => f.slice(1, -1))
      .filter((f) => f !== 'EUR');
    for (const g of grants) {
      expect(Object.keys(g)).toEqual(expect.arrayContaining(fields));
      expect(g.id).toMatch(/^360G-FR-SIRET-21130001700012-2026-\d{5}$/);
      expect(g.currency).toBe('EUR');
    }
    const bad = await server.get('/api/open-data/scdl/subventions-26.csv');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(dataOf(await call('officer', '{ openDataExclusions(year: 2026) { reason } }')).openDataExclusions).toEqual(expect.any(Array));
  });

  it('documents an RNA import command line whose script and flags exist', () => {
    const command = /npm run import:rna -- (.+)/.exec(under(COORDINATION, 'The registry import (RNA)'))![1]!.trim().split(/\s+/);
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts['import:rna']).toBeTruthy();
    expect(parseArgs(command)).toEqual({ file: './rna_waldec_20260101_dpt_13.csv', commune: '13001', encoding: null });
    for (const encoding of /`--encoding ([\w|]+)`/.exec(COORDINATION)![1]!.split('|')) {
      expect(parseArgs(['f.csv', '--encoding', encoding])).toMatchObject({ encoding });
    }
  });
});

// Last: it disables an account.
describe('README: tokens are revoked when the account is disabled', () => {
  it('refuses the token of a disabled demo account', async () => {
    expect((await run('member2', '{ me { id } }')).me.id).toBe(userId('member2@maillage.test'));
    await UserModel.updateOne({ email: 'member2@maillage.test' }, { $set: { disabled: true } });
    expect(topLevelCode(await call('member2', '{ me { id } }'))).toBe('UNAUTHENTICATED');
  });
});
