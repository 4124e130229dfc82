// Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof`, e.g. BENCH_CPU_PROF=<folder> npm run
// bench http) by where the time goes: garbage collection, BSON, the driver, graphql-js, Apollo Server,
// our own code... Self time of a frame without a script (a V8 builtin such as JSON.stringify) is
// charged to the nearest caller that has one, so "Apollo Server" includes the JSON it writes.
// Usage: npx tsx bench/e2e/profile-summary.ts <file.cpuprofile> [top functions, default 20]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The area a script belongs to, from its URL; order matters (first match wins). */
const AREAS: [RegExp, string][] = [
  [/node_modules\/bson\//, 'BSON (de)serialisation'],
  [/node_modules\/mongodb\//, 'MongoDB driver'],
  [/node_modules\/mongoose\//, 'Mongoose'],
  [/node_modules\/graphql\/execution\//, 'graphql-js execution'],
  [/node_modules\/graphql\/validation\//, 'graphql-js validation'],
  [/node_modules\/graphql\/language\//, 'graphql-js parsing'],
  [/node_modules\/graphql\//, 'graphql-js (other)'],
  [/node_modules\/@apollo\/server\/.*cacheControl/, 'Apollo Server: cache-control plugin'],
  [/node_modules\/@apollo\//, 'Apollo Server (other)'],
  [/node_modules\/@escape\.tech\/|graphql-armor/, 'graphql-armor'],
  [/node_modules\/dataloader\//, 'DataLoader'],
  [/node_modules\/(pino|sonic-boom|fast-redact|thread-stream)/, 'logging (pino)'],
  [/node_modules\/prom-client\//, 'metrics (prom-client)'],
  [/node_modules\/rate-limiter-flexible\//, 'rate limits'],
  [
    /node_modules\/(express|body-parser|router|raw-body|iconv-lite|type-is|content-type|qs|finalhandler|send|on-finished|@as-integrations)/,
    'Express and body parsing',
  ],
  [/node_modules\/(tsx|esbuild|get-tsconfig)\//, 'tsx loader (start-up)'],
  [/node_modules\//, 'other packages'],
  [/\/src\/shared\/pagination\.ts/, 'our code: pagination'],
  [/\/src\//, 'our code (other)'],
  [/\/bench\//, 'bench floor/child code'],
  [/^node:/, 'Node core (http, net, streams)'],
];

function areaOf(url: string): string | null {
  if (!url) return null;
  for (const [re, name] of AREAS) if (re.test(url)) return name;
  return 'other scripts';
}

export function summarise(profile: Profile, top = 20): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }

  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const fn = node.callFrame.functionName;
    if (fn === '(idle)') continue;
    busy += us;
    let area: string;
    if (fn === '(garbage collector)') area = 'garbage collection';
    else if (fn === '(program)') area = 'V8/native (program)';
    else {
      // A builtin: charge it to the nearest caller with a script.
      let cur: number | undefined = id;
      let found: string | null = null;
      while (cur !== undefined && !found) {
        found = areaOf(byId.get(cur)!.callFrame.url);
        cur = parent.get(cur);
      }
      area = found ?? 'V8 builtins (no script caller)';
    }
    areas.set(area, (areas.get(area) ?? 0) + us);
    const label = `${fn || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
    functions.set(label, (functions.get(label) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)}%`;
  const lines = [`busy CPU in the profile: ${(busy / 1000).toFixed(0)} ms`, '', '| where | share of busy CPU |', '| --- | ---: |'];
  for (const [name, us] of [...areas].sort((a, b) => b[1] - a[1])) lines.push(`| ${name} | ${pct(us)} |`);
  lines.push('', `| top ${top} functions (self time) | share |`, '| --- | ---: |');
  for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| ${name} | ${pct(us)} |`);
  return lines.join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/e2e/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(process.argv[3] ?? 20)));
}
