// Import of neighbourhood shapes from a GeoJSON FeatureCollection: the State's QPV file, a city's IRIS or
// district file. Upsert by code, so running the same file twice changes nothing the second time, and an
// import stopped halfway (a crash, the database gone) is finished by running it again. The whole file is
// checked before anything is written: every invalid feature is reported by its index, and by default
// nothing is written until the file is right (`skipInvalid` imports the valid ones anyway).
import { readFileSync, statSync } from 'node:fs';
import { AppError, Problems } from '../../errors/app-error';
import type { AreaGeometry } from './geometry';
import { NEIGHBOURHOOD_CODE } from './neighbourhood.model';
import { MAX_NEIGHBOURHOODS, readShape, upsertNeighbourhood, type UpsertOutcome } from './neighbourhood.service';

/** Larger than any commune's file (the national QPV file is about 30 MB). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface NeighbourhoodImportOptions {
  nameProperty: string;
  codeProperty: string;
  /** Every imported neighbourhood is a priority one (a QPV file). */
  priority: boolean;
  /** Only the features whose property equals the value (or lists it among comma-separated values), e.g. commune_qp=Bellerive. */
  where?: { property: string; value: string } | null;
  /** Import the valid features even when others are invalid (they are still reported). */
  skipInvalid?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface FeatureProblem {
  /** The feature's index in `features` (0-based), null for the file as a whole. */
  index: number | null;
  /** Where in the feature: `properties.nom_qp`, `geometry.coordinates[0][1]`. */
  field: string | null;
  message: string;
}

export interface NeighbourhoodImportSummary {
  features: number;
  /** Left out by `where`. */
  skipped: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Found archived: left archived. */
  archived: number;
  invalid: number;
  problems: FeatureProblem[];
  /** True when nothing was written because of the problems. */
  aborted: boolean;
}

/** A problem with the file itself (not JSON, not a FeatureCollection, empty, an unknown property): nothing is imported. */
export class NeighbourhoodFileError extends Error {
  constructor(
    message: string,
    readonly index: number | null = null,
  ) {
    super(message);
    this.name = 'NeighbourhoodFileError';
  }
}

interface Entry {
  index: number;
  code: string;
  name: string;
  geometry: AreaGeometry;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);
const list = (names: string[]) => names.slice(0, 12).join(', ') + (names.length > 12 ? ', ...' : '');

/** Reads and checks the whole file: the entries to write and the problems, by feature index. */
export function readNeighbourhoodFile(
  path: string,
  opts: NeighbourhoodImportOptions,
): { entries: Entry[]; problems: FeatureProblem[]; features: number; skipped: number } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new NeighbourhoodFileError(`Cannot read "${path}": no such file.`);
  }
  if (size === 0) throw new NeighbourhoodFileError(`"${path}" is empty: give a GeoJSON FeatureCollection of neighbourhoods.`);
  if (size > MAX_FILE_BYTES)
    throw new NeighbourhoodFileError(`"${path}" is ${Math.round(size / 1e6)} MB; at most ${MAX_FILE_BYTES / 1e6} MB: keep only the city's features first.`);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new NeighbourhoodFileError(`"${path}" is not valid JSON (${(err as Error).message.slice(0, 120)}).`);
  }
  const fc = doc as { type?: unknown; features?: unknown; crs?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new NeighbourhoodFileError(`"${path}" is not a GeoJSON FeatureCollection (its "type" must be "FeatureCollection", with a "features" list).`);
  }
  const crs = (fc.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof crs === 'string' && !/(CRS84|EPSG:?:?4326)$/i.test(crs)) {
    throw new NeighbourhoodFileError(
      `The file's coordinates are in ${crs.slice(0, 60)}: convert it to longitude/latitude first (WGS 84): ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson.`,
    );
  }
  const features = fc.features as unknown[];
  if (!features.length) throw new NeighbourhoodFileError(`"${path}" has no features: there is nothing to import.`);

  // A property named on the command line that no feature has is a mistake in the command, not in the data.
  const props = (f: unknown) => ((f as { properties?: unknown })?.properties ?? {}) as Record<string, unknown>;
  const seen = new Set<string>();
  for (const f of features.slice(0, 1000)) for (const k of Object.keys(props(f))) seen.add(k);
  for (const [flag, name] of [
    ['--name-property', opts.nameProperty],
    ['--code-property', opts.codeProperty],
    ...(opts.where ? [['--where', opts.where.property]] : []),
  ] as [string, string][]) {
    if (!seen.has(name))
      throw new NeighbourhoodFileError(`${flag} "${name}": no feature has this property (feature 0 has: ${list(Object.keys(props(features[0])))}).`, 0);
  }

  const problems: FeatureProblem[] = [];
  const entries: Entry[] = [];
  const firstIndexOf = new Map<string, number>();
  let skipped = 0;
  features.forEach((f, index) => {
    const feature = f as { type?: unknown; geometry?: unknown };
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
      problems.push({ index, field: null, message: 'not a GeoJSON Feature.' });
      return;
    }
    const p = props(f);
    if (opts.where) {
      const v = text(p[opts.where.property]);
      const wanted = opts.where.value;
      if (v === null || (v !== wanted && !v.split(/\s*,\s*/).includes(wanted))) {
        skipped++;
        return;
      }
    }
    const found = new Problems();
    const code = text(p[opts.codeProperty]);
    const name = text(p[opts.nameProperty]);
    if (!code) found.add(`properties.${opts.codeProperty}`, `no code (property "${opts.codeProperty}" is missing or empty).`);
    else if (!NEIGHBOURHOOD_CODE.test(code))
      found.add(`properties.${opts.codeProperty}`, `code "${code.slice(0, 70)}" is not 2 to 60 letters, digits, dashes, underscores or dots.`);
    else if (firstIndexOf.has(code))
      found.add(
        `properties.${opts.codeProperty}`,
        `code "${code}" is also the code of feature ${firstIndexOf.get(code)}: each neighbourhood has its own code.`,
      );
    else firstIndexOf.set(code, index);
    if (!name) found.add(`properties.${opts.nameProperty}`, `no name (property "${opts.nameProperty}" is missing or empty).`);
    else if (name.length > 120) found.add(`properties.${opts.nameProperty}`, 'the name is longer than 120 characters.');
    const geometry = feature.geometry == null ? null : readShape(feature.geometry, 'geometry', found);
    if (feature.geometry == null) found.add('geometry', 'no geometry.');
    for (const x of found.list) problems.push({ index, field: x.field ?? null, message: x.message });
    if (!found.list.length) entries.push({ index, code: code!, name: name!, geometry: geometry! });
  });
  return { entries, problems, features: features.length, skipped };
}

/** Imports the file: checks it all, then upserts each valid feature by code, in the file's order. */
export async function importNeighbourhoods(path: string, opts: NeighbourhoodImportOptions): Promise<NeighbourhoodImportSummary> {
  const { entries, problems, features, skipped } = readNeighbourhoodFile(path, opts);
  const summary: NeighbourhoodImportSummary = {
    features,
    skipped,
    created: 0,
    updated: 0,
    unchanged: 0,
    archived: 0,
    invalid: new Set(problems.map((p) => p.index)).size,
    problems,
    aborted: false,
  };
  if (!entries.length && !problems.length)
    throw new NeighbourhoodFileError(`No feature matches --where ${opts.where?.property}=${opts.where?.value}: there is nothing to import.`);
  if (problems.length && !opts.skipInvalid) {
    summary.aborted = true;
    return summary;
  }
  if (entries.length > MAX_NEIGHBOURHOODS) {
    throw new NeighbourhoodFileError(
      `The file has ${entries.length} neighbourhoods; a city has at most ${MAX_NEIGHBOURHOODS} in use: keep only the city's features (--where).`,
    );
  }
  let done = 0;
  for (const e of entries) {
    let outcome: UpsertOutcome;
    try {
      outcome = await upsertNeighbourhood({ code: e.code, name: e.name, isPriority: opts.priority, geometry: e.geometry }, null, `features[${e.index}]`);
    } catch (err) {
      // The index refused a shape our checks let through, or the city is full: reported, the rest goes on.
      if (!(err instanceof AppError) || err.code === 'SERVICE_UNAVAILABLE') throw err;
      problems.push({ index: e.index, field: err.field?.replace(`features[${e.index}].`, '') ?? null, message: err.message });
      summary.invalid++;
      continue;
    }
    summary[outcome]++;
    opts.onProgress?.(++done, entries.length);
  }
  return summary;
}
