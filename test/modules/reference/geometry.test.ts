// The shape checks: each rule with the ring at fault in its message, and, shape by shape, the same verdict
// as MongoDB's 2dsphere index (the real one, on the test database), so "refused here" means "the index
// would refuse it" and nothing the index takes is refused for nothing.
import mongoose from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { checkGeometry, containsPoint, type AreaGeometry } from '../../../src/modules/reference/geometry';

useTestDatabase();

const sq = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const poly = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });

/** Shapes the index accepts, the checks too. */
const ACCEPTED: Record<string, unknown> = {
  'a square': poly(sq(1, 47, 0.01)),
  'a concave L': poly([
    [1, 47],
    [1.02, 47],
    [1.02, 47.01],
    [1.01, 47.01],
    [1.01, 47.02],
    [1, 47.02],
    [1, 47],
  ]),
  'a square with a hole': poly(sq(1, 47, 0.01), sq(1.002, 47.002, 0.004)),
  'a hole touching its outline at one point': poly(sq(1, 47, 0.01), [
    [1, 47],
    [1.005, 47.002],
    [1.002, 47.005],
    [1, 47],
  ]),
  'two holes side by side': poly(sq(1, 47, 0.02), sq(1.002, 47.002, 0.004), sq(1.01, 47.01, 0.004)),
  'a repeated consecutive position': poly([
    [1, 47],
    [1.01, 47],
    [1.01, 47],
    [1.01, 47.01],
    [1, 47.01],
    [1, 47],
  ]),
  'a MultiPolygon of two parts': { type: 'MultiPolygon', coordinates: [[sq(1, 47, 0.01)], [sq(1.02, 47.02, 0.01)]] },
  'a MultiPolygon whose parts overlap': { type: 'MultiPolygon', coordinates: [[sq(1, 47, 0.01)], [sq(1.005, 47.005, 0.01)]] },
  'positions with an altitude': poly(sq(1, 47, 0.01).map(([x, y]) => [x!, y!, 120])),
};

/** Shapes the index refuses: each refused here, on the ring at fault, with a message saying what to fix. */
const REFUSED: [string, unknown, string, RegExp][] = [
  [
    'a figure of eight',
    poly([
      [1, 47],
      [1.01, 47.01],
      [1.01, 47],
      [1, 47.01],
      [1, 47],
    ]),
    'coordinates[0]',
    /ring 0 \(the outline\) crosses itself: its edges 0 and 2 meet/,
  ],
  [
    'a ring through the same point twice',
    poly([
      [1, 47],
      [1.01, 47],
      [1.005, 47.005],
      [1.01, 47.01],
      [1, 47.01],
      [1.005, 47.005],
      [1, 47],
    ]),
    'coordinates[0]',
    /crosses itself/,
  ],
  [
    'a spike (an edge going back over the previous one)',
    poly([
      [1, 47],
      [1.01, 47],
      [1.02, 47],
      [1.01, 47],
      [1.01, 47.01],
      [1, 47],
    ]),
    'coordinates[0]',
    /crosses itself/,
  ],
  ['a hole outside its outline', poly(sq(1, 47, 0.01), sq(1.02, 47.02, 0.001)), 'coordinates[1]', /ring 1 \(a hole\) is not inside the outline/],
  ['two holes that cross', poly(sq(1, 47, 0.01), sq(1.002, 47.002, 0.004), sq(1.004, 47.004, 0.004)), 'coordinates[2]', /ring 2 \(a hole\) crosses ring 1/],
  [
    'a hole inside another hole',
    poly(sq(1, 47, 0.01), sq(1.002, 47.002, 0.006), sq(1.003, 47.003, 0.002)),
    'coordinates[2]',
    /lies inside ring 1, another hole/,
  ],
  [
    'a ring not closed',
    poly([
      [1, 47],
      [1.01, 47],
      [1.01, 47.01],
      [1, 47.01],
    ]),
    'coordinates[0]',
    /is not closed: its last position must repeat its first, \[1, 47\]/,
  ],
  [
    'a ring of three positions',
    poly([
      [1, 47],
      [1.01, 47],
      [1, 47],
    ]),
    'coordinates[0]',
    /has 3 positions: a ring needs at least 4/,
  ],
  [
    'a latitude beyond 90',
    poly([
      [1, 47],
      [1.01, 95],
      [1.01, 47.01],
      [1, 47],
    ]),
    'coordinates[0][1]',
    /position 1 \[1.01, 95\] is out of range/,
  ],
  [
    'Lambert-93 metres instead of degrees',
    poly([
      [619000, 6750000],
      [619500, 6750000],
      [619500, 6750400],
      [619000, 6750000],
    ]),
    'coordinates[0][0]',
    /look like projected metres \(Lambert-93\?\): convert the file to WGS 84/,
  ],
  [
    'a bad polygon of a MultiPolygon',
    {
      type: 'MultiPolygon',
      coordinates: [
        [sq(1, 47, 0.01)],
        [
          [
            [1.1, 47],
            [1.11, 47.01],
            [1.11, 47],
            [1.1, 47.01],
            [1.1, 47],
          ],
        ],
      ],
    },
    'coordinates[1][0]',
    /^Polygon 1, ring 0 \(the outline\) crosses itself/,
  ],
];

/** The index's verdict: inserted into a collection with a 2dsphere index, like the neighbourhoods'. */
async function indexAccepts(geometry: unknown): Promise<boolean> {
  const collection = mongoose.connection.collection('shapes');
  await collection.createIndex({ geometry: '2dsphere' });
  try {
    await collection.insertOne({ geometry });
    return true;
  } catch {
    return false;
  }
}

describe('checkGeometry', () => {
  it.each(Object.entries(ACCEPTED))('accepts %s, as the 2dsphere index does', async (_, shape) => {
    expect(checkGeometry(shape).problems).toEqual([]);
    expect(await indexAccepts(checkGeometry(shape).geometry)).toBe(true);
  });

  it.each(REFUSED)('refuses %s, as the 2dsphere index does, naming the ring', async (_, shape, path, message) => {
    const { geometry, problems } = checkGeometry(shape);
    expect(geometry).toBeNull();
    expect(problems[0]).toEqual({ path, message: expect.stringMatching(message) });
    expect(await indexAccepts(shape)).toBe(false);
  });

  it('refuses what is not a Polygon or MultiPolygon, and coordinates in another reference system', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [1, 47] }).problems).toEqual([
      { path: 'type', message: 'The shape must be a Polygon or a MultiPolygon (got Point).' },
    ]);
    expect(checkGeometry('square').problems[0]!.path).toBe('type');
    expect(checkGeometry({ type: 'Polygon' }).problems[0]).toEqual({ path: 'coordinates', message: expect.stringMatching(/needs coordinates/) });
    const lambert = { ...poly(sq(1, 47, 0.01)), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } } };
    expect(checkGeometry(lambert).problems[0]!.message).toMatch(/are in urn:ogc:def:crs:EPSG::2154: convert the file to longitude\/latitude/);
  });

  it('reports the problems of every polygon at once', () => {
    const { problems } = checkGeometry({
      type: 'MultiPolygon',
      coordinates: [
        [[[1, 47]]],
        [sq(1, 47, 0.01)],
        [
          [
            [1, 47],
            [1.01, 47],
            [1, 47.01],
            [1.01, 47.02],
          ],
        ],
      ],
    });
    expect(problems.map((p) => p.path)).toEqual(['coordinates[0][0]', 'coordinates[2][0]']);
  });

  it('keeps longitude and latitude, dropping an altitude', () => {
    const { geometry } = checkGeometry(ACCEPTED['positions with an altitude']);
    expect((geometry as AreaGeometry & { type: 'Polygon' }).coordinates[0]![0]).toEqual([1, 47]);
  });

  it('accepts a smooth ring of 20,000 positions (the size of a detailed published outline)', () => {
    // A circle with a wobble: many edges close together, none crossing.
    const ring: number[][] = [];
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = 0.01 * (1 + 0.05 * Math.sin(40 * a));
      ring.push([1 + r * Math.cos(a), 47 + r * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    expect(checkGeometry(poly(ring)).problems).toEqual([]);
  });
});

describe('containsPoint', () => {
  it('counts a point in a hole as outside, and a point in any part of a MultiPolygon as inside', () => {
    const holed = checkGeometry(ACCEPTED['a square with a hole']).geometry!;
    expect(containsPoint(holed, 1.001, 47.001)).toBe(true);
    expect(containsPoint(holed, 1.004, 47.004)).toBe(false);
    expect(containsPoint(holed, 1.02, 47.02)).toBe(false);
    const multi = checkGeometry(ACCEPTED['a MultiPolygon of two parts']).geometry!;
    expect(containsPoint(multi, 1.025, 47.025)).toBe(true);
  });
});
