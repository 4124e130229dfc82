// The README and the guides link to each other: every relative link names a file that exists and, with an
// anchor, a heading of that file (GitHub's anchors), so moving or renaming a section breaks a test, not a reader.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function anchors(path: string): string[] {
  let fenced = false;
  const out: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const h = !fenced && /^#+ (.*)$/.exec(line);
    if (h) out.push(slug(h[1]!));
  }
  return out;
}

function links(file: string): { target: string; anchor: string | null }[] {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/.test(href))
    .map((href) => {
      const [path, anchor] = href.split('#') as [string, string | undefined];
      return { target: path ? relative(ROOT, join(ROOT, dirname(file), path)) : file, anchor: anchor ?? null };
    });
}

it('finds the README and the guides, each linked from the README', () => {
  expect(DOCS).toEqual(expect.arrayContaining(['docs/api.md', 'docs/grants.md', 'docs/operations.md', 'docs/security.md']));
  const fromReadme = new Set(links('README.md').map((l) => l.target));
  expect(DOCS.filter((d) => d !== 'README.md' && !fromReadme.has(d))).toEqual([]);
});

it.each(DOCS)('%s links only to files and headings that exist', (file) => {
  const broken = links(file).filter(
    ({ target, anchor }) => !existsSync(join(ROOT, target)) || (anchor !== null && !anchors(join(ROOT, target)).includes(anchor)),
  );
  expect(broken).toEqual([]);
});

/** Repository paths written in backticks (`src/loaders.ts`, `test/hardening/`), placeholders (`<domain>`) aside. */
function paths(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/`((?:src|test|graphql|bench|seeds|deploy|docs|\.ci)\/[^`\s]*)`/g)]
    .map((m) => m[1]!.replace(/[:#].*$/, ''))
    .filter((p) => !/[<>*{}]/.test(p));
}

/** A path git ignores on purpose is one the operator supplies (a TLS key): named, never committed. */
function ignoredByGit(path: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', path], { cwd: ROOT, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

it.each(DOCS)('%s names only repository paths that exist (or that git ignores on purpose)', (file) => {
  expect(paths(file).filter((p) => !existsSync(join(ROOT, p)) && !ignoredByGit(p))).toEqual([]);
});
