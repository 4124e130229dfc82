// Administering neighbourhoods: admins create, edit and archive them; the import (src/cli/import-neighbourhoods.ts)
// upserts them by code through `upsertNeighbourhood`. Every shape is checked (geometry.ts) before it is
// written, and a shape the 2dsphere index still refuses comes back as BAD_USER_INPUT on the shape, never as
// the database's words. Every change lands in the trail (reference.history.ts).
import { Types } from 'mongoose';
import { AppError, forbidden, notFound, Problems } from '../../errors/app-error';
import { fromDatabaseError } from '../../errors/known-error';
import type { Context } from '../../context';
import { toObjectId } from '../../shared/ids';
import { clock } from '../../shared/clock';
import { checkGeometry, describeGeometry, type AreaGeometry } from './geometry';
import { NEIGHBOURHOOD_CODE, NeighbourhoodModel, type NeighbourhoodDoc } from './neighbourhood.model';
import { flushReferenceOutbox, referenceRecord, type ReferenceAction } from './reference.history';

/** The size the schema declares for `neighbourhoods` (@listSize 200): kept true by refusing more in use. */
export const MAX_NEIGHBOURHOODS = 200;
const FIELDS = ['name', 'isPriority', 'population', 'geometry'] as const;

export interface GeometryInput {
  polygon?: number[][][] | null;
  multiPolygon?: number[][][][] | null;
}

export interface NeighbourhoodInput {
  code?: string | null;
  name?: string | null;
  isPriority?: boolean | null;
  population?: number | null;
  geometry?: GeometryInput | null;
}

type Fields = Partial<Pick<NeighbourhoodDoc, 'name' | 'isPriority' | 'population'>> & { geometry?: AreaGeometry };

function requireAdmin(ctx: Pick<Context, 'viewer'>): string {
  if (ctx.viewer?.role !== 'ADMIN') throw forbidden('Only admins change neighbourhoods.');
  return ctx.viewer.id;
}

const has = (input: object, key: string) => (input as Record<string, unknown>)[key] !== undefined;

/**
 * Checks a shape given as GeoJSON (`{ type, coordinates }`): the geometry, or its problems added to `p`
 * under `field` (`input.geometry`, `features[3].geometry`), each naming the ring at fault.
 */
export function readShape(value: unknown, field: string, p: Problems, pathOf: (path: string) => string = (path) => `${field}.${path}`): AreaGeometry | null {
  const { geometry, problems } = checkGeometry(value);
  for (const problem of problems) p.add(problem.path === 'type' ? field : pathOf(problem.path), problem.message);
  return geometry;
}

/** GeometryInput -> GeoJSON, problems named on `input.geometry.polygon[0]` and so on. */
function shapeFromInput(input: GeometryInput | null | undefined, p: Problems): AreaGeometry | null {
  const field = 'input.geometry';
  const polygon = input?.polygon ?? null;
  const multi = input?.multiPolygon ?? null;
  if (!polygon === !multi) {
    p.add(field, 'Give the shape as exactly one of `polygon` and `multiPolygon`.');
    return null;
  }
  const key = polygon ? 'polygon' : 'multiPolygon';
  const value = polygon ? { type: 'Polygon', coordinates: polygon } : { type: 'MultiPolygon', coordinates: multi };
  return readShape(value, field, p, (path) => `${field}.${key}${path.replace(/^coordinates/, '')}`);
}

/** Reads the fields given; each problem on its field. */
function readInput(input: NeighbourhoodInput, creating: boolean, p: Problems): Fields {
  const set: Fields = {};
  if (creating || has(input, 'name')) {
    const name = (input.name ?? '').trim();
    if (!name || name.length > 120) p.add('input.name', 'The name is required, at most 120 characters.');
    else set.name = name;
  }
  if (has(input, 'isPriority') && input.isPriority !== null) set.isPriority = input.isPriority!;
  else if (creating) set.isPriority = false;
  if (has(input, 'population')) {
    const n = input.population;
    if (n === null) set.population = undefined;
    else if (!Number.isInteger(n) || n! < 0 || n! > 10_000_000) p.add('input.population', 'The population is a whole number from 0 to 10,000,000.');
    else set.population = n!;
  }
  if (creating || has(input, 'geometry')) {
    const g = shapeFromInput(input.geometry, p);
    if (g) set.geometry = g;
  }
  return set;
}

/** The trail shows a shape by its size, not its thousands of coordinates. */
const trailView = (doc: Partial<NeighbourhoodDoc> | Fields): Record<string, unknown> => ({
  ...doc,
  geometry: doc.geometry ? describeGeometry(doc.geometry as AreaGeometry) + ` #${shapeHash(doc.geometry as AreaGeometry)}` : null,
});

/** A short fingerprint, so two different shapes of the same size still read as a change in the trail. */
function shapeHash(g: AreaGeometry): string {
  let h = 0x811c9dc5;
  const s = JSON.stringify(g.coordinates);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The database's refusal of a shape (its 2dsphere index), or a duplicated code, in our words. */
function writeRefused(err: unknown, field: string, codeField: string): never {
  const e = err as { code?: number; message?: string };
  if (e?.code === 16755 || /geo keys|Loop is not valid|Edges \d+ and \d+ cross/i.test(e?.message ?? '')) {
    throw new AppError(
      'BAD_USER_INPUT',
      'The spatial index refuses this shape (for example polygons of a MultiPolygon that overlap, or a hole that crosses its outline): correct it in a GIS tool, or split it.',
      { field },
    );
  }
  const known = fromDatabaseError(err);
  if (known?.code === 'CONFLICT') throw new AppError('CONFLICT', 'A neighbourhood with this code exists already (perhaps archived).', { field: codeField });
  throw err;
}

export async function createNeighbourhood(ctx: Pick<Context, 'viewer'>, input: NeighbourhoodInput): Promise<NeighbourhoodDoc> {
  const actor = requireAdmin(ctx);
  const p = new Problems();
  const code = (input.code ?? '').trim();
  if (!NEIGHBOURHOOD_CODE.test(code))
    p.add('input.code', 'The code is 2 to 60 letters, digits, dashes, underscores or dots (e.g. QN04501M, or `centre-ville`).');
  else if (await NeighbourhoodModel.exists({ code })) p.add('input.code', 'A neighbourhood with this code exists already (perhaps archived).', 'CONFLICT');
  const set = readInput(input, true, p);
  if ((await NeighbourhoodModel.countDocuments({ archivedAt: null })) >= MAX_NEIGHBOURHOODS) {
    p.add('input', `The city has ${MAX_NEIGHBOURHOODS} neighbourhoods in use, the most allowed: archive one first.`, 'CONFLICT');
  }
  p.throwIfAny();
  return (await writeNew(code, set, actor, 'CREATE', 'input.geometry', 'input.code'))!;
}

async function writeNew(
  code: string,
  set: Fields,
  actor: string | null,
  action: ReferenceAction,
  geometryField: string,
  codeField: string,
): Promise<NeighbourhoodDoc> {
  const _id = new Types.ObjectId();
  const record = referenceRecord('Neighbourhood', _id, action, actor, {}, trailView({ code, ...set }), ['code', ...FIELDS]);
  await NeighbourhoodModel.create({ _id, code, ...set, archivedAt: null, activityOutbox: record ? [record] : undefined }).catch((err: unknown) =>
    writeRefused(err, geometryField, codeField),
  );
  await flushReferenceOutbox(NeighbourhoodModel, _id);
  return (await NeighbourhoodModel.findById(_id).lean<NeighbourhoodDoc>())!;
}

/** Writes `set` on `existing` with its trail record; null when nothing changes. Compare-and-set on the archived flag. */
async function writeChange(
  existing: NeighbourhoodDoc,
  set: Fields,
  actor: string | null,
  action: ReferenceAction,
  geometryField: string,
): Promise<NeighbourhoodDoc | null> {
  const record = referenceRecord('Neighbourhood', existing._id, action, actor, trailView(existing), trailView({ ...existing, ...set }), FIELDS);
  if (!record) return null;
  const $set: Record<string, unknown> = { ...set };
  const $unset: Record<string, 1> = {};
  if ('population' in set && set.population === undefined) {
    delete $set.population;
    $unset.population = 1;
  }
  const res = await NeighbourhoodModel.updateOne(
    { _id: existing._id, archivedAt: null },
    { $set, ...(Object.keys($unset).length ? { $unset } : {}), $push: { activityOutbox: record } },
    { runValidators: true },
  ).catch((err: unknown) => writeRefused(err, geometryField, 'code'));
  if (!res.matchedCount) throw new AppError('CONFLICT', 'This neighbourhood was archived meanwhile: it can no longer be edited.', { field: 'id' });
  await flushReferenceOutbox(NeighbourhoodModel, existing._id);
  return NeighbourhoodModel.findById(existing._id).lean<NeighbourhoodDoc>();
}

export async function updateNeighbourhood(ctx: Pick<Context, 'viewer'>, id: unknown, input: NeighbourhoodInput): Promise<NeighbourhoodDoc> {
  const actor = requireAdmin(ctx);
  const _id = toObjectId(id);
  const existing = await NeighbourhoodModel.findById(_id).lean<NeighbourhoodDoc>();
  if (!existing) throw notFound('Neighbourhood');
  const p = new Problems();
  if (existing.archivedAt) p.add('id', 'This neighbourhood is archived: it can no longer be edited.', 'CONFLICT');
  const set = readInput(input, false, p);
  p.throwIfAny();
  return (await writeChange(existing, set, actor, 'UPDATE', 'input.geometry')) ?? existing;
}

export async function archiveNeighbourhood(ctx: Pick<Context, 'viewer'>, id: unknown): Promise<NeighbourhoodDoc> {
  const actor = requireAdmin(ctx);
  const _id = toObjectId(id);
  const existing = await NeighbourhoodModel.findById(_id).lean<NeighbourhoodDoc>();
  if (!existing) throw notFound('Neighbourhood');
  if (existing.archivedAt) return existing;
  const record = referenceRecord('Neighbourhood', _id, 'ARCHIVE', actor, {}, {}, []);
  await NeighbourhoodModel.updateOne({ _id, archivedAt: null }, { $set: { archivedAt: clock.now() }, $push: { activityOutbox: record } });
  await flushReferenceOutbox(NeighbourhoodModel, _id);
  return (await NeighbourhoodModel.findById(_id).lean<NeighbourhoodDoc>())!;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'archived';

/**
 * The import's write: by code, creates the neighbourhood or brings its name, priority and shape up to
 * date; the same feature twice changes nothing. An archived one is left archived (an admin's decision
 * the file does not overturn). `geometry` is already checked.
 */
export async function upsertNeighbourhood(
  entry: { code: string; name: string; isPriority: boolean; geometry: AreaGeometry; population?: number },
  actorId: string | null,
  field: string,
): Promise<UpsertOutcome> {
  const existing = await NeighbourhoodModel.findOne({ code: entry.code }).lean<NeighbourhoodDoc>();
  const set: Fields = { name: entry.name, isPriority: entry.isPriority, geometry: entry.geometry };
  if (entry.population !== undefined) set.population = entry.population;
  if (!existing) {
    if ((await NeighbourhoodModel.countDocuments({ archivedAt: null })) >= MAX_NEIGHBOURHOODS) {
      throw new AppError('CONFLICT', `The city has ${MAX_NEIGHBOURHOODS} neighbourhoods in use, the most allowed: this one was not created.`, { field });
    }
    try {
      await writeNew(entry.code, set, actorId, 'IMPORT', `${field}.geometry`, `${field}.code`);
      return 'created';
    } catch (err) {
      // Another run created it meanwhile: compare with what it wrote.
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
      return upsertNeighbourhood(entry, actorId, field);
    }
  }
  if (existing.archivedAt) return 'archived';
  return (await writeChange(existing, set, actorId, 'IMPORT', `${field}.geometry`)) ? 'updated' : 'unchanged';
}

/** The neighbourhood in use whose shape contains the point: a priority one first where shapes overlap, then by name. */
export async function neighbourhoodAt(lat: number, lng: number): Promise<NeighbourhoodDoc | null> {
  const p = new Problems();
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) p.add('lat', 'The latitude must be between -90 and 90.');
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) p.add('lng', 'The longitude must be between -180 and 180.');
  p.throwIfAny();
  const found = await NeighbourhoodModel.find(
    { archivedAt: null, geometry: { $geoIntersects: { $geometry: { type: 'Point', coordinates: [lng, lat] } } } },
    { geometry: 0 },
  ).lean<NeighbourhoodDoc[]>();
  found.sort((a, b) => Number(b.isPriority) - Number(a.isPriority) || a.name.localeCompare(b.name, 'fr'));
  return found[0] ?? null;
}
