// The README's "Test it" section says what CI runs: every npm step of .ci/run, in order, and the compose
// check. A step added to CI without a word in the README fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const testIt = readme.slice(readme.indexOf('## Test it'), readme.indexOf('\n## ', readme.indexOf('## Test it') + 1));
/** The sentence on CI, from "CI (`.ci/run`)" on. */
const ciSentence = testIt.slice(Math.max(0, testIt.indexOf('CI (`.ci/run`)')));
const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
  .split('\n')
  .filter((l) => !l.trim().startsWith('#'))
  .join('\n');

it('names every npm step of .ci/run, in the order CI runs them', () => {
  const steps = [...ci.matchAll(/^\s*(npm (?:ci|test|run [\w:-]+))/gm)].map((m) => m[1]!);
  expect(steps).toEqual(expect.arrayContaining(['npm ci', 'npm run typecheck', 'npm test']));
  const positions = steps.map((s) => ({ step: s, at: ciSentence.indexOf(`\`${s}\``) }));
  expect(positions.filter((p) => p.at < 0)).toEqual([]);
  expect(positions.map((p) => p.at)).toEqual([...positions.map((p) => p.at)].sort((a, b) => a - b));
});

it('mentions the compose check exactly when CI runs it', () => {
  expect(/docker-compose[^\n]* config/.test(ci)).toBe(true);
  expect(testIt.indexOf('CI (`.ci/run`)')).toBeGreaterThan(0);
  expect(ciSentence).toContain('`docker-compose config`');
});
