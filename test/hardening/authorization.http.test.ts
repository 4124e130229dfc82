// The authorization sweep: every root field of the live schema has a declared policy, and every
// operation called by every role answers the policy table's coarse verdict, which docs/security.md documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLField } from 'graphql';
import { useTestDatabase } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { makeUser, tokenFor } from '../helpers/factories';
import { buildSchema, policyTable } from '../../src/schema';
import type { Policy } from '../../src/auth/policy';
import type { Role } from '../../src/auth/viewer';
import { UserModel } from '../../src/modules/user/user.model';
import { policyMarkdown, configMarkdown, readBlock, GENERATED_BLOCKS } from '../../src/ops/docs';
import { minimalVariables, operationFor, rootFields, type Root } from './schema-walk';

useTestDatabase();
const schema = buildSchema();
const table = policyTable();
const CALLERS: (Role | 'ANONYMOUS')[] = ['ANONYMOUS', 'MEMBER', 'COORDINATOR', 'OFFICER', 'ADMIN'];

let server: TestServer;
const userIds = new Map<Role, string>();
beforeAll(async () => {
  server = await startServer();
  for (const role of CALLERS) if (role !== 'ANONYMOUS') userIds.set(role, (await makeUser({ role })).id);
});
afterAll(() => server.close());

/** A fresh token for the role's account (a swept mutation may have revoked the previous one). */
async function tokenOf(caller: Role | 'ANONYMOUS'): Promise<string | null> {
  if (caller === 'ANONYMOUS') return null;
  const user = await UserModel.findById(userIds.get(caller)).lean();
  return tokenFor(user!);
}

/** What the coarse gate says for this caller: null when it lets the call through. */
function expectedRefusal(policy: Policy, caller: Role | 'ANONYMOUS'): 'UNAUTHENTICATED' | 'FORBIDDEN' | null {
  if (policy.kind === 'public') return null;
  if (caller === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (policy.kind === 'roles' && !policy.roles.includes(caller)) return 'FORBIDDEN';
  return null;
}

/** The messages only the coarse gate (enforcePolicy) produces, to tell it from object-level refusals. */
const gateMessage = (field: string) => new RegExp(`^(Sign in to use ${field}\\.|${field} is reserved to: )`);

describe('policy coverage', () => {
  it('finds a declared policy for every query and mutation of the live schema', () => {
    const roots: Root[] = ['Query', 'Mutation'];
    const missing = roots.flatMap((root) =>
      rootFields(schema, root)
        .map((f) => `${root}.${f.name}`)
        .filter((k) => !table.has(k)),
    );
    expect(missing).toEqual([]);
    expect(rootFields(schema, 'Query').length + rootFields(schema, 'Mutation').length).toBe(table.size);
  });

  it('documents in docs/security.md exactly the policy table of the code', () => {
    const readme = readFileSync(join(__dirname, '..', '..', GENERATED_BLOCKS.policies!.file), 'utf8');
    // Regenerate with `npm run docs -- --write` after adding or changing an operation.
    expect(readBlock(readme, 'policies')).toBe(policyMarkdown(schema));
  });

  it('documents in docs/operations.md every configuration variable the code reads', () => {
    const readme = readFileSync(join(__dirname, '..', '..', GENERATED_BLOCKS.config!.file), 'utf8');
    expect(readBlock(readme, 'config')).toBe(configMarkdown());
    const source = readFileSync(join(__dirname, '..', '..', 'src', 'config.ts'), 'utf8');
    const read = [...source.matchAll(/\b(?:str|int|bool)\('([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(10);
    for (const name of read) expect(readBlock(readme, 'config')).toContain(`\`${name}\``);
  });
});

function sweep(root: Root) {
  const fields = rootFields(schema, root);
  const cases = fields.flatMap((field) => CALLERS.map((caller) => [field.name, caller, field] as const));

  it.each(cases)(`answers ${root}.%s called as %s with the policy table's verdict`, async (name, caller, field) => {
    const policy = table.get(`${root}.${name}`)!.policy;
    const res = await server.gql(
      operationFor(root, field as GraphQLField<unknown, unknown>),
      minimalVariables(field as GraphQLField<unknown, unknown>),
      await tokenOf(caller),
    );
    expect(res.status).toBeLessThan(500);
    const gateErrors = (res.body.errors ?? []).filter((e) => gateMessage(name).test(e.message));
    const expected = expectedRefusal(policy, caller);
    if (expected) {
      expect(gateErrors.map((e) => e.extensions?.code)).toEqual([expected]);
      expect(res.body.data?.[name] ?? null).toBeNull();
    } else {
      // Allowed through the gate: any refusal now is the object's own rule (not found, not a member...).
      expect(gateErrors).toEqual([]);
      expect((res.body.errors ?? []).map((e) => e.extensions?.code)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    }
  });
}

describe('every mutation as every role', () => sweep('Mutation'));
describe('every query as every role', () => sweep('Query'));
