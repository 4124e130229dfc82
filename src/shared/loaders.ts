// DataLoader factories that keep the batch contract: results in the order of the keys, `null` for a
// missing one; keys compared as strings. Made fresh for every request (see context.ts).
import DataLoader from 'dataloader';
import { Types, type Model } from 'mongoose';

const key = (id: unknown) => String(id);

/**
 * A batch answers in one round trip: without this the server sends 101 documents first and the rest
 * through getMore, so a page with many members would cost more commands than a page with few.
 * The server still caps each reply at 16 MB.
 */
const ONE_ROUND_TRIP = 100_000;

/** Loads documents by `_id` with one `$in` query per batch. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mongoose's Model is invariant in its document type: any model is a Model<any>
export function byIdLoader<T extends { _id: unknown }>(model: Model<any>, projection?: Record<string, 0 | 1>) {
  return new DataLoader<unknown, T | null, string>(
    async (ids) => {
      const valid = ids.filter((id) => Types.ObjectId.isValid(String(id))).map((id) => new Types.ObjectId(String(id)));
      const docs = (await model
        .find({ _id: { $in: valid } }, projection)
        .batchSize(ONE_ROUND_TRIP)
        .lean()) as T[];
      const byId = new Map(docs.map((d) => [key(d._id), d]));
      return ids.map((id) => byId.get(key(id)) ?? null);
    },
    { cacheKeyFn: key, maxBatchSize: 1000 },
  );
}

/** One-to-many: all documents whose `field` holds the key (e.g. applications by organisation). */
export function groupByLoader<T extends Record<string, unknown>>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mongoose's Model is invariant in its document type: any model is a Model<any>
  model: Model<any>,
  field: string,
  opts: { match?: Record<string, unknown>; sort?: Record<string, 1 | -1>; projection?: Record<string, 0 | 1> } = {},
) {
  return new DataLoader<unknown, T[], string>(
    async (ids) => {
      const objectIds = ids.map((id) => new Types.ObjectId(String(id)));
      const docs = (await model
        .find({ ...(opts.match ?? {}), [field]: { $in: objectIds } }, opts.projection)
        .sort(opts.sort ?? { _id: 1 })
        .batchSize(ONE_ROUND_TRIP)
        .lean()) as T[];
      const groups = new Map<string, T[]>(ids.map((id) => [key(id), []]));
      for (const doc of docs) {
        // A document joins each group once, even when it holds the key twice.
        for (const v of new Set(valuesAt(doc, field).map(key))) groups.get(v)?.push(doc);
      }
      return ids.map((id) => groups.get(key(id)) ?? []);
    },
    { cacheKeyFn: key, maxBatchSize: 1000 },
  );
}

/**
 * The values at a dotted path, through arrays as MongoDB reads them: `memberships.organisation` on
 * `{ memberships: [{ organisation: a }, { organisation: b }] }` gives `[a, b]`.
 */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const c of current) {
      const v = c !== null && typeof c === 'object' ? (c as Record<string, unknown>)[part] : undefined;
      if (Array.isArray(v)) next.push(...(v as unknown[]));
      else if (v !== undefined && v !== null) next.push(v);
    }
    current = next;
  }
  return current;
}

/** Loads many ids through a by-id loader, dropping the missing ones. */
export async function loadMany<T>(loader: DataLoader<unknown, T | null, string>, ids: readonly unknown[] | null | undefined): Promise<T[]> {
  if (!ids?.length) return [];
  const docs = await loader.loadMany(ids);
  return docs.filter((d): d is T => d !== null && !(d instanceof Error));
}
