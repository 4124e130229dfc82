// Where the bundled explorer lives: dist/explorer at the project root (gitignored, built, never committed).
import { join, sep } from 'node:path';

export const EXPLORER_FILES = ['main.js', 'main.css'] as const;

/** dist/explorer, from src/explorer (tsx, jest) or dist/src/explorer (the compiled server). */
export function explorerAssetsDir(): string {
  const compiled = __dirname.includes(`${sep}dist${sep}src${sep}`);
  return join(__dirname, '..', '..', compiled ? '..' : '', 'dist', 'explorer');
}
