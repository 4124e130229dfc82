// `npm run bench [name...]`: runs every bench/*.bench.ts (or those named) on one MongoDB and prints a
// Markdown table of ratios, also written to bench/results/latest.md (not committed).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoMemoryServer } from 'mongodb-memory-server';
import { makeContext, withoutCostBasedRanker, type Bench, type BenchResult } from './harness';

async function main() {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const mongo = await MongoMemoryServer.create();
  if (await withoutCostBasedRanker(mongo.getUri())) process.stderr.write('MongoDB: cost-based plan ranker off (see bench/harness.ts)\n');
  const ctx = makeContext(mongo.getUri());
  const rows: BenchResult[] = [];
  try {
    // A name that matches a file runs that file without loading the others (a bench being edited
    // elsewhere cannot break the run); any other name is looked up in every bench's `name`.
    const byName = only.filter((o) => !files.some((f) => f.includes(o)));
    for (const f of files) {
      if (only.length && !only.some((o) => f.includes(o)) && !byName.length) continue;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bench file is found at run time and loaded only when chosen
      const bench = (require(join(__dirname, f)) as { default: Bench }).default;
      if (only.length && !only.some((o) => f.includes(o)) && !byName.some((o) => bench.name.includes(o))) continue;
      process.stderr.write(`bench: ${bench.name}\n`);
      const started = Date.now();
      rows.push(...(await bench.run(ctx)));
      process.stderr.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await mongo.stop();
  }
  const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
  const table = [
    `Bench run ${new Date().toISOString()} (Node ${process.version}); ratios are against a baseline measured in the same run.`,
    '',
    '| measure | value | baseline | unit | ratio | aim |',
    '| --- | ---: | ---: | --- | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.value)} | ${fmt(r.baseline)} | ${r.unit} | ${r.ratio.toFixed(2)} | ${r.aim ?? ''}${r.ok === undefined ? '' : r.ok ? ' (met)' : ' (missed)'} |`,
    ),
  ].join('\n');
  console.log(table);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'latest.md'), `${table}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
