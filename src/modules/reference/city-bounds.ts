// Whether a point is in the city: inside one of its neighbourhoods in use, or inside the commune's outline
// when CITY_BOUNDS names a GeoJSON file (priority neighbourhoods alone cover a small part of a commune).
// Nothing here knows which city it is: the shapes are the city's data, the outline its setting.
import { readFileSync } from 'node:fs';
import { Problems } from '../../errors/app-error';
import { checkGeometry, containsPoint, type AreaGeometry } from './geometry';
import { NeighbourhoodModel } from './neighbourhood.model';

export class CityBoundsFileError extends Error {
  constructor(
    readonly path: string,
    problems: string[],
  ) {
    super(`CITY_BOUNDS file "${path}" cannot be used:\n- ${problems.join('\n- ')}`);
    this.name = 'CityBoundsFileError';
  }
}

const outlines = new Map<string, readonly AreaGeometry[]>();

/**
 * The outline(s) of a CITY_BOUNDS file: a Polygon, a MultiPolygon, a Feature of one, or a FeatureCollection
 * of them (what an administrative-boundaries download gives). Read and checked once per path.
 */
export function loadCityOutline(path: string): readonly AreaGeometry[] {
  const known = outlines.get(path);
  if (known) return known;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CityBoundsFileError(path, [err instanceof SyntaxError ? `not JSON: ${err.message}` : `cannot be read: ${(err as Error).message}`]);
  }
  const doc = json as { type?: unknown; geometry?: unknown; features?: unknown };
  const geometries: [string, unknown][] =
    doc?.type === 'FeatureCollection' && Array.isArray(doc.features)
      ? doc.features.map((f: { geometry?: unknown }, i) => [`features[${i}].geometry`, f?.geometry])
      : doc?.type === 'Feature'
        ? [['geometry', doc.geometry]]
        : [['', json]];
  const problems: string[] = [];
  const shapes: AreaGeometry[] = [];
  for (const [where, value] of geometries) {
    const { geometry, problems: found } = checkGeometry(value, 5);
    for (const p of found) problems.push(`${[where, p.path].filter(Boolean).join('.')}: ${p.message}`);
    if (geometry) shapes.push(geometry);
  }
  if (!geometries.length) problems.push('it holds no shape: give a Polygon, a MultiPolygon, a Feature or a FeatureCollection.');
  if (problems.length) throw new CityBoundsFileError(path, problems);
  const frozen = Object.freeze(shapes);
  outlines.set(path, frozen);
  return frozen;
}

/**
 * True when (lng, lat) is inside a neighbourhood in use or the CITY_BOUNDS outline. A city with neither yet
 * (before its first import) has nothing to check against: every valid point is accepted.
 */
export async function isInsideCity(lng: number, lat: number, boundsPath: string): Promise<boolean> {
  const outline = boundsPath ? loadCityOutline(boundsPath) : [];
  if (outline.some((g) => containsPoint(g, lng, lat))) return true;
  const point = { type: 'Point', coordinates: [lng, lat] };
  if (await NeighbourhoodModel.exists({ archivedAt: null, geometry: { $geoIntersects: { $geometry: point } } })) return true;
  return !outline.length && !(await NeighbourhoodModel.exists({ archivedAt: null }));
}

/** The city-bounds check of a location input, its problem on `field`. */
export async function checkInsideCity(location: { lat: number; lng: number }, boundsPath: string, field: string, p: Problems): Promise<boolean> {
  const { lat, lng } = location;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || lat < -90 || lat > 90 || lng < -180 || lng > 180 || !(await isInsideCity(lng, lat, boundsPath))) {
    p.add(field, 'The location must be inside the city (one of its neighbourhoods, or its outline). Check that latitude and longitude are not swapped.');
    return false;
  }
  return true;
}
