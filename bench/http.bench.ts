// The directory end to end over HTTP, against a floor measured in the same run: Maillage (production
// config, operations layer on) and a bare node:http + driver server (bench/floor/) each run in a child
// process, loaded by autocannon at 1 and 16 clients, three interleaved rounds of a fixed number of
// requests each. Reports throughput, p99 and each server process's own CPU time per request. Both
// must first return the same page.
// BENCH_CPU_PROF=<folder> (bench/e2e/spawn.ts) also writes a V8 CPU profile of each server (summarise it with
// `npx tsx bench/e2e/profile-summary.ts <file>`); the figures of a profiled run are not comparable.
import autocannon from 'autocannon';
import { startChild, type ServerChild } from './e2e/spawn';
import { seedDirectory } from './directory-data';
import { result, type Bench, type BenchResult } from './harness';

const ORGANISATIONS = 10_000;
const PAGE = 100;
const ROUNDS = 3;
const ROUND_SECONDS = 2.5;
const WARMUP_SECONDS = 2;
const CLIENTS = [1, 16] as const;

/** The anonymous directory page: 100 cards with domains, neighbourhoods, location and the total. */
const QUERY = `query Directory($first: Int!, $filter: OrganisationFilter) {
  organisations(first: $first, filter: $filter) {
    totalCount
    edges { node { id name acronym legalForm location { lat lng } domains { id name } neighbourhoods { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const SCENARIOS = [
  { label: 'by name', variables: { first: PAGE } },
  { label: 'searching "solidaire"', variables: { first: PAGE, filter: { search: 'solidaire' } } },
] as const;

async function post(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await res.json()) as { errors?: unknown };
  if (res.status !== 200 || json.errors) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/** The page without its cursor (opaque, and each server has its own format), keys sorted. */
function comparable(body: unknown): string {
  const b = body as { data: { organisations: { pageInfo: { endCursor: string | null } } } };
  const cursor = b.data.organisations.pageInfo.endCursor;
  if (typeof cursor !== 'string' || !cursor) throw new Error('a page without an endCursor');
  const copy = structuredClone(b);
  copy.data.organisations.pageInfo.endCursor = '';
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [c]) => a.localeCompare(c))
              .map(([k, x]) => [k, sortKeys(x)]),
          )
        : v;
  return JSON.stringify(sortKeys(copy));
}

interface Sample {
  rps: number;
  p99: number;
  requests: number;
  cpuMs: number;
}

/**
 * A fixed number of requests (not a fixed time): every request counted has finished, so the CPU the
 * server spent between the two readings belongs to counted requests only.
 */
async function load(server: ServerChild, body: string, connections: number, amount: number): Promise<Sample> {
  const cpuBefore = await server.cpuMs();
  const r = await autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    amount,
    sampleInt: 50,
  });
  const cpuAfter = await server.cpuMs();
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${server.label} under load: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  const requests = r['2xx'];
  return { rps: requests / r.duration, p99: r.latency.p99, requests, cpuMs: cpuAfter - cpuBefore };
}

/** A warm-up of about `seconds` at 16 clients; returns the throughput it saw, to size the rounds. */
async function warmUp(server: ServerChild, body: string, seconds: number): Promise<number> {
  const r = await autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 16,
    duration: seconds,
  });
  if (r.non2xx || r.errors) throw new Error(`${server.label} warming up: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return Math.max(r['2xx'], 1) / r.duration;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Bench = {
  name: 'directory end to end over HTTP (Maillage vs node:http + driver floor)',
  async run(ctx) {
    const uri = await ctx.connectFreshDatabase();
    const results: BenchResult[] = [];
    const servers: ServerChild[] = [];
    try {
      const seeding = Date.now();
      ctx.log(`${await seedDirectory(ORGANISATIONS)} organisations loaded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
      const [maillage, floor] = await Promise.all([
        startChild('maillage', 'e2e/maillage-server.ts', uri),
        startChild('floor', 'floor/directory-floor.ts', uri),
      ]);
      servers.push(maillage!, floor!);

      const bodies = SCENARIOS.map((s) => JSON.stringify({ query: QUERY, variables: s.variables }));
      for (const [i, s] of SCENARIOS.entries()) {
        const [a, b] = await Promise.all([post(`${maillage!.url}/graphql`, bodies[i]!), post(`${floor!.url}/graphql`, bodies[i]!)]);
        const edges = (a as { data: { organisations: { edges: unknown[] } } }).data.organisations.edges.length;
        if (edges !== PAGE) throw new Error(`Maillage returned ${edges} organisations for "${s.label}", expected ${PAGE}`);
        if (comparable(a) !== comparable(b)) throw new Error(`Maillage and the floor disagree on the page "${s.label}"`);
      }
      ctx.log('both servers return the same pages; warming up');
      // Each round sends what the warm-up says takes about ROUND_SECONDS, at least 2 requests per client.
      const amounts = new Map<string, number>();
      for (const [i, s] of SCENARIOS.entries()) {
        for (const server of [floor!, maillage!]) {
          const rps = await warmUp(server, bodies[i]!, WARMUP_SECONDS);
          for (const clients of CLIENTS) amounts.set(`${s.label}|${clients}|${server.label}`, Math.max(clients * 2, Math.round(rps * ROUND_SECONDS)));
        }
      }

      const samples = new Map<string, Sample[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, s] of SCENARIOS.entries()) {
          for (const clients of CLIENTS) {
            // Alternate who goes first, so a slow patch of the machine hits both alike.
            const order = round % 2 ? [maillage!, floor!] : [floor!, maillage!];
            for (const server of order) {
              const key = `${s.label}|${clients}|${server.label}`;
              const sample = await load(server, bodies[i]!, clients, amounts.get(key)!);
              samples.set(key, [...(samples.get(key) ?? []), sample]);
              ctx.log(
                `round ${round + 1} ${s.label}, ${clients} client(s), ${server.label}: ${sample.rps.toFixed(0)} req/s, p99 ${sample.p99} ms, ${(sample.cpuMs / sample.requests).toFixed(2)} ms CPU/request`,
              );
            }
          }
        }
      }

      for (const s of SCENARIOS) {
        for (const clients of CLIENTS) {
          const of = (label: string) => {
            const xs = samples.get(`${s.label}|${clients}|${label}`)!;
            return {
              rps: median(xs.map((x) => x.rps)),
              p99: median(xs.map((x) => x.p99)),
              cpu: xs.reduce((t, x) => t + x.cpuMs, 0) / xs.reduce((t, x) => t + x.requests, 0),
            };
          };
          const m = of('maillage');
          const f = of('floor');
          const what = `directory page of ${PAGE} (${s.label}) over ${ORGANISATIONS}, HTTP, ${clients} client${clients > 1 ? 's' : ''}: Maillage vs node:http + driver (floor)`;
          results.push(
            result({
              name: `${what}, throughput`,
              value: Number(m.rps.toFixed(1)),
              baseline: Number(f.rps.toFixed(1)),
              unit: 'req/s',
              higherIsBetter: true,
              ...(clients === 16 ? { aim: '>= 0.8x', ok: m.rps >= 0.8 * f.rps } : {}),
            }),
            result({ name: `${what}, p99 latency`, value: m.p99, baseline: f.p99, unit: 'ms' }),
            result({
              name: `${what}, server CPU per request`,
              value: Number(m.cpu.toFixed(3)),
              baseline: Number(f.cpu.toFixed(3)),
              unit: 'ms',
              aim: '<= 2x',
              ok: m.cpu <= 2 * f.cpu,
            }),
          );
        }
      }
    } finally {
      for (const s of servers) await s.stop();
      await ctx.disconnectDatabase();
    }
    return results;
  },
};

export default bench;
