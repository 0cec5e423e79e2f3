/**
 * The two crypto paths: node:crypto (through process.getBuiltinModule) and Web Crypto, which a
 * browser uses. The signer is bundled for the browser and run in a Node process without
 * `process.getBuiltinModule`, as a browser would run it, and must sign exactly as node:crypto does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/auth/signing/crypto.js';
import { signature } from '../../../src/auth/signing/signature.js';
import { signRequest, type RequestSignature, type SigningKey, type SigningRequest } from '../../../src/auth/signing/sign-request.js';
import { signingCase } from '../../helpers/signing-cases.js';
import { invokeRequest, key, options } from '../../helpers/signing-requests.js';

const signRequestSource = fileURLToPath(new URL('../../../src/auth/signing/sign-request.ts', import.meta.url));

describe('on node:crypto, at once', () => {
  const rows: [name: string, given: () => string | Promise<string>, want: string][] = [
    ['sha256 of the empty text', () => sha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['sha256 of "abc"', () => sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    // RFC 4231 test case 2.
    ['HMAC-SHA256 keyed "Jefe"', () => signature('Jefe', 'what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  ];
  it.each(rows)('%s', (_, given, want) => {
    const result = given();
    // A string, not a promise: the Node path never waits.
    expect(result).toBe(want);
  });
});

/** The signer bundled for the browser with nothing external. */
async function browserBundle(): Promise<string> {
  const result = await build({ entryPoints: [signRequestSource], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

describe('the Web Crypto path (a Node process without process.getBuiltinModule) signs the same as node:crypto', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fgs-signing-'));
    bundle = join(dir, 'signing.mjs');
    await writeFile(bundle, await browserBundle());
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Signs `jobs` in a fresh Node process where `process.getBuiltinModule` is gone, counting Web Crypto calls. */
  async function signWithWebCrypto(jobs: { request: SigningRequest; key: SigningKey }[], script = ''): Promise<{
    results: (RequestSignature | { error: string })[];
    counts: { importKey: number; sign: number; digest: number };
    extra: unknown;
  }> {
    const jobsFile = join(dir, `jobs-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(jobsFile, JSON.stringify({ jobs, options }));
    const source = `
      import { readFile } from 'node:fs/promises';
      delete process.getBuiltinModule;
      const subtle = globalThis.crypto.subtle;
      const counts = { importKey: 0, sign: 0, digest: 0 };
      const real = {};
      for (const name of Object.keys(counts)) {
        real[name] = subtle[name].bind(subtle);
        subtle[name] = (...args) => (counts[name]++, real[name](...args));
      }
      const { signRequest } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      const { jobs, options } = JSON.parse(await readFile(${JSON.stringify(jobsFile)}, 'utf8'));
      const results = [];
      for (const job of jobs) {
        try { results.push(await signRequest(job.request, job.key, options)); } catch (error) { results.push({ error: String(error) }); }
      }
      let extra;
      ${script}
      process.stdout.write(JSON.stringify({ results, counts, extra }));
    `;
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', source], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
        error ? reject(new Error(`web crypto child failed: ${err || error.message}`)) : resolve(out),
      );
    });
    return JSON.parse(stdout);
  }

  it('gives identical signatures, signed headers and canonical requests on fixed and generated requests', async () => {
    const seed = 20261201;
    const generated = fc.sample(signingCase, { numRuns: 150, seed }).map((c) => ({ request: c.request, key: c.key }));
    const fixed = [
      { request: invokeRequest(), key },
      { request: invokeRequest({ body: undefined }), key },
      { request: invokeRequest({ body: '' }), key },
      { request: { method: 'GET', url: 'https://h.example.com/v2/p/x', headers: { 'x-sdk-date': '20240101T000000Z' }, body: undefined }, key: { accessKeyId: 'AK', secretAccessKey: 'SK' } },
    ];
    const jobs = [...fixed, ...generated];
    const node = await Promise.all(jobs.map((job) => signRequest(job.request, job.key, options)));
    const web = await signWithWebCrypto(jobs);
    expect(web.results).toEqual(JSON.parse(JSON.stringify(node)));
    expect(web.results[3]).toMatchObject({ authorization: expect.stringContaining('Signature=e7c63f9f50b854160505f7fc0629d34317e968332b9712df52c16548d0c49824') });
    // Web Crypto really signed: one HMAC per request.
    expect(web.counts.sign).toBe(jobs.length);
  });

  it('imports the HMAC key once per secret and keeps only the last one', async () => {
    const other = { ...key, secretAccessKey: 'anotherFakeSecret000000000000000000000000' };
    const jobs = [key, key, key, other, other, key].map((k) => ({ request: invokeRequest(), key: k }));
    // Then three concurrent first calls with a new secret share one import.
    const third = { ...key, secretAccessKey: 'thirdFakeSecret0000000000000000000000000' };
    const web = await signWithWebCrypto(
      jobs,
      `const before = counts.importKey;
       await Promise.all([0, 1, 2].map(() => signRequest(jobs[0].request, ${JSON.stringify(third)}, options)));
       extra = { sequential: before, concurrent: counts.importKey - before };`,
    );
    // key, other, key again (the first was dropped when other came): three imports for six requests.
    expect(web.extra).toEqual({ sequential: 3, concurrent: 1 });
    expect(web.results.every((result) => 'authorization' in result)).toBe(true);
  });

  it('does not keep a failed key import: the next call imports again', async () => {
    const web = await signWithWebCrypto(
      [],
      `const once = subtle.importKey;
       subtle.importKey = (...args) => { subtle.importKey = once; return Promise.reject(new Error('import failed')); };
       const job = ${JSON.stringify({ request: invokeRequest(), key })};
       const first = await signRequest(job.request, job.key, options).then(() => 'signed', (error) => error.message);
       const second = await signRequest(job.request, job.key, options).then((s) => s.authorization, (error) => error.message);
       extra = { first, second };`,
    );
    const expected = await signRequest(invokeRequest(), key, options);
    expect(web.extra).toEqual({ first: 'import failed', second: expected.authorization });
  });
});
