// Relay cursor connections over a keyset: an opaque cursor holds the sort key values plus `_id`, so
// paging through a growing collection never skips or repeats a row (no offsets). Pages are capped.
import { createHash } from 'node:crypto';
import { Types, type Model, type PipelineStage } from 'mongoose';
import { badInput } from '../errors/app-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface SortKey {
  /** Field in the documents after `addFields` (e.g. `nameKey`, or a computed `score`). */
  field: string;
  direction: 1 | -1;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when a client asks for it (resolved lazily by the Connection type). */
  totalCount: () => Promise<number>;
}

type CursorValue = string | number | boolean | null | { $d: string } | { $o: string };

function encodeValue(v: unknown): CursorValue {
  if (v instanceof Date) return { $d: v.toISOString() };
  if (v instanceof Types.ObjectId) return { $o: v.toHexString() };
  if (v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any other sort value (a Decimal128, a Long) by its own toString
  return String(v);
}

function decodeValue(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && v && '$d' in v && typeof (v as { $d: unknown }).$d === 'string') {
    const d = new Date((v as { $d: string }).$d);
    if (Number.isNaN(d.getTime())) throw new Error('bad date');
    return d;
  }
  if (typeof v === 'object' && v && '$o' in v && Types.ObjectId.isValid((v as { $o: string }).$o)) {
    return new Types.ObjectId((v as { $o: string }).$o);
  }
  throw new Error('bad cursor value');
}

/**
 * What a cursor is valid for: the ordering, and a short digest of the filter, so a cursor taken from
 * one search is refused by another instead of silently giving a meaningless page.
 */
function signature(sort: SortKey[], scope = ''): string {
  const order = sort.map((s) => `${s.field}:${s.direction}`).join(',');
  return scope ? `${order}|${scope}` : order;
}

/** A short, stable digest of a filter (ObjectIds, dates and regexes serialise deterministically). */
export function filterDigest(match: Record<string, unknown>): string {
  const json = JSON.stringify(match, (_k, v: unknown) => (v instanceof RegExp ? `/${v.source}/${v.flags}` : v));
  return createHash('sha256').update(json).digest('base64url').slice(0, 12);
}

export function encodeCursor(sort: SortKey[], doc: Record<string, unknown>, scope = ''): string {
  const values = [...sort.map((s) => encodeValue(getPath(doc, s.field))), encodeValue(doc._id)];
  return Buffer.from(JSON.stringify({ s: signature(sort, scope), v: values })).toString('base64url');
}

/** Decodes a cursor made for this same ordering; anything else is the client's mistake on `after`. */
export function decodeCursor(sort: SortKey[], cursor: string, scope = ''): unknown[] {
  const invalid = () =>
    badInput('after', 'This cursor is not valid for this list. Use an endCursor returned by the same query (same filter and order), or omit `after`.');
  if (cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; v?: unknown };
    if (parsed.s !== signature(sort, scope) || !Array.isArray(parsed.v) || parsed.v.length !== sort.length + 1) throw invalid();
    const values = parsed.v.map(decodeValue);
    if (!(values[values.length - 1] instanceof Types.ObjectId)) throw invalid();
    return values;
  } catch {
    throw invalid();
  }
}

/** Validates `first` (1..100, default 20). */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput('first', `\`first\` must be between 1 and ${max} (got ${first}).`);
  }
  return first;
}

/** The `$match` that keeps only rows strictly after the cursor in the given ordering. */
export function keysetCondition(sort: SortKey[], values: unknown[]): Record<string, unknown> {
  const keys: SortKey[] = [...sort, { field: '_id', direction: 1 }];
  const or: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i++) {
    const clause: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) clause[keys[j]!.field] = values[j];
    const k = keys[i]!;
    clause[k.field] = { [k.direction === 1 ? '$gt' : '$lt']: values[i] };
    or.push(clause);
  }
  return { $or: or };
}

export interface PaginateOptions {
  /** The filter; a `$text` or geo condition may sit here (it becomes the first stage). */
  match: Record<string, unknown>;
  sort: SortKey[];
  /** Computed fields the sort needs (e.g. `{ score: { $meta: 'textScore' } }`). */
  addFields?: Record<string, unknown>;
  /** Fields to return; omit for whole documents. */
  project?: Record<string, 0 | 1>;
  args: PageArgs;
  maxPageSize?: number;
  /** How to count the matches (e.g. through a cache); default `countDocuments(match)`. */
  count?: () => Promise<number>;
}

/** Keyset pagination over one collection: one aggregate for the page, one count only if asked. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mongoose's Model is invariant in its document type: any model is a Model<any>
export async function paginate<T extends { _id: unknown }>(model: Model<any>, opts: PaginateOptions): Promise<Connection<T>> {
  const limit = pageSize(opts.args.first, opts.maxPageSize);
  const scope = filterDigest(opts.match);
  const after = opts.args.after ? decodeCursor(opts.sort, opts.args.after, scope) : null;

  const pipeline: PipelineStage[] = [{ $match: opts.match }];
  if (opts.addFields) pipeline.push({ $addFields: opts.addFields });
  if (after) pipeline.push({ $match: keysetCondition(opts.sort, after) });
  const sortStage: Record<string, 1 | -1> = {};
  for (const s of opts.sort) sortStage[s.field] = s.direction;
  sortStage._id = 1;
  pipeline.push({ $sort: sortStage }, { $limit: limit + 1 });
  if (opts.project) pipeline.push({ $project: { ...opts.project, ...Object.fromEntries(opts.sort.map((s) => [s.field, 1])) } });

  const rows = (await model.aggregate(pipeline)) as T[];
  const hasNextPage = rows.length > limit;
  const nodes = hasNextPage ? rows.slice(0, limit) : rows;
  const count = opts.count ?? (() => model.countDocuments(opts.match).exec());
  return connectionOf(nodes, { sort: opts.sort, scope, hasNextPage, hasPreviousPage: after !== null, count });
}

/** A connection over rows already fetched and ordered: lazy cursors, the count run once and only if read. */
export function connectionOf<T>(
  nodes: T[],
  opts: { sort: SortKey[]; scope: string; hasNextPage: boolean; hasPreviousPage: boolean; count: () => Promise<number> },
): Connection<T> {
  const edges = nodes.map((node) => new LazyEdge<T>(node, opts.sort, opts.scope));
  let counted: Promise<number> | null = null;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: opts.hasNextPage,
      hasPreviousPage: opts.hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    totalCount: () => (counted ??= opts.count()),
  };
}

/**
 * An edge whose cursor is encoded only when read: a page of 100 usually asks for `endCursor` alone,
 * and encoding 100 cursors nobody reads showed in the HTTP bench's profile.
 */
class LazyEdge<T> implements Edge<T> {
  #cursor: string | undefined;

  constructor(
    readonly node: T,
    private readonly sort: SortKey[],
    private readonly scope: string,
  ) {}

  get cursor(): string {
    return (this.#cursor ??= encodeCursor(this.sort, this.node as Record<string, unknown>, this.scope));
  }
}

function getPath(doc: Record<string, unknown>, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * A plain list that takes `first` (declared `@listSize(slicingArguments: ["first"])`): refuses a size outside
 * 1..100 before loading anything, then keeps the first items of what `load` gives (null stays null).
 */
export async function firstOf<L extends readonly unknown[] | null>(first: number | null | undefined, load: () => L | Promise<L>): Promise<L> {
  const n = pageSize(first);
  const list = await load();
  return (list === null ? list : list.slice(0, n)) as L;
}
