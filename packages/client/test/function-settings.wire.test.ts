/**
 * The operations around an invocation on the wire (listing functions, a function's configuration,
 * its asynchronous invocation configuration), and version and alias URNs as every operation sends
 * them, against a real loopback server that records each request as it arrived: method, raw
 * request-target, every header with its wire casing, and the body bytes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, FunctionGraphInputError, type FunctionGraphClientOptions } from '../src/index.js';
import { json, sentHeaders, startLoopbackServer, type LoopbackServer, type RecordedRequest } from './helpers/loopback-server.js';
import { FAST_BACKOFF, PROJECT, rejection, TOKEN, URN_PREFIX } from './helpers/calls.js';
import { transportOptions } from './helpers/transport.js';

const VERSION_URN = `${URN_PREFIX}:hello:v1`;
const ALIAS_URN = `${URN_PREFIX}:hello:!prod`;
const CONFIG = { func_urn: VERSION_URN, max_async_event_age_in_seconds: 3600, max_async_retry_attempts: 1, enable_async_status_log: true };

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server?.close());
beforeEach(() =>
  server.reset((request, res) => {
    const path = request.url.split('?')[0]!;
    if (path.endsWith('/fgs/functions')) json(res, 200, { functions: [{ func_urn: `${URN_PREFIX}:hello`, func_name: 'hello' }], next_marker: 1, count: 1 });
    else if (path.endsWith('/config')) json(res, 200, { func_urn: `${URN_PREFIX}:hello`, runtime: 'Node.js20.15', memory_size: 256, timeout: 30 });
    else if (path.endsWith('/async-invoke-config')) json(res, 200, CONFIG);
    else if (path.endsWith('/invocations-async')) json(res, 202, { request_id: 'r-1' });
    else json(res, 200, { invocations: [] });
  }),
);

function client(options: Partial<FunctionGraphClientOptions> = {}) {
  return createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN, backoff: FAST_BACKOFF, ...transportOptions(), ...options });
}

function onlyRequest(): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}


describe('functions and their settings on the wire', () => {
  it('listFunctions: GET /v2/{project}/fgs/functions with every query parameter under its wire name, and no body', async () => {
    const page = await client().listFunctions({ marker: '400', limit: 400, packageName: 'default', functionName: 'hello' });

    expect(page.functions?.[0]?.func_name).toBe('hello');
    const request = onlyRequest();
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`/v2/${PROJECT}/fgs/functions?marker=400&maxitems=400&package_name=default&func_name=hello`);
    expect(sentHeaders(request)).toEqual([['x-auth-token', TOKEN]]);
    expect(request.body.byteLength).toBe(0);
  });

  it('listFunctions: no query string when none is given', async () => {
    await client().listFunctions();

    expect(onlyRequest().url).toBe(`/v2/${PROJECT}/fgs/functions`);
  });

  it('listFunctions: a client with neither region nor baseUrl is told to give one, since no URN names the region', async () => {
    const error = await rejection(createFunctionGraphClient({ token: TOKEN, projectId: PROJECT }).listFunctions());

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('region');
    expect((error as Error).message).toContain('or baseUrl is required for listFunctions: it takes no function URN to read the region from');
  });

  it.each([
    ['0', 0],
    ['over 400', 401],
    ['a fraction', 2.5],
  ])('listFunctions: refuses a limit of %s before sending (the documented 1 to 400)', async (_label, limit) => {
    const error = await rejection(client().listFunctions({ limit }));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('limit');
    expect(server.requests).toHaveLength(0);
  });

  it('showFunctionConfig: GET …/{function_urn}/config with a version URN sent raw', async () => {
    const config = await client().showFunctionConfig({ functionUrn: VERSION_URN });

    expect(config).toMatchObject({ runtime: 'Node.js20.15', memory_size: 256, timeout: 30 });
    const request = onlyRequest();
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`/v2/${PROJECT}/fgs/functions/${VERSION_URN}/config`);
    expect(sentHeaders(request)).toEqual([['x-auth-token', TOKEN]]);
  });

  it('showFunctionAsyncInvokeConfig: GET …/{function_urn}/async-invoke-config with an alias URN sent raw', async () => {
    await expect(client().showFunctionAsyncInvokeConfig({ functionUrn: ALIAS_URN })).resolves.toEqual(CONFIG);

    const request = onlyRequest();
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`/v2/${PROJECT}/fgs/functions/${ALIAS_URN}/async-invoke-config`);
  });

  it('updateFunctionAsyncInvokeConfig: PUT …/async-invoke-config with the body in the spec\'s field names', async () => {
    const body = { max_async_event_age_in_seconds: 3600, max_async_retry_attempts: 1, enable_async_status_log: true };
    await expect(client().updateFunctionAsyncInvokeConfig({ functionUrn: VERSION_URN, body })).resolves.toEqual(CONFIG);

    const request = onlyRequest();
    expect(request.method).toBe('PUT');
    expect(request.url).toBe(`/v2/${PROJECT}/fgs/functions/${VERSION_URN}/async-invoke-config`);
    const text = '{"max_async_event_age_in_seconds":3600,"max_async_retry_attempts":1,"enable_async_status_log":true}';
    expect(sentHeaders(request)).toEqual([
      ['content-type', 'application/json'],
      ['x-auth-token', TOKEN],
      ['content-length', String(text.length)],
    ]);
    expect(request.body.toString('utf8')).toBe(text);
  });

  it('updateFunctionAsyncInvokeConfig: a PUT is safe to repeat, so a 500 is retried like a read', async () => {
    let answered = 0;
    server.reset((_request, res) => (answered++ === 0 ? json(res, 500, { error_code: 'FSS.0500', error_msg: 'Internal error' }) : json(res, 200, CONFIG)));

    await expect(client().updateFunctionAsyncInvokeConfig({ functionUrn: VERSION_URN, body: { enable_async_status_log: true } })).resolves.toEqual(CONFIG);
    expect(server.requests.map((request) => request.method)).toEqual(['PUT', 'PUT']);
  });
});

describe('version and alias URNs are sent raw, as the documented examples write them', () => {
  const cases = [
    ['a version URN', VERSION_URN, `/v2/${PROJECT}/fgs/functions/urn:fss:cn-south-1:${PROJECT}:function:default:hello:v1`],
    ['an alias URN', ALIAS_URN, `/v2/${PROJECT}/fgs/functions/urn:fss:cn-south-1:${PROJECT}:function:default:hello:!prod`],
    ['the latest version', `${URN_PREFIX}:hello:latest`, `/v2/${PROJECT}/fgs/functions/urn:fss:cn-south-1:${PROJECT}:function:default:hello:latest`],
  ] as const;

  it.each(cases)('invokeFunction with %s', async (_label, urn, path) => {
    server.reset((_request, res) => json(res, 200, { request_id: 'r', result: '1', log: '', status: 200 }));
    await client().invokeFunction({ functionUrn: urn, body: {} });
    expect(onlyRequest().url).toBe(`${path}/invocations`);
  });

  it.each(cases)('asyncInvokeFunction with %s', async (_label, urn, path) => {
    await client().asyncInvokeFunction({ functionUrn: urn, body: {} });
    expect(onlyRequest().url).toBe(`${path}/invocations-async`);
  });
});
