// The GraphiQL explorer in headless Chromium (Debian's `chromium` package): it loads from this origin
// only, opens on the demo sign-in, runs it and a typed query, and breaks no rule of its CSP.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { useTestDatabase } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { UserModel } from '../../src/modules/user/user.model';
import { hashPassword } from '../../src/modules/user/user.service';
import { ensureExplorerBuilt } from '../../src/explorer/build';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

useTestDatabase();
let server: TestServer;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];
const requests: string[] = [];
const problems: string[] = [];

/** The response editor's text, line by line as CodeMirror renders it (no-break spaces and zero-width marks undone). */
const result = async () =>
  (await page.locator('.graphiql-response .CodeMirror-line').allInnerTexts())
    .join('\n')
    .replace(/\u00a0/g, ' ')
    .replace(/\u200b/g, '');
const run = () => page.locator('.graphiql-execute-button').click();
/** Waits until the response editor shows `text`. */
const resultShows = (text: string) => page.locator('.graphiql-response .CodeMirror-code', { hasText: text }).waitFor();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH. The explorer test does not skip.`,
    );
  }
  await ensureExplorerBuilt();
  server = await startServer();
  // The demo member of the sign-in example, with the demo password the README documents.
  const org = await makeOrganisation({ name: 'Maison des Solidarités' });
  const { id } = await makeUser({ email: 'member@maillage.test', name: 'Camille Demo', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
  await UserModel.updateOne({ _id: id }, { $set: { passwordHash: await hashPassword('maillage-demo', 4) } });

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
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (r) => {
    requests.push(`${r.method()} ${r.url()}`);
    if (!r.url().startsWith(`${server.url}/`) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
  // CSP refusals and script errors both reach the console or pageerror: any of them fails the last test.
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', async (r) => {
    if (r.status() >= 400)
      problems.push(`${r.status()} ${r.request().method()} ${r.url()} ${r.request().postData() ?? ''} -> ${await r.text().catch(() => '')}`);
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the explorer page', () => {
  it('loads GraphiQL at /graphql and reads the schema', async () => {
    const response = await page.goto(`${server.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('.graphiql-container');
    // The docs button is enabled once the introspection query has come back from this server.
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    await expect(page.locator('.graphiql-doc-explorer').innerText()).resolves.toContain('Query');
  });

  it('opens and closes its settings dialog (the dialogs style themselves at run time)', async () => {
    await page.locator('button[aria-label="Open settings dialog"]').click();
    await page.locator('[role="dialog"]', { hasText: 'Settings' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
  });

  it('opens on the demo sign-in, with the header hint, and the sign-in works as written', async () => {
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(['SignIn', 'Me']);
    const query = await page.locator('.graphiql-query-editor .CodeMirror-code').innerText();
    expect(query).toContain('login(email: "member@maillage.test", password: "maillage-demo")');
    expect(query).toContain('{ "Authorization": "Bearer <the token>" }');

    await run();
    await resultShows('"login"');
    const signedIn = JSON.parse(await result());
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data.login.errors).toEqual([]);
    expect(signedIn.data.login.user).toMatchObject({ name: 'Camille Demo', role: 'MEMBER' });
    expect(signedIn.data.login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    // The second tab, with the token pasted into its headers as the hint says: the query runs as the member.
    await page.locator('.graphiql-tab', { hasText: 'Me' }).click();
    await page.locator('.graphiql-editor-tools button', { hasText: 'Headers' }).click();
    const headers = page.locator('.graphiql-editor-tool .CodeMirror').last();
    await headers.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${signedIn.data.login.token}` }));
    await run();
    await resultShows('"me"');
    expect(JSON.parse(await result()).data.me).toEqual({
      name: 'Camille Demo',
      role: 'MEMBER',
      memberships: [{ role: 'MANAGER', organisation: { name: 'Maison des Solidarités' } }],
    });
  });

  it('runs a query typed into the editor and shows the result', async () => {
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{ apiVersion }');
    // GraphiQL reads the operation name 100 ms after an edit; the tab's title shows when it has.
    await page.locator('.graphiql-tab-active', { hasText: '<untitled>' }).waitFor();
    await page.keyboard.press('Control+Enter');
    await resultShows('"apiVersion"');
    const body = JSON.parse(await result());
    expect(typeof body.data.apiVersion).toBe('string');
    expect(body.data.apiVersion.length).toBeGreaterThan(0);
  });

  it('asked only this server for everything: the page, its two files and the GraphQL requests', () => {
    expect(foreignRequests).toEqual([]);
    const paths = requests.map((r) => r.replace(server.url, ''));
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /graphql',
        expect.stringMatching(/^GET \/explorer\/main\.js\?v=/),
        expect.stringMatching(/^GET \/explorer\/main\.css\?v=/),
        'POST /graphql',
      ]),
    );
  });

  it('broke no rule of its Content-Security-Policy and threw no error', () => {
    expect(problems).toEqual([]);
  });
});
