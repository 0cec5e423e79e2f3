/**
 * The API reference page (packages/docs/dist/index.html) in a real Chromium: it renders every
 * operation with its title, path and TypeScript and curl samples, the deprecated operation's
 * readable sidebar badge and its link to the successor, logs no error, and makes no request that
 * leaves 127.0.0.1. The page is served from a loopback server so that every request it makes is
 * visible (from file:// some would not be). It is loaded once; the checks move through it as a
 * reader does, by its links and its `#operation/<id>` anchors, which Redoc follows without
 * reloading. Screenshots (the whole page, the landing, the Authentication section, the sidebar's
 * badge) are kept in .artifacts/ (git-ignored) for CI to keep.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (.ci/run installs it). Without it the test fails,
 * saying how to install it: it is never skipped.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { listenOnLoopback } from '../../packages/client/test/helpers/loopback-server.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationDescriptors } from '@fgs-openapi/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, missingChromium, useChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const pagePath = join(repoRoot, 'packages/docs/dist/index.html');
const screenshotPath = join(repoRoot, '.artifacts/docs-page.png');
const sidebarScreenshotPath = join(repoRoot, '.artifacts/docs-sidebar-deprecated.png');
const landingScreenshotPath = join(repoRoot, '.artifacts/docs-landing.png');
const authScreenshotPath = join(repoRoot, '.artifacts/docs-authentication.png');

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

/** Every operation of the client, with what the spec says of it. */
const OPERATIONS: { id: string; method: string; path: string; summary: string; deprecated: boolean; successor?: string }[] = Object.values(
  operationDescriptors,
).map(({ id, method, path }) => {
  const operation = spec.paths[path][method];
  return { id, method, path, summary: operation.summary, deprecated: operation.deprecated === true, successor: operation['x-successor']?.operationId };
});

/** WCAG 2 contrast ratio of two `rgb(…)`/`rgba(…)` colours (alpha ignored: both are opaque here). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

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
  await listenOnLoopback(server);
  return server;
}

const TYPESCRIPT_LABEL = '@fgs-openapi/client';
const SAMPLE_LABELS = [TYPESCRIPT_LABEL, 'curl', 'Payload'];

/** An operation's heading: its summary, then only Redoc's tags (its accessible name also holds the anchor link's label). */
function operationHeading(summary: string) {
  const escaped = summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.locator('h1, h2').filter({ hasText: new RegExp(`^${escaped}(\\s*deprecated)*\\s*$`, 'i') }).first();
}

const LANGUAGE_BUTTON = new RegExp(`^(${SAMPLE_LABELS.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);

/** What identifies one operation's own samples: its client call, and its curl line with its URL. */
function sampleText(op: { id: string; method: string; path: string }) {
  const tail = op.path.split('/').at(-1)!;
  return { typescript: new RegExp(`client\\.${op.id}[<(]`), curl: new RegExp(`curl -X ${op.method.toUpperCase()} '[^']*/${tail}[?']`) };
}

/**
 * The code sample panel of one operation: Redoc's panel (by its stable data attribute, as the CSS in
 * template.hbs selects) that holds this operation's sample and the language dropdown.
 */
function samplePanel(op: { id: string; method: string; path: string }) {
  const { typescript, curl } = sampleText(op);
  const own = page.locator('pre').filter({ hasText: new RegExp(`${typescript.source}|${curl.source}`) });
  return page.locator('[data-component-name="Panel/Panel"]').filter({ has: own }).filter({ has: page.getByRole('button', { name: LANGUAGE_BUTTON }) }).last();
}

/** Switches `panel` to `label` (its dropdown is a button named after the language shown; the choice holds for every panel). */
async function chooseSample(panel: ReturnType<typeof samplePanel>, label: string): Promise<void> {
  const button = panel.getByRole('button', { name: LANGUAGE_BUTTON }).first();
  await button.scrollIntoViewIfNeeded();
  if ((await button.innerText()).trim() === label) return;
  await button.click();
  await page.getByRole('menuitem', { name: label }).filter({ visible: true }).first().click();
  // Waited for by Playwright, not expect.poll: this runs in a hook too.
  await panel.getByRole('button', { name: label, exact: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
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
  expect(existsSync(CHROMIUM), missingChromium('the docs page')).toBe(true);
});

describe('API reference page in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(pagePath)) throw new Error(`${pagePath} does not exist: run npm run build first`);

    server = await servePage(readFileSync(pagePath));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    browser = await useChromium('the docs page');
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
    // The one load of the page; every check below moves within it.
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'About this API and client' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('opens on the landing sections: about the API and client, the token how-to, the error codes', async () => {
    for (const heading of ['Install', 'A first call', 'Authentication', 'Errors']) {
      expect(await page.getByRole('heading', { name: heading }).count(), heading).toBeGreaterThan(0);
    }
    expect(await page.getByText('npm install @fgs-openapi/client').count()).toBeGreaterThan(0);
    expect(await page.getByText('X-Subject-Token').count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'FSS.1051', exact: true }).count()).toBe(1);
    // The first call is one of the operations in use, not the deprecated one.
    const firstCall = page.locator('pre').filter({ hasText: /await client\.(invokeFunction|asyncInvokeFunction)[<(]/ }).first();
    expect(await firstCall.count(), 'a first call with invokeFunction or asyncInvokeFunction').toBe(1);
    expect(await firstCall.textContent()).not.toContain('asyncInvokeReservedFunction');
    // What a reader sees on opening the page; the whole page is kept by the network check below.
    mkdirSync(join(repoRoot, '.artifacts'), { recursive: true });
    await page.screenshot({ path: landingScreenshotPath });
  }, 60_000);

  it('explains both ways to authenticate: the headings, the signed client and the function calling a function', async () => {
    for (const heading of ['Which one to use', 'IAM token', 'AK/SK signing', 'Calling a function from a function']) {
      expect(await page.getByRole('heading', { name: heading }).count(), heading).toBeGreaterThan(0);
    }
    const table = page.locator('table').filter({ hasText: 'client option' });
    expect(await table.count(), 'the table of both schemes').toBe(1);
    expect(await table.textContent()).toContain('credentials');
    const signed = page.locator('pre').filter({ hasText: '...credentialsFromEnv(),' }).first();
    expect(await signed.count(), 'the signed client sample').toBe(1);
    await signed.scrollIntoViewIfNeeded();
    expect(await signed.isVisible()).toBe(true);
    expect(await signed.textContent()).toContain('error.signing.canonicalRequest');
    const f2f = page.locator('pre').filter({ hasText: 'credentialsFromContext(context)' }).first();
    expect(await f2f.count(), 'the function-to-function sample').toBe(1);
    expect(await f2f.textContent()).toContain('createFunctionGraphClient({ credentials: credentialsFromContext(context) })');
    // The link in "Which one to use" leads to the section.
    const link = page.getByRole('link', { name: 'Calling a function from a function', exact: true }).filter({ visible: true }).first();
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await expect.poll(() => page.url().toLowerCase(), { timeout: 10_000 }).toContain('calling-a-function-from-a-function');
    await f2f.scrollIntoViewIfNeeded();
    mkdirSync(join(repoRoot, '.artifacts'), { recursive: true });
    await page.screenshot({ path: authScreenshotPath });
  }, 60_000);

  it('renders the operation: title, path and the deprecated marker', async () => {
    // Redoc turns the classic `#operation/<id>` link into its own route for the operation.
    await page.goto(`${origin}/#operation/${OPERATION_ID}`, { waitUntil: 'load' });
    const heading = page.getByRole('heading', { name: OPERATION_SUMMARY }).first();
    await heading.waitFor({ state: 'visible', timeout: 30_000 });
    // The path is shown in the request panel beside the operation.
    expect(await page.getByText(OPERATION_PATH, { exact: true }).first().isVisible()).toBe(true);
    // The badge in the operation's heading (its text is lower case; CSS capitalizes it).
    // Exactly one shows: the sidebar badge the docs build adds is hidden beside the heading.
    const badge = heading.getByText(/^deprecated$/i).filter({ visible: true });
    expect(await badge.count()).toBe(1);
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

  it.each(OPERATIONS.map((op) => [op.id, op] as const))('renders %s: its title, path and TypeScript sample', async (id, op) => {
    await page.goto(`${origin}/#operation/${id}`, { waitUntil: 'load' });
    await operationHeading(op.summary).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByText(op.path, { exact: true }).first().isVisible(), `${id}: path`).toBe(true);
    // Every panel opens on the first language of packages/docs/redocly.yaml: the client.
    const panel = samplePanel(op);
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    expect((await panel.getByRole('button', { name: LANGUAGE_BUTTON }).first().innerText()).trim()).toBe(TYPESCRIPT_LABEL);
    // Matched by this operation's own call: the previous operation's panel may linger a moment.
    const typescript = page.locator('pre').filter({ hasText: sampleText(op).typescript }).filter({ visible: true }).first();
    await typescript.waitFor({ state: 'visible', timeout: 10_000 });
    // textContent: Chromium's innerText is empty for a panel its content-visibility skips.
    await typescript.scrollIntoViewIfNeeded();
    expect(await typescript.textContent()).toContain("from '@fgs-openapi/client'");
  }, 60_000);

  // The language chosen in one panel holds for every panel: switched once, then each is read.
  describe('with the sample panels switched to curl', () => {
    beforeAll(async () => {
      const first = OPERATIONS[0]!;
      await page.goto(`${origin}/#operation/${first.id}`, { waitUntil: 'load' });
      await operationHeading(first.summary).waitFor({ state: 'visible', timeout: 30_000 });
      await chooseSample(samplePanel(first), 'curl');
    }, 60_000);

    afterAll(async () => {
      await chooseSample(samplePanel(OPERATIONS[0]!), TYPESCRIPT_LABEL);
    }, 60_000);

    it.each(OPERATIONS.map((op) => [op.id, op] as const))('%s shows its curl sample', async (id, op) => {
      await page.goto(`${origin}/#operation/${id}`, { waitUntil: 'load' });
      await operationHeading(op.summary).waitFor({ state: 'visible', timeout: 30_000 });
      const panel = samplePanel(op);
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      expect((await panel.getByRole('button', { name: LANGUAGE_BUTTON }).first().innerText()).trim()).toBe('curl');
      const curl = page.locator('pre').filter({ hasText: sampleText(op).curl }).filter({ visible: true }).first();
      await curl.waitFor({ state: 'visible', timeout: 10_000 });
      await curl.scrollIntoViewIfNeeded();
      expect(await curl.textContent()).toContain('$HUAWEICLOUD_TOKEN');
    }, 60_000);
  });

  it('the deprecated operation links to its successor, and the link leads there', async () => {
    const deprecated = OPERATIONS.filter((op) => op.deprecated);
    expect(deprecated.length).toBeGreaterThan(0);
    for (const op of deprecated) {
      const successor = OPERATIONS.find((o) => o.id === op.successor);
      expect(successor, `${op.id} names no successor on the page`).toBeDefined();
      await page.goto(`${origin}/#operation/${op.id}`, { waitUntil: 'load' });
      await operationHeading(op.summary).waitFor({ state: 'visible', timeout: 30_000 });
      // The note at the top of the description, not the sidebar's entry of the same name.
      const link = page.locator('blockquote').getByRole('link', { name: successor!.summary, exact: true });
      expect(await link.count(), 'a link to the successor in the deprecation note').toBe(1);
      expect(await link.isVisible()).toBe(true);
      await link.click();
      await operationHeading(successor!.summary).waitFor({ state: 'visible', timeout: 10_000 });
      expect(page.url().toLowerCase()).toContain(successor!.id.toLowerCase());
    }
  }, 60_000);

  it('the sidebar says "Deprecated" in a badge that is whole and readable', async () => {
    const op = OPERATIONS.find((o) => o.deprecated)!;
    await page.goto(`${origin}/#operation/${op.id}`, { waitUntil: 'load' });
    const item = page.locator('[data-component-name="Menu/MenuItem"]').filter({ hasText: op.summary }).last();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const badge = item.locator('[data-component-name="Tag/Tag"]').filter({ hasText: /^Deprecated$/ });
    expect(await badge.count()).toBe(1);
    expect(await badge.isVisible()).toBe(true);
    const facts = await badge.evaluate((element) => {
      const box = element.getBoundingClientRect();
      // The nearest ancestor that clips: the sidebar's scroll container.
      let clipper = element.parentElement;
      while (clipper && getComputedStyle(clipper).overflowX === 'visible') clipper = clipper.parentElement;
      const limit = (clipper ?? document.body).getBoundingClientRect();
      const label = element.closest('[data-testid="menu-item-label"]')?.querySelector('[data-text]');
      let background = 'rgb(255, 255, 255)';
      for (let node: Element | null = element.closest('[data-component-name="Menu/MenuItem"]'); node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(color) && color !== 'transparent') {
          background = color;
          break;
        }
      }
      return {
        text: (element as HTMLElement).innerText.trim(),
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
        innerScrollWidth: element.firstElementChild?.scrollWidth ?? 0,
        innerClientWidth: element.firstElementChild?.clientWidth ?? 0,
        inside: box.left >= limit.left - 0.5 && box.right <= limit.right + 0.5,
        badgeColor: getComputedStyle(element.firstElementChild ?? element).color,
        badgeBackground: getComputedStyle(element).backgroundColor,
        labelColor: label ? getComputedStyle(label).color : '',
        background,
      };
    });
    expect(facts.text).toBe('Deprecated');
    // Not clipped: the text fits its box, and the box fits the sidebar.
    expect(facts.scrollWidth, JSON.stringify(facts)).toBeLessThanOrEqual(facts.clientWidth);
    expect(facts.innerScrollWidth, JSON.stringify(facts)).toBeLessThanOrEqual(facts.innerClientWidth);
    expect(facts.inside, JSON.stringify(facts)).toBe(true);
    // Readable: WCAG AA for normal text, the badge on its fill and the greyed label on the sidebar.
    expect(contrast(facts.badgeColor, facts.badgeBackground), JSON.stringify(facts)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(facts.labelColor, facts.background), JSON.stringify(facts)).toBeGreaterThanOrEqual(4.5);
    mkdirSync(join(repoRoot, '.artifacts'), { recursive: true });
    await item.screenshot({ path: sidebarScreenshotPath });
  }, 60_000);

  it('makes no request that leaves 127.0.0.1', async () => {
    // Give late loaders (fonts, images, workers) a moment, then keep what the page looks like.
    await page.waitForLoadState('networkidle');
    mkdirSync(join(repoRoot, '.artifacts'), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    console.log(`screenshots: ${screenshotPath}, ${landingScreenshotPath}, ${authScreenshotPath}, ${sidebarScreenshotPath}`);

    expect(requested).toContain(`${origin}/`);
    expect(blocked).toEqual([]);
    expect(requested.filter((url) => !staysLocal(url))).toEqual([]);
  }, 60_000);

  // Read last: after every test above has scrolled, resized and screenshotted the page, once the
  // network has gone idle, and after a moment more for script errors that follow it. Read any
  // earlier, an error logged by a late loader or a lazily rendered section is never seen.
  it('logs no console error, once the network has gone idle', async () => {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 5_000 }), 1_000)));
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
