// The public map: GeoJSON endpoints and a self-contained page at `/` (no tiles, fonts or CDN: it draws
// the neighbourhood shapes and the organisations in SVG from the two endpoints, and works offline).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppModule } from '../module';
import { handler, sendError } from '../../http/errors';
import { mapFilter, neighbourhoodsGeoJson, writeOrganisationsGeoJson } from './geojson.service';

/** public/map at the project root, from src/modules/map (tsx) or dist/src/modules/map (build). */
export function mapAssetsDir(): string {
  const candidates = [join(__dirname, '..', '..', '..', 'public', 'map'), join(__dirname, '..', '..', '..', '..', 'public', 'map')];
  return candidates.find((c) => existsSync(join(c, 'index.html'))) ?? candidates[0]!;
}

const ASSETS: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'map.js': 'text/javascript; charset=utf-8',
  'map.css': 'text/css; charset=utf-8',
};

// Everything from this origin only: the page must never reach out to a tile server, a font or a CDN.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

export const mapModule: AppModule = {
  name: 'map',
  resolvers: {},
  policies: {},
  routes(router, { log }) {
    const dir = mapAssetsDir();
    const present = existsSync(join(dir, 'index.html'));
    // An image built without public/ still serves the GeoJSON; the page answers a clear 404, not a 500.
    if (!present) log.warn({ dir }, 'map page assets not found: / answers 404 (copy public/ next to dist/)');
    const cache = new Map<string, Buffer>();
    const asset = (file: string) => {
      if (!cache.has(file)) cache.set(file, readFileSync(join(dir, file)));
      return cache.get(file)!;
    };
    const serve = (file: string) =>
      handler(log, async (_req, res) => {
        if (!present) {
          sendError(res, 404, 'NOT_FOUND', 'The map page is not installed on this server; the API is at /graphql.');
          return;
        }
        res.setHeader('content-security-policy', CSP);
        res.setHeader('cache-control', 'public, max-age=300');
        res.type(ASSETS[file]!).send(asset(file));
      });
    router.get('/', serve('index.html'));
    router.get('/map/map.js', serve('map.js'));
    router.get('/map/map.css', serve('map.css'));

    router.get(
      '/api/neighbourhoods.geojson',
      handler(log, async (_req, res) => {
        res.setHeader('access-control-allow-origin', '*');
        res.type('application/geo+json').send(JSON.stringify(await neighbourhoodsGeoJson()));
      }),
    );
    router.get(
      '/api/organisations.geojson',
      handler(log, async (req, res) => {
        const { filter, limit } = await mapFilter(req.query as Record<string, unknown>);
        res.setHeader('access-control-allow-origin', '*');
        res.status(200).type('application/geo+json');
        await writeOrganisationsGeoJson(res, filter, limit);
        res.end();
      }),
    );
  },
};
