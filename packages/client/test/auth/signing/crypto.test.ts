/**
 * The two crypto paths: node:crypto (through process.getBuiltinModule) and Web Crypto, which a
 * browser uses. The signer, bundled for the browser, is loaded in this process with
 * `process.getBuiltinModule` gone while it loads (how a browser has it: the choice is made once,
 * when the module loads) and must sign exactly as node:crypto does. In-process, so the cache of
 * imported keys can be watched through `crypto.subtle`, and so the mutation run sees that path.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../../src/auth/signing/crypto.js';
import { signature } from '../../../src/auth/signing/signature.js';
import { signRequest, type SigningKey } from '../../../src/auth/signing/sign-request.js';
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

type SignRequest = typeof signRequest;
type GetBuiltinModule = (id: string) => unknown;

let dir: string;
let bundleCode: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fgs-signing-'));
  const result = await build({ entryPoints: [signRequestSource], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  bundleCode = result.outputFiles[0]!.text;
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

let loaded = 0;
/**
 * A fresh copy of the browser bundle's signRequest (its own key cache), loaded while
 * `process.getBuiltinModule` is `builtin` (absent when undefined), then restored.
 */
async function loadSigner(builtin?: GetBuiltinModule): Promise<SignRequest> {
  const file = join(dir, `signing-${++loaded}.mjs`);
  await writeFile(file, bundleCode);
  const host = process as { getBuiltinModule?: GetBuiltinModule };
  const own = host.getBuiltinModule;
  if (builtin) host.getBuiltinModule = builtin;
  else delete host.getBuiltinModule;
  try {
    return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { signRequest: SignRequest }).signRequest;
  } finally {
    host.getBuiltinModule = own;
  }
}

/** Counts the calls of Web Crypto's `name` (calling through). */
const count = (name: 'importKey' | 'sign' | 'digest') => vi.spyOn(globalThis.crypto.subtle, name);

describe('the Web Crypto path (loaded without process.getBuiltinModule) signs the same as node:crypto', () => {
  it('gives identical signatures, signed headers and canonical requests on fixed and generated requests', async () => {
    const webSign = await loadSigner();
    const signs = count('sign');
    const digests = count('digest');
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
    // Web Crypto is not touched by the Node path.
    expect(signs).not.toHaveBeenCalled();
    const web = [];
    for (const job of jobs) web.push(await webSign(job.request, job.key, options));
    expect(web).toEqual(node);
    expect(web[3]!.authorization).toContain('Signature=e7c63f9f50b854160505f7fc0629d34317e968332b9712df52c16548d0c49824');
    // Web Crypto really signed and hashed: one HMAC per request, and the payload and canonical request hashed.
    expect(signs).toHaveBeenCalledTimes(jobs.length);
    expect(digests.mock.calls.length).toBeGreaterThanOrEqual(jobs.length);
  });

  it('imports the HMAC key once per secret and keeps only the last one; concurrent first calls share one import', async () => {
    const webSign = await loadSigner();
    const imports = count('importKey');
    const other: SigningKey = { ...key, secretAccessKey: 'anotherFakeSecret000000000000000000000000' };
    const results = [];
    for (const k of [key, key, key, other, other, key]) results.push(await webSign(invokeRequest(), k, options));
    // key, other, key again (the first was dropped when other came): three imports for six requests.
    expect(imports).toHaveBeenCalledTimes(3);
    // The cached key can sign and nothing else: the secret cannot be exported from it.
    const cached = (await imports.mock.results[0]!.value) as CryptoKey;
    expect({ extractable: cached.extractable, usages: cached.usages }).toEqual({ extractable: false, usages: ['sign'] });
    expect(results.map((result) => result.authorization)).toEqual(await Promise.all([key, key, key, other, other, key].map((k) => signRequest(invokeRequest(), k, options).then((s) => s.authorization))));
    const third: SigningKey = { ...key, secretAccessKey: 'thirdFakeSecret0000000000000000000000000' };
    await Promise.all([0, 1, 2].map(() => webSign(invokeRequest(), third, options)));
    expect(imports).toHaveBeenCalledTimes(4);
  });

  it('does not keep a failed key import: the next call imports again', async () => {
    const webSign = await loadSigner();
    const imports = count('importKey').mockRejectedValueOnce(new Error('import failed'));
    await expect(webSign(invokeRequest(), key, options)).rejects.toThrow('import failed');
    const second = await webSign(invokeRequest(), key, options);
    expect(second.authorization).toBe((await signRequest(invokeRequest(), key, options)).authorization);
    expect(imports).toHaveBeenCalledTimes(2);
  });

  it("keeps the newer secret's key when an older secret's import fails after it", async () => {
    const webSign = await loadSigner();
    let failOlder!: () => void;
    const imports = count('importKey').mockImplementationOnce(
      () => new Promise<CryptoKey>((_resolve, reject) => (failOlder = () => reject(new Error('import failed')))),
    );
    const newer: SigningKey = { ...key, secretAccessKey: 'newerFakeSecret0000000000000000000000000' };
    const older = webSign(invokeRequest(), key, options);
    await vi.waitFor(() => expect(imports).toHaveBeenCalledTimes(1));
    // The newer secret replaces the older while its import is still pending.
    const first = webSign(invokeRequest(), newer, options);
    await vi.waitFor(() => expect(imports).toHaveBeenCalledTimes(2));
    failOlder();
    await expect(older).rejects.toThrow('import failed');
    await first;
    // Its key stayed: signing with it again imports nothing.
    const again = await webSign(invokeRequest(), newer, options);
    expect(again.authorization).toBe((await signRequest(invokeRequest(), newer, options)).authorization);
    expect(imports).toHaveBeenCalledTimes(2);
  });

  it('fails with a message that says where Web Crypto is missing (a browser page on plain http://)', async () => {
    const webSign = await loadSigner();
    vi.stubGlobal('crypto', undefined);
    await expect(webSign(invokeRequest(), key, options)).rejects.toThrow(
      'AK/SK signing needs Web Crypto (crypto.subtle), which browsers offer only to https:// and localhost pages',
    );
    vi.stubGlobal('crypto', {});
    await expect(webSign(invokeRequest(), key, options)).rejects.toThrow('AK/SK signing needs Web Crypto (crypto.subtle)');
  });
});

describe("a runtime whose node:crypto has no one-shot hash (Node's crypto.hash came in 20.12; other runtimes may lack it)", () => {
  it('hashes with createHash instead, and signs the same', async () => {
    const own = process.getBuiltinModule;
    let asked = 0;
    const webSign = await loadSigner((id) => {
      const module = own(id) as Record<string, unknown>;
      if (id !== 'node:crypto') return module;
      asked++;
      return { ...module, hash: undefined };
    });
    expect(asked).toBe(1);
    const digests = count('digest');
    const request = invokeRequest();
    expect(await webSign(request, key, options)).toEqual(await signRequest(request, key, options));
    // Still node:crypto, not Web Crypto.
    expect(digests).not.toHaveBeenCalled();
  });
});
