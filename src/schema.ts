// Loads the SDL from graphql/*.graphql, merges the modules' resolvers and wraps every root field in
// its declared policy. A root field without a policy, or a policy without a field, stops the build.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { guard, type Policy } from './auth/policy';
import { scalarResolvers } from './shared/scalars';
import type { Context } from './context';
import type { AppModule } from './modules/module';
import { modules as allModules } from './modules';

export const SDL_DIR = join(__dirname, '..', graphqlDirFromDist());

function graphqlDirFromDist(): string {
  // Compiled code lives in dist/src; the SDL stays at the project root in both cases.
  return __dirname.includes(`${join('dist', 'src')}`) ? join('..', 'graphql') : 'graphql';
}

export function loadTypeDefs(dir = SDL_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

const ROOTS = ['Query', 'Mutation'] as const;

/** The policy table: operation name -> policy. Used by the schema guard, the README and the tests. */
export function policyTable(modules: AppModule[] = allModules): Map<string, { root: string; policy: Policy; module: string }> {
  const table = new Map<string, { root: string; policy: Policy; module: string }>();
  for (const m of modules) {
    for (const root of ROOTS) {
      for (const [field, policy] of Object.entries(m.policies[root] ?? {})) {
        if (table.has(`${root}.${field}`)) throw new Error(`Policy for ${root}.${field} is declared twice (module ${m.name}).`);
        table.set(`${root}.${field}`, { root, policy, module: m.name });
      }
    }
  }
  return table;
}

export function buildSchema(modules: AppModule[] = allModules): GraphQLSchema {
  const policies = policyTable(modules);
  // Each module's resolvers are typed against the SDL (src/generated/graphql.ts); merging only needs
  // them as maps of field name to resolver, per type name.
  type FieldMap = Record<string, unknown>;
  const resolvers: Record<string, object> = { ...scalarResolvers };
  for (const m of modules) {
    for (const [typeName, fields] of Object.entries(m.resolvers) as [string, FieldMap][]) {
      if (ROOTS.includes(typeName as (typeof ROOTS)[number])) {
        const wrapped: FieldMap = {};
        for (const [field, resolve] of Object.entries(fields)) {
          const declared = policies.get(`${typeName}.${field}`);
          if (!declared) throw new Error(`${typeName}.${field} (module ${m.name}) has no declared policy.`);
          // Root fields are plain resolver functions (codegen's makeResolverTypeCallable).
          wrapped[field] = guard(declared.policy, field, resolve as GraphQLFieldResolver<unknown, Context>);
        }
        resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...wrapped };
      } else {
        resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...fields };
      }
    }
  }
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers, inheritResolversFromInterfaces: true });

  // Every root field of the contract has a resolver and a policy; every policy names a real field.
  const missing: string[] = [];
  for (const root of ROOTS) {
    const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.keys(type?.getFields() ?? {})) {
      if (!policies.has(`${root}.${field}`)) missing.push(`${root}.${field} has no declared policy`);
      if (!(resolvers[root] as FieldMap | undefined)?.[field]) missing.push(`${root}.${field} has no resolver`);
    }
  }
  for (const key of policies.keys()) {
    const [root, field] = key.split('.') as [string, string];
    const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
    if (!type?.getFields()[field]) missing.push(`${key} has a policy but is not in the SDL`);
  }
  if (missing.length) throw new Error(`Schema is incomplete:\n- ${missing.join('\n- ')}`);
  return schema;
}
