/**
 * The signer chunk (src/auth/signer.ts and what it imports): what a signed attempt carries, on a
 * loopback server and from createSigner directly with a fixed clock; the date made once per
 * second; and, since the runtime loads it only through a dynamic import, that it bundles for the
 * browser as it is, with no static `node:` import anywhere in it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createSigner, type UnsignedRequest } from '../../src/auth/signer.js';
import { FunctionGraphInputError } from '../../src/index.js';
import { securitySchemes } from '../../src/generated.js';
import { INPUT, PROJECT, rejection, URN } from '../helpers/calls.js';
import { json } from '../helpers/loopback-server.js';
import { PERMANENT, TEMPORARY, useSigningLoopback } from '../helpers/signing-client.js';

const loopback = useSigningLoopback();
const { client } = loopback;
/** The spec's scheme: SDK-HMAC-SHA256 with X-Sdk-Date, X-Project-Id and X-Security-Token. */
const scheme = securitySchemes.akskSignature.signing;

describe('a signed request', () => {
  it('carries the date, the project and the security token, signed, and no token header', async () => {
    await client().asyncInvokeFunction(INPUT);
    const { headers } = loopback.server.requests[0]!;
    expect(headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
    // Within a minute of now: the date is the time of signing, in UTC.
    const sent = Date.parse(String(headers['x-sdk-date']).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    expect(Math.abs(sent - Date.now())).toBeLessThan(60_000);
    // The project comes from the URN when neither the call nor the client names one.
    expect(headers['x-project-id']).toBe(PROJECT);
    expect(headers['x-security-token']).toBe(TEMPORARY.securityToken);
    expect(headers['x-auth-token']).toBeUndefined();
    expect(headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=FAKEAK0000000001, SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
    );
  });

  it('has no security token header with permanent credentials', async () => {
    await client({ credentials: PERMANENT }).asyncInvokeFunction(INPUT);
    const { headers } = loopback.server.requests[0]!;
    expect(headers['x-security-token']).toBeUndefined();
    expect(headers.authorization).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date, ');
  });

  it('refuses, before sending, a project id its header cannot carry', async () => {
    const project = 'projét0a7d3b5c8e9f41d2';
    const error = await rejection(client().asyncInvokeFunction({ functionUrn: `urn:fss:cn-south-1:${project}:function:default:fn:latest`, body: {} }));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('projectId');
    expect(String(error)).toMatch(/cannot be sent in the X-Project-Id header a signed request carries/);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('signs a GET without a body and leaves headers fetch may change out of the signature', async () => {
    loopback.server.reset((_request, res) => json(res, 200, { count: 0, invocations: [], next_marker: 0 }));
    await client().listAsyncInvocations({ functionUrn: URN, limit: 5 }, { headers: { 'User-Agent': 'app/1', Accept: 'application/json', 'X-Trace': 't-1' } });
    const { headers, method } = loopback.server.requests[0]!;
    expect(method).toBe('GET');
    expect(headers['user-agent']).toBe('app/1');
    // The caller's own header is signed; user-agent and accept are not (a fetch may rewrite them).
    expect(headers.authorization).toContain('SignedHeaders=host;x-project-id;x-sdk-date;x-security-token;x-trace, ');
  });

  it('signs a retry afresh, with a new date', async () => {
    loopback.server.reset(loopback.busyOnce);
    // The date has one-second resolution: the retry waits 1.1 to 2.2 s (half the step is jitter), past a second boundary.
    await client({ backoff: { initialDelayMs: 2_200, maxDelayMs: 2_200 } }).asyncInvokeFunction(INPUT);
    const [first, second] = loopback.server.requests.map((request) => request.headers);
    expect(first!['x-sdk-date']).not.toBe(second!['x-sdk-date']);
    expect(first!.authorization).not.toBe(second!.authorization);
  });
});

/** The published vector's request (facts §5b), as the runtime hands it to the signer. */
const vectorRequest = (): UnsignedRequest => ({ method: 'GET', url: 'https://h.example.com/v2/p/x', headers: {}, body: undefined, projectId: undefined });
const vectorScheme = { algorithm: 'SDK-HMAC-SHA256', dateHeader: 'X-Sdk-Date' };
const at = (iso: string) => () => new Date(iso);

describe('createSigner with a fixed clock', () => {
  it('signs the published vector (facts §5b) dated by the clock', async () => {
    const signed = await createSigner({ accessKeyId: 'AK', secretAccessKey: 'SK' }, at('2024-01-01T00:00:00Z'))(vectorScheme, vectorRequest());
    expect(signed.headers).toEqual({
      'x-sdk-date': '20240101T000000Z',
      authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=e7c63f9f50b854160505f7fc0629d34317e968332b9712df52c16548d0c49824',
    });
    expect(signed.details).toMatchObject({ accessKeyId: 'AK', date: '20240101T000000Z', signedHeaders: 'host;x-sdk-date' });
    expect(signed.secrets).toEqual([]);
  });

  it('is deterministic: the same request at the same date gets the same Authorization, from one signer or two', async () => {
    const clock = at('2026-12-01T01:02:03.456Z');
    const request = (): UnsignedRequest => ({
      method: 'POST',
      url: `https://functiongraph.cn-north-4.myhuaweicloud.com/v2/${PROJECT}/fgs/functions/${encodeURIComponent(URN)}/invocations-async`,
      headers: { 'content-type': 'application/json' },
      body: '{"k":"v"}',
      projectId: PROJECT,
    });
    const signer = createSigner(TEMPORARY, clock);
    const first = await signer(scheme, request());
    const again = await signer(scheme, request());
    const other = await createSigner(TEMPORARY, clock)(scheme, request());
    expect(again).toEqual(first);
    expect(other).toEqual(first);
    expect(first.headers['x-sdk-date']).toBe('20261201T010203Z');
    // A second later, another date and another signature.
    const later = await createSigner(TEMPORARY, at('2026-12-01T01:02:04Z'))(scheme, request());
    expect(later.headers.authorization).not.toBe(first.headers.authorization);
  });

  it('adds the project and security token headers the scheme names, signs them, and hands back the token to scrub', async () => {
    const signed = await createSigner(TEMPORARY, at('2026-12-01T00:00:00Z'))(scheme, { ...vectorRequest(), projectId: PROJECT });
    expect(signed.headers).toMatchObject({ 'x-project-id': PROJECT, 'x-security-token': TEMPORARY.securityToken, 'x-sdk-date': '20261201T000000Z' });
    expect(signed.details.signedHeaders).toBe('host;x-project-id;x-sdk-date;x-security-token');
    expect(signed.details.canonicalRequest).toContain('\nx-security-token:<redacted>\n');
    expect(signed.details.canonicalRequest).not.toContain(TEMPORARY.securityToken);
    expect(signed.secrets).toEqual([TEMPORARY.securityToken]);
  });

  it('adds a project header only when the scheme names one and the request has a project', async () => {
    const clock = at('2026-12-01T00:00:00Z');
    // A scheme without a project header: the request's project is not sent.
    const unnamed = await createSigner(PERMANENT, clock)(vectorScheme, { ...vectorRequest(), projectId: PROJECT });
    expect(Object.keys(unnamed.headers).sort()).toEqual(['authorization', 'x-sdk-date']);
    // A scheme with one, for an operation whose path names no project: no header either.
    const noProject = await createSigner(PERMANENT, clock)(scheme, vectorRequest());
    expect(Object.keys(noProject.headers).sort()).toEqual(['authorization', 'x-sdk-date']);
    expect(noProject.details.signedHeaders).toBe('host;x-sdk-date');
  });

  it("leaves the caller's headers object as it was", async () => {
    const request = { ...vectorRequest(), headers: { 'x-a': '1' } };
    await createSigner(PERMANENT, at('2026-12-01T00:00:00Z'))(scheme, request);
    expect(request.headers).toEqual({ 'x-a': '1' });
  });
});

describe('the date, made once per second', () => {
  it('is the same text for every request within one second, and new the next second', async () => {
    let now = Date.parse('2026-12-01T01:02:03.000Z');
    const readings: number[] = [];
    const signer = createSigner(PERMANENT, () => (readings.push(now), new Date(now)));
    const dates: string[] = [];
    for (const step of [0, 400, 599, 1]) {
      now += step;
      dates.push((await signer(vectorScheme, vectorRequest())).headers['x-sdk-date']!);
    }
    expect(dates).toEqual(['20261201T010203Z', '20261201T010203Z', '20261201T010203Z', '20261201T010204Z']);
    // The clock is read for every attempt.
    expect(readings).toHaveLength(4);
  });

  it('fails the attempt, naming the date, when the clock gives no usable date', async () => {
    await expect(createSigner(PERMANENT, () => new Date(Number.NaN))(vectorScheme, vectorRequest())).rejects.toThrow(/sdkDate: Invalid Date is not a date with a four-digit year/);
  });
});

const chunkEntry = fileURLToPath(new URL('../../src/auth/signer.ts', import.meta.url));

/** The chunk bundled for the browser with nothing external (a `node:` import, static or `require`, fails to resolve), and the source files in it. */
async function browserBundle(): Promise<{ code: string; sources: string[] }> {
  const result = await build({ entryPoints: [chunkEntry], bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
  return { code: result.outputFiles[0]!.text, sources: Object.keys(result.metafile.inputs).map((input) => fileURLToPath(new URL(input, `file://${process.cwd()}/`))) };
}

describe('no static node: import', () => {
  it('imports only its own modules, with no import(), no require; node:crypto is reached through process.getBuiltinModule (runtime/node-builtin.ts)', async () => {
    const { sources } = await browserBundle();
    expect(sources.some((source) => source.endsWith('/auth/signing/crypto.ts'))).toBe(true);
    expect(sources.some((source) => source.endsWith('/runtime/node-builtin.ts'))).toBe(true);
    for (const source of sources) {
      const code = (await readFile(source, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const specifiers = [...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
      for (const specifier of specifiers) expect(specifier, source).toMatch(/^\.\.?\//);
      expect(code, source).not.toMatch(/^\s*import\s*['"]/m);
      expect(code, source).not.toMatch(/\bimport\s*\(/);
      expect(code, source).not.toMatch(/\brequire\s*\(/);
      if (source.endsWith('/auth/signing/crypto.ts')) expect(code).toMatch(/nodeBuiltin<NodeCrypto>\('node:crypto'\)/);
      if (source.endsWith('/runtime/node-builtin.ts')) expect(code).toMatch(/process\?\.getBuiltinModule\?\.\(id\)/);
    }
  });

  it('bundles for the browser with nothing external', async () => {
    const { code } = await browserBundle();
    expect(code).not.toMatch(/from\s*["']node:|require\(/);
    expect(code).toContain('getBuiltinModule');
  });
});
