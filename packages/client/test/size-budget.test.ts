/**
 * The size budgets (bench/goals.mjs): what a browser loads at start for createFunctionGraphClient
 * plus one asyncInvokeFunction call, bundled and minified by esbuild with every dependency included,
 * and what the signer's lazy chunk adds. Measured from packages/client/dist, which `npm test` builds
 * first; the same measurement is printed by `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_CHUNK_BUDGET_GZIP_BYTES } from '../bench/goals.mjs';
import { BUDGETED_CHUNKS, chunkWith, clientDist, measureBundle, measureSizes, OPENAPI_FETCH_MARKER, type Sizes } from '../bench/measure-size.mjs';

let sizes: Sizes;

beforeAll(async () => {
  if (!existsSync(clientDist)) throw new Error(`${clientDist} is missing: run \`npm run build\` first (\`npm test\` does)`);
  sizes = await measureSizes();
  const line = (name: string, m: { minifiedBytes: number; gzipBytes: number }) => `  ${name.padEnd(36)} ${String(m.minifiedBytes).padStart(6)} B minified ${String(m.gzipBytes).padStart(6)} B gzip`;
  console.log(
    [
      `main chunks (budget ${MAIN_CHUNK_BUDGET_GZIP_BYTES} B gzip for the client):`,
      line('client + asyncInvokeFunction', sizes.client.main),
      line('... + waitForAsyncInvocation', sizes.clientAndWaiter.main),
      line('createRawClient', sizes.rawClient.main),
      line('openapi-fetch alone', sizes.openapiFetch.main),
      'lazy chunks of the client:',
      ...sizes.client.lazyChunks.map((chunk) => `${line(chunk.module, chunk)}, adds ${chunk.addsGzipBytes} B gzipped with the main chunk`),
    ].join('\n'),
  );
});

describe('bundle size of the generated client (esbuild, minified, split, ESM, neutral, gzip -9)', () => {
  it(`loads at most ${MAIN_CHUNK_BUDGET_GZIP_BYTES} bytes gzipped at start`, () => {
    const { main } = sizes.client;
    expect(main.gzipBytes, `the main chunk is ${main.gzipBytes} B gzipped (${main.minifiedBytes} B minified)`).toBeLessThanOrEqual(MAIN_CHUNK_BUDGET_GZIP_BYTES);
  });

  it('measures a real bundle: the client code is in the main chunk', () => {
    expect(sizes.client.main.code).toContain('invocations-async');
    expect(sizes.client.main.minifiedBytes).toBeGreaterThan(1_000);
  });

  it('leaves the waiter out of a bundle that never waits, and carries it when used', () => {
    // The waiter's own messages start with its name; the operations' paths are in every bundle.
    expect(sizes.client.main.code).not.toContain('waitForAsyncInvocation:');
    expect(sizes.clientAndWaiter.main.code).toContain('waitForAsyncInvocation:');
  });

  describe.each(BUDGETED_CHUNKS)('$name', ({ name, marker, budgetGzipBytes }) => {
    it('stays out of the main chunk, in a lazy chunk loaded when first used', () => {
      expect(sizes.client.main.code).not.toContain(marker);
      // The positive half, so the check above can fail: the code is in the bundle, loaded by dynamic import.
      expect(chunkWith(sizes.client, marker), `no lazy chunk holds ${name}; lazy chunks: ${sizes.client.lazyChunks.map((c) => c.module).join(', ') || 'none'}`).toBeDefined();
    });

    it(`adds at most ${budgetGzipBytes} bytes gzipped`, () => {
      const chunk = chunkWith(sizes.client, marker)!;
      expect(chunk.addsGzipBytes, `the chunk of ${name} (${chunk.module}) adds ${chunk.addsGzipBytes} B gzipped to the main chunk (${chunk.gzipBytes} B gzipped alone)`).toBeLessThanOrEqual(budgetGzipBytes);
    });
  });

  it('leaves openapi-fetch out: only createRawClient uses it', () => {
    expect(sizes.client.main.code).not.toContain(OPENAPI_FETCH_MARKER);
    for (const chunk of sizes.client.lazyChunks) expect(chunk.code, chunk.module).not.toContain(OPENAPI_FETCH_MARKER);
  });

  it('includes openapi-fetch when createRawClient is used (so the check above can fail)', () => {
    expect(sizes.rawClient.main.code).toContain(OPENAPI_FETCH_MARKER);
    expect(sizes.openapiFetch.main.code).toContain(OPENAPI_FETCH_MARKER);
  });
});

describe('measureBundle finds lazy chunks from the metafile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fgs-size-'));
    const files: Record<string, string> = {
      'static.mjs': `console.log('static-module');`,
      'shared.mjs': `export const shared = 'shared-module';`,
      'lazy-one.mjs': `import { shared } from './shared.mjs'; console.log('lazy-one-module', shared);`,
      'lazy-two.mjs': `import { shared } from './shared.mjs'; console.log('lazy-two-module', shared); export const later = () => import('./nested.mjs');`,
      'nested.mjs': `console.log('nested-module');`,
    };
    await Promise.all(Object.entries(files).map(([name, code]) => writeFile(join(dir, name), code)));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('measures each lazy chunk apart from the main chunk, named by its module, with what it imports that the main chunk does not', async () => {
    const bundle = await measureBundle(`import './static.mjs'; export const a = () => import('./lazy-one.mjs'); export const b = () => import('./lazy-two.mjs');`, { resolveDir: dir });
    expect(bundle.main.code).toContain('static-module');
    expect(bundle.main.code).not.toMatch(/lazy-one-module|lazy-two-module|nested-module|shared-module/);
    const byName = Object.fromEntries(bundle.lazyChunks.map((chunk) => [basename(chunk.module), chunk]));
    expect(Object.keys(byName).sort()).toEqual(['lazy-one.mjs', 'lazy-two.mjs', 'nested.mjs']);
    expect(byName['lazy-one.mjs']!.code).toContain('shared-module');
    expect(byName['lazy-two.mjs']!.code).toContain('shared-module');
    expect(byName['lazy-two.mjs']!.code).not.toContain('nested-module');
    for (const chunk of bundle.lazyChunks) expect(chunk.addsGzipBytes).toBeGreaterThan(0);
  });
});
