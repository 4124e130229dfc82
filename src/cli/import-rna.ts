// `npm run import:rna -- <file.csv> [--commune 13001] [--encoding utf8|latin1]`: imports the national
// associations registry (waldec export) into MONGODB_URI (or the embedded database when unset).
// Exit codes: 0 imported (even with rejected rows, listed on stderr), 1 the file cannot be imported, 2 usage.
import { basename } from 'node:path';
import { loadConfig } from '../config';
import { connectDatabase } from '../db';
import { createLogger } from '../shared/logger';
import { ImportFileError, importRna, type ImportProblem } from '../modules/registry/rna-import';
import { printLine, printLines } from './terminal';

const USAGE = 'Usage: npm run import:rna -- <file.csv> [--commune <INSEE code, e.g. 13001>] [--encoding utf8|latin1]';

export function parseArgs(argv: string[]): { file: string; commune: string | null; encoding: 'utf8' | 'latin1' | null } | string {
  let file: string | null = null;
  let commune: string | null = null;
  let encoding: 'utf8' | 'latin1' | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--commune' || a.startsWith('--commune=')) {
      const v = a.includes('=') ? a.split('=')[1]! : argv[++i];
      if (!v || !/^(\d{5}|2[AB]\d{3})$/.test(v)) return `--commune takes an INSEE commune code of 5 characters (e.g. 13001), got "${v ?? ''}".`;
      commune = v;
    } else if (a === '--encoding' || a.startsWith('--encoding=')) {
      const v = a.includes('=') ? a.split('=')[1]! : argv[++i];
      if (v !== 'utf8' && v !== 'latin1') return `--encoding is utf8 or latin1, got "${v ?? ''}".`;
      encoding = v;
    } else if (a === '-h' || a === '--help') return USAGE;
    else if (a.startsWith('-')) return `Unknown option ${a}.`;
    else if (file) return `Only one file at a time (got "${file}" and "${a}").`;
    else file = a;
  }
  if (!file) return 'Give the waldec CSV file to import.';
  return { file, commune, encoding };
}

/** A progress bar on a terminal only: redirected output stays clean. */
export function progressBar(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>) {
  let last = 0;
  return {
    update(read: number, total: number, rows: number) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && read < total) return;
      last = now;
      const ratio = total ? Math.min(1, read / total) : 1;
      const width = 30;
      const done = Math.round(ratio * width);
      stream.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows`);
    },
    clear() {
      if (stream.isTTY) stream.write('\r\x1b[2K');
    },
  };
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
  let shown = 0;
  const onProblem = (p: ImportProblem) => {
    if (++shown > 200) return;
    bar.clear();
    // The message quotes the file's own text: printed through the terminal filter like every line.
    printLine(process.stderr, `line ${p.line}${p.rna ? ` (${p.rna})` : ''}: ${p.severity === 'error' ? 'rejected' : 'warning'}: ${p.message}`);
  };
  try {
    const s = await importRna(args.file, {
      commune: args.commune,
      encoding: args.encoding,
      onProblem,
      onProgress: (read, total, rows) => bar.update(read, total, rows),
    });
    bar.clear();
    if (shown > 200) printLine(process.stderr, `... and ${shown - 200} more problems.`);
    const pad = (label: string, n: number, note = '') => `  ${label.padEnd(10)} ${String(n).padStart(8)}${note}\n`;
    printLines(
      process.stdout,
      `RNA import of ${basename(args.file)} (${s.encoding === 'utf8' ? 'UTF-8' : 'Latin-1'})${args.commune ? `, commune ${args.commune}` : ''}: ${s.rows} rows\n` +
        pad('created', s.created) +
        pad('updated', s.updated) +
        pad('dissolved', s.dissolved) +
        pad('unchanged', s.unchanged) +
        pad('skipped', s.skipped, args.commune ? '  (other communes, or deleted from the registry)' : '  (deleted from the registry)') +
        pad('rejected', s.rejected, s.rejected ? '  (see the lines above)' : '') +
        (s.warnings ? pad('warnings', s.warnings) : ''),
    );
    return 0;
  } catch (err) {
    bar.clear();
    if (err instanceof ImportFileError) {
      printLine(process.stderr, err.message);
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
      printLine(process.stderr, `The import failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
