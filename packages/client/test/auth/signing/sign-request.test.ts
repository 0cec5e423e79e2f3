/**
 * The AK/SK signer (src/auth/signing/sign-request.ts) at signer level: the known vector from the facts (§5b),
 * the canonical URI and query of exactly what is sent, the headers signed and left unsigned, the
 * payload hash, the date format, redaction of the security token, the Web Crypto path (run in a
 * Node process without `process.getBuiltinModule`, as a browser would) against the node:crypto
 * path, and the module's freedom from static `node:` imports. The official signer is compared on
 * generated requests in signing.differential.test.ts.
 */
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalRequestOf,
  canonicalUri,
  sdkDate,
  signRequest,
  UNSIGNED_HEADERS,
  type RequestSignature,
  type SigningKey,
  type SigningRequest,
} from '../../../src/auth/signing/sign-request.js';
import { encodePathParameter } from '../../../src/runtime/path-encoding.js';
import { SIGNING_OPTIONS, signingCase } from '../../helpers/signing-cases.js';

const signerSource = fileURLToPath(new URL('../../../src/auth/signing/sign-request.ts', import.meta.url));
const options = SIGNING_OPTIONS;
/** Fake credentials: never real, and still kept out of every message below. */
const key: SigningKey = { accessKeyId: 'AKFAKE0000EXAMPLE000', secretAccessKey: 'fakeSecretKeyForTests0000000000000000000' };
const token = 'FAKE-security-token-' + 'x'.repeat(400);
const project = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
const urn = `urn:fss:cn-north-4:${project}:function:default:thumbnail-maker:!prod`;
const base = 'https://functiongraph.cn-north-4.myhuaweicloud.com';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The request the runtime sends for a synchronous invocation, signed with temporary credentials. */
function invokeRequest(overrides: Partial<SigningRequest> = {}): SigningRequest {
  return {
    method: 'POST',
    url: `${base}/v2/${project}/fgs/functions/${encodePathParameter(urn)}/invocations`,
    headers: {
      'content-type': 'application/json',
      'x-cff-request-version': 'v1',
      'x-project-id': project,
      'x-sdk-date': '20261201T010203Z',
      'x-security-token': token,
    },
    body: '{"key":"value","ünï":"😀"}',
    ...overrides,
  };
}

/** The official signer on the same request (for rows that pin a value against it). */
function official(request: SigningRequest, queryParams: Record<string, string | string[]> = {}, data?: unknown, signingKey: SigningKey = key): string {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name === 'x-sdk-date' ? 'X-Sdk-Date' : name] = value;
  const signed = AKSKSigner.sign(
    { method: request.method, endpoint: url.origin + url.pathname, queryParams, headers, data } as never,
    { getAk: () => signingKey.accessKeyId, getSk: () => signingKey.secretAccessKey } as never,
  ) as Record<string, string>;
  return signed.Authorization!;
}

/** The official signer's canonical query, a protected static in its typings. */
const officialQuery = (AKSKSigner as unknown as { CanonicalQueryString(request: { queryParams: Record<string, string | string[]> }): string }).CanonicalQueryString.bind(AKSKSigner);

describe('the known vector (facts §5b)', () => {
  it('GET https://h.example.com/v2/p/x, no query, no body, AK "AK", SK "SK", 20240101T000000Z', async () => {
    const signature = await signRequest(
      { method: 'GET', url: 'https://h.example.com/v2/p/x', headers: { 'x-sdk-date': '20240101T000000Z' }, body: undefined },
      { accessKeyId: 'AK', secretAccessKey: 'SK' },
      { algorithm: 'SDK-HMAC-SHA256', dateHeader: 'X-Sdk-Date' },
    );
    expect(signature.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=e7c63f9f50b854160505f7fc0629d34317e968332b9712df52c16548d0c49824',
    );
    expect(signature.signedHeaders).toBe('host;x-sdk-date');
    expect(signature.canonicalRequest).toBe(
      ['GET', '/v2/p/x/', '', 'host:h.example.com', 'x-sdk-date:20240101T000000Z', '', 'host;x-sdk-date', sha256('')].join('\n'),
    );
  });
});

describe('canonical URI: each segment of the path as sent, encoded again', () => {
  const rows: [string, string, string][] = [
    ['a URN sent raw', `/v2/p/fgs/functions/${urn}/invocations`, `/v2/p/fgs/functions/urn%3Afss%3Acn-north-4%3A${project}%3Afunction%3Adefault%3Athumbnail-maker%3A%21prod/invocations/`],
    ['a URN already percent-encoded: %3A is encoded again', '/v2/p/urn%3Afss%3Ax%3A%21prod', '/v2/p/urn%253Afss%253Ax%253A%2521prod/'],
    ['a trailing slash is kept, not doubled', '/v2/p/', '/v2/p/'],
    ['the root', '/', '/'],
    ['no path at all', '', '/'],
    ['unreserved characters stay raw', '/a-b_c.d~e/AZaz09', '/a-b_c.d~e/AZaz09/'],
    ["sub-delims encodeURIComponent leaves raw: ! ' ( ) *", "/!'()*", '/%21%27%28%29%2A/'],
    ['other reserved characters', '/@&=+$,;[]', '/%40%26%3D%2B%24%2C%3B%5B%5D/'],
    ['non-ASCII arrives percent-encoded and is encoded again', '/caf%C3%A9', '/caf%25C3%25A9/'],
    ['empty segments stay', '/a//b', '/a//b/'],
  ];
  it.each(rows)('%s', (_, pathname, want) => expect(canonicalUri(pathname)).toBe(want));

  it("is derived from the URL fetch sends: a raw ' in a path parameter is signed %27 (the official signer's url.parse makes it %2527)", async () => {
    const url = `${base}/v2/${project}/fgs/functions/${encodePathParameter("urn:fss:cn-north-4:p:function:o'k:f:!prod")}/invocations`;
    expect(new URL(url).pathname).toContain("o'k");
    const { canonicalRequest } = await signRequest(invokeRequest({ url }), key, options);
    expect(canonicalRequest.split('\n')[1]).toBe(`/v2/${project}/fgs/functions/urn%3Afss%3Acn-north-4%3Ap%3Afunction%3Ao%27k%3Af%3A%21prod/invocations/`);
  });

  it('is derived from the URL fetch sends: dot segments resolved, non-ASCII percent-encoded', async () => {
    const { canonicalRequest } = await signRequest(invokeRequest({ url: `${base}/v2/./p/../q/café` }), key, options);
    expect(canonicalRequest.split('\n')[1]).toBe('/v2/q/caf%25C3%25A9/');
  });
});

describe('canonical query: the query as sent, decoded, sorted, encoded strictly', () => {
  const rows: [string, string, string][] = [
    ['no query', '', ''],
    ['a bare ?', '?', ''],
    ['a space', '?q=a%20b', 'q=a%20b'],
    [': raw or encoded', '?t=12:00&u=12%3A00', 't=12%3A00&u=12%3A00'],
    ['/ raw or encoded', '?p=a/b&r=a%2Fb', 'p=a%2Fb&r=a%2Fb'],
    ['%', '?p=100%25', 'p=100%25'],
    ['+ encoded is a plus', '?p=a%2Bb', 'p=a%2Bb'],
    ['+ raw is a plus too, not a space (the client never sends one raw)', '?p=a+b', 'p=a%2Bb'],
    ['~ raw or encoded stays raw', '?p=~&r=%7E', 'p=~&r=~'],
    ["! ' ( ) * are encoded", "?p=!'()*", 'p=%21%27%28%29%2A'],
    ['non-ASCII, two to four bytes', '?p=%C3%A9%E4%B8%AD%F0%9F%98%80', 'p=%C3%A9%E4%B8%AD%F0%9F%98%80'],
    ['an empty value', '?a=&b=1', 'a=&b=1'],
    ['a key without =', '?a&b=1', 'a=&b=1'],
    ['only the first = splits', '?a=b=c', 'a=b%3Dc'],
    ['empty parts are skipped', '?&a=1&&b=2&', 'a=1&b=2'],
    ['keys sorted', '?b=1&a=2&c=0', 'a=2&b=1&c=0'],
    ['repeated keys: values sorted', '?k=b&k=a&k=c&k=', 'k=&k=a&k=b&k=c'],
    ['keys sorted by their decoded text, before encoding, as the official signer does', '?%C3%A9=1&z=2&a%20b=3&a-b=4', 'a%20b=3&a-b=4&z=2&%C3%A9=1'],
    ['values of a key sorted by their decoded text', '?k=%C3%A9&k=z&k=%20', 'k=%20&k=z&k=%C3%A9'],
  ];
  it.each(rows)('%s', (_, search, want) => expect(canonicalQuery(search)).toBe(want));

  it('agrees with the official signer on the rows with one value per key or repeated keys', () => {
    // The official signer takes the query as an object of raw values: the same rows, decoded.
    for (const [, search, want] of rows) {
      const params: Record<string, string | string[]> = {};
      for (const [name, value] of new URLSearchParams(search.replace(/\+/g, '%2B'))) {
        const earlier = params[name];
        params[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
      }
      expect(officialQuery({ queryParams: params }), search).toBe(want);
    }
  });

  it('refuses malformed percent-encoding with a message naming the part', () => {
    expect(() => canonicalQuery('?a=%zz')).toThrow(/the query part "%zz" is not valid percent-encoded UTF-8/);
    expect(() => canonicalQuery('?a=%ED%A0%80')).toThrow(URIError);
  });

  it('is derived from the URL fetch sends, as the runtime builds it with encodeURIComponent', async () => {
    const values = ['a b', 'x:y/z', '100%', '1+1', '~', 'é中😀', ''];
    const query = values.map((value) => `marker=${encodeURIComponent(value)}`).join('&');
    const url = `${base}/v2/${project}/fgs/functions/${encodePathParameter(urn)}/async-invocations?${query}`;
    const request = invokeRequest({ method: 'GET', url, body: undefined });
    delete request.headers['content-type'];
    const signature = await signRequest(request, key, options);
    expect(signature.canonicalRequest.split('\n')[2]).toBe(
      'marker=&marker=1%2B1&marker=100%25&marker=a%20b&marker=x%3Ay%2Fz&marker=~&marker=%C3%A9%E4%B8%AD%F0%9F%98%80',
    );
    expect(signature.authorization).toBe(official(request, { marker: values }));
  });
});

describe('headers', () => {
  it('signs host (with its port, as fetch sends it) and every header given, lower-cased and sorted', async () => {
    const request = invokeRequest({ url: 'http://127.0.0.1:8443/v2/p/x', headers: { 'X-Sdk-Date': '20240101T000000Z', 'X-B': '2', 'x-a': '1' }, body: undefined });
    const { signedHeaders, canonicalRequest } = await signRequest(request, key, options);
    expect(signedHeaders).toBe('host;x-a;x-b;x-sdk-date');
    expect(canonicalRequest).toContain('\nhost:127.0.0.1:8443\nx-a:1\nx-b:2\nx-sdk-date:20240101T000000Z\n\n');
  });

  it('signs the host fetch sends: a default port is dropped, a host name lower-cased', async () => {
    const { canonicalRequest } = await signRequest(invokeRequest({ url: 'https://H.Example.COM:443/x', body: undefined }), key, options);
    expect(canonicalRequest).toContain('\nhost:h.example.com\n');
  });

  it('leaves unsigned the headers a fetch implementation may add or change', async () => {
    const extra = Object.fromEntries([...UNSIGNED_HEADERS, 'sec-fetch-mode', 'proxy-authorization'].map((name) => [name, 'v']));
    const plain = await signRequest(invokeRequest(), key, options);
    const withExtra = await signRequest(invokeRequest({ headers: { ...invokeRequest().headers, ...extra } }), key, options);
    expect(withExtra.signedHeaders).toBe('content-type;host;x-cff-request-version;x-project-id;x-sdk-date;x-security-token');
    expect(withExtra.authorization).toBe(plain.authorization);
    for (const name of ['user-agent', 'accept', 'accept-encoding', 'content-length', 'connection', 'host', 'authorization']) {
      expect(UNSIGNED_HEADERS).toContain(name);
    }
  });

  it('signs values as fetch sends them: leading and trailing spaces and tabs stripped, inner ones kept', async () => {
    const { canonicalRequest } = await signRequest(invokeRequest({ headers: { 'x-sdk-date': ' 20240101T000000Z\t', 'x-note': '\t a  b \t' }, body: undefined }), key, options);
    expect(canonicalRequest).toContain('\nx-note:a  b\nx-sdk-date:20240101T000000Z\n');
  });

  it('signs an empty value as an empty line value', async () => {
    const { canonicalRequest } = await signRequest(invokeRequest({ headers: { 'x-sdk-date': '20240101T000000Z', 'x-cff-log-type': '' } }), key, options);
    expect(canonicalRequest).toContain('\nx-cff-log-type:\n');
  });

  it('joins two spellings of one name with ", ", as fetch Headers sends them', async () => {
    const { canonicalRequest, signedHeaders } = await signRequest(invokeRequest({ headers: { 'x-sdk-date': '20240101T000000Z', 'X-A': '1', 'x-a': '2' } }), key, options);
    expect(signedHeaders).toBe('host;x-a;x-sdk-date');
    expect(canonicalRequest).toContain('\nx-a:1, 2\n');
  });

  it('refuses a request without the date header, naming it', async () => {
    await expect(signRequest(invokeRequest({ headers: { 'x-project-id': project } }), key, options)).rejects.toThrow('signing: the request has no X-Sdk-Date header to sign');
  });

  it('signs the date header given, whatever its spelling', async () => {
    const lower = await signRequest(invokeRequest(), key, options);
    const { 'x-sdk-date': date, ...rest } = invokeRequest().headers;
    const upper = await signRequest(invokeRequest({ headers: { ...rest, 'X-SDK-DATE': date! } }), key, options);
    expect(upper.authorization).toBe(lower.authorization);
  });
});

describe('payload hash and signature', () => {
  it('hashes the UTF-8 bytes of the body sent; no body and an empty body hash as the empty string', async () => {
    const body = '{"ünï":"😀","中":[1,{"a":null}]}';
    const { canonicalRequest } = await signRequest(invokeRequest({ body }), key, options);
    expect(canonicalRequest.split('\n').at(-1)).toBe(createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex'));
    for (const empty of [undefined, '']) {
      const signed = await signRequest(invokeRequest({ body: empty }), key, options);
      expect(signed.canonicalRequest.split('\n').at(-1)).toBe(sha256(''));
    }
  });

  it('matches the official signer on a synchronous invocation with temporary credentials', async () => {
    const request = invokeRequest();
    expect((await signRequest(request, key, options)).authorization).toBe(official(request, {}, JSON.parse(request.body!)));
  });

  it('keys the HMAC with the secret itself as UTF-8, of any length (longer than a block is hashed first)', async () => {
    for (const secretAccessKey of ['é', 'k'.repeat(65), '😀'.repeat(40), ' leading and trailing spaces ']) {
      const other = { ...key, secretAccessKey };
      const request = invokeRequest();
      expect((await signRequest(request, other, options)).authorization).toBe(official(request, {}, JSON.parse(request.body!), other));
    }
  });

  it('the same request always gets the same signature, and a changed byte a different one', async () => {
    const a = await signRequest(invokeRequest(), key, options);
    const b = await signRequest(invokeRequest(), key, options);
    expect(b).toEqual(a);
    const changes: Partial<SigningRequest>[] = [
      { body: '{"key":"valuf","ünï":"😀"}' },
      { url: invokeRequest().url.replace('!prod', '!prof') },
      { url: `${invokeRequest().url}?a=1` },
      { method: 'PUT' },
      { headers: { ...invokeRequest().headers, 'x-sdk-date': '20261201T010204Z' } },
      { headers: { ...invokeRequest().headers, 'x-security-token': `${token}y` } },
    ];
    for (const change of changes) expect((await signRequest(invokeRequest(change), key, options)).authorization).not.toBe(a.authorization);
    expect((await signRequest(invokeRequest(), { ...key, secretAccessKey: `${key.secretAccessKey}x` }, options)).authorization).not.toBe(a.authorization);
  });
});

describe('sdkDate', () => {
  it('formats YYYYMMDDTHHMMSSZ in UTC, zero-padded', () => {
    expect(sdkDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 999)))).toBe('20240102T030405Z');
    expect(sdkDate(new Date(Date.UTC(2026, 11, 31, 23, 59, 59)))).toBe('20261231T235959Z');
    expect(sdkDate()).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('is a date the official signer reads back as itself (it re-parses the header with moment for the string to sign)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }), async (date) => {
        const request = invokeRequest({ headers: { 'x-sdk-date': sdkDate(date) }, body: undefined });
        expect((await signRequest(request, key, options)).authorization).toBe(official(request));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an invalid date or one without a four-digit year', () => {
    expect(() => sdkDate(new Date(Number.NaN))).toThrow('sdkDate: Invalid Date is not a date with a four-digit year');
    expect(() => sdkDate(new Date(Date.UTC(10000, 0, 1)))).toThrow(/is not a date with a four-digit year/);
    expect(() => sdkDate(new Date(Date.UTC(-1, 0, 1)))).toThrow(/is not a date with a four-digit year/);
    expect(sdkDate(new Date(Date.UTC(999, 0, 1)))).toBe('09990101T000000Z');
  });
});

describe('redaction', () => {
  it('shows <redacted> for the security token in canonicalRequest, and signs the real value', async () => {
    const signed = await signRequest(invokeRequest(), key, options);
    expect(signed.canonicalRequest).toContain('\nx-security-token:<redacted>\n');
    expect(signed.canonicalRequest).not.toContain(token);
    expect(signed.canonicalRequest).not.toContain('FAKE-security-token');
    // Redaction changes what is shown, not what is signed.
    const unredacted = await signRequest(invokeRequest(), key, { ...options, redact: [] });
    expect(unredacted.authorization).toBe(signed.authorization);
    expect(unredacted.canonicalRequest).toContain(`\nx-security-token:${token}\n`);
    expect(unredacted.canonicalRequest.replace(token, '<redacted>')).toBe(signed.canonicalRequest);
  });

  it('matches redacted names in any case', async () => {
    const signed = await signRequest(invokeRequest(), key, { ...options, redact: ['X-Security-Token'] });
    expect(signed.canonicalRequest).not.toContain(token);
  });

  it('puts neither the secret key nor the token in anything it returns', async () => {
    const signed: RequestSignature = await signRequest(invokeRequest(), key, options);
    const text = JSON.stringify(signed) + Object.values(signed).join('\n');
    expect(text).not.toContain(key.secretAccessKey);
    expect(text).not.toContain(token);
    expect(Object.keys(signed).sort()).toEqual(['authorization', 'canonicalRequest', 'signedHeaders']);
  });

  it('canonicalRequestOf returns the signed text and the shown text separately', () => {
    const { canonicalRequest, shown } = canonicalRequestOf(invokeRequest(), sha256(''), ['x-security-token']);
    expect(canonicalRequest).toContain(token);
    expect(shown).not.toContain(token);
  });
});

/** The signer bundled for the browser with nothing external: a `node:` import (static or `require`) fails to resolve. */
async function browserBundle(): Promise<string> {
  const result = await build({ entryPoints: [signerSource], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

describe('no static node: import', () => {
  it('has no import statement, no import() and no require; node:crypto is reached through process.getBuiltinModule', async () => {
    const source = await readFile(signerSource, 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).toMatch(/\.process\?\.getBuiltinModule\?\.\('node:crypto'\)/);
  });

  it('bundles for the browser with nothing external', async () => {
    const bundle = await browserBundle();
    expect(bundle).not.toMatch(/from\s*["']node:|require\(/);
    expect(bundle).toContain('getBuiltinModule');
  });
});

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
