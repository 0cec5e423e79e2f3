/**
 * The size budget: what a consumer ships for one call of the generated client, bundled and
 * minified by esbuild with every dependency included, must stay under 5,000 bytes gzipped, and
 * must not carry openapi-fetch (only createRawClient uses it). Measured from packages/client/dist,
 * which `npm test` builds first; the same measurement is printed by `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientDist, measureSizes, OPENAPI_FETCH_MARKER, SIZE_BUDGET_GZIP_BYTES, type BundleMeasurement } from '../bench/measure-size.mjs';

let sizes: { client: BundleMeasurement; rawClient: BundleMeasurement; openapiFetch: BundleMeasurement };

beforeAll(async () => {
  if (!existsSync(clientDist)) throw new Error(`${clientDist} is missing: run \`npm run build\` first (\`npm test\` does)`);
  sizes = await measureSizes();
  const line = (name: string, m: BundleMeasurement) => `  ${name.padEnd(28)} ${String(m.minifiedBytes).padStart(6)} B minified ${String(m.gzipBytes).padStart(6)} B gzip`;
  console.log(
    [
      `bundle sizes (budget ${SIZE_BUDGET_GZIP_BYTES} B gzip for the client):`,
      line('generated client, one call', sizes.client),
      line('createRawClient', sizes.rawClient),
      line('openapi-fetch alone', sizes.openapiFetch),
    ].join('\n'),
  );
});

describe('bundle size of the generated client (esbuild, minified, ESM, neutral, gzip -9)', () => {
  it(`stays under ${SIZE_BUDGET_GZIP_BYTES} bytes gzipped`, () => {
    expect(sizes.client.gzipBytes, `client bundle is ${sizes.client.gzipBytes} B gzipped (${sizes.client.minifiedBytes} B minified)`).toBeLessThan(SIZE_BUDGET_GZIP_BYTES);
  });

  it('leaves openapi-fetch out: only createRawClient uses it', () => {
    expect(sizes.client.code).not.toContain(OPENAPI_FETCH_MARKER);
  });

  it('includes openapi-fetch when createRawClient is used (so the check above can fail)', () => {
    expect(sizes.rawClient.code).toContain(OPENAPI_FETCH_MARKER);
    expect(sizes.openapiFetch.code).toContain(OPENAPI_FETCH_MARKER);
  });

  it('measures a real bundle: the client code is in it', () => {
    expect(sizes.client.code).toContain('reserved-invocations');
    expect(sizes.client.minifiedBytes).toBeGreaterThan(1_000);
  });
});
