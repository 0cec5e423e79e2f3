/**
 * The API reference page (packages/docs/dist/index.html) in a real Chromium: it renders the
 * operation, its deprecation and its TypeScript sample, logs no error, and makes no request that
 * leaves 127.0.0.1. The page is served from a loopback server so that every request it makes is
 * visible (from file:// some would not be). Full-page screenshots of the operation and of the
 * landing sections are kept in .artifacts/ (git-ignored) for CI to keep.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (.ci/run installs it). Without it the test fails,
 * saying how to install it: it is never skipped.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const pagePath = join(repoRoot, 'packages/docs/dist/index.html');
const screenshotPath = join(repoRoot, '.artifacts/docs-page.png');
const landingScreenshotPath = join(repoRoot, '.artifacts/docs-landing.png');
const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM =
  `Chromium is not installed at ${CHROMIUM}, and the docs page is tested in it. ` +
  'Install it with `apt-get update && apt-get install -y chromium` (Debian; .ci/run does this).';

const OPERATION_ID = 'asyncInvokeReservedFunction';
const OPERATION_PATH = '/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations';
const OPERATION_SUMMARY = 'Execute a function asynchronously and return a reserved instance ID';

// What the spec says the page must show: its first server (the region is a variable of it) and
// the example of the operation's successful answer.
const spec = JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8'));
const SERVER_URL: string = spec.servers[0].url;
const successExample: unknown = Object.entries<any>(spec.paths[OPERATION_PATH].post.responses).find(([status]) =>
  status.startsWith('2'),
)?.[1].content['application/json'].example;
/** A string in the example, as Redoc prints it inside the JSON sample. */
const EXAMPLE_TEXT = JSON.stringify(Object.values(successExample as object).find((v) => typeof v === 'string'));

/** Schemes that never leave the machine. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

function staysLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return LOCAL_SCHEMES.has(protocol) || ((protocol === 'http:' || protocol === 'https:') && hostname === '127.0.0.1');
}

/** Serves the page at `/` and nothing else, on a free loopback port. */
async function servePage(html: Buffer): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && (request.url === '/' || request.url === '/index.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return server;
}

let server: Server | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let origin: string;
/** Every URL the page asked for, as the browser reports it. */
const requested: string[] = [];
/** Requests stopped at the network layer because they would have left 127.0.0.1. */
const blocked: string[] = [];
const consoleErrors: string[] = [];

// A test of its own, so that a machine without Chromium counts a failed test with the fix in its
// message, not only a failed hook.
it('has Chromium to run in', () => {
  expect(existsSync(CHROMIUM), NO_CHROMIUM).toBe(true);
});

describe('API reference page in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(NO_CHROMIUM);
    if (!existsSync(pagePath)) throw new Error(`${pagePath} does not exist: run npm run build first`);

    server = await servePage(readFileSync(pagePath));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
    // Both hooks: the route sees what goes to the network (and stops it), the event also sees
    // what the browser serves itself, such as data: URLs.
    context.on('request', (request) => requested.push(request.url()));
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (staysLocal(url)) {
        await route.continue();
      } else {
        blocked.push(url);
        await route.abort('blockedbyclient');
      }
    });

    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('opens on the landing sections: about the API and client, the token how-to, the error codes', async () => {
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const about = page.getByRole('heading', { name: 'About this API and client' }).first();
    await about.waitFor({ state: 'visible', timeout: 30_000 });
    for (const heading of ['Install', 'A first call', 'Authentication', 'Errors']) {
      expect(await page.getByRole('heading', { name: heading }).count(), heading).toBeGreaterThan(0);
    }
    expect(await page.getByText('npm install @fgs-openapi/client').count()).toBeGreaterThan(0);
    expect(await page.getByText('X-Subject-Token').count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'FSS.1051', exact: true }).count()).toBe(1);
    mkdirSync(join(repoRoot, '.artifacts'), { recursive: true });
    await page.screenshot({ path: landingScreenshotPath, fullPage: true });
  }, 60_000);

  it('renders the operation: title, path and the deprecated marker', async () => {
    // Redoc turns the classic `#operation/<id>` link into its own route for the operation.
    await page.goto(`${origin}/#operation/${OPERATION_ID}`, { waitUntil: 'load' });
    const heading = page.getByRole('heading', { name: OPERATION_SUMMARY }).first();
    await heading.waitFor({ state: 'visible', timeout: 30_000 });
    // The path is shown in the request panel beside the operation.
    expect(await page.getByText(OPERATION_PATH, { exact: true }).first().isVisible()).toBe(true);
    // The badge in the operation's heading (its text is lower case; CSS capitalizes it).
    const badge = heading.getByText(/^deprecated$/i);
    expect(await badge.isVisible()).toBe(true);
    expect((await badge.innerText()).trim()).toBe('Deprecated');
    // The successor named in the description, the server with its region, the answer's example.
    expect(await page.getByText('invocations-async').first().isVisible()).toBe(true);
    expect(await page.getByText(SERVER_URL, { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText(EXAMPLE_TEXT).first().isVisible()).toBe(true);
  }, 60_000);

  it('shows the TypeScript sample with the client in the code sample panel', async () => {
    // The panel opens on the first language configured in packages/docs/redocly.yaml: the client.
    const sample = page.locator('pre, code').filter({ hasText: `client.${OPERATION_ID}(` }).first();
    await sample.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await sample.innerText();
    expect(text).toContain("from '@fgs-openapi/client'");
    expect(text).toContain('createFunctionGraphClient(');
    expect(text).toContain('process.env.HUAWEICLOUD_TOKEN');
  }, 60_000);

  it('makes no request that leaves 127.0.0.1', async () => {
    // Give late loaders (fonts, images, workers) a moment, then keep what the page looks like.
    await page.waitForLoadState('networkidle');
    mkdirSync(join(repoRoot, '.artifacts'), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    console.log(`screenshots: ${screenshotPath}, ${landingScreenshotPath}`);

    expect(requested).toContain(`${origin}/`);
    expect(blocked).toEqual([]);
    expect(requested.filter((url) => !staysLocal(url))).toEqual([]);
  }, 60_000);

  // Read last: after every test above has scrolled, resized and screenshotted the page, once the
  // network has gone idle, and after a moment more for script errors that follow it. Read any
  // earlier, an error logged by a late loader or a lazily rendered section is never seen.
  it('logs no console error, once the network has gone idle', async () => {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => requestIdleCallback(() => resolve()), 1_000)));
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
