// The cost function on its own: lists multiply, `first` counts as given (literal, variable or default),
// connections size their edges, fragments and aliases count where they are used, introspection is fixed.
import { buildASTSchema, parse } from 'graphql';
import { queryCost, INTROSPECTION_COST, UNDECLARED_LIST_SIZE } from '../../src/ops/query-cost';
import { describeConfig } from '../../src/config';

const schema = buildASTSchema(
  parse(`
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!]) on FIELD_DEFINITION
  type Query {
    org(id: ID!): Org
    orgs(first: Int = 20, after: String): OrgConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
    tags: [String!]! @listSize(assumedSize: 10)
    loose: [Org!]!
    thing: Thing
  }
  type Org { id: ID! name: String! partners(first: Int = 20): [Org!]! @listSize(slicingArguments: ["first"]) domains: [Domain!]! @listSize(assumedSize: 5) }
  type Domain { name: String! }
  type OrgConnection { edges: [OrgEdge!]! totalCount: Int! }
  type OrgEdge { cursor: String! node: Org! }
  union Thing = Org | Domain
`),
);

const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  queryCost({ schema, document: parse(query), variables, operationName });

describe('the cost of a query', () => {
  it('counts 1 per object resolved and 0 per leaf', () => {
    expect(cost('{ org(id: "1") { id name } }')).toBe(1);
    expect(cost('{ tags }')).toBe(0);
  });

  it('multiplies by `first`, by its default, and by the declared bound', () => {
    expect(cost('{ org(id: "1") { partners(first: 3) { id } } }')).toBe(1 + 3);
    // Above 100 the field refuses `first` before loading anything: it counts as 100.
    expect(cost('{ org(id: "1") { partners(first: 5000) { id } } }')).toBe(1 + 100);
    expect(cost('{ org(id: "1") { partners { id } } }')).toBe(1 + 20);
    expect(cost('{ org(id: "1") { domains { name } } }')).toBe(1 + 5);
    // Nested lists multiply: 1 + 20 × (1 + 20 × (1 + 5)).
    expect(cost('{ org(id: "1") { partners { partners { domains { name } } } } }')).toBe(1 + 20 * (1 + 20 * (1 + 5)));
  });

  it('reads `first` from a variable, from the variable default, and falls back to the argument default for null', () => {
    const q = 'query($n: Int) { org(id: "1") { partners(first: $n) { id } } }';
    expect(cost(q, { n: 7 })).toBe(8);
    expect(cost('query($n: Int = 4) { org(id: "1") { partners(first: $n) { id } } }')).toBe(5);
    expect(cost(q, {})).toBe(21);
  });

  it('sizes a connection`s edges by its `first`, and counts the connection once', () => {
    expect(cost('{ orgs(first: 50) { totalCount edges { cursor node { id } } } }')).toBe(1 + 50 * (1 + 1));
    expect(cost('query($n: Int) { orgs(first: $n) { edges { node { partners(first: 2) { id } } } } }', { n: 10 })).toBe(1 + 10 * (1 + 1 + 2));
  });

  it('counts each alias, and each fragment where it is spread, inline fragments included', () => {
    const one = cost('{ org(id: "1") { partners { id } } }');
    expect(cost('{ a: org(id: "1") { partners { id } } b: org(id: "2") { partners { id } } }')).toBe(2 * one);
    expect(
      cost(`query { org(id: "1") { ...P ... on Org { domains { name } } } }
            fragment P on Org { partners { ...Q } }
            fragment Q on Org { x: domains { name } y: domains { name } }`),
    ).toBe(1 + 20 * (1 + 5 + 5) + 5);
  });

  it('takes the costliest member of a union', () => {
    expect(cost('{ thing { ... on Org { partners { id } } ... on Domain { name } } }')).toBe(1 + 20);
  });

  it('counts an undeclared list at the default bound, so a schema without the directive stays safe', () => {
    expect(cost('{ loose { id } }')).toBe(UNDECLARED_LIST_SIZE);
  });

  it('costs introspection at a fixed price, whatever it selects', () => {
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBe(INTROSPECTION_COST);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('costs the operation named, and nothing when the variables cannot be coerced (execution refuses them)', () => {
    const doc = 'query A { org(id: "1") { id } } query B { org(id: "1") { partners { id } } }';
    expect(cost(doc, undefined, 'A')).toBe(1);
    expect(cost(doc, undefined, 'B')).toBe(21);
    expect(cost('query($n: Int) { org(id: "1") { partners(first: $n) { id } } }', { n: 'many' })).toBe(0);
  });

  it('computes fragments spread many times over once each (the analysis itself cannot be made exponential)', () => {
    const levels = 30;
    const frags = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Org { a: partners(first: 1) { ...F${i + 1} } b: partners(first: 1) { ...F${i + 1} } }`,
    );
    frags.push(`fragment F${levels} on Org { id }`);
    // 2^30 paths through the fragments: walking each would not end within the test's timeout.
    expect(cost(`{ org(id: "1") { ...F0 } } ${frags.join(' ')}`)).toBe(2 ** (levels + 1) - 1);
  });

  it("is what the operator's table says MAX_QUERY_COST counts: objects, multiplied by each list's size", () => {
    const doc = describeConfig().find((v) => v.name === 'MAX_QUERY_COST')!.description;
    expect(doc).toMatch(/list multiplies .* by its size/);
    expect(doc).toMatch(/`first`/);
    expect(doc).not.toMatch(/estimated/);
  });
});
