/**
 * Beyond the parsed body: `client.withResponse.<operation>` resolves to the whole answer (data,
 * status, headers, request id, attempts), and `createRawClient` is openapi-fetch typed by the
 * spec, with the same token handling, path encoding and no-redirect rule, against a real server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, createRawClient, FunctionGraphInputError, type RawClientOptions } from '../src/index.js';
import { behave, DEFAULT_INSTANCE_ID, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { FAST_BACKOFF, INPUT, PROJECT, rejection, TOKEN, URN, URN_PREFIX } from './helpers/calls.js';

const PATH = '/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations' as const;
const ALIAS_URN = `${URN_PREFIX}:my-func:!prod`;
const NOT_FOUND = { error_code: 'FSS.1051', error_msg: 'Not found the function' };

let server: FaultServer;
let elsewhere: FaultServer;

beforeAll(async () => {
  [server, elsewhere] = await Promise.all([startFaultServer(), startFaultServer()]);
});
afterAll(async () => {
  await Promise.all([server?.close(), elsewhere?.close()]);
});
beforeEach(() => {
  server.script();
  elsewhere.script();
  server.fallback(behave.accepted(DEFAULT_INSTANCE_ID));
});

function onlyRequest() {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

/** Splits the raw request-target into path segments, without decoding anything. */
function rawSegments(url: string): string[] {
  expect(url).not.toContain('?');
  expect(url).not.toContain('#');
  return url.split('/').slice(1);
}

describe('withResponse', () => {
  const client = () => createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN, backoff: FAST_BACKOFF });

  it('resolves to data, status, headers, request id and attempts', async () => {
    server.fallback(behave.accepted(DEFAULT_INSTANCE_ID, { 'X-Request-Id': 'req-42', 'X-Extra': 'yes' }));

    const result = await client().withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.data).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
    expect(result.status).toBe(202);
    expect(result.headers).toBeInstanceOf(Headers);
    expect(result.headers.get('x-extra')).toBe('yes');
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(result.requestId).toBe('req-42');
    expect(result.attempts).toBe(1);
    expect(result.deprecation).toBeUndefined();
    expect(result.sunset).toBeUndefined();
  });

  it('takes the request id from X-Cff-Request-Id too', async () => {
    server.fallback(behave.accepted(DEFAULT_INSTANCE_ID, { 'X-Cff-Request-Id': 'cff-7' }));

    expect((await client().withResponse.asyncInvokeReservedFunction(INPUT)).requestId).toBe('cff-7');
  });

  it('counts retries in attempts', async () => {
    server.script(behave.json(503, { error_code: 'FSS.0503', error_msg: 'busy' }));

    const result = await client().withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(2);
    expect(server.attempts).toBe(2);
  });

  it('sends the same request as the plain method', async () => {
    await client().asyncInvokeReservedFunction(INPUT);
    await client().withResponse.asyncInvokeReservedFunction(INPUT);

    const [plain, full] = server.requests;
    expect(full!.url).toBe(plain!.url);
    expect(full!.body.equals(plain!.body)).toBe(true);
    expect(full!.headers['x-auth-token']).toBe(plain!.headers['x-auth-token']);
  });
});

describe('createRawClient', () => {
  const raw = (options: Partial<RawClientOptions> = {}) => createRawClient({ baseUrl: server.url, token: TOKEN, ...options });

  it('POSTs with the token and the raw URN, and returns { data, response }', async () => {
    const { data, error, response } = await raw().POST(PATH, {
      params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } },
      body: { k: 'v' },
    });

    expect(error).toBeUndefined();
    expect(response.status).toBe(202);
    expect(data).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
    const request = onlyRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/v2/${PROJECT}/fgs/functions/${ALIAS_URN}/reserved-invocations`);
    expect(request.headers['x-auth-token']).toBe(TOKEN);
    expect(request.body.toString('utf8')).toBe('{"k":"v"}');
  });

  it('calls a token provider for every request', async () => {
    let calls = 0;
    const client = raw({ token: async () => `${TOKEN}-${++calls}` });

    for (let i = 0; i < 2; i++) await client.POST(PATH, { params: { path: { project_id: PROJECT, function_urn: URN } }, body: { k: 'v' } });

    expect(server.requests.map((r) => r.headers['x-auth-token'])).toEqual([`${TOKEN}-1`, `${TOKEN}-2`]);
  });

  it('returns a 404 body as error', async () => {
    server.fallback(behave.json(404, NOT_FOUND));

    const { data, error, response } = await raw().POST(PATH, {
      params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } },
      body: { k: 'v' },
    });

    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(NOT_FOUND);
  });

  // The raw client checks no URN shape, so it shows the encoding of what the main client refuses.
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
    await raw().POST(PATH, { params: { path: { project_id: PROJECT, function_urn: urn } }, body: { k: 'v' } });

    const segments = rawSegments(onlyRequest().url);
    expect(segments).toHaveLength(6);
    expect(segments.slice(0, 4)).toEqual(['v2', PROJECT, 'fgs', 'functions']);
    expect(segments[5]).toBe('reserved-invocations');
    expect(segments[4]).toBe(encoded);
    expect(decodeURIComponent(segments[4]!)).toBe(urn);
  });

  it.each([
    ['a ".." URN', { project_id: PROJECT, function_urn: '..' }, {}],
    ['a "." project', { project_id: '.', function_urn: ALIAS_URN }, {}],
    ['no token', { project_id: PROJECT, function_urn: ALIAS_URN }, { token: undefined }],
    ['a token provider returning CR LF', { project_id: PROJECT, function_urn: ALIAS_URN }, { token: () => `${TOKEN}\r\nX-Injected: 1` }],
  ])('refuses %s before sending', async (_label, path, options) => {
    const error = await rejection(raw(options).POST(PATH, { params: { path }, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect(server.attempts).toBe(0);
  });

  it.each([
    ['no path values at all', undefined, 'project_id', 'is required'],
    ['a null project', { project_id: null, function_urn: ALIAS_URN }, 'project_id', 'is required'],
    ['a boolean project', { project_id: true, function_urn: ALIAS_URN }, 'project_id', 'must be a string, got boolean'],
    ['an array as project', { project_id: [PROJECT], function_urn: ALIAS_URN }, 'project_id', 'must be a string, got an array'],
    ['an object as URN', { project_id: PROJECT, function_urn: { urn: ALIAS_URN } }, 'function_urn', 'must be a string, got object'],
  ])('refuses %s before sending, naming the path parameter', async (_label, path, name, problem) => {
    const error = await rejection(raw().POST(PATH, { params: { path } as never, body: { k: 'v' } }));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe(`path parameter ${name}`);
    expect((error as Error).message).toBe(`path parameter ${name} ${problem}`);
    expect(server.attempts).toBe(0);
  });

  it('takes a number as a path value, sent as its digits', async () => {
    await raw().POST(PATH, { params: { path: { project_id: 1234 as never, function_urn: ALIAS_URN } }, body: { k: 'v' } });

    expect(rawSegments(onlyRequest().url)[1]).toBe('1234');
  });

  it('does not follow a redirect', async () => {
    server.fallback(behave.redirect(307, `${elsewhere.url}/`));

    const { response } = await raw().POST(PATH, { params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } }, body: { k: 'v' } });

    expect(response.status).toBe(307);
    expect(elsewhere.attempts).toBe(0);
  });

  it('uses the fetch it is given (a real one, wrapped), with a Request', async () => {
    const seen: string[] = [];
    const client = raw({
      fetch: async (request: Request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname} ${request.redirect}`);
        return fetch(request);
      },
    });

    await client.POST(PATH, { params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } }, body: { k: 'v' } });

    expect(seen).toEqual([`POST /v2/${PROJECT}/fgs/functions/${ALIAS_URN}/reserved-invocations manual`]);
    expect(server.attempts).toBe(1);
  });

  it('refuses options that are not an object, and a token of the wrong type, at creation', () => {
    expect(() => createRawClient(null as never)).toThrow(FunctionGraphInputError);
    expect(() => createRawClient({ baseUrl: server.url, token: 42 as never })).toThrow(FunctionGraphInputError);
    // A fixed token is checked when the client is made, as the main client does.
    expect(() => createRawClient({ baseUrl: server.url, token: `${TOKEN}\r\nX-Injected: 1` })).toThrow(FunctionGraphInputError);
    expect(() => createRawClient({ token: TOKEN })).toThrow(new FunctionGraphInputError('region', 'or baseUrl is required'));
    expect(() => createRawClient({ region: 'CN-North-4', token: TOKEN })).toThrow(new FunctionGraphInputError('region', 'must be a region ID such as "cn-south-1"'));
  });
});
