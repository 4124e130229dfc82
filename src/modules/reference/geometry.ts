// Checking a neighbourhood's shape before it is stored: a GeoJSON Polygon or MultiPolygon that MongoDB's
// 2dsphere index accepts, every problem named by the ring at fault (`coordinates[1][0]`: polygon 1, its
// outer ring). Written here rather than taken from a library: we need the ring and edges at fault in the
// message, crossings between a polygon's rings as well as within one ring, and a sweep over edges sorted by
// longitude, so a published shape of thousands of points is checked in milliseconds, not in n² pairs.
// At a commune's scale the straight lines of longitude/latitude and the 2dsphere index's great circles
// agree; the write itself is the last check (reference.service.ts maps a refusal of the index).

export type Position = [number, number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface GeometryProblem {
  /** Where, under the geometry: `coordinates[0][1]` (Polygon: ring 1) or `coordinates[2][0]` (MultiPolygon: polygon 2, ring 0), or `type`. */
  path: string;
  message: string;
}

/** The most positions one shape may have (a published QPV has hundreds; a document holds 16 MB). */
export const MAX_POSITIONS = 250_000;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Reads `value` as a Polygon or MultiPolygon: every problem found (at most `limit`), or the geometry with
 * positions reduced to [longitude, latitude] (an altitude is dropped: the index ignores it).
 */
export function checkGeometry(value: unknown, limit = 20): { geometry: AreaGeometry; problems: [] } | { geometry: null; problems: GeometryProblem[] } {
  const problems: GeometryProblem[] = [];
  const add = (path: string, message: string) => {
    if (problems.length < limit) problems.push({ path, message });
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      geometry: null,
      problems: [{ path: 'type', message: 'The shape must be a GeoJSON object: { "type": "Polygon" or "MultiPolygon", "coordinates": [...] }.' }],
    };
  }
  const g = value as { type?: unknown; coordinates?: unknown; crs?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    const got = typeof g.type === 'string' ? g.type : 'nothing';
    return { geometry: null, problems: [{ path: 'type', message: `The shape must be a Polygon or a MultiPolygon (got ${got.slice(0, 40)}).` }] };
  }
  const crs = crsName(g.crs);
  if (crs && !/(CRS84|EPSG:?:?4326)$/i.test(crs)) {
    add(
      'crs',
      `The coordinates are in ${crs.slice(0, 60)}: convert the file to longitude/latitude (WGS 84, EPSG:4326) first, e.g. with ogr2ogr -t_srs EPSG:4326.`,
    );
    return { geometry: null, problems };
  }
  const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [];
  if (!Array.isArray(g.coordinates) || !polygons.length) {
    return {
      geometry: null,
      problems: [
        {
          path: 'coordinates',
          message: `A ${g.type} needs coordinates: ${g.type === 'Polygon' ? 'a list of rings' : 'a list of polygons, each a list of rings'}.`,
        },
      ],
    };
  }
  let positions = 0;
  const out: Ring[][] = [];
  polygons.forEach((poly, pi) => {
    const polyPath = g.type === 'Polygon' ? 'coordinates' : `coordinates[${pi}]`;
    const where = (ri: number) => `${polyPath}[${ri}]`;
    const name = (ri: number) => `${g.type === 'MultiPolygon' ? `Polygon ${pi}, ` : ''}ring ${ri}${ri === 0 ? ' (the outline)' : ' (a hole)'}`;
    if (!Array.isArray(poly) || !poly.length) {
      add(polyPath, `${g.type === 'MultiPolygon' ? `Polygon ${pi}` : 'The polygon'} must be a list of rings, the outline first.`);
      return;
    }
    const rings: Ring[] = [];
    let ok = true;
    poly.forEach((ring: unknown, ri) => {
      if (!Array.isArray(ring)) {
        add(where(ri), `${name(ri)} must be a list of positions.`);
        ok = false;
        return;
      }
      positions += ring.length;
      const clean: Ring = [];
      for (let k = 0; k < ring.length; k++) {
        const p: unknown = ring[k];
        if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every(isNumber)) {
          add(`${where(ri)}[${k}]`, `${name(ri)}: position ${k} must be [longitude, latitude] in numbers.`);
          ok = false;
          return;
        }
        const [lng, lat] = p as number[];
        if (lng! < -180 || lng! > 180 || lat! < -90 || lat! > 90) {
          const projected = Math.abs(lng!) > 1000 || Math.abs(lat!) > 1000;
          add(
            `${where(ri)}[${k}]`,
            `${name(ri)}: position ${k} [${lng}, ${lat}] is out of range (longitude -180 to 180, latitude -90 to 90)${
              projected ? '; these look like projected metres (Lambert-93?): convert the file to WGS 84 (EPSG:4326)' : ''
            }.`,
          );
          ok = false;
          return;
        }
        clean.push([lng!, lat!]);
      }
      if (clean.length < 4) {
        add(where(ri), `${name(ri)} has ${clean.length} position${clean.length === 1 ? '' : 's'}: a ring needs at least 4, the last one repeating the first.`);
        ok = false;
        return;
      }
      const first = clean[0]!;
      const last = clean[clean.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        add(where(ri), `${name(ri)} is not closed: its last position must repeat its first, [${first[0]}, ${first[1]}].`);
        ok = false;
        return;
      }
      if (distinctVertices(clean).length < 3) {
        add(where(ri), `${name(ri)} has fewer than 3 different positions: it encloses nothing.`);
        ok = false;
        return;
      }
      rings.push(clean);
    });
    if (!ok) return;
    const crossing = firstCrossing(rings);
    if (crossing) {
      const { a, b } = crossing;
      if (a.ring === b.ring)
        add(where(a.ring), `${name(a.ring)} crosses itself: its edges ${a.edge} and ${b.edge} meet. Draw it without a loop or a figure of eight.`);
      else add(where(b.ring), `${name(b.ring)} crosses ${name(a.ring).replace(/^Polygon \d+, /, '')}: their edges ${a.edge} and ${b.edge} meet.`);
      return;
    }
    const flat = rings.findIndex((r) => ringArea(r) === 0);
    if (flat >= 0) {
      add(where(flat), `${name(flat)} encloses no area (its positions are on one line).`);
      return;
    }
    for (let ri = 1; ri < rings.length; ri++) {
      if (!rings[ri]!.some((p) => pointInRing(p[0], p[1], rings[0]!) === 1)) {
        add(where(ri), `${name(ri)} is not inside the outline: a hole must lie within ring 0 of its polygon.`);
      }
      // Rings do not cross (checked above), so one vertex strictly inside another hole means the whole ring is.
      for (let rj = 1; rj < rings.length; rj++) {
        if (rj !== ri && rings[ri]!.some((p) => pointInRing(p[0], p[1], rings[rj]!) === 1)) {
          add(where(ri), `${name(ri)} lies inside ring ${rj}, another hole: holes must lie side by side, not one within another.`);
          break;
        }
      }
    }
    out.push(rings);
  });
  if (positions > MAX_POSITIONS) add('coordinates', `The shape has ${positions} positions; at most ${MAX_POSITIONS} are accepted: simplify it first.`);
  if (problems.length) return { geometry: null, problems };
  const geometry: AreaGeometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
  return { geometry, problems: [] };
}

function crsName(crs: unknown): string | null {
  if (!crs || typeof crs !== 'object') return null;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  return typeof name === 'string' ? name : null;
}

/** The ring's vertices without the closing one and without consecutive repeats (the index drops those too). */
function distinctVertices(ring: Ring): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i]!;
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  return out;
}

function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s / 2;
}

interface Edge {
  ring: number;
  edge: number;
  /** Edges in the ring (after repeats are dropped), to tell neighbours apart. */
  count: number;
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const orient = (p: Position, q: Position, r: Position) => {
  const v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
};
const onSegment = (p: Position, q: Position, r: Position) =>
  Math.min(p[0], r[0]) <= q[0] && q[0] <= Math.max(p[0], r[0]) && Math.min(p[1], r[1]) <= q[1] && q[1] <= Math.max(p[1], r[1]);

/** How two edges meet: not at all, at one point, or along a stretch (collinear overlap). */
function meet(e: Edge, f: Edge): 'none' | 'point' | 'overlap' {
  const o1 = orient(e.a, e.b, f.a);
  const o2 = orient(e.a, e.b, f.b);
  const o3 = orient(f.a, f.b, e.a);
  const o4 = orient(f.a, f.b, e.b);
  if (o1 === 0 && o2 === 0) {
    // Collinear: they overlap when their extents share more than one point.
    const axis = e.a[0] === e.b[0] ? 1 : 0;
    const [e0, e1] = [Math.min(e.a[axis], e.b[axis]), Math.max(e.a[axis], e.b[axis])];
    const [f0, f1] = [Math.min(f.a[axis], f.b[axis]), Math.max(f.a[axis], f.b[axis])];
    const lo = Math.max(e0, f0);
    const hi = Math.min(e1, f1);
    return hi > lo ? 'overlap' : hi === lo ? 'point' : 'none';
  }
  if (o1 !== o2 && o3 !== o4) return 'point';
  if (
    (o1 === 0 && onSegment(e.a, f.a, e.b)) ||
    (o2 === 0 && onSegment(e.a, f.b, e.b)) ||
    (o3 === 0 && onSegment(f.a, e.a, f.b)) ||
    (o4 === 0 && onSegment(f.a, e.b, f.b))
  )
    return 'point';
  return 'none';
}

/**
 * The first pair of edges of a polygon's rings that cross or touch where they must not: within a ring, any
 * contact but the shared end of two neighbouring edges; between rings, a crossing or a shared stretch (a
 * hole may touch its outline at one point). A sweep over the edges sorted by their smallest longitude.
 */
export function firstCrossing(rings: Ring[]): { a: Edge; b: Edge } | null {
  const edges: Edge[] = [];
  rings.forEach((ring, ri) => {
    const v = distinctVertices([...ring]);
    for (let i = 0; i < v.length; i++) {
      const a = v[i]!;
      const b = v[(i + 1) % v.length]!;
      edges.push({
        ring: ri,
        edge: i,
        count: v.length,
        a,
        b,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      });
    }
  });
  edges.sort((x, y) => x.minX - y.minX);
  let active: Edge[] = [];
  for (const e of edges) {
    active = active.filter((f) => f.maxX >= e.minX);
    for (const f of active) {
      if (f.maxY < e.minY || f.minY > e.maxY) continue;
      const how = meet(e, f);
      if (how === 'none') continue;
      const [x, y] = e.ring < f.ring || (e.ring === f.ring && e.edge < f.edge) ? [e, f] : [f, e];
      if (x.ring !== y.ring) {
        if (how === 'overlap') return { a: x, b: y };
        // A point: a touch at a vertex is allowed, a proper crossing is not.
        const touch = [orient(x.a, x.b, y.a), orient(x.a, x.b, y.b), orient(y.a, y.b, x.a), orient(y.a, y.b, x.b)].includes(0);
        if (!touch) return { a: x, b: y };
        continue;
      }
      const neighbours = y.edge - x.edge === 1 || (x.edge === 0 && y.edge === x.count - 1);
      if (neighbours && how === 'point') continue;
      return { a: x, b: y };
    }
    active.push(e);
  }
  return null;
}

/** 1 inside, 0 on the boundary, -1 outside (even-odd rule). */
export function pointInRing(x: number, y: number, ring: Ring): 1 | 0 | -1 {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (orient([xj, yj], [xi, yi], [x, y]) === 0 && onSegment([xj, yj], [x, y], [xi, yi])) return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Whether a point is inside (or on the edge of) the shape, holes excluded. */
export function containsPoint(geometry: AreaGeometry, lng: number, lat: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => rings[0] && pointInRing(lng, lat, rings[0]) >= 0 && rings.slice(1).every((hole) => pointInRing(lng, lat, hole) < 1));
}

/** A short description of a shape for the activity trail (the coordinates themselves would fill it). */
export function describeGeometry(geometry: AreaGeometry): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const positions = polygons.reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);
  return `${geometry.type}: ${polygons.length} polygon${polygons.length > 1 ? 's' : ''}, ${positions} positions`;
}
