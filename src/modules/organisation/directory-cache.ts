// Directory results kept by each API instance for a short while: counts per filter, and the ranked
// candidates of a text search. An entry is valid for the organisations' data version it was computed
// at (src/shared/versions.ts: every write through the model replaces it, on any instance) and for at
// most TTL_MS, which bounds how long a write that bypassed the model can stay unseen. Per instance,
// bounded in size, and public-safe: the key is the digest of the whole condition, visibility included,
// so two viewers who see different organisations never share an entry.
import type { Context } from '../../context';
import { filterDigest } from '../../shared/pagination';
import { onLocalWrite, readVersions } from '../../shared/versions';

export const TTL_MS = 30_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  token: string;
  at: number;
  value: Promise<unknown>;
}

const entries = new Map<string, Entry>();
onLocalWrite((kind) => {
  if (kind === 'organisations') entries.clear();
});

/** The organisations' data version as this request read it (once per request, shared with the reference cache). */
export async function organisationsVersion(ctx?: Partial<Pick<Context, 'loaders'>> | null): Promise<string> {
  return (await (ctx?.loaders ? ctx.loaders.reference.dataVersions() : readVersions())).organisations;
}

/**
 * The cached value for `kind` of `match` at this version, or `compute()`'s, stored. Concurrent requests
 * for the same entry share one computation; a failed one is not kept.
 */
export async function cached<T>(
  ctx: Partial<Pick<Context, 'loaders'>> | null,
  kind: string,
  match: Record<string, unknown>,
  compute: () => Promise<T>,
): Promise<T> {
  const token = await organisationsVersion(ctx);
  const key = `${kind}:${filterDigest(match)}`;
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.token === token && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const entry: Entry = { token, at: now, value: compute() };
  entries.delete(key);
  entries.set(key, entry);
  // Oldest first in a Map: drop from the front when full.
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entry.value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return entry.value as Promise<T>;
}

/** For tests: how many entries this instance holds. */
export function cachedEntries(): number {
  return entries.size;
}
