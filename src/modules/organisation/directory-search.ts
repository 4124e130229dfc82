// Text search over the directory, bounded: the SEARCH_CANDIDATES best matches (by relevance, then id)
// are ranked once, kept in the instance's directory cache, and the pages are cut from that list, each
// page reading only its own organisations by id. Beyond the bound a search stops (`hasNextPage` false)
// while `totalCount` still says how many matched: the client tells the user to refine the search.
// Ranking goes through a SearchBackend, so a search engine (Atlas Search, or an external one) can
// replace MongoDB's text index without touching the resolver or the pagination.
import type { Types } from 'mongoose';
import type { Context } from '../../context';
import { connectionOf, decodeCursor, filterDigest, pageSize, type Connection, type PageArgs, type SortKey } from '../../shared/pagination';
import { cached } from './directory-cache';
import { OrganisationModel, type OrganisationDoc } from './organisation.model';

/** How many of the best matches a search ranks and pages through. */
export const SEARCH_CANDIDATES = 1_000;

export interface Ranked {
  /** Best first: relevance descending, then id ascending. */
  hits: { _id: Types.ObjectId; score: number }[];
  /** True when more organisations matched than were ranked. */
  truncated: boolean;
}

export interface SearchBackend {
  /**
   * The best `limit` matches of `text` among the organisations `match` keeps (visibility and the other
   * filters included; `match` carries no text condition), best first, and whether more matched.
   */
  rank(text: string, match: Record<string, unknown>, limit: number): Promise<Ranked>;
  /** How many organisations `match` and `text` keep. */
  count(text: string, match: Record<string, unknown>): Promise<number>;
}

const textCondition = (text: string) => ({ $search: text, $language: 'french', $diacriticSensitive: false, $caseSensitive: false });

/** MongoDB's text index (`organisation_text`): valid on a standalone server, a replica set and Atlas. */
export const mongoTextSearch: SearchBackend = {
  async rank(text, match, limit) {
    const rows = await OrganisationModel.aggregate<{ _id: Types.ObjectId; score: number }>([
      { $match: { ...match, $text: textCondition(text) } },
      { $sort: { score: { $meta: 'textScore' }, _id: 1 } },
      { $limit: limit + 1 },
      { $project: { _id: 1, score: { $meta: 'textScore' } } },
    ]);
    return { hits: rows.slice(0, limit), truncated: rows.length > limit };
  },
  count: (text, match) => OrganisationModel.countDocuments({ ...match, $text: textCondition(text) }).exec(),
};

export const BY_RELEVANCE: SortKey[] = [{ field: 'score', direction: -1 }];

/**
 * A page of a text search. The cursor is the one the unbounded search used (relevance, id, and the
 * filter's digest), so a cursor handed out before still continues where it stopped.
 */
export async function searchPage(
  ctx: Pick<Context, 'loaders'>,
  backend: SearchBackend,
  whole: Record<string, unknown> & { $text: { $search: string } },
  page: PageArgs,
  project?: Record<string, 1>,
  candidates = SEARCH_CANDIDATES,
): Promise<Connection<OrganisationDoc>> {
  const limit = pageSize(page.first);
  const { $text, ...match } = whole;
  const text = $text.$search;
  // The digest of the whole condition, text included, as the unbounded search's cursors had it.
  const scope = filterDigest(whole);
  const after = page.after ? decodeCursor(BY_RELEVANCE, page.after, scope) : null;
  const ranked = await cached(ctx, `rank${candidates}`, whole, () => backend.rank(text, match, candidates));

  let start = 0;
  if (after) {
    const [score, id] = after as [number, Types.ObjectId];
    // The first hit strictly after the cursor in (score desc, id asc) order.
    start = ranked.hits.findIndex((h) => h.score < score || (h.score === score && String(h._id) > String(id)));
    if (start < 0) start = ranked.hits.length;
  }
  const slice = ranked.hits.slice(start, start + limit);
  // The filter again (visibility included): the ranking may be up to TTL_MS old.
  const ids = slice.map((h) => h._id);
  const docs = ids.length ? ((await OrganisationModel.find({ ...match, _id: { $in: ids } }, project).lean()) as OrganisationDoc[]) : [];
  const byId = new Map(docs.map((d) => [String(d._id), d]));
  // An organisation deleted or hidden since the ranking is skipped, never shown.
  const nodes = slice.flatMap((h) => {
    const d = byId.get(String(h._id));
    return d ? [Object.assign(d, { score: h.score })] : [];
  });
  return connectionOf(nodes, {
    sort: BY_RELEVANCE,
    scope,
    hasNextPage: start + limit < ranked.hits.length,
    hasPreviousPage: after !== null,
    count: () => (ranked.truncated ? cached(ctx, 'count', whole, () => backend.count(text, match)) : Promise.resolve(ranked.hits.length)),
  });
}
