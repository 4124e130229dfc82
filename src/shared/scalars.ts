// Custom scalars. Money is integer euro cents: GraphQL's Int stops at 2^31 cents (21.4 M EUR), too
// small for a city budget, so Money is a whole number up to MAX_MONEY cents in input (an exact integer
// in output) and refuses fractions.
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isoDay } from './dates';
import { MAX_MONEY } from './money';

const bad = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function wholeCents(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw bad('Money is a whole number of euro cents (e.g. 150000 for 1,500.00 EUR), without decimals.');
  }
  return value;
}

/** Input: also bounded, so no sum of a few hundred inputs can leave the exact integers. */
function parseMoney(value: unknown): number {
  const cents = wholeCents(value);
  if (Math.abs(cents) > MAX_MONEY) {
    throw bad(`Money is at most ${(MAX_MONEY / 100).toLocaleString('en')}.00 EUR (${MAX_MONEY.toLocaleString('en')} cents) in absolute value.`);
  }
  return cents;
}

export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An amount in euro cents, as a whole number (150000 = 1,500.00 EUR); in input at most 10,000,000,000,000 (100 billion EUR).',
  serialize: (v) => wholeCents(typeof v === 'bigint' ? Number(v) : v),
  parseValue: parseMoney,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.INT) throw bad('Money is a whole number of euro cents, without decimals.');
    return parseMoney(Number(ast.value));
  },
});

function parseDate(value: unknown, what: string): Date {
  if (typeof value !== 'string') throw bad(`${what} must be a string.`);
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw bad(`${what} "${value.slice(0, 40)}" is not a valid date.`);
  return d;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, as an ISO 8601 string in UTC (2026-03-01T09:30:00.000Z).',
  serialize: (v) => (v instanceof Date ? v.toISOString() : parseDate(v, 'DateTime').toISOString()),
  parseValue: (v) => parseDate(v, 'DateTime'),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw bad('DateTime must be a string.');
    return parseDate(ast.value, 'DateTime');
  },
});

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !DAY.test(value)) throw bad('Date must be written YYYY-MM-DD.');
  const d = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || isoDay(d) !== value) throw bad(`"${value}" is not a calendar date.`);
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD.',
  serialize: (v) => (v instanceof Date ? isoDay(v) : parseDay(v)),
  parseValue: parseDay,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw bad('Date must be a string written YYYY-MM-DD.');
    return parseDay(ast.value);
  },
});

function parseJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(parseJson);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, parseJson(f.value)]));
    default:
      return null;
  }
}

export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry object (RFC 7946), e.g. { "type": "Polygon", "coordinates": [...] }. Output only.',
  serialize: (v) => v,
  parseValue: () => {
    throw bad('GeoJSON is output only.');
  },
  parseLiteral: (ast) => {
    parseJson(ast);
    throw bad('GeoJSON is output only.');
  },
});

export const scalarResolvers = {
  Money: MoneyScalar,
  DateTime: DateTimeScalar,
  Date: DateScalar,
  GeoJSON: GeoJSONScalar,
};
