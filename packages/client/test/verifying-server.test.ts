/**
 * The verifying server (helpers/verifying-server.ts) itself: requests signed by the official signer
 * and sent with Node's fetch are accepted and reach the responder; every way a request can differ
 * from what was signed, or be signed with the wrong thing, is refused with 401 APIGW.0301 carrying
 * the canonical request the server computed — checked against a canonical request built by hand here
 * from §5b of the facts sheet, so the server is not only compared with itself.
 */
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json } from './helpers/loopback-server.js';
import {
  canonicalRequestOf,
  expectedSignature,
  parseSdkDate,
  queryParamsOf,
  startVerifyingServer,
  type KeyPair,
  type VerifiedRequest,
  type VerifyingServer,
} from './helpers/verifying-server.js';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: object, credential: { getAk(): string; getSk(): string }): Record<string, string> };
};

// Fake credentials: recognisable, never real.
const PERMANENT: KeyPair = { accessKeyId: 'FAKEAKPERMANENT0001', secretAccessKey: 'fake-sk-permanent-DO-NOT-LOG-1f2e' };
const TEMPORARY: KeyPair = {
  accessKeyId: 'FAKEAKTEMPORARY0002',
  secretAccessKey: 'fake-sk-temporary-DO-NOT-LOG-3c4d',
  securityToken: 'fake-security-token-DO-NOT-LOG-5e6f==',
};
const EXPIRED: KeyPair = {
  accessKeyId: 'FAKEAKEXPIRED000003',
  secretAccessKey: 'fake-sk-expired-DO-NOT-LOG-7a8b',
  securityToken: 'fake-security-token-expired-9c0d',
  expiresAt: new Date('2026-06-01T11:00:00Z'),
};
const NOW = new Date('2026-06-01T12:00:00Z');
const DATE = '20260601T120000Z';
const PROJECT = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
const URN = `urn:fss:cn-north-4:${PROJECT}:function:default:my-func:!prod`;
const INVOKE_PATH = `/v2/${PROJECT}/fgs/functions/${URN}/invocations-async`;
const INSTANCE_ID = '048bad9b-96ae-45ad-8f12-4061a744ef9d';

let server: VerifyingServer;
let reached: VerifiedRequest[];

beforeAll(async () => {
  server = await startVerifyingServer({ keys: [PERMANENT, TEMPORARY, EXPIRED], now: () => NOW });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  reached = [];
  server.setNow(() => NOW);
  server.reset((request, res) => {
    reached.push(request);
    json(res, 202, { instance_id: INSTANCE_ID }, { 'X-Request-Id': 'req-1' });
  });
});

type Query = Record<string, string | string[]>;

interface Call {
  method?: string;
  path?: string;
  query?: Query;
  headers?: Record<string, string>;
  body?: unknown;
  key?: KeyPair;
  date?: string;
}

/** The raw query a client sends for `query` (keys and values with encodeURIComponent, repeated keys repeated). */
function rawQuery(query: Query = {}): string {
  const parts = Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The headers the official signer returns for `call` against the server, host removed (fetch sets it). */
function officialHeaders(call: Call): Record<string, string> {
  const key = call.key ?? PERMANENT;
  const headers: Record<string, string> = { 'X-Sdk-Date': call.date ?? DATE, 'x-project-id': PROJECT, ...call.headers };
  if (key.securityToken) headers['x-security-token'] = key.securityToken;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const signed = AKSKSigner.sign(
    { method: call.method ?? 'POST', endpoint: `${server.url}${call.path ?? INVOKE_PATH}`, queryParams: call.query ?? {}, headers, data: call.body },
    { getAk: () => key.accessKeyId, getSk: () => key.secretAccessKey },
  );
  const { host: _host, ...rest } = signed;
  return rest;
}

async function send(call: Call, headers: Record<string, string>, body: string | undefined = call.body === undefined ? undefined : JSON.stringify(call.body)) {
  const response = await fetch(`${server.url}${call.path ?? INVOKE_PATH}${rawQuery(call.query)}`, { method: call.method ?? 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers };
}

/** Signs `call` with the official signer and sends exactly that. */
const signedCall = (call: Call) => send(call, officialHeaders(call));

// ---- An independent signer, written from §5b, to check the server's canonical request and the
// exact-bytes route without trusting the helper's own use of the SDK.
const UNRESERVED = /[A-Za-z0-9\-_.~]/;
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (UNRESERVED.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
function canonicalByHand(method: string, path: string, query: Query, headers: Record<string, string>, body: Buffer): { canonical: string; signedHeaders: string } {
  const uri = path.split('/').map(encode).join('/');
  const keys = Object.keys(query).sort();
  const q = keys.flatMap((k) => [...[query[k]!].flat()].sort().map((v) => `${encode(k)}=${encode(v)}`)).join('&');
  const names = Object.keys(headers).map((n) => n.toLowerCase()).sort();
  const lines = names.map((n) => `${n}:${Object.entries(headers).find(([k]) => k.toLowerCase() === n)![1]}\n`).join('');
  const hash = createHash('sha256').update(body).digest('hex');
  return { canonical: [method, uri.endsWith('/') ? uri : `${uri}/`, q, lines, names.join(';'), hash].join('\n'), signedHeaders: names.join(';') };
}
function signByHand(key: KeyPair, method: string, path: string, query: Query, headers: Record<string, string>, body: Buffer) {
  const host = new URL(server.url).host;
  const { canonical, signedHeaders } = canonicalByHand(method, path, query, { ...headers, host }, body);
  const stringToSign = ['SDK-HMAC-SHA256', headers['X-Sdk-Date'] ?? headers['x-sdk-date'], createHash('sha256').update(canonical).digest('hex')].join('\n');
  const signature = createHmac('sha256', key.secretAccessKey).update(stringToSign).digest('hex');
  return { canonical, authorization: `SDK-HMAC-SHA256 Access=${key.accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
}

/** A refusal: 401 APIGW.0301, the responder not reached, the canonical request echoed, the reason recorded. */
function expectRefused(result: { status: number; text: string }, reason: RegExp): { canonical: string; verdict: VerifiedRequest['verdict'] } {
  expect(result.status, result.text).toBe(401);
  const body = JSON.parse(result.text) as { error_code: string; error_msg: string; request_id: string };
  expect(body.error_code).toBe('APIGW.0301');
  expect(body.error_msg).toMatch(/^Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest: /);
  expect(body.error_msg).not.toContain('\n');
  expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
  expect(reached).toHaveLength(0);
  const recorded = server.requests.at(-1)!;
  expect(recorded.verdict.accepted).toBe(false);
  expect(recorded.verdict.reason).toMatch(reason);
  const canonical = canonicalRequestOf(body.error_msg)!;
  expect(canonical).toBe(recorded.verdict.canonicalRequest);
  // Six parts, the header block ending in its own newline: METHOD, URI, QUERY, HEADERS…, '', SIGNED, HASH.
  expect(canonical.split('\n')[0]).toBe(recorded.method);
  expect(canonical.split('\n').at(-1)).toMatch(/^[0-9a-f]{64}$/);
  for (const key of [PERMANENT, TEMPORARY, EXPIRED]) expect(result.text).not.toContain(key.secretAccessKey);
  return { canonical, verdict: recorded.verdict };
}

describe('accepts what the official signer signed and Node fetch sent', () => {
  it('a POST with a JSON body to a URN path with an alias, permanent credentials', async () => {
    const call: Call = { body: { order: 42, note: 'héllo ✓', nested: { list: [1, 'two', null], ok: true } } };
    const result = await signedCall(call);
    expect(result.status, result.text).toBe(202);
    expect(JSON.parse(result.text)).toEqual({ instance_id: INSTANCE_ID });
    expect(reached).toHaveLength(1);
    const { verdict } = reached[0]!;
    expect(verdict).toMatchObject({ accepted: true, accessKeyId: PERMANENT.accessKeyId, route: 'sign', signedHeaders: 'content-type;host;x-project-id;x-sdk-date' });
    // The server's canonical request is the one built by hand from the wire.
    const headers = { 'content-type': 'application/json', 'x-project-id': PROJECT, 'x-sdk-date': DATE, host: new URL(server.url).host };
    expect(verdict.canonicalRequest).toBe(canonicalByHand('POST', INVOKE_PATH, {}, headers, Buffer.from(JSON.stringify(call.body))).canonical);
    expect(verdict.canonicalRequest).toContain('urn%3Afss%3Acn-north-4%3A');
    expect(verdict.canonicalRequest).toContain('%3A%21prod/');
  });

  it('a GET with a query of spaces, :, /, %, +, ~, non-ASCII, an empty value and a repeated key', async () => {
    const query: Query = { marker: 'a b:c/d%e+f~g', name: 'функция', empty: '', status: ['WAIT', 'FAIL', 'RUNNING'] };
    const result = await signedCall({ method: 'GET', path: `/v2/${PROJECT}/fgs/functions/${URN}/async-invocations`, query });
    expect(result.status, result.text).toBe(202);
    const { verdict } = reached[0]!;
    expect(verdict.accepted).toBe(true);
    expect(verdict.canonicalRequest.split('\n')[2]).toBe('empty=&marker=a%20b%3Ac%2Fd%25e%2Bf~g&name=%D1%84%D1%83%D0%BD%D0%BA%D1%86%D0%B8%D1%8F&status=FAIL&status=RUNNING&status=WAIT');
  });

  it('temporary credentials with their security token', async () => {
    const result = await signedCall({ key: TEMPORARY, body: { a: 1 } });
    expect(result.status, result.text).toBe(202);
    expect(reached[0]!.verdict).toMatchObject({ accepted: true, accessKeyId: TEMPORARY.accessKeyId, signedHeaders: 'content-type;host;x-project-id;x-sdk-date;x-security-token' });
  });

  it('a date 14 minutes off either way', async () => {
    for (const offset of [-14, 14]) {
      server.setNow(() => new Date(NOW.getTime() + offset * 60_000));
      const result = await signedCall({ body: { offset } });
      expect(result.status, `${offset} min: ${result.text}`).toBe(202);
    }
  });

  it('unsigned headers a fetch adds (user-agent, accept) are ignored', async () => {
    const call: Call = { body: { a: 1 } };
    const result = await send(call, { ...officialHeaders(call), 'User-Agent': 'something/1.0', Accept: 'application/json' });
    expect(result.status, result.text).toBe(202);
  });
});

describe('hashes the exact bytes received, not a re-serialisation', () => {
  const cases: [string, string][] = [
    ['a number written 1.0', '{"a":1.0}'],
    ['an integer-like key after another', '{"b":1,"1":2}'],
    ['spaces and a newline', '{ "a" : [1, 2] }\n'],
    ['an escaped character', '{"s":"\\u00e9"}'],
    ['a body of null', 'null'],
  ];
  it.each(cases)('%s: signed over the bytes sent → accepted', async (_label, body) => {
    const headers = { 'X-Sdk-Date': DATE, 'content-type': 'application/json', 'x-project-id': PROJECT };
    const { authorization } = signByHand(PERMANENT, 'POST', INVOKE_PATH, {}, headers, Buffer.from(body));
    const result = await send({}, { ...headers, Authorization: authorization }, body);
    expect(result.status, result.text).toBe(202);
    expect(reached[0]!.verdict.route).toBe('parts');
  });

  it.each(cases)('%s: signed over what sign() would hash for the parsed body → refused', async (_label, body) => {
    const headers = { 'X-Sdk-Date': DATE, 'content-type': 'application/json', 'x-project-id': PROJECT };
    // The SDK hashes JSON.stringify(data), or the empty string when data is falsy.
    const parsed: unknown = JSON.parse(body);
    const reserialised = parsed ? JSON.stringify(parsed) : '';
    expect(reserialised).not.toBe(body);
    const { authorization } = signByHand(PERMANENT, 'POST', INVOKE_PATH, {}, headers, Buffer.from(reserialised));
    expectRefused(await send({}, { ...headers, Authorization: authorization }, body), /signature mismatch/);
  });

  it("a path with characters url.parse would escape (' | ^) is signed as sent", async () => {
    const path = `/v2/${PROJECT}/fgs/functions/it's|a^b/invocations-async`;
    const headers = { 'X-Sdk-Date': DATE, 'x-project-id': PROJECT };
    const { authorization, canonical } = signByHand(PERMANENT, 'POST', path, {}, headers, Buffer.alloc(0));
    const result = await send({ path }, { ...headers, Authorization: authorization });
    expect(result.status, result.text).toBe(202);
    expect(reached[0]!.url).toBe(path); // Node's fetch sends these raw
    expect(reached[0]!.verdict).toMatchObject({ route: 'parts', canonicalRequest: canonical });
  });

  it('sign() and its steps agree wherever both apply (the §5b test vector)', () => {
    const request = { method: 'GET', url: '/v2/p/x', headers: { host: 'h.example.com', 'x-sdk-date': '20240101T000000Z' }, body: Buffer.alloc(0) };
    const result = expectedSignature(request, ['host', 'x-sdk-date'], { accessKeyId: 'AK', secretAccessKey: 'SK' });
    expect(result.route).toBe('sign');
    expect(result.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=e7c63f9f50b854160505f7fc0629d34317e968332b9712df52c16548d0c49824',
    );
  });
});

describe('refuses with 401 APIGW.0301 and its canonical request', () => {
  it('a tampered body', async () => {
    const call: Call = { body: { amount: 1 } };
    const { canonical } = expectRefused(await send(call, officialHeaders(call), JSON.stringify({ amount: 1000 })), /signature mismatch/);
    expect(canonical.split('\n').at(-1)).toBe(createHash('sha256').update('{"amount":1000}').digest('hex'));
  });

  it('a tampered path', async () => {
    const call: Call = { body: { a: 1 } };
    const other = INVOKE_PATH.replace('my-func', 'other-func');
    const { canonical } = expectRefused(await send({ ...call, path: other }, officialHeaders(call)), /signature mismatch/);
    expect(canonical.split('\n')[1]).toContain('other-func');
  });

  it('a tampered query', async () => {
    const call: Call = { method: 'GET', path: `/v2/${PROJECT}/fgs/functions/${URN}/async-invocations`, query: { limit: '10' } };
    const { canonical } = expectRefused(await send({ ...call, query: { limit: '1000' } }, officialHeaders(call)), /signature mismatch/);
    expect(canonical.split('\n')[2]).toBe('limit=1000');
  });

  it('a tampered signed header', async () => {
    const call: Call = { body: { a: 1 } };
    const headers = { ...officialHeaders(call), 'x-project-id': 'ffffeeeeddddccccbbbbaaaa99998888' };
    const { canonical } = expectRefused(await send(call, headers), /signature mismatch/);
    expect(canonical).toContain('\nx-project-id:ffffeeeeddddccccbbbbaaaa99998888\n');
  });

  it('a stale date (16 minutes old) and a date 16 minutes ahead', async () => {
    for (const offset of [16, -16]) {
      server.setNow(() => new Date(NOW.getTime() + offset * 60_000));
      reached = [];
      const { canonical } = expectRefused(await signedCall({ body: { offset } }), /15 minutes/);
      expect(canonical).toContain(`\nx-sdk-date:${DATE}\n`);
    }
  });

  it('a date that is not YYYYMMDDTHHMMSSZ', async () => {
    const call: Call = { body: { a: 1 } };
    expectRefused(await send(call, { ...officialHeaders(call), 'X-Sdk-Date': '2026-06-01T12:00:00Z' }), /X-Sdk-Date/);
  });

  it('a wrong secret', async () => {
    expectRefused(await signedCall({ key: { ...PERMANENT, secretAccessKey: 'fake-sk-wrong-0000' }, body: { a: 1 } }), /signature mismatch/);
  });

  it('an unknown access key id', async () => {
    const { verdict } = expectRefused(await signedCall({ key: { accessKeyId: 'FAKEAKUNKNOWN000009', secretAccessKey: 'x' }, body: { a: 1 } }), /unknown access key/);
    expect(verdict.accessKeyId).toBe('FAKEAKUNKNOWN000009');
  });

  it('temporary credentials without their security token', async () => {
    const { securityToken: _dropped, ...noToken } = TEMPORARY;
    expectRefused(await signedCall({ key: noToken, body: { a: 1 } }), /without X-Security-Token/);
  });

  it('temporary credentials with a wrong security token', async () => {
    const { canonical } = expectRefused(await signedCall({ key: { ...TEMPORARY, securityToken: 'fake-other-token' }, body: { a: 1 } }), /does not belong/);
    // The canonical request is echoed as computed, token included: a client must redact it itself.
    expect(canonical).toContain('\nx-security-token:fake-other-token\n');
  });

  it('a security token with permanent credentials', async () => {
    expectRefused(await signedCall({ key: { ...PERMANENT, securityToken: 'fake-stray-token' }, body: { a: 1 } }), /permanent access key/);
  });

  it('expired temporary credentials', async () => {
    expectRefused(await signedCall({ key: EXPIRED, body: { a: 1 } }), /expired/);
  });

  it('no Authorization header', async () => {
    const call: Call = { body: { a: 1 } };
    const { Authorization: _dropped, ...headers } = officialHeaders(call);
    const { verdict } = expectRefused(await send(call, headers), /no Authorization/);
    expect(verdict.signedHeaders).toBe('content-type;host;x-project-id;x-sdk-date');
  });

  it('a malformed Authorization header', async () => {
    const call: Call = { body: { a: 1 } };
    const headers = officialHeaders(call);
    expectRefused(await send(call, { ...headers, Authorization: headers.Authorization!.replace(', SignedHeaders', ',SignedHeaders') }), /Authorization is not/);
  });

  it.each(['content-type', 'x-project-id', 'x-security-token'])('%s sent but left out of SignedHeaders', async (name) => {
    const key = name === 'x-security-token' ? TEMPORARY : PERMANENT;
    const value = { 'content-type': 'application/json', 'x-project-id': PROJECT, 'x-security-token': TEMPORARY.securityToken! }[name]!;
    // Signed consistently without the header (so only the omission is wrong), then sent with it.
    const signedWithout = AKSKSigner.sign(
      {
        method: 'POST',
        endpoint: `${server.url}${INVOKE_PATH}`,
        headers: { 'X-Sdk-Date': DATE, ...(name === 'x-project-id' ? {} : { 'x-project-id': PROJECT }), ...(name === 'x-security-token' ? {} : key.securityToken ? { 'x-security-token': key.securityToken } : {}) },
        data: name === 'content-type' ? { a: 1 } : undefined,
      },
      { getAk: () => key.accessKeyId, getSk: () => key.secretAccessKey },
    );
    const { host: _host, ...headers } = signedWithout;
    expect(headers.Authorization).not.toContain(name);
    const body = name === 'content-type' ? '{"a":1}' : undefined;
    expectRefused(await send({}, { ...headers, [name]: value }, body), new RegExp(`sent but not signed: ${name}`));
  });

  it('a header named in SignedHeaders but not sent', async () => {
    const call: Call = { body: { a: 1 } };
    const { 'x-project-id': _dropped, ...headers } = officialHeaders(call);
    expectRefused(await send(call, headers), /signed but not sent: x-project-id/);
  });

  it('SignedHeaders not in sorted order, though the signature is over that order', async () => {
    const headers = { 'X-Sdk-Date': DATE, 'x-project-id': PROJECT };
    const good = signByHand(PERMANENT, 'POST', INVOKE_PATH, {}, headers, Buffer.alloc(0)).authorization;
    expectRefused(await send({}, { ...headers, Authorization: good.replace('host;x-project-id;x-sdk-date', 'x-sdk-date;host;x-project-id') }), /signature mismatch/);
  });
});

describe('CORS for a page on another loopback origin', () => {
  it('answers a preflight with the origin, the method and the headers asked for', async () => {
    const response = await fetch(`${server.url}${INVOKE_PATH}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:1', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,x-project-id,x-sdk-date,x-security-token' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-project-id,x-sdk-date,x-security-token');
    expect(server.preflights).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });

  it('exposes every header of an accepted answer and of a refusal', async () => {
    const call: Call = { body: { a: 1 } };
    const ok = await send(call, { ...officialHeaders(call), Origin: 'http://127.0.0.1:1' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1');
    expect(ok.headers.get('access-control-expose-headers')!.split(', ')).toEqual(expect.arrayContaining(['content-type', 'x-request-id']));
    const refused = await send(call, { Origin: 'http://127.0.0.1:1' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1');
  });
});

describe('parsing helpers', () => {
  it('reads the raw query as the SDK’s queryParams', () => {
    expect(queryParamsOf('a=1&b=x%20y&a=2&c&&d=%E2%9C%93&e=')).toEqual({ params: { a: ['1', '2'], b: 'x y', c: '', d: '✓', e: '' } });
    expect(queryParamsOf('a=%ZZ').malformed).toBe('%ZZ');
  });

  it('reads X-Sdk-Date strictly', () => {
    expect(parseSdkDate('20260601T120000Z')?.toISOString()).toBe('2026-06-01T12:00:00.000Z');
    for (const bad of ['20260601T120000', '20261301T120000Z', '20260230T120000Z', '2026-06-01T12:00:00Z', '']) expect(parseSdkDate(bad), bad).toBeUndefined();
  });
});
