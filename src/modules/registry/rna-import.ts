// Import of the national associations registry (RNA, "waldec" CSV export): upsert by RNA number, keep
// the fields people edited in Maillage, mark dissolved associations. A bad row is reported with its line
// number and never stops the import; running the same file twice changes nothing the second time.
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { applyRegistryRows, type RegistryRow } from '../organisation/registry-sync.service';
import { isValidRna, isValidSiret } from '../../shared/identifiers';
import { bumpVersion } from '../../shared/versions';

/** The columns the import reads; the file may have more (the full waldec header has 39). */
export const REQUIRED_COLUMNS = [
  'id',
  'siret',
  'titre',
  'titre_court',
  'objet',
  'adrs_numvoie',
  'adrs_repetition',
  'adrs_typevoie',
  'adrs_libvoie',
  'adrs_codeinsee',
  'adrs_codepostal',
  'adrs_libcommune',
  'siteweb',
  'position',
  'maj_time',
] as const;

export interface ImportProblem {
  line: number;
  rna?: string;
  message: string;
  /** A warning keeps the row (e.g. an invalid SIRET is left out); an error rejects it. */
  severity: 'error' | 'warning';
}

export interface ImportSummary {
  encoding: 'utf8' | 'latin1';
  rows: number;
  created: number;
  updated: number;
  dissolved: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  warnings: number;
  /** The first problems (all are passed to `onProblem`). */
  problems: ImportProblem[];
}

export interface ImportOptions {
  /** Only rows of this INSEE commune code (adrs_codeinsee), e.g. 13001. */
  commune?: string | null;
  /** Force an encoding instead of detecting it. */
  encoding?: 'utf8' | 'latin1' | null;
  onProblem?: (p: ImportProblem) => void;
  /** Called with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number, rows: number) => void;
  batchSize?: number;
}

export class ImportFileError extends Error {}

/** UTF-8 when the first MiB decodes as UTF-8 (a cut multi-byte character at the end is fine); else Latin-1. */
export function detectEncoding(path: string): 'utf8' | 'latin1' {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n), { stream: true });
      return 'utf8';
    } catch {
      return 'latin1';
    }
  } finally {
    closeSync(fd);
  }
}

type Row = RegistryRow;

const clean = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();

function parseMajTime(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** One CSV record -> the organisation fields, or the reason it is rejected. */
export function rowToFields(
  rec: Record<string, string>,
  line: number,
  warn: (p: ImportProblem) => void,
): { row: Row } | { skip: string } | { error: string; rna?: string } {
  const rna = clean(rec.id).toUpperCase();
  if (!isValidRna(rna)) return { error: `id "${clean(rec.id).slice(0, 20)}" is not an RNA number (W followed by 9 digits).` };
  const position = clean(rec.position).toUpperCase();
  if (position === 'S') return { skip: 'deleted from the registry' };
  if (position !== 'A' && position !== 'D') return { error: `position "${position.slice(0, 10)}" is not A (active), D (dissolved) or S (deleted).`, rna };
  const title = clean(rec.titre);
  if (!title) return { error: 'the name (titre) is empty.', rna };

  const fields: Row['fields'] = {};
  fields.name = title.length > 200 ? `${title.slice(0, 199)}…` : title;
  const short = clean(rec.titre_court);
  if (short && short.length <= 30 && short !== title) fields.acronym = short;
  const objet = clean(rec.objet);
  if (objet) fields.description = objet.slice(0, 5000);
  const siret = clean(rec.siret).replace(/\s/g, '');
  if (siret) {
    if (isValidSiret(siret)) fields.siret = siret;
    else
      warn({
        line,
        rna,
        severity: 'warning',
        message: `SIRET "${siret.slice(0, 20)}" is not valid (14 digits with a check digit); the association is imported without it.`,
      });
  }
  const street = [rec.adrs_numvoie, rec.adrs_repetition, rec.adrs_typevoie, rec.adrs_libvoie].map(clean).filter(Boolean).join(' ');
  const postcode = clean(rec.adrs_codepostal);
  const city = clean(rec.adrs_libcommune);
  const address: Record<string, string> = {};
  if (street) address.street = street.slice(0, 200);
  if (/^\d{5}$/.test(postcode)) address.postcode = postcode;
  if (city) address.city = city.slice(0, 100);
  if (Object.keys(address).length) fields.address = address;
  const site = clean(rec.siteweb);
  if (site) {
    const url = /^https?:\/\//i.test(site) ? site : `http://${site}`;
    if (/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(url) && url.length <= 300) fields.website = url;
  }
  fields.status = position === 'D' ? 'DISSOLVED' : 'ACTIVE';
  const maj = parseMajTime(clean(rec.maj_time));
  if (maj) fields.registryUpdatedAt = maj;
  return { row: { line, rna, fields } };
}

/** Imports a waldec CSV file. Never throws for a bad row; throws ImportFileError when the file cannot be read at all. */
export async function importRna(path: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  let total: number;
  try {
    total = statSync(path).size;
  } catch {
    throw new ImportFileError(`Cannot read ${path}: no such file.`);
  }
  const encoding = opts.encoding ?? detectEncoding(path);
  const batchSize = opts.batchSize ?? 1000;
  const summary: ImportSummary = { encoding, rows: 0, created: 0, updated: 0, dissolved: 0, unchanged: 0, skipped: 0, rejected: 0, warnings: 0, problems: [] };
  const report = (p: ImportProblem) => {
    if (p.severity === 'error') summary.rejected++;
    else summary.warnings++;
    if (summary.problems.length < 1000) summary.problems.push(p);
    opts.onProblem?.(p);
  };

  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytesRead += chunk.length;
      cb(null, chunk);
    },
  });
  const parser = parse({
    delimiter: ';',
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  });
  parser.on('skip', (err: Error & { lines?: number }) => {
    report({ line: err.lines ?? 0, severity: 'error', message: `unreadable CSV (${err.message.split('\n')[0]!.slice(0, 120)}).` });
  });
  const source = createReadStream(path)
    .pipe(counter)
    .pipe(iconv.decodeStream(encoding === 'utf8' ? 'utf8' : 'latin1'))
    .pipe(parser);

  let header: string[] | null = null;
  let batch = new Map<string, Row>();
  // One batch is written while the next is parsed. The next batch's lookup waits for the write before it,
  // so an association repeated across two batches is seen as existing, never inserted twice.
  let inflight: Promise<void> | null = null;
  let failure: unknown = null;
  const settle = async () => {
    if (inflight) await inflight;
    inflight = null;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the write was rejected with, as it was
    if (failure) throw failure;
  };
  const flush = async () => {
    if (!batch.size) return;
    const rows = [...batch.values()];
    batch = new Map();
    await settle();
    inflight = writeBatch(rows, summary, report).catch((err: unknown) => {
      failure = err;
    });
  };

  for await (const item of source as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = item;
    if (!header) {
      header = record.map((h) => h.trim().toLowerCase());
      const missing = REQUIRED_COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length) {
        source.destroy();
        throw new ImportFileError(
          `This is not a waldec RNA export: the header lacks ${missing.join(', ')} (expected ";"-separated columns id;id_ex;siret;...).`,
        );
      }
      continue;
    }
    summary.rows++;
    const line = info.lines;
    if (record.length !== header.length) {
      report({ line, severity: 'error', message: `expected ${header.length} fields separated by ";", found ${record.length}.` });
      continue;
    }
    const rec: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) rec[header[i]!] = record[i]!;
    if (opts.commune && clean(rec.adrs_codeinsee) !== opts.commune) {
      summary.skipped++;
      continue;
    }
    const out = rowToFields(rec, line, report);
    if ('skip' in out) summary.skipped++;
    else if ('error' in out) report({ line, rna: out.rna, severity: 'error', message: out.error });
    else {
      const previous = batch.get(out.row.rna);
      if (previous) {
        // The same association twice in a file: the later line is the newer one.
        report({
          line: previous.line,
          rna: out.row.rna,
          severity: 'warning',
          message: `${out.row.rna} appears again at line ${line}; the later line is kept.`,
        });
      }
      batch.set(out.row.rna, out.row);
      if (batch.size >= batchSize) await flush();
    }
    if (summary.rows % 500 === 0) opts.onProgress?.(bytesRead, total, summary.rows);
  }
  if (!header) throw new ImportFileError('The file is empty: a waldec export starts with its header line.');
  await flush();
  await settle();
  opts.onProgress?.(total, total, summary.rows);
  return summary;
}

/** Hands one batch to the organisation module, which owns the collection, and counts the outcomes. */
async function writeBatch(rows: Row[], summary: ImportSummary, report: (p: ImportProblem) => void): Promise<void> {
  const outcomes = await applyRegistryRows(rows);
  // The bulk write goes beside the models' hooks: the directory's caches learn of it from this token.
  if (outcomes.some((o) => o === 'created' || o === 'updated' || o === 'dissolved')) await bumpVersion('organisations');
  outcomes.forEach((o, i) => {
    if (typeof o === 'string') summary[o]++;
    else report({ line: rows[i]!.line, rna: rows[i]!.rna, severity: 'error', message: o.error });
  });
}
