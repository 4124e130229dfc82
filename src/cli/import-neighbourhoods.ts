// `npm run import:neighbourhoods -- <file.geojson> --name-property <p> --code-property <p> [--priority]
// [--where <property>=<value>] [--skip-invalid]`: imports neighbourhood shapes (the State's QPV file, a
// city's IRIS or district file) into MONGODB_URI (or the embedded database when unset), upserting by code.
// Exit codes: 0 imported (or nothing to change), 1 the file has problems (nothing written, unless
// --skip-invalid) or the import failed (run it again), 2 usage.
import { basename } from 'node:path';
import { loadConfig } from '../config';
import { connectDatabase } from '../db';
import { createLogger } from '../shared/logger';
import {
  importNeighbourhoods,
  NeighbourhoodFileError,
  type NeighbourhoodImportOptions,
  type NeighbourhoodImportSummary,
} from '../modules/reference/neighbourhood-import';
import { printLine, printLines } from './terminal';

export const USAGE =
  'Usage: npm run import:neighbourhoods -- <file.geojson> --name-property <property> --code-property <property> [--priority] [--where <property>=<value>] [--skip-invalid]\n' +
  '  e.g. for the State\'s QPV file: --name-property nom_qp --code-property code_qp --priority --where commune_qp="<your commune>"';

export type ParsedArgs = { file: string } & Omit<NeighbourhoodImportOptions, 'onProgress'>;

export function parseArgs(argv: string[]): ParsedArgs | string {
  let file: string | null = null;
  let nameProperty: string | null = null;
  let codeProperty: string | null = null;
  let priority = false;
  let skipInvalid = false;
  let where: ParsedArgs['where'] = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--name-property' || a.startsWith('--name-property=')) {
      const v = value();
      if (!v || v.startsWith('--')) return "--name-property takes the name of the property holding each neighbourhood's name (e.g. nom_qp).";
      nameProperty = v;
    } else if (a === '--code-property' || a.startsWith('--code-property=')) {
      const v = value();
      if (!v || v.startsWith('--')) return "--code-property takes the name of the property holding each neighbourhood's code (e.g. code_qp).";
      codeProperty = v;
    } else if (a === '--where' || a.startsWith('--where=')) {
      const v = value() ?? '';
      const eq = v.indexOf('=');
      if (eq < 1 || eq === v.length - 1) return `--where takes <property>=<value> (e.g. commune_qp=Bellerive-sur-Lune), got "${v}".`;
      where = { property: v.slice(0, eq), value: v.slice(eq + 1) };
    } else if (a === '--priority') priority = true;
    else if (a === '--skip-invalid') skipInvalid = true;
    else if (a === '-h' || a === '--help') return USAGE;
    else if (a.startsWith('-')) return `Unknown option ${a}.`;
    else if (file) return `Only one file at a time (got "${file}" and "${a}").`;
    else file = a;
  }
  if (!file) return 'Give the GeoJSON file to import.';
  if (!nameProperty) return "Give --name-property: the property holding each neighbourhood's name.";
  if (!codeProperty) return "Give --code-property: the property holding each neighbourhood's code.";
  return { file, nameProperty, codeProperty, priority, where, skipInvalid };
}

/** A progress bar on a terminal only: redirected output stays clean. */
export function progressBar(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>) {
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((total ? done / total : 1) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} neighbourhoods`);
    },
    clear() {
      if (stream.isTTY) stream.write('\r\x1b[2K');
    },
  };
}

/** The report printed at the end: one line per outcome, and what to do next. */
export function summaryText(file: string, s: NeighbourhoodImportSummary, args: ParsedArgs): string {
  const pad = (label: string, n: number, note = '') => `  ${label.padEnd(10)} ${String(n).padStart(6)}${note}\n`;
  let out =
    `Neighbourhoods from ${basename(file)}: ${s.features} features${args.priority ? ', imported as priority neighbourhoods' : ''}\n` +
    pad('created', s.created) +
    pad('updated', s.updated) +
    pad('unchanged', s.unchanged) +
    (s.archived ? pad('archived', s.archived, '  (archived by an admin: left archived)') : '') +
    (s.skipped ? pad('skipped', s.skipped, `  (not ${args.where?.property}=${args.where?.value})`) : '') +
    pad('invalid', s.invalid, s.invalid ? '  (see the lines above)' : '');
  if (s.aborted)
    out += `Nothing was imported: correct the features above and run the import again, or add --skip-invalid to import the ${s.features - s.skipped - s.invalid} valid ones.\n`;
  else if (!s.created && !s.updated) out += 'Nothing changed: the database already matches the file.\n';
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    printLines(process.stderr, args === USAGE ? args : `${args}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await connectDatabase(config, log);
  const bar = progressBar(process.stderr);
  try {
    const s = await importNeighbourhoods(args.file, { ...args, onProgress: (done, total) => bar.update(done, total) });
    bar.clear();
    for (const p of s.problems.slice(0, 200)) {
      // The messages quote the file's own text: printed through the terminal filter like every line.
      printLine(process.stderr, `feature ${p.index}${p.field ? ` (${p.field})` : ''}: ${p.message}`);
    }
    if (s.problems.length > 200) printLine(process.stderr, `... and ${s.problems.length - 200} more problems.`);
    printLines(process.stdout, summaryText(args.file, s, args));
    return s.aborted ? 1 : 0;
  } catch (err) {
    bar.clear();
    if (err instanceof NeighbourhoodFileError) {
      printLine(process.stderr, err.index === null ? err.message : `feature ${err.index}: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      printLine(
        process.stderr,
        `The import stopped: ${err instanceof Error ? err.message : String(err)}. What was written is kept; run the same command again to finish.`,
      );
      process.exit(1);
    },
  );
}
