// The map page in headless Chromium with shapes imported from files in the published QPV and IRIS formats:
// each drawn as it is (every part of a MultiPolygon, every position of every ring, holes left empty, the
// proportions of the shape kept), with no assumption about their form.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { importNeighbourhoods } from '../../../src/modules/reference/neighbourhood-import';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'neighbourhoods');

type Ring = number[][];
interface Feature {
  properties: Record<string, string>;
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}
const read = (file: string) => (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { features: Feature[] }).features;
const QPV = read('qpv-bellerive.geojson').slice(0, 3);
const IRIS = read('iris-bellerive.geojson');
const polygonsOf = (f: Feature) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

useTestDatabase();
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH. The map test does not skip.`,
    );
  }
  server = await startServer();
  await importNeighbourhoods(join(FIXTURES, 'iris-bellerive.geojson'), { nameProperty: 'nom_iris', codeProperty: 'code_iris', priority: false });
  await importNeighbourhoods(join(FIXTURES, 'qpv-bellerive.geojson'), {
    nameProperty: 'nom_qp',
    codeProperty: 'code_qp',
    priority: true,
    where: { property: 'commune_qp', value: 'Bellerive-sur-Lune' },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-state="ready"]');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the map page with imported shapes', () => {
  it('draws every imported neighbourhood, the priority ones highlighted', async () => {
    expect(await page.locator('path.hood').count()).toBe(QPV.length + IRIS.length);
    expect((await page.locator('path.hood.priority').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).sort()).toEqual(
      QPV.map((f) => f.properties.code_qp).sort(),
    );
  });

  it('draws each shape as published: one sub-path per ring, one point per position', async () => {
    for (const f of [...QPV, ...IRIS]) {
      const code = f.properties.code_qp ?? f.properties.code_iris!;
      const d = (await page.locator(`path.hood[data-code="${code}"]`).getAttribute('d'))!;
      const rings = polygonsOf(f).flat();
      // Each ring: a move to its first position, then a line to every other one (the closing one included).
      expect([code, (d.match(/M/g) ?? []).length, (d.match(/L/g) ?? []).length]).toEqual([code, rings.length, rings.reduce((n, r) => n + r.length - 1, 0)]);
    }
  });

  it('keeps the proportions of a shape (an L-shaped neighbourhood is as wide and as tall as on the ground)', async () => {
    const clos = QPV.find((f) => f.properties.code_qp === 'QN04503M')!;
    const ring = polygonsOf(clos)[0]![0]!;
    const lngs = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
    const expected = ((Math.max(...lngs) - Math.min(...lngs)) * k) / (Math.max(...lats) - Math.min(...lats));
    const box = await page.locator('path.hood[data-code="QN04503M"]').evaluate((e) => {
      const b = (e as unknown as { getBBox(): { width: number; height: number } }).getBBox();
      return { width: b.width, height: b.height };
    });
    // The page projects around the whole map's middle latitude: at a commune's scale, within a percent.
    expect(Math.abs(box.width / box.height / expected - 1)).toBeLessThan(0.01);
  });

  it('leaves a hole empty: what shows through it is the district underneath', async () => {
    const source = QPV.find((f) => f.properties.code_qp === 'QN04502M')!;
    const [outline, hole] = polygonsOf(source)[0]!;
    const corners = hole!.slice(0, -1);
    const centre = [corners.reduce((s, p) => s + p[0]!, 0) / corners.length, corners.reduce((s, p) => s + p[1]!, 0) / corners.length];
    // Map the hole's centre into the outline's box on screen (the projection is linear at this scale).
    const lngs = outline!.map((p) => p[0]!);
    const lats = outline!.map((p) => p[1]!);
    const fx = (centre[0]! - Math.min(...lngs)) / (Math.max(...lngs) - Math.min(...lngs));
    const fy = (Math.max(...lats) - centre[1]!) / (Math.max(...lats) - Math.min(...lats));
    const hit = await page.locator('path.hood[data-code="QN04502M"]').evaluate(
      (e, [x, y]) => {
        const r = e.getBoundingClientRect();
        const doc = (globalThis as any).document;
        const inHole = doc.elementFromPoint(r.left + x! * r.width, r.top + y! * r.height);
        const inShape = doc.elementFromPoint(r.left + 0.05 * r.width, r.top + 0.5 * r.height);
        return { inHole: inHole?.getAttribute('data-code') ?? null, inShape: inShape?.getAttribute('data-code') ?? null };
      },
      [fx, fy],
    );
    expect(hit).toEqual({ inHole: '459990104', inShape: 'QN04502M' });
  });
});
