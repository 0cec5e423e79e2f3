/**
 * What the client puts on the wire and how it reads the answer, checked against a real HTTP server
 * on loopback that records every request byte for byte. No fetch is mocked.
 *
 * Input checks live in input-checks.test.ts, the token's secrecy in secrets.test.ts and the raw
 * client in raw-access.test.ts; faults, retries and timeouts have files of their own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createFunctionGraphClient,
  FunctionGraphAbortError,
  FunctionGraphApiError,
  FunctionGraphConnectionError,
  FunctionGraphError,
  FunctionGraphInputError,
  FunctionGraphResponseError,
  NotFoundError,
  ServerError,
  type FunctionGraphClientOptions,
} from '../src/index.js';
import { accepted, closedPort, json, startLoopbackServer, type LoopbackServer, type RecordedRequest } from './helpers/loopback-server.js';
import { transportName, transportOptions } from './helpers/transport.js';

const TOKEN = 'fake-token-DO-NOT-LOG-7f3a';
const PROJECT = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
const OTHER_PROJECT = 'ffffeeeeddddccccbbbbaaaa99998888';
const URN_PREFIX = `urn:fss:cn-south-1:${PROJECT}:function:default`;
const ALIAS_URN = `${URN_PREFIX}:my-func:!prod`;
const LATEST_URN = `${URN_PREFIX}:my-func:latest`;
const INSTANCE_ID = '048bad9b-96ae-45ad-8f12-4061a744ef9d';
const NOT_FOUND = { error_code: 'FSS.1051', error_msg: 'Not found the function' };

let server: LoopbackServer;
/** A second server: the target of redirects, which must never be reached. */
let elsewhere: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer(accepted(INSTANCE_ID));
  elsewhere = await startLoopbackServer((_request, res) => json(res, 200, { stolen: true }));
});

afterAll(async () => {
  await Promise.all([server?.close(), elsewhere?.close()]);
});

beforeEach(() => {
  server.reset();
  elsewhere.reset();
});

function client(options: Partial<FunctionGraphClientOptions> = {}) {
  return createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN, ...transportOptions(), ...options });
}

/** The one request the server saw; fails unless there was exactly one. */
function onlyRequest(): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

/** Splits the raw request-target into path segments, without decoding anything. */
function rawSegments(url: string): string[] {
  expect(url).not.toContain('?');
  expect(url).not.toContain('#');
  return url.split('/').slice(1);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

describe('the request on the wire', () => {
  it.each([
    ['an alias', ALIAS_URN],
    ['a version', LATEST_URN],
  ])('POSTs to the reserved-invocations path with the URN (%s) raw, the token and the JSON body', async (_label, urn) => {
    const result = await client().asyncInvokeReservedFunction({ functionUrn: urn, body: { k: 'v' } });

    expect(result).toEqual({ instance_id: INSTANCE_ID });
    const request = onlyRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/v2/${PROJECT}/fgs/functions/${urn}/reserved-invocations`);
    expect(request.headers['x-auth-token']).toBe(TOKEN);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body.equals(Buffer.from('{"k":"v"}', 'utf8'))).toBe(true);
    expect(request.headers['content-length']).toBe('9');
  });

  // The URN's documented shape keeps out "/ ? # %" and whitespace, but lets through other
  // characters that still need percent-encoding in a path segment.
  it.each([
    ['a backslash in the version', `${URN_PREFIX}:my-func:v\\1`, `${URN_PREFIX}:my-func:v%5C1`],
    ['non-ASCII in the package', `urn:fss:cn-south-1:${PROJECT}:function:pkgü:my-func:latest`, `urn:fss:cn-south-1:${PROJECT}:function:pkg%C3%BC:my-func:latest`],
    ['non-ASCII in the alias', `${URN_PREFIX}:my-func:!prød`, `${URN_PREFIX}:my-func:!pr%C3%B8d`],
    ['"&", "=" and "+" in the version', `${URN_PREFIX}:my-func:a&b=c+d`, `${URN_PREFIX}:my-func:a%26b%3Dc%2Bd`],
    ['"@", "$", "," and ";" in the project', `urn:fss:cn-south-1:p@$,;:function:default:my-func`, `urn:fss:cn-south-1:p%40%24%2C%3B:function:default:my-func`],
    ['brackets, quotes and angle brackets in the alias', `${URN_PREFIX}:my-func:![x]"<y>`, `${URN_PREFIX}:my-func:!%5Bx%5D%22%3Cy%3E`],
    ['an astral character in the version', `${URN_PREFIX}:my-func:v😀`, `${URN_PREFIX}:my-func:v%F0%9F%98%80`],
  ])('percent-encodes a URN with %s into one path segment that decodes to the input', async (_label, urn, encoded) => {
    // The client takes its project from the URN (so a URN naming an odd project is not refused as another project's).
    await client({ projectId: undefined }).asyncInvokeReservedFunction({ functionUrn: urn, body: { k: 'v' } });

    const request = onlyRequest();
    const segments = rawSegments(request.url);
    expect(segments).toHaveLength(6);
    expect(segments.slice(0, 4)).toEqual(['v2', encodeURIComponent(urn.split(':')[3]!), 'fgs', 'functions']);
    expect(segments[5]).toBe('reserved-invocations');
    expect(segments[4]).toBe(encoded);
    expect(decodeURIComponent(segments[4]!)).toBe(urn);
  });

  // What used to be percent-encoded into one segment is now refused before sending: these
  // characters have no place in the documented URN shape (the raw client still encodes them).
  it.each([
    ['a slash', `${URN_PREFIX}:a/b:latest`],
    ['a question mark', `${URN_PREFIX}:a?x=1:latest`],
    ['a hash', `${URN_PREFIX}:a#frag:latest`],
    ['a percent sign', `${URN_PREFIX}:my-func:100%`],
    ['an encoded-looking percent', `${URN_PREFIX}:my-func:a%2Fb%3A`],
    ['a space', `${URN_PREFIX}:my func:!prod`],
    ['a traversal attempt', `../../v3/auth`],
  ])('refuses a URN with %s before anything can change the route', async (_label, urn) => {
    const error = await rejection(client().asyncInvokeReservedFunction({ functionUrn: urn, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('functionUrn');
    expect(server.requests).toHaveLength(0);
  });

  it('uses the client projectId by default and a per-call projectId when given', async () => {
    const c = client();
    await c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    await c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN.replace(PROJECT, OTHER_PROJECT), body: { k: 'v' }, projectId: OTHER_PROJECT });
    await c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });

    expect(server.requests.map((r) => rawSegments(r.url)[1])).toEqual([PROJECT, OTHER_PROJECT, PROJECT]);
  });

  it('uses a per-call projectId on a client that has no default', async () => {
    await client({ projectId: undefined }).asyncInvokeReservedFunction({ functionUrn: ALIAS_URN.replace(PROJECT, OTHER_PROJECT), body: { k: 'v' }, projectId: OTHER_PROJECT });

    expect(rawSegments(onlyRequest().url)[1]).toBe(OTHER_PROJECT);
  });

  it.each([
    ['synchronous', (n: number) => `${TOKEN}-${n}`],
    ['asynchronous', async (n: number) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `${TOKEN}-${n}`;
    }],
  ])('calls a %s token provider once per request and sends what it returned', async (_label, make) => {
    let calls = 0;
    const c = client({ token: () => make(++calls) });
    expect(calls).toBe(0);

    for (let i = 0; i < 3; i++) await c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });

    expect(calls).toBe(3);
    expect(server.requests.map((r) => r.headers['x-auth-token'])).toEqual([`${TOKEN}-1`, `${TOKEN}-2`, `${TOKEN}-3`]);
  });

  it('sends per-call headers along with the token', async () => {
    await client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }, { headers: { 'X-Trace': 'abc' } });

    const request = onlyRequest();
    expect(request.headers['x-trace']).toBe('abc');
    expect(request.headers['x-auth-token']).toBe(TOKEN);
  });

  it('calls the fetch option with (url, init): a string URL and a RequestInit that never follows redirects', async () => {
    const seen: { url: unknown; init: RequestInit }[] = [];
    const c = client({
      fetch: (url, init) => {
        seen.push({ url, init });
        return fetch(url, init);
      },
    });

    await c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });

    expect(seen).toHaveLength(1);
    const [{ url, init }] = seen as [{ url: unknown; init: RequestInit }];
    expect(typeof url).toBe('string');
    expect(url).toBe(`${server.url}/v2/${PROJECT}/fgs/functions/${ALIAS_URN}/reserved-invocations`);
    expect(init.method).toBe('POST');
    expect(init.redirect).toBe('manual');
    // The body's UTF-8 bytes, exactly what goes on the wire (and what its Content-Length counts).
    expect(init.body).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(init.body as Uint8Array)).toBe('{"k":"v"}');
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init.headers).get('x-auth-token')).toBe(TOKEN);
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(onlyRequest().headers['x-auth-token']).toBe(TOKEN);
  });
});

describe('the transport this run tests', () => {
  it(`is the one the run says: ${transportName}`, async () => {
    await client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });

    // Node's fetch (undici) marks every request with sec-fetch-mode; Node's own HTTP adds nothing of the kind.
    expect(onlyRequest().headers['sec-fetch-mode']).toBe(transportName === 'fetch' ? 'cors' : undefined);
  });
});

describe('reading the answer', () => {
  it('resolves a 202 to the typed body', async () => {
    const result = await client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    const instanceId: string = result.instance_id;

    expect(instanceId).toBe(INSTANCE_ID);
    expect(result).toEqual({ instance_id: INSTANCE_ID });
  });

  it.each([
    ['X-Request-Id', 'req-0001'],
    ['X-Cff-Request-Id', 'cff-0002'],
  ])('rejects a 404 with NotFoundError (a FunctionGraphApiError) carrying the error body and the %s', async (header, id) => {
    server.reset((_request, res) => json(res, 404, NOT_FOUND, { [header]: id }));

    const error = await rejection(client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(FunctionGraphApiError);
    expect(error).toBeInstanceOf(FunctionGraphError);
    const apiError = error as FunctionGraphApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.errorCode).toBe('FSS.1051');
    expect(apiError.errorMsg).toBe('Not found the function');
    expect(apiError.body).toEqual(NOT_FOUND);
    expect(apiError.bodyText).toBe(JSON.stringify(NOT_FOUND));
    expect(apiError.requestId).toBe(id);
    expect(apiError.headers.get(header)).toBe(id);
    expect(apiError.operationId).toBe('asyncInvokeReservedFunction');
    expect(apiError.message).toContain('404');
    expect(apiError.message).toContain('FSS.1051');
  });

  it('rejects a 502 HTML page with ServerError (a FunctionGraphApiError) that says what arrived, not a SyntaxError', async () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    server.reset((_request, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    });

    const error = await rejection(client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }));

    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toBeInstanceOf(FunctionGraphApiError);
    const apiError = error as FunctionGraphApiError;
    expect(apiError.status).toBe(502);
    expect(apiError.bodyText).toBe(page);
    expect(apiError.body).toBeUndefined();
    expect(apiError.errorCode).toBeUndefined();
    expect(apiError.message).toContain('502');
    expect(apiError.message).toContain('text/html');
    expect(apiError.message).toContain('<title>502 Bad Gateway</title>');
  });

  it.each([
    ['invalid JSON', 'application/json', '{"instance_id": '],
    ['an HTML page', 'text/html', '<html>gateway</html>'],
    ['an empty body', 'application/json', ''],
  ])('rejects a 202 with %s with FunctionGraphResponseError', async (_label, type, text) => {
    server.reset((_request, res) => {
      res.writeHead(202, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(text)), 'X-Request-Id': 'req-bad' });
      res.end(text);
    });

    const error = await rejection(client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }));

    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toBeInstanceOf(FunctionGraphResponseError);
    const responseError = error as FunctionGraphResponseError;
    expect(responseError.status).toBe(202);
    expect(responseError.requestId).toBe('req-bad');
    expect(responseError.message).toContain('202');
  });

  it.each([301, 302, 303, 307, 308])('rejects a %i redirect to another server and forwards nothing there', async (status) => {
    server.reset((_request, res) => {
      res.writeHead(status, { Location: `${elsewhere.url}/v2/${PROJECT}/fgs/functions/x/reserved-invocations`, 'Content-Length': '0' });
      res.end();
    });

    const error = await rejection(client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(FunctionGraphResponseError);
    expect((error as FunctionGraphResponseError).status).toBe(status);
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('rejects with FunctionGraphConnectionError when the port is closed', async () => {
    const port = await closedPort();
    const c = createFunctionGraphClient({ baseUrl: `http://127.0.0.1:${port}`, projectId: PROJECT, token: TOKEN, maxRetries: 0, ...transportOptions() });

    const error = await rejection(c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(FunctionGraphConnectionError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('rejects an aborted call with FunctionGraphAbortError, not a connection error', async () => {
    const reason = new Error('cancelled');
    const error = await rejection(
      client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }, { signal: AbortSignal.abort(reason) }),
    );

    expect(error).toBeInstanceOf(FunctionGraphAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(error).not.toBeInstanceOf(FunctionGraphConnectionError);
    expect(server.requests).toHaveLength(0);
  });
});
