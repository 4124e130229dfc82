// Walks whatever schema exists when the tests run: root fields, their arguments, minimal valid values
// and hostile ones, and the bounds of every list. New modules are covered without touching these tests.
import { Types } from 'mongoose';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isLeafType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { listSizeOf } from '../../src/ops/query-cost';

export type Root = 'Query' | 'Mutation';

export function rootFields(schema: GraphQLSchema, root: Root): GraphQLField<unknown, unknown>[] {
  const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {});
}

const SCALAR_SAMPLES: Record<string, () => unknown> = {
  String: () => 'sweep',
  ID: () => new Types.ObjectId().toHexString(),
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  Money: () => 10000,
  Date: () => '2026-03-15',
  DateTime: () => '2026-03-15T10:00:00.000Z',
};

/** A syntactically valid value of the type: required fields only, empty lists, first enum value. */
export function minimalValue(type: GraphQLInputType): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [];
  if (isEnumType(t)) return t.getValues()[0]!.value ?? t.getValues()[0]!.name;
  if (isScalarType(t)) return (SCALAR_SAMPLES[t.name] ?? (() => 'sweep'))();
  if (isInputObjectType(t)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = minimalValue(f.type);
    }
    return out;
  }
  return null;
}

/** Enum values travel as their names in variables. */
function enumName(type: GraphQLInputType, value: unknown): unknown {
  const t = getNullableType(type);
  if (isEnumType(t)) return t.getValues().find((v) => v.value === value)?.name ?? value;
  return value;
}

export function requiredArgs(field: GraphQLField<unknown, unknown>): GraphQLArgument[] {
  return field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
}

/** Minimal variables for a field: every required argument, nothing else. */
export function minimalVariables(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  return Object.fromEntries(requiredArgs(field).map((a) => [a.name, enumName(a.type, minimalValue(a.type))]));
}

/** The smallest selection a field accepts. */
export function selectionFor(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

/** `mutation X($a: T!) { field(a: $a) { __typename } }` over the given arguments. */
export function operationFor(root: Root, field: GraphQLField<unknown, unknown>, args: readonly GraphQLArgument[] = requiredArgs(field)): string {
  const defs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const op = root === 'Query' ? 'query' : 'mutation';
  return `${op} Sweep${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''}${selectionFor(field)} }`;
}

/** One place where a hostile value can go: an argument, or a field of an input object inside one. */
export interface Slot {
  /** Variables path, e.g. ['input', 'siret']. */
  path: string[];
  type: GraphQLInputType;
}

/** Every argument and input field (two levels deep) of a root field. */
export function slotsOf(field: GraphQLField<unknown, unknown>): Slot[] {
  const slots: Slot[] = [];
  const visit = (path: string[], type: GraphQLInputType, depth: number) => {
    slots.push({ path, type });
    const named = getNamedType(type);
    if (depth < 2 && isInputObjectType(named) && !isListType(getNullableType(type))) {
      for (const f of Object.values(named.getFields())) visit([...path, f.name], f.type, depth + 1);
    }
  };
  for (const a of field.args) visit([a.name], a.type, 0);
  return slots;
}

export const HUGE_STRING = 'A'.repeat(60_000);

/** Operator injections where a string or id is expected. */
export const INJECTIONS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(5000) || true' },
  { $regex: '.*', $options: 'si' },
  { $in: [''] },
  ['$where'],
  '{"$gt": ""}',
  "'; return true; var x='",
  'this.password != ""',
];

/** Values that are wrong for the slot's type, the ones a hostile client tries first. */
export function hostileValues(type: GraphQLInputType): { kind: string; value: unknown }[] {
  const t = getNullableType(type) as GraphQLInputType;
  const out: { kind: string; value: unknown }[] = [];
  if (isNonNullType(type)) out.push({ kind: 'null-for-required', value: null });
  if (isListType(t)) {
    const item = minimalValue(t.ofType) ?? 'x';
    out.push(
      { kind: 'huge-list', value: Array.from({ length: 3000 }, () => item) },
      { kind: 'nested-list', value: [[[[[item]]]]] },
      { kind: 'wrong-type', value: { $in: [item] } },
      { kind: 'wrong-type', value: 'not a list' },
    );
    return out;
  }
  const named = getNamedType(t);
  if (isInputObjectType(named)) {
    out.push(
      { kind: 'wrong-type', value: 'a string' },
      { kind: 'wrong-type', value: [minimalValue(t)] },
      { kind: 'unknown-field', value: { ...(minimalValue(t) as object), $where: 'sleep(5000)', __proto__x: { polluted: true } } },
      { kind: 'operator-injection', value: { $gt: '' } },
    );
    return out;
  }
  if (isEnumType(named)) {
    out.push({ kind: 'wrong-type', value: 'NOT_A_VALUE' }, { kind: 'wrong-type', value: 3 }, { kind: 'operator-injection', value: { $ne: null } });
    return out;
  }
  switch (named.name) {
    case 'Int':
    case 'Float':
    case 'Money':
      out.push(
        { kind: 'wrong-type', value: '12' },
        { kind: 'wrong-type', value: 2 ** 64 },
        { kind: 'wrong-type', value: -1e308 },
        { kind: 'wrong-type', value: named.name === 'Float' ? 'NaN' : 1.5 },
        { kind: 'operator-injection', value: { $gt: 0 } },
      );
      break;
    case 'Boolean':
      out.push({ kind: 'wrong-type', value: 'true' }, { kind: 'operator-injection', value: { $ne: false } });
      break;
    default:
      // String, ID and custom string scalars (Date, DateTime...).
      out.push(
        { kind: 'wrong-type', value: 12345 },
        { kind: 'wrong-type', value: true },
        { kind: 'huge-string', value: HUGE_STRING },
        { kind: 'control-chars', value: 'nul\u0000byte\u202e\ud800' },
        ...INJECTIONS.map((value) => ({ kind: 'operator-injection', value })),
      );
  }
  return out;
}

/** Sets `value` at `path` inside a copy of `vars`, creating input objects on the way. */
export function setAt(vars: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(vars);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node[key] = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

/**
 * Every list field of every object type that has no bound: a list is bounded when it declares
 * `@listSize(assumedSize: n)`, or `@listSize(slicingArguments: [...])` naming Int arguments that have a
 * default (or an assumedSize besides); a connection's `edges` is bounded when every field returning the
 * connection declares `sizedFields` naming it. Returns `Type.field: why` for each one that is not.
 */
export function unboundedLists(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const objects = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  // Every field returning each object type, and which of that type's lists it sizes (a connection's `edges`).
  const sizedBy = new Map<string, { field: string; sizes: Set<string> }[]>();
  for (const type of objects) {
    for (const field of Object.values(type.getFields())) {
      const size = listSizeOf(field as GraphQLField<unknown, unknown>);
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      const list = sizedBy.get(named.name) ?? [];
      list.push({ field: `${type.name}.${field.name}`, sizes: new Set(size?.slicingArguments ? (size.sizedFields ?? []) : []) });
      sizedBy.set(named.name, list);
    }
  }
  for (const type of objects) {
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const where = `${type.name}.${field.name}`;
      const size = listSizeOf(field as GraphQLField<unknown, unknown>);
      const returners = sizedBy.get(type.name) ?? [];
      if (returners.some((r) => r.sizes.has(field.name))) {
        const missing = returners.filter((r) => !r.sizes.has(field.name)).map((r) => r.field);
        if (missing.length) problems.push(`${where}: some fields returning ${type.name} do not size it (${missing.join(', ')})`);
        continue;
      }
      if (!size) {
        problems.push(
          `${where}: a list with no bound (declare @listSize(assumedSize: n), or take \`first\` with @listSize(slicingArguments: ["first"]), or make it a connection)`,
        );
        continue;
      }
      if (size.slicingArguments?.length) {
        for (const name of size.slicingArguments) {
          const arg = field.args.find((a) => a.name === name);
          if (!arg || getNamedType(arg.type).name !== 'Int') problems.push(`${where}: slicing argument "${name}" is not an Int argument of the field`);
          else if (arg.defaultValue === undefined && size.assumedSize === undefined)
            problems.push(`${where}: slicing argument "${name}" has no default and the field no assumedSize`);
        }
      } else if (size.assumedSize === undefined || size.assumedSize < 1) {
        problems.push(`${where}: @listSize without assumedSize or slicingArguments`);
      }
    }
    // A connection field must size its lists: sizedFields name list fields of the type it returns.
    for (const field of Object.values(type.getFields())) {
      const size = listSizeOf(field as GraphQLField<unknown, unknown>);
      const named = getNamedType(field.type);
      for (const sized of size?.sizedFields ?? []) {
        const target = isObjectType(named) ? named.getFields()[sized] : undefined;
        if (!target || !isListType(getNullableType(target.type)))
          problems.push(`${type.name}.${field.name}: sizedFields names "${sized}", which is not a list field of ${named.name}`);
      }
    }
  }
  return problems;
}
