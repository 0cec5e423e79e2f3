/**
 * What the client puts on the wire and how it reads the answer, checked against a real HTTP server
 * on loopback that records every request byte for byte. No fetch is mocked.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createFunctionGraphClient,
  FunctionGraphApiError,
  FunctionGraphConnectionError,
  FunctionGraphError,
  FunctionGraphInputError,
  FunctionGraphResponseError,
  type FunctionGraphClientOptions,
} from '../src/index.js';
import { accepted, closedPort, json, startLoopbackServer, type LoopbackServer, type RecordedRequest } from './helpers/loopback-server.js';

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
  return createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN, ...options });
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

  it.each([
    ['a slash', `${URN_PREFIX}:a/b:latest`, `${URN_PREFIX}:a%2Fb:latest`],
    ['a question mark', `${URN_PREFIX}:a?x=1:latest`, `${URN_PREFIX}:a%3Fx%3D1:latest`],
    ['a hash', `${URN_PREFIX}:a#frag:latest`, `${URN_PREFIX}:a%23frag:latest`],
    ['a percent sign', `${URN_PREFIX}:100%:latest`, `${URN_PREFIX}:100%25:latest`],
    ['an encoded-looking percent', `${URN_PREFIX}:a%2Fb%3A:latest`, `${URN_PREFIX}:a%252Fb%253A:latest`],
    ['a space', `${URN_PREFIX}:my func:!prod`, `${URN_PREFIX}:my%20func:!prod`],
    ['a backslash', `${URN_PREFIX}:a\\b:latest`, `${URN_PREFIX}:a%5Cb:latest`],
    ['non-ASCII', `${URN_PREFIX}:fünc:latest`, `${URN_PREFIX}:f%C3%BCnc:latest`],
    ['a traversal attempt', `../../v3/auth`, `..%2F..%2Fv3%2Fauth`],
  ])('percent-encodes a URN with %s into one path segment that decodes to the input', async (_label, urn, encoded) => {
    await client().asyncInvokeReservedFunction({ functionUrn: urn, body: { k: 'v' } });

    const request = onlyRequest();
    const segments = rawSegments(request.url);
    expect(segments).toHaveLength(6);
    expect(segments.slice(0, 4)).toEqual(['v2', PROJECT, 'fgs', 'functions']);
    expect(segments[5]).toBe('reserved-invocations');
    expect(segments[4]).toBe(encoded);
    expect(decodeURIComponent(segments[4]!)).toBe(urn);
  });

  it('uses the client projectId by default and a per-call projectId when given', async () => {
    const c = client();
    await c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    await c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' }, projectId: OTHER_PROJECT });
    await c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });

    expect(server.requests.map((r) => rawSegments(r.url)[1])).toEqual([PROJECT, OTHER_PROJECT, PROJECT]);
  });

  it('uses a per-call projectId on a client that has no default', async () => {
    await client({ projectId: undefined }).asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' }, projectId: OTHER_PROJECT });

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
  ])('rejects a 404 with FunctionGraphApiError carrying the error body and the %s', async (header, id) => {
    server.reset((_request, res) => json(res, 404, NOT_FOUND, { [header]: id }));

    const error = await rejection(client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(FunctionGraphApiError);
    expect(error).toBeInstanceOf(FunctionGraphError);
    const apiError = error as FunctionGraphApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.errorCode).toBe('FSS.1051');
    expect(apiError.errorMsg).toBe('Not found the function');
    expect(apiError.body).toEqual(NOT_FOUND);
    expect(apiError.bodyText).toBeUndefined();
    expect(apiError.requestId).toBe(id);
    expect(apiError.headers.get(header)).toBe(id);
    expect(apiError.operationId).toBe('asyncInvokeReservedFunction');
    expect(apiError.message).toContain('404');
    expect(apiError.message).toContain('FSS.1051');
  });

  it('rejects a 502 HTML page with FunctionGraphApiError that says what arrived, not a SyntaxError', async () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    server.reset((_request, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    });

    const error = await rejection(client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }));

    expect(error).not.toBeInstanceOf(SyntaxError);
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
    const c = createFunctionGraphClient({ baseUrl: `http://127.0.0.1:${port}`, projectId: PROJECT, token: TOKEN });

    const error = await rejection(c.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(FunctionGraphConnectionError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('passes an abort through as an AbortError', async () => {
    const error = await rejection(
      client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }, { signal: AbortSignal.abort() }),
    );

    expect((error as Error).name).toBe('AbortError');
    expect(error).not.toBeInstanceOf(FunctionGraphConnectionError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('bad input is refused before anything is sent', () => {
  const cycle: Record<string, unknown> = { k: 'v' };
  cycle.self = cycle;

  // [label, client options, call input, call options, the argument the error names]
  it.each<[string, Partial<FunctionGraphClientOptions>, Record<string, unknown>, Record<string, unknown> | undefined, string]>([
    ['missing functionUrn', {}, { body: { k: 'v' } }, undefined, 'functionUrn'],
    ['empty functionUrn', {}, { functionUrn: '', body: { k: 'v' } }, undefined, 'functionUrn'],
    ['".." as functionUrn', {}, { functionUrn: '..', body: { k: 'v' } }, undefined, 'functionUrn'],
    ['"." as functionUrn', {}, { functionUrn: '.', body: { k: 'v' } }, undefined, 'functionUrn'],
    ['an object as functionUrn', {}, { functionUrn: { urn: ALIAS_URN }, body: { k: 'v' } }, undefined, 'functionUrn'],
    ['a functionUrn with a lone surrogate', {}, { functionUrn: `${URN_PREFIX}:f\uD800:latest`, body: { k: 'v' } }, undefined, 'functionUrn'],
    ['missing projectId and no client default', { projectId: undefined }, { functionUrn: ALIAS_URN, body: { k: 'v' } }, undefined, 'projectId'],
    ['".." as per-call projectId', {}, { functionUrn: ALIAS_URN, projectId: '..', body: { k: 'v' } }, undefined, 'projectId'],
    ['missing body', {}, { functionUrn: ALIAS_URN }, undefined, 'body'],
    ['an array body', {}, { functionUrn: ALIAS_URN, body: [{ k: 'v' }] }, undefined, 'body'],
    ['a string body', {}, { functionUrn: ALIAS_URN, body: '{"k":"v"}' }, undefined, 'body'],
    ['a null body', {}, { functionUrn: ALIAS_URN, body: null }, undefined, 'body'],
    ['a body with a BigInt', {}, { functionUrn: ALIAS_URN, body: { n: 10n } }, undefined, 'body'],
    ['a body with a cycle', {}, { functionUrn: ALIAS_URN, body: cycle }, undefined, 'body'],
    ['a body whose JSON is not an object (a Date)', {}, { functionUrn: ALIAS_URN, body: new Date(0) }, undefined, 'body'],
    ['a token containing CR LF', { token: `${TOKEN}\r\nX-Injected: 1` }, { functionUrn: ALIAS_URN, body: { k: 'v' } }, undefined, 'token'],
    ['a token provider returning CR LF', { token: async () => `${TOKEN}\r\nX-Injected: 1` }, { functionUrn: ALIAS_URN, body: { k: 'v' } }, undefined, 'token'],
    ['an empty token', { token: '' }, { functionUrn: ALIAS_URN, body: { k: 'v' } }, undefined, 'token'],
    ['a missing token', { token: undefined }, { functionUrn: ALIAS_URN, body: { k: 'v' } }, undefined, 'token'],
    ['a token provider that throws', { token: () => { throw new Error('vault down'); } }, { functionUrn: ALIAS_URN, body: { k: 'v' } }, undefined, 'token'],
    ['a per-call header value with CR LF', {}, { functionUrn: ALIAS_URN, body: { k: 'v' } }, { headers: { 'X-Trace': 'a\r\nX-Injected: 1' } }, 'headers'],
  ])('rejects %s with FunctionGraphInputError and sends nothing', async (_label, options, input, callOptions, argument) => {
    const c = client(options);

    const error = await c.asyncInvokeReservedFunction(input as never, callOptions as never).then(
      (value) => new Error(`resolved with ${JSON.stringify(value)}; the server received ${JSON.stringify(server.requests.map((r) => r.body.toString('utf8')))}`),
      (e: unknown) => e,
    );

    expect(error, String(error)).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe(argument);
    expect(server.requests).toHaveLength(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['neither baseUrl nor region', { token: TOKEN }, 'region'],
    ['a region that is not a region ID', { region: 'evil.com/x', token: TOKEN }, 'region'],
    ['a region with uppercase letters', { region: 'CN-SOUTH-1', token: TOKEN }, 'region'],
    ['an ftp baseUrl', { baseUrl: 'ftp://x', token: TOKEN }, 'baseUrl'],
    ['a relative baseUrl', { baseUrl: '/v2', token: TOKEN }, 'baseUrl'],
    ['a baseUrl with a query', { baseUrl: 'https://example.invalid/?a=1', token: TOKEN }, 'baseUrl'],
    ['a number as token', { baseUrl: 'https://example.invalid', token: 42 }, 'token'],
    ['".." as default projectId', { baseUrl: 'https://example.invalid', token: TOKEN, projectId: '..' }, 'projectId'],
  ])('throws at creation for %s', (_label, options, argument) => {
    let thrown: unknown;
    try {
      createFunctionGraphClient(options as FunctionGraphClientOptions);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(FunctionGraphInputError);
    expect((thrown as FunctionGraphInputError).argument).toBe(argument);
  });

  it('derives the regional endpoint from region without sending anything', () => {
    const c = createFunctionGraphClient({ region: 'cn-south-1', token: TOKEN });

    expect(c.baseUrl).toBe('https://functiongraph.cn-south-1.myhuaweicloud.com');
  });

  it('lets baseUrl take precedence over region and drops a trailing slash', () => {
    expect(createFunctionGraphClient({ baseUrl: `${server.url}/`, region: 'cn-north-4', token: TOKEN }).baseUrl).toBe(server.url);
  });
});

describe('the token never shows up in errors or in the client', () => {
  const cases: [string, () => Promise<unknown>][] = [
    ['a 404', async () => {
      server.reset((_request, res) => json(res, 404, NOT_FOUND, { 'X-Request-Id': 'r-1' }));
      return client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    }],
    ['a 502 HTML page', async () => {
      server.reset((_request, res) => {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<h1>Bad Gateway</h1>');
      });
      return client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    }],
    ['a 202 with invalid JSON', async () => {
      server.reset((_request, res) => json(res, 202, 'not json'));
      return client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    }],
    ['a redirect', async () => {
      server.reset((_request, res) => {
        res.writeHead(302, { Location: `${elsewhere.url}/` });
        res.end();
      });
      return client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    }],
    ['a refused connection', async () => {
      const port = await closedPort();
      return client({ baseUrl: `http://127.0.0.1:${port}` }).asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    }],
    ['a token with CR LF', async () => client({ token: `${TOKEN}\r\nX-Injected: 1` }).asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } })],
    ['a token with a space', async () => client({ token: `${TOKEN} ` }).asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } })],
    ['a token provider returning a number', async () =>
      client({ token: (() => 7) as unknown as () => string }).asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } })],
    ['a bad body', async () => client().asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: [] as never })],
    ['a bad URN', async () => client().asyncInvokeReservedFunction({ functionUrn: '..', body: { k: 'v' } })],
  ];

  it.each(cases)('after %s', async (_label, run) => {
    const error = await rejection(run());

    expect(error).toBeInstanceOf(FunctionGraphError);
    const e = error as Error;
    for (const [view, text] of [
      ['message', e.message],
      ['String()', String(e)],
      ['stack', e.stack ?? ''],
      ['inspect', inspect(e, { depth: 5 })],
      ['inspect showHidden', inspect(e, { depth: 5, showHidden: true })],
      ['JSON', JSON.stringify(e)],
    ] as const) {
      expect(text, view).not.toContain(TOKEN);
    }
  });

  it('in util.inspect of the client', () => {
    const c = client();
    const provided = client({ token: () => TOKEN });

    for (const shown of [inspect(c, { depth: 5 }), inspect(c, { depth: 5, showHidden: true }), inspect(provided, { depth: 5, showHidden: true })]) {
      expect(shown).not.toContain(TOKEN);
    }
    // The inspection saw the client (so the check above looked at something).
    expect(inspect(c)).toContain('asyncInvokeReservedFunction');
  });
});

describe('client.raw', () => {
  const PATH = '/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations' as const;

  it('POSTs with the token and the raw URN, and returns { data, response }', async () => {
    const { data, error, response } = await client().raw.POST(PATH, {
      params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } },
      body: { k: 'v' },
    });

    expect(error).toBeUndefined();
    expect(response.status).toBe(202);
    expect(data).toEqual({ instance_id: INSTANCE_ID });
    const request = onlyRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/v2/${PROJECT}/fgs/functions/${ALIAS_URN}/reserved-invocations`);
    expect(request.headers['x-auth-token']).toBe(TOKEN);
    expect(request.body.toString('utf8')).toBe('{"k":"v"}');
  });

  it('returns a 404 body as error', async () => {
    server.reset((_request, res) => json(res, 404, NOT_FOUND));

    const { data, error, response } = await client().raw.POST(PATH, {
      params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } },
      body: { k: 'v' },
    });

    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(NOT_FOUND);
  });

  it('percent-encodes a URN with a slash the same way', async () => {
    await client().raw.POST(PATH, { params: { path: { project_id: PROJECT, function_urn: 'a/b?c' } }, body: { k: 'v' } });

    expect(rawSegments(onlyRequest().url)[4]).toBe('a%2Fb%3Fc');
  });

  it.each([
    ['a ".." URN', { project_id: PROJECT, function_urn: '..' }, {}],
    ['no token', { project_id: PROJECT, function_urn: ALIAS_URN }, { token: undefined }],
  ])('refuses %s before sending', async (_label, path, options) => {
    const error = await rejection(client(options).raw.POST(PATH, { params: { path }, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect(server.requests).toHaveLength(0);
  });

  it('does not follow a redirect either', async () => {
    server.reset((_request, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}/` });
      res.end();
    });

    const { response } = await client().raw.POST(PATH, { params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } }, body: { k: 'v' } });

    expect(response.status).toBe(307);
    expect(elsewhere.requests).toHaveLength(0);
  });
});
