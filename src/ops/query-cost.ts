// The query cost analysis: what a query would cost, computed from its document before anything runs,
// multiplying by the size of every list on the way (`first`, or the bound declared with @listSize).
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { MAX_PAGE_SIZE } from '../shared/pagination';

/** What @listSize declares on a field (graphql/00-base.graphql), after IBM's GraphQL Cost Directives. */
export interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/**
 * What an undeclared list is taken to hold. The schema walk (test/hardening/list-bounds.test.ts) allows no
 * such list; this only keeps the analysis safe for a schema built without the directive.
 */
export const UNDECLARED_LIST_SIZE = 100;

/** An introspection field (`__schema`, `__type`) costs this, whatever it selects: the schema is finite. */
export const INTROSPECTION_COST = 1;

const declared = new WeakMap<GraphQLField<unknown, unknown>, ListSize | null>();

/** The @listSize of a field, read from its SDL (null when it has none). */
export function listSizeOf(field: GraphQLField<unknown, unknown>): ListSize | null {
  const known = declared.get(field);
  if (known !== undefined) return known;
  const node = field.astNode?.directives?.find((d) => d.name.value === 'listSize');
  let size: ListSize | null = null;
  if (node) {
    size = {};
    for (const arg of node.arguments ?? []) {
      const value = literal(arg.value);
      if (arg.name.value === 'assumedSize' && typeof value === 'number') size.assumedSize = value;
      if (arg.name.value === 'slicingArguments' && Array.isArray(value)) size.slicingArguments = value.map(String);
      if (arg.name.value === 'sizedFields' && Array.isArray(value)) size.sizedFields = value.map(String);
    }
  }
  declared.set(field, size);
  return size;
}

function literal(node: ValueNode): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.LIST) return node.values.map(literal);
  return undefined;
}

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  /** The request's variables as sent: coerced here the way execution will coerce them. */
  variables?: Record<string, unknown> | null;
}

/**
 * The cost of the operation: every field that returns an object costs 1 for each time it is resolved, a
 * leaf costs 0, and a list multiplies what it selects by its size. So
 * cost(field) = size × (1 if it returns an object + the cost of its selections), where size is 1 for a
 * single value, the slicing argument's value (or its default; at most 100, above which the field refuses
 * `first` before loading anything) for a list that takes `first`, and the
 * declared bound otherwise; a connection's `first` sizes its `edges`. Aliases count once each, fragments
 * count where they are spread, and an abstract type costs its most expensive possible type.
 */
export function queryCost({ schema, document, operationName, variables }: CostInput): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  // Execution refuses variables that do not coerce; nothing will run, so there is nothing to cost.
  if (coerced.errors) return 0;
  const vars = coerced.coerced;

  // A fragment spread many times over is costed once per type (the arguments inside it read the same
  // variables wherever it is spread), so nesting spreads cannot make the analysis itself exponential.
  const memo = new WeakMap<SelectionSetNode, Map<string, number>>();

  const selectionCost = (set: SelectionSetNode, type: GraphQLCompositeType, sized: ReadonlyMap<string, number> | null): number => {
    if (isAbstractType(type)) {
      return Math.max(0, ...schema.getPossibleTypes(type).map((t) => selectionCost(set, t, sized)));
    }
    const object = type as GraphQLObjectType;
    const memoKey = sized ? null : object.name;
    if (memoKey) {
      const hit = memo.get(set)?.get(memoKey);
      if (hit !== undefined) return hit;
    }
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) total += fieldCost(sel, object, sized?.get(sel.name.value));
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!sel.typeCondition || applies(sel.typeCondition.name.value, object)) total += selectionCost(sel.selectionSet, object, sized);
      } else {
        const frag = fragments.get(sel.name.value);
        if (frag && applies(frag.typeCondition.name.value, object)) total += selectionCost(frag.selectionSet, object, sized);
      }
    }
    if (memoKey) {
      const byType = memo.get(set) ?? new Map<string, number>();
      byType.set(memoKey, total);
      memo.set(set, byType);
    }
    return total;
  };

  const applies = (condition: string, object: GraphQLObjectType): boolean => {
    if (condition === object.name) return true;
    const cond = schema.getType(condition);
    return !!cond && isAbstractType(cond) && schema.isSubType(cond, object);
  };

  const fieldCost = (node: FieldNode, parent: GraphQLObjectType, imposedSize: number | undefined): number => {
    const name = node.name.value;
    if (name === '__typename') return 0;
    if (name === '__schema' || name === '__type') return INTROSPECTION_COST;
    const def = parent.getFields()[name];
    if (!def) return 0; // validation has refused it already
    const declaredSize = listSizeOf(def);
    const size = imposedSize ?? sizeOf(def, node, declaredSize, vars);
    const isList = isListType(getNullableType(def.type));
    const named = getNamedType(def.type);
    const own = isCompositeType(named) ? 1 : 0;
    let children = 0;
    if (node.selectionSet && isCompositeType(named)) {
      const sizedFields = declaredSize?.slicingArguments && declaredSize.sizedFields ? declaredSize.sizedFields : null;
      // A connection passes its size down to the lists it names (`edges`) and counts once itself.
      const sized = sizedFields ? new Map(sizedFields.map((f) => [f, size])) : null;
      children = selectionCost(node.selectionSet, named, sized);
    }
    const multiplier = isList || imposedSize !== undefined ? size : 1;
    return multiplier * (own + children);
  };

  return selectionCost(operation.selectionSet, root, null);
}

/** How many items a field's list holds for this request: `first` (or its default), else the declared bound. */
function sizeOf(def: GraphQLField<unknown, unknown>, node: FieldNode, declaredSize: ListSize | null, vars: Record<string, unknown>): number {
  if (declaredSize?.slicingArguments?.length) {
    const given = declaredSize.slicingArguments
      .map((a) => slicingValue(def, node, a, vars))
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    // Above MAX_PAGE_SIZE the field refuses `first` (BAD_USER_INPUT) without loading anything.
    if (given.length) return Math.min(MAX_PAGE_SIZE, Math.max(0, ...given));
  }
  return declaredSize?.assumedSize ?? UNDECLARED_LIST_SIZE;
}

/**
 * An Int argument as execution will see it: a literal, a variable's coerced value, or the argument's
 * default when absent or null. Read from the AST (graphql-js's getArgumentValues coerces every argument,
 * filters included, and showed in the directory bench).
 */
function slicingValue(def: GraphQLField<unknown, unknown>, node: FieldNode, name: string, vars: Record<string, unknown>): unknown {
  const given = node.arguments?.find((a) => a.name.value === name)?.value;
  let value: unknown;
  if (given?.kind === Kind.INT) value = Number(given.value);
  else if (given?.kind === Kind.VARIABLE) value = vars[given.name.value];
  return value ?? def.args.find((a) => a.name === name)?.defaultValue;
}

/** The refusal a client sees: a stable code, HTTP 400, the cost and the limit, and what to change. */
export function tooCostly(cost: number, limit: number): GraphQLError {
  const n = (x: number) => x.toLocaleString('en-GB');
  return new GraphQLError(
    `This query would cost ${n(cost)}, above the limit of ${n(limit)}. Each list multiplies the cost of what it selects by its size (\`first\`, or its declared bound): ask for fewer items, fewer nested lists or fewer aliases, or split the query.`,
    { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: limit, http: { status: 400 } } },
  );
}

/**
 * Apollo plugin: once the operation is known and validated, and before it executes, refuse it when its
 * cost is above `maxCost`. A plugin rather than a validation rule, because validation rules cannot see the
 * variables, and `first: $n` must count as what $n is.
 */
export function queryCostPlugin<C extends object>(maxCost: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const cost = queryCost({ schema, document, operationName, variables: request.variables });
          if (cost > maxCost) throw tooCostly(cost, maxCost);
        },
      };
    },
  };
}
