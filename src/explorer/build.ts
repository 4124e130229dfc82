// Bundles the GraphiQL explorer (React + graphiql + its CSS, fonts inlined as data: URLs) into
// dist/explorer/main.js and main.css with esbuild. Run by `npm run build`, `npm run dev` and `npm test`
// (`npm run build:explorer`); the server only reads the output (esbuild is a development dependency).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { explorerAssetsDir, EXPLORER_FILES } from './assets';

/** Writes main.js and main.css into `outDir` and returns their sizes in bytes. */
export async function buildExplorer(outDir: string = explorerAssetsDir()): Promise<Record<string, number>> {
  const result = await build({
    entryPoints: { main: join(__dirname, 'client', 'main.js') },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16', 'edge110'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // GraphiQL's stylesheet already carries its fonts as data: URLs; anything else it names is inlined too,
    // so the page never asks for a file we do not serve.
    loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  });
  const sizes: Record<string, number> = {};
  for (const [file, out] of Object.entries(result.metafile.outputs)) sizes[file] = out.bytes;
  return sizes;
}

/** Builds only when an output file is missing (tests call this so `npx jest` alone works from a clean clone). */
export async function ensureExplorerBuilt(outDir: string = explorerAssetsDir()): Promise<void> {
  if (EXPLORER_FILES.every((f) => existsSync(join(outDir, f)))) return;
  await buildExplorer(outDir);
}

if (require.main === module) {
  buildExplorer().then(
    (sizes) => {
      for (const [file, bytes] of Object.entries(sizes)) console.log(`${file}  ${(bytes / 1024).toFixed(0)} KiB`);
    },
    (err: unknown) => {
      console.error('The explorer build failed:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
