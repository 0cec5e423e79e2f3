/**
 * The built ESM bundle (packages/client/dist/) signs a call in a real Chromium: a page imports
 * dist/index.js as a module and calls `asyncInvokeFunction` with temporary AK/SK credentials against
 * the verifying server (packages/client/test/helpers/verifying-server.ts) on another loopback port,
 * which recomputes the signature from the wire with the official signer. The call must resolve and
 * the server must have accepted it; with a wrong secret the page must get an AuthenticationError.
 * This shows the signer runs where there is no `process` and no `node:crypto` (Web Crypto), and that
 * the request survives a browser's CORS rules (preflight, exposed headers).
 *
 * The bundle and the chunks beside it are served from one loopback server, with an import map for
 * openapi-fetch (the bundle's one bare import: a dependency, not bundled), the verifying server
 * listens on another. No request may leave 127.0.0.1.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (.ci/run installs it) and `npm run build` first.
 * Without either the test fails, saying what to do: it is never skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, missingChromium, useChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, listenOnLoopback } from '../../packages/client/test/helpers/loopback-server.js';
import { startVerifyingServer, type KeyPair, type VerifyingServer } from '../../packages/client/test/helpers/verifying-server.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(repoRoot, 'packages/client/dist');

// openapi-fetch's ESM build, as a browser resolves the bundle's `import createClient from 'openapi-fetch'`.
const clientRequire = createRequire(join(repoRoot, 'packages/client/package.json'));
const openapiFetchDir = dirname(clientRequire.resolve('openapi-fetch/package.json'));
const openapiFetchEsm = join(openapiFetchDir, (JSON.parse(readFileSync(join(openapiFetchDir, 'package.json'), 'utf8')) as { exports: { '.': { import: string } } }).exports['.'].import);

// Fake credentials: recognisable, never real.
const TEMPORARY: KeyPair = {
  accessKeyId: 'FAKEAKBROWSER000001',
  secretAccessKey: 'fake-sk-browser-DO-NOT-LOG-2b3c',
  securityToken: 'fake-security-token-browser-DO-NOT-LOG-4d5e==',
};
const PROJECT = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
const URN = `urn:fss:cn-north-4:${PROJECT}:function:default:my-func:!prod`;
const REQUEST_ID = '3f9c2a1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>signed call</title><link rel="icon" href="data:,">
<script type="importmap">{"imports":{"openapi-fetch":"/vendor/openapi-fetch.mjs"}}</script>
</head><body>
<script type="module">
  import * as fgs from '/dist/index.js';
  window.fgs = fgs;
  document.body.dataset.ready = 'yes';
</script>
</body></html>`;

/** Serves the page at `/`, every .js file of dist/ under /dist/ and openapi-fetch; nothing else. */
async function servePage(): Promise<Server> {
  const files = new Map<string, { path: string; type: string }>();
  for (const name of readdirSync(distDir)) if (name.endsWith('.js')) files.set(`/dist/${name}`, { path: join(distDir, name), type: 'text/javascript' });
  files.set('/vendor/openapi-fetch.mjs', { path: openapiFetchEsm, type: 'text/javascript' });
  const server = createServer((request, response) => {
    const file = request.method === 'GET' ? files.get(request.url ?? '') : undefined;
    if (request.method === 'GET' && request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(PAGE);
    } else if (file) {
      response.writeHead(200, { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(readFileSync(file.path));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await listenOnLoopback(server);
  return server;
}

function staysLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return ['data:', 'blob:', 'about:'].includes(protocol) || ((protocol === 'http:' || protocol === 'https:') && hostname === '127.0.0.1');
}

let pageServer: Server | undefined;
let verifier: VerifyingServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let origin: string;
/** Requests the page made that left 127.0.0.1 (none may). */
const left: string[] = [];
const consoleLines: string[] = [];

/** What a call made in the page came to, in plain data. */
interface PageOutcome {
  resolved?: unknown;
  error?: { name: string; isAuthenticationError: boolean; message: string; errorCode?: unknown; status?: unknown; signingAccessKeyId?: unknown; text: string };
}

/** Builds a client in the page with `credentials` and calls asyncInvokeFunction once. */
function callInPage(credentials: { accessKeyId: string; secretAccessKey: string; securityToken?: string }): Promise<PageOutcome> {
  return page.evaluate(
    async ({ baseUrl, projectId, functionUrn, credentials }) => {
      const fgs = (window as unknown as { fgs: typeof import('../../packages/client/src/index.js') }).fgs;
      // `credentials` is the option issue 10 adds; cast so this file type-checks before and after it lands.
      const client = fgs.createFunctionGraphClient({ baseUrl, projectId, credentials } as Parameters<typeof fgs.createFunctionGraphClient>[0]);
      try {
        return { resolved: await client.asyncInvokeFunction({ functionUrn, body: { greeting: 'héllo', nested: { n: 1 } } }) };
      } catch (e) {
        const error = e as Error & { errorCode?: unknown; status?: unknown; signing?: { accessKeyId?: unknown } };
        return {
          error: {
            name: error.name,
            isAuthenticationError: error instanceof fgs.AuthenticationError,
            message: String(error.message),
            errorCode: error.errorCode,
            status: error.status,
            signingAccessKeyId: error.signing?.accessKeyId,
            // Everything the page could show of the error, to check no secret is in it.
            text: `${String(error)}\n${error.stack ?? ''}\n${JSON.stringify(error)}`,
          },
        };
      }
    },
    { baseUrl: verifier!.url, projectId: PROJECT, functionUrn: URN, credentials },
  );
}

it('has Chromium to run in', () => {
  expect(existsSync(CHROMIUM), missingChromium('the signed call')).toBe(true);
});

describe('a signed call from the built bundle in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(join(distDir, 'index.js'))) throw new Error(`${join(distDir, 'index.js')} does not exist: run npm run build first`);

    pageServer = await servePage();
    origin = `http://127.0.0.1:${(pageServer.address() as { port: number }).port}`;
    verifier = await startVerifyingServer({ keys: [TEMPORARY] });

    browser = await useChromium('the signed call');
    context = await browser.newContext({ serviceWorkers: 'block' });
    // Watched, not routed: with request interception on, Playwright answers CORS preflights itself,
    // and the preflight the verifying server must answer would never reach it.
    context.on('request', (request) => {
      if (!staysLocal(request.url())) left.push(request.url());
    });
    page = await context.newPage();
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`uncaught: ${error.message}`));
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await verifier?.close();
    await new Promise<void>((resolve) => (pageServer ? pageServer.close(() => resolve()) : resolve()));
  });

  beforeEach(() => {
    verifier!.reset((_request, res) => json(res, 202, { request_id: REQUEST_ID }, { 'X-Request-Id': 'req-browser-1' }));
  });

  it('the page reaches the verifying server across origins and reads its refusal (CORS preflight and body)', async () => {
    // An unsigned request with the headers a signed one carries: it needs the same preflight, and the
    // page must be able to read the 401 body the client turns into an error.
    const outcome = await page.evaluate(async (url) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sdk-date': '20260101T000000Z', 'x-project-id': 'p', 'x-security-token': 't' },
        body: '{}',
      });
      return { status: response.status, body: (await response.json()) as { error_code: string; error_msg: string } };
    }, `${verifier!.url}/v2/${PROJECT}/fgs/functions/${URN}/invocations-async`);
    expect(outcome.status).toBe(401);
    expect(outcome.body.error_code).toBe('APIGW.0301');
    expect(outcome.body.error_msg).toContain('canonicalRequest: POST|');
    expect(verifier!.preflights).toHaveLength(1);
    expect(verifier!.requests[0]!.headers.origin).toBe(origin);
  }, 60_000);

  it('asyncInvokeFunction with temporary credentials resolves, and the server accepted the signature', async () => {
    const outcome = await callInPage(TEMPORARY);
    expect(outcome, JSON.stringify(outcome)).toEqual({ resolved: REQUEST_ID });
    expect(verifier!.requests).toHaveLength(1);
    const [request] = verifier!.requests;
    expect(request!.verdict, request!.verdict.reason).toMatchObject({ accepted: true, accessKeyId: TEMPORARY.accessKeyId });
    expect(request!.verdict.signedHeaders.split(';')).toEqual(expect.arrayContaining(['content-type', 'host', 'x-project-id', 'x-sdk-date', 'x-security-token']));
    expect(request!.headers['x-project-id']).toBe(PROJECT);
    expect(request!.headers.origin).toBe(origin); // it came from the page, through CORS
    expect(verifier!.preflights.length).toBeLessThanOrEqual(1); // a cached preflight is fine
  }, 60_000);

  it('a wrong secret: the server refuses the signature and the page gets an AuthenticationError', async () => {
    const outcome = await callInPage({ ...TEMPORARY, secretAccessKey: 'fake-sk-wrong-DO-NOT-LOG-6f7a' });
    expect(outcome.error, JSON.stringify(outcome)).toBeDefined();
    expect(outcome.error).toMatchObject({ name: 'AuthenticationError', isAuthenticationError: true, errorCode: 'APIGW.0301', status: 401, signingAccessKeyId: TEMPORARY.accessKeyId });
    // It was signed (with the wrong key), not sent without credentials.
    expect(verifier!.requests.at(-1)!.verdict).toMatchObject({ accepted: false, reason: 'signature mismatch', accessKeyId: TEMPORARY.accessKeyId });
    for (const secret of ['fake-sk-wrong-DO-NOT-LOG-6f7a', TEMPORARY.secretAccessKey, TEMPORARY.securityToken!]) {
      expect(outcome.error!.text).not.toContain(secret);
      expect(outcome.error!.message).not.toContain(secret);
    }
  }, 60_000);

  it('a client with neither credentials nor token: there is no file system to search, so the call fails before sending, naming both options', async () => {
    const before = verifier!.requests.length;
    const outcome = await page.evaluate(
      async ({ baseUrl, functionUrn }) => {
        const fgs = (window as unknown as { fgs: typeof import('../../packages/client/src/index.js') }).fgs;
        const client = fgs.createFunctionGraphClient({ baseUrl });
        try {
          return { resolved: await client.asyncInvokeFunction({ functionUrn, body: {} }) };
        } catch (e) {
          const error = e as Error & { argument?: unknown };
          return { name: error.name, isInputError: error instanceof fgs.FunctionGraphInputError, argument: error.argument, message: error.message };
        }
      },
      { baseUrl: verifier!.url, functionUrn: URN },
    );
    expect(outcome).toEqual({
      name: 'FunctionGraphInputError',
      isInputError: true,
      argument: 'credentials',
      message: 'credentials or token is required by asyncInvokeFunction: give the client `credentials` (an access key pair) or `token` (an IAM token)',
    });
    expect(verifier!.requests.length).toBe(before);
  }, 60_000);

  it('logged no error, leaked no secret to the console, and made no request that left 127.0.0.1', () => {
    expect(left).toEqual([]);
    expect(consoleLines.filter((line) => line.startsWith('error:') || line.startsWith('uncaught:'))).toEqual([
      // Chromium reports each refused fetch (401) as a console error; nothing else may appear.
      ...consoleLines.filter((line) => /status of 401/.test(line)),
    ]);
    for (const line of consoleLines) {
      for (const secret of [TEMPORARY.secretAccessKey, TEMPORARY.securityToken!, 'fake-sk-wrong-DO-NOT-LOG-6f7a']) expect(line).not.toContain(secret);
    }
  });
});
