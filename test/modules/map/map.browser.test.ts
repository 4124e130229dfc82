// The map page in headless Chromium (Debian's `chromium` package): it loads with no other origin,
// draws the shapes and points, filters by domain and shows an organisation's card on a click.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, seedReference } from '../../helpers/factories';
import { NEIGHBOURHOODS } from '../../../seeds/reference';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

useTestDatabase();
let server: TestServer;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];
/** Runs in the page (a function, not a string: the page's CSP forbids eval). */
const pointsDrawn = (n: number) => {
  const doc = (globalThis as any).document;
  return doc.querySelectorAll('circle.org').length === n && doc.body.dataset.state === 'ready';
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH. The map test does not skip.`,
    );
  }
  server = await startServer();
  const ref = await seedReference();
  const culture = ref.domainByCode.get('culture')!._id;
  const ess = ref.domainByCode.get('ess')!._id;
  // At the centres of seeded neighbourhoods, read from the seeds rather than written as coordinates.
  const at = (code: string) => {
    const n = NEIGHBOURHOODS.find((x) => x.code === code)!;
    return { type: 'Point', coordinates: [n.lng, n.lat] };
  };
  await makeOrganisation({ name: 'Théâtre des Quartiers', domains: [culture], location: at('encagnane'), publicEmail: 'contact@theatre.example.org' });
  await makeOrganisation({ name: 'Ressourcerie du Jas', domains: [ess], location: at('jas-de-bouffan') });
  await makeOrganisation({ name: 'Épicerie de Corsy', domains: [ess], location: at('corsy') });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the map page', () => {
  it('draws the neighbourhoods, the priority ones highlighted, and the organisations as points', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-state="ready"]');
    expect(await page.locator('path.hood').count()).toBe(15);
    expect(await page.locator('path.hood.priority').count()).toBe(4);
    expect(await page.locator('circle.org').count()).toBe(3);
    expect(await page.locator('#count').textContent()).toBe('3 organisations');
    const fill = await page
      .locator('path.hood.priority')
      .first()
      .evaluate((e) => (globalThis as any).getComputedStyle(e).fill as string);
    const plain = await page
      .locator('path.hood:not(.priority)')
      .first()
      .evaluate((e) => (globalThis as any).getComputedStyle(e).fill as string);
    expect(fill).not.toBe(plain);
  });

  it('filters the points by domain', async () => {
    await page.selectOption('#domain', 'ess');
    await page.waitForFunction(pointsDrawn, 2);
    expect(await page.locator('#count').textContent()).toBe('2 organisations');
    await page.selectOption('#domain', '');
    await page.waitForFunction(pointsDrawn, 3);
  });

  it("shows an organisation's card on a click", async () => {
    expect(await page.locator('#card').isHidden()).toBe(true);
    await page.locator('circle.org', { has: page.locator('title', { hasText: 'Théâtre des Quartiers' }) }).click();
    await expect(page.locator('#card h2').textContent()).resolves.toBe('Théâtre des Quartiers');
    expect(await page.locator('#card').textContent()).toContain('contact@theatre.example.org');
    expect(await page.locator('#card').textContent()).toContain('Culture pour toutes et tous');
  });

  it('never asked another origin for anything (no tiles, fonts or CDN)', () => {
    expect(foreignRequests).toEqual([]);
  });
});
