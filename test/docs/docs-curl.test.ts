/**
 * Every curl sample on the docs page, run by a real shell with the real curl against Prism mocking
 * our bundled spec with request validation on (`--errors`): a request whose path, query string,
 * headers or body break the spec gets an error answer and an `sl-violations` header. A 2xx without
 * that header means the sample, as printed, is a valid request. Only the server URL is swapped for
 * Prism's loopback address, and the token is a fake.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePrism, type PrismInUse } from '../helpers/prism.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const specPath = path.join(repo, 'generated/openapi.json');
const docsSpecPath = path.join(repo, 'packages/docs/build/openapi.docs.json');
const STARTUP_DEADLINE_MS = 60_000;
const FAKE_TOKEN = 'fake-token-for-docs-curl-test';

interface Sample {
  id: string;
  method: string;
  source: string;
}

function curlSamples(): Sample[] {
  if (!existsSync(docsSpecPath)) return [];
  const docs = JSON.parse(readFileSync(docsSpecPath, 'utf8'));
  const found: Sample[] = [];
  for (const item of Object.values<any>(docs.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      const curl = operation?.['x-codeSamples']?.find((s: any) => s.label === 'curl');
      if (curl) found.push({ id: operation.operationId, method, source: curl.source });
    }
  }
  return found;
}

const samples = curlSamples();
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
/** The server every sample names: the spec's first server with its variables at their defaults. */
const serverUrl: string = (() => {
  const server = spec.servers[0];
  return server.url.replace(/\{([^}]+)\}/g, (_: string, name: string) => server.variables[name].default);
})();

let prism: PrismInUse | undefined;

beforeAll(async () => {
  prism = await usePrism({ repoRoot: repo, specPath, startupDeadlineMs: STARTUP_DEADLINE_MS });
}, STARTUP_DEADLINE_MS + 15_000);

afterAll(async () => {
  await prism?.release();
});

/** Runs a curl sample against Prism; resolves to the status and headers of the answer. */
async function runSample(source: string): Promise<{ status: number; headers: string; body: string }> {
  expect(source.includes(serverUrl), `the sample names ${serverUrl}`).toBe(true);
  // -i: the answer's headers too; -sS: quiet but for errors; --max-time bounds a stuck request.
  const command = `${source.trimEnd().replaceAll(serverUrl, prism!.url)} -sS -i --max-time 20`;
  const { stdout } = await run('/bin/sh', ['-c', command], { env: { PATH: process.env.PATH, HUAWEICLOUD_TOKEN: FAKE_TOKEN }, timeout: 30_000 });
  const [head = '', ...rest] = stdout.split(/\r?\n\r?\n/);
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(head)?.[1]);
  return { status, headers: head, body: rest.join('\n\n') };
}

describe('curl samples on the docs page, run against Prism with request validation', () => {
  it('there is one per operation', () => {
    expect(samples.length, `no curl samples in ${docsSpecPath}; run npm run build`).toBeGreaterThan(0);
    const operations = Object.values<any>(spec.paths).flatMap((item) =>
      Object.values<any>(item).filter((op) => op?.operationId).map((op) => op.operationId),
    );
    expect(samples.map((s) => s.id).sort()).toEqual(operations.sort());
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: the sample is a valid request (2xx, no violations)', async (_, sample) => {
    const { status, headers, body } = await runSample(sample.source);
    expect(headers.toLowerCase(), `${sample.id}: Prism found violations:\n${headers}\n${body}`).not.toContain('sl-violations');
    expect(status, `${sample.id}: HTTP ${status}\n${headers}\n${body}\nPrism: ${prism!.log().slice(-2_000)}`).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(300);
  }, 40_000);

  it('the check can fail: a sample with a query value the spec refuses is reported', async () => {
    const list = samples.find((s) => s.method === 'get' && /[?&]limit=/.test(s.source));
    expect(list, 'a sample with a limit query parameter').toBeDefined();
    const { status, headers } = await runSample(list!.source.replace(/([?&]limit=)\d+/, '$1501'));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(headers.toLowerCase()).toContain('sl-violations');
  }, 40_000);
});
