/**
 * The size budget: what a consumer ships for createFunctionGraphClient plus one asyncInvokeFunction
 * call, bundled and minified by esbuild with every dependency included, must stay at or under
 * SIZE_BUDGET_GZIP_BYTES gzipped, and
 * must not carry openapi-fetch (only createRawClient uses it). Measured from packages/client/dist,
 * which `npm test` builds first; the same measurement is printed by `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientDist, measureSizes, OPENAPI_FETCH_MARKER, SIGNER_MARKER, SIGNING_BUDGET_GZIP_BYTES, SIZE_BUDGET_GZIP_BYTES, type BundleMeasurement, type CodeMeasurement } from '../bench/measure-size.mjs';

let sizes: { client: BundleMeasurement; clientAndWaiter: BundleMeasurement; signedClient: BundleMeasurement; rawClient: BundleMeasurement; openapiFetch: BundleMeasurement };

beforeAll(async () => {
  if (!existsSync(clientDist)) throw new Error(`${clientDist} is missing: run \`npm run build\` first (\`npm test\` does)`);
  sizes = await measureSizes();
  const line = (name: string, m: CodeMeasurement) => `  ${name.padEnd(28)} ${String(m.minifiedBytes).padStart(6)} B minified ${String(m.gzipBytes).padStart(6)} B gzip`;
  console.log(
    [
      `bundle sizes (budget ${SIZE_BUDGET_GZIP_BYTES} B gzip for the client):`,
      line('client + asyncInvokeFunction', sizes.client),
      line('... + waitForAsyncInvocation', sizes.clientAndWaiter),
      line('signed (credentials), all', sizes.signedClient.withLazy),
      line('createRawClient', sizes.rawClient),
      line('openapi-fetch alone', sizes.openapiFetch),
    ].join('\n'),
  );
});

describe('bundle size of the generated client (esbuild, minified, ESM, neutral, gzip -9)', () => {
  it(`stays at or under ${SIZE_BUDGET_GZIP_BYTES} bytes gzipped`, () => {
    expect(sizes.client.gzipBytes, `client bundle is ${sizes.client.gzipBytes} B gzipped (${sizes.client.minifiedBytes} B minified)`).toBeLessThanOrEqual(SIZE_BUDGET_GZIP_BYTES);
  });

  it('leaves the waiter out of a bundle that never waits, and carries it when used', () => {
    expect(sizes.client.code).not.toContain('async-invoke-config');
    expect(sizes.clientAndWaiter.code).toContain('async-invoke-config');
  });

  it('loads no signer in a bundle that never passes credentials', () => {
    expect(sizes.client.code).not.toContain(SIGNER_MARKER);
    // The signer is a chunk of its own, loaded by dynamic import: all that the client carries of it is that import.
    expect(sizes.client.lazyChunks).toBeGreaterThan(0);
  });

  it('carries the signer when credentials are passed (so the check above can fail)', () => {
    expect(sizes.signedClient.withLazy.code).toContain(SIGNER_MARKER);
  });

  it(`costs at most ${SIGNING_BUDGET_GZIP_BYTES} bytes gzipped more to sign than to send a token`, () => {
    const extra = sizes.signedClient.withLazy.gzipBytes - sizes.client.gzipBytes;
    expect(extra, `signing adds ${extra} B gzipped (${sizes.signedClient.withLazy.gzipBytes} B with the signer, ${sizes.client.gzipBytes} B with a token)`).toBeLessThanOrEqual(SIGNING_BUDGET_GZIP_BYTES);
  });

  it('leaves openapi-fetch out: only createRawClient uses it', () => {
    expect(sizes.client.code).not.toContain(OPENAPI_FETCH_MARKER);
  });

  it('includes openapi-fetch when createRawClient is used (so the check above can fail)', () => {
    expect(sizes.rawClient.code).toContain(OPENAPI_FETCH_MARKER);
    expect(sizes.openapiFetch.code).toContain(OPENAPI_FETCH_MARKER);
  });

  it('measures a real bundle: the client code is in it', () => {
    expect(sizes.client.code).toContain('invocations-async');
    expect(sizes.client.minifiedBytes).toBeGreaterThan(1_000);
  });
});
