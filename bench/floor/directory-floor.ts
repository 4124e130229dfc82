// The floor of the HTTP bench: the anonymous directory page served by bare node:http and the official
// MongoDB driver, written as fast as we know how, answering with the JSON Maillage gives for the same
// query (bench/http.bench.ts checks that before measuring). No GraphQL, no framework, no validation
// beyond what keeps it honest: a projected page with the count in parallel, then the page's domains
// and neighbourhoods by `$in` (names only: no polygons). Reads `variables.first` and
// `variables.filter.search` from the same POST body the bench sends to Maillage.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { MongoClient, type Document, type ObjectId } from 'mongodb';
import { failBoot, serveForBench } from '../e2e/child';

interface OrgRow {
  _id: ObjectId;
  name: string;
  acronym?: string | null;
  legalForm: string;
  location?: { coordinates?: number[] } | null;
  domains?: ObjectId[];
  neighbourhoods?: ObjectId[];
  nameKey: string;
  score?: number;
}

const CARD = { name: 1, acronym: 1, legalForm: 1, location: 1, domains: 1, neighbourhoods: 1, nameKey: 1 } as const;

async function main() {
  const client = new MongoClient(process.env.MONGODB_URI!);
  await client.connect();
  const db = client.db();
  const organisations = db.collection<OrgRow>('organisations');
  const domains = db.collection<{ _id: ObjectId; name: string }>('domains');
  const neighbourhoods = db.collection<{ _id: ObjectId; name: string }>('neighbourhoods');

  /** The names of the given ids, by hex id, in one query. */
  async function namesOf(coll: typeof domains, ids: Map<string, ObjectId>): Promise<Map<string, string>> {
    if (!ids.size) return new Map();
    const docs = await coll.find({ _id: { $in: [...ids.values()] } }, { projection: { name: 1 } }).toArray();
    return new Map(docs.map((d) => [d._id.toHexString(), d.name]));
  }

  async function page(first: number, search: string | undefined) {
    const match: Document = search
      ? { $text: { $search: search, $language: 'french', $diacriticSensitive: false, $caseSensitive: false }, status: 'ACTIVE', isPublic: true }
      : { status: 'ACTIVE', isPublic: true };
    const [rows, counted] = await Promise.all([
      organisations
        .find(match, {
          projection: search ? { ...CARD, score: { $meta: 'textScore' } } : CARD,
          sort: search ? { score: { $meta: 'textScore' }, _id: 1 } : { nameKey: 1, _id: 1 },
          limit: first + 1,
        })
        .toArray(),
      // The count command counts on the index when it can (no $group stage as countDocuments has).
      db.command({ count: 'organisations', query: match }),
    ]);
    const hasNextPage = rows.length > first;
    if (hasNextPage) rows.length = first;
    const domainIds = new Map<string, ObjectId>();
    const hoodIds = new Map<string, ObjectId>();
    for (const r of rows) {
      for (const id of r.domains ?? []) domainIds.set(id.toHexString(), id);
      for (const id of r.neighbourhoods ?? []) hoodIds.set(id.toHexString(), id);
    }
    const [domainNames, hoodNames] = await Promise.all([namesOf(domains, domainIds), namesOf(neighbourhoods, hoodIds)]);
    const edges = rows.map((r) => {
      const c = r.location?.coordinates;
      const ds = [];
      for (const id of r.domains ?? []) {
        const h = id.toHexString();
        const name = domainNames.get(h);
        if (name !== undefined) ds.push({ id: h, name });
      }
      const ns = [];
      for (const id of r.neighbourhoods ?? []) {
        const h = id.toHexString();
        const name = hoodNames.get(h);
        if (name !== undefined) ns.push({ id: h, name });
      }
      return {
        node: {
          id: r._id.toHexString(),
          name: r.name,
          acronym: r.acronym ?? null,
          legalForm: r.legalForm,
          location: c && c.length === 2 ? { lat: c[1], lng: c[0] } : null,
          domains: ds,
          neighbourhoods: ns,
        },
      };
    });
    const last = rows[rows.length - 1];
    const endCursor = last ? Buffer.from(JSON.stringify([search ? last.score : last.nameKey, last._id.toHexString()])).toString('base64url') : null;
    return { data: { organisations: { totalCount: (counted as { n: number }).n, edges, pageInfo: { hasNextPage, endCursor } } } };
  }

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let first = 20;
      let search: string | undefined;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { first?: number; filter?: { search?: string } } };
        first = Math.min(Math.max(body.variables?.first ?? 20, 1), 100);
        search = body.variables?.filter?.search?.trim() || undefined;
      } catch {
        return reply(res, 400, { errors: [{ message: 'bad request' }] });
      }
      page(first, search).then(
        (out) => reply(res, 200, out),
        () => reply(res, 500, { errors: [{ message: 'failed' }] }),
      );
    });
  });
  await serveForBench(server, () => client.close());
}

main().catch(failBoot);
