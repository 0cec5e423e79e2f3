/**
 * Each operation of the invocation family on the wire, against a real loopback server that records
 * every request as it arrived: method, raw request-target (path and query string), every header
 * name with the casing it had on the wire and its value, and the body bytes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, FunctionGraphResponseError, type FunctionGraphClientOptions } from '../src/index.js';
import { json, sentHeaders, startLoopbackServer, type LoopbackServer, type RecordedRequest } from './helpers/loopback-server.js';
import { PROJECT, TOKEN, URN_PREFIX } from './helpers/calls.js';
import { transportOptions } from './helpers/transport.js';

const URN = `${URN_PREFIX}:my-func:!prod`;
const BASE = `/v2/${PROJECT}/fgs/functions/${URN}`;
const REQUEST_ID = '1167bf8c-87b0-43ab-8f5f-26b16c64f252';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server?.close());
beforeEach(() => server.reset((request, res) => answerFor(request, res)));

/** A plausible success for whichever operation was called. */
function answerFor(request: RecordedRequest, res: Parameters<typeof json>[0]): void {
  const path = request.url.split('?')[0]!;
  if (path.endsWith('/invocations')) json(res, 200, { request_id: REQUEST_ID, result: '1', log: '', status: 200 });
  else if (path.endsWith('/invocations-async')) json(res, 202, { request_id: REQUEST_ID });
  else if (path.endsWith('/cancel')) json(res, 200, null);
  else if (path.endsWith('/reserved-invocations')) json(res, 202, { instance_id: 'i' });
  else json(res, 200, { invocations: [] });
}

function client(options: Partial<FunctionGraphClientOptions> = {}) {
  return createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN, ...transportOptions(), ...options });
}

function onlyRequest(): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}


describe('the invocation family on the wire', () => {
  it('invokeFunction: POST .../invocations with the v1 version header by default, the JSON body and nothing else', async () => {
    await client().invokeFunction({ functionUrn: URN, body: { k: 'v', n: 1 } });

    const request = onlyRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${BASE}/invocations`);
    expect(sentHeaders(request)).toEqual([
      ['x-cff-request-version', 'v1'],
      ['content-type', 'application/json'],
      ['x-auth-token', TOKEN],
      ['content-length', '15'],
    ]);
    expect(request.body.toString('utf8')).toBe('{"k":"v","n":1}');
  });

  it('invokeFunction: every header parameter under its wire name, v0 when asked, the memory as digits', async () => {
    await client().invokeFunction({ functionUrn: URN, body: {}, logType: 'tail', requestVersion: 'v0', instanceMemory: 512 });

    const request = onlyRequest();
    expect(request.url).toBe(`${BASE}/invocations`);
    expect(sentHeaders(request)).toEqual([
      ['x-cff-log-type', 'tail'],
      ['x-cff-request-version', 'v0'],
      ['x-cff-instance-memory', '512'],
      ['content-type', 'application/json'],
      ['x-auth-token', TOKEN],
      ['content-length', '2'],
    ]);
    expect(request.body.toString('utf8')).toBe('{}');
  });

  it('a per-call header replaces the one the client would send, whatever its case: sent once, with the caller\'s value', async () => {
    await client().invokeFunction({ functionUrn: URN, body: {}, logType: 'tail' }, { headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-CFF-LOG-TYPE': '' } });

    expect(sentHeaders(onlyRequest())).toEqual([
      ['x-cff-log-type', ''],
      ['x-cff-request-version', 'v1'],
      ['content-type', 'application/json; charset=utf-8'],
      ['x-auth-token', TOKEN],
      ['content-length', '2'],
    ]);
  });

  it('asyncInvokeFunction: POST .../invocations-async with the JSON body, and the memory header when given', async () => {
    const id = await client().asyncInvokeFunction({ functionUrn: URN, body: { ünï: 'cödé' }, instanceMemory: 128 });

    expect(id).toBe(REQUEST_ID);
    const request = onlyRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${BASE}/invocations-async`);
    expect(sentHeaders(request)).toEqual([
      ['x-cff-instance-memory', '128'],
      ['content-type', 'application/json'],
      ['x-auth-token', TOKEN],
      ['content-length', String(Buffer.byteLength('{"ünï":"cödé"}'))],
    ]);
    expect(request.body.equals(Buffer.from('{"ünï":"cödé"}', 'utf8'))).toBe(true);
  });

  it('asyncInvokeFunction: takes the request id in camel case too, as an older reference page shows it', async () => {
    server.reset((_request, res) => json(res, 202, { requestId: 'camel-1' }));

    await expect(client().asyncInvokeFunction({ functionUrn: URN, body: {} })).resolves.toBe('camel-1');
  });

  it('asyncInvokeFunction: a 202 with neither request_id nor requestId is a response error that quotes the body', async () => {
    server.reset((_request, res) => json(res, 202, { id: 'x' }));

    const error = await client().asyncInvokeFunction({ functionUrn: URN, body: {} }).then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(FunctionGraphResponseError);
    expect((error as Error).message).toBe('asyncInvokeFunction: the answer has neither request_id nor requestId (HTTP 202, application/json, body "{\\"id\\":\\"x\\"}")');
  });

  it.each([
    ['an empty request_id', { request_id: '' }, '{\\"request_id\\":\\"\\"}'],
    ['a request_id that is a number', { request_id: 42 }, '{\\"request_id\\":42}'],
  ])('asyncInvokeFunction: a 202 with %s is a response error too (no id to wait on)', async (_label, body, quoted) => {
    server.reset((_request, res) => json(res, 202, body));

    const error = await client().asyncInvokeFunction({ functionUrn: URN, body: {} }).then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(FunctionGraphResponseError);
    expect((error as Error).message).toBe(`asyncInvokeFunction: the answer has neither request_id nor requestId (HTTP 202, application/json, body "${quoted}")`);
  });

  it('listAsyncInvocations: GET .../async-invocations with every query parameter under its wire name, encoded, and no body', async () => {
    await client().listAsyncInvocations({
      functionUrn: URN,
      requestId: REQUEST_ID,
      marker: '100',
      limit: 500,
      status: 'RUNNING',
      queryBeginTime: '2026-11-30T09:00:00',
      queryEndTime: '2026-11-30T10:00:00',
    });

    const request = onlyRequest();
    expect(request.method).toBe('GET');
    expect(request.url).toBe(
      `${BASE}/async-invocations?request_id=${REQUEST_ID}&marker=100&limit=500&status=RUNNING&query_begin_time=2026-11-30T09%3A00%3A00&query_end_time=2026-11-30T10%3A00%3A00`,
    );
    expect(sentHeaders(request)).toEqual([['x-auth-token', TOKEN]]);
    expect(request.body.byteLength).toBe(0);
  });

  it('listAsyncInvocations: no query string when no query parameter is given', async () => {
    await client().listAsyncInvocations({ functionUrn: URN });

    expect(onlyRequest().url).toBe(`${BASE}/async-invocations`);
  });

  it('listActiveAsyncInvocations: GET .../active-async-invocations with requestIds sent as "requests", commas encoded', async () => {
    await client().listActiveAsyncInvocations({ functionUrn: URN, requestIds: 'a,b', limit: 1, status: 'WAIT' });

    const request = onlyRequest();
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${BASE}/active-async-invocations?requests=a%2Cb&limit=1&status=WAIT`);
    expect(sentHeaders(request)).toEqual([['x-auth-token', TOKEN]]);
    expect(request.body.byteLength).toBe(0);
  });

  it('cancelAsyncInvocation: POST .../cancel with the typed body as JSON, resolving to null', async () => {
    const result = await client().cancelAsyncInvocation({ functionUrn: URN, body: { request_id: REQUEST_ID, type: 'force' } });

    expect(result).toBeNull();
    const request = onlyRequest();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${BASE}/cancel`);
    const body = `{"request_id":"${REQUEST_ID}","type":"force"}`;
    expect(sentHeaders(request)).toEqual([
      ['content-type', 'application/json'],
      ['x-auth-token', TOKEN],
      ['content-length', String(body.length)],
    ]);
    expect(request.body.toString('utf8')).toBe(body);
  });

  it('cancelAsyncInvocation: an empty 200 body reads as the documented null', async () => {
    server.reset((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '0' });
      res.end();
    });
    await expect(client().cancelAsyncInvocation({ functionUrn: URN, body: { request_id: REQUEST_ID } })).resolves.toBeNull();
  });

  it('cancelAsyncInvocation: a 200 body that is not JSON is an error, not the documented null', async () => {
    server.reset((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '2' });
      res.end('ok');
    });
    await expect(client().cancelAsyncInvocation({ functionUrn: URN, body: { request_id: REQUEST_ID } })).rejects.toThrow(
      'cancelAsyncInvocation: expected JSON (HTTP 200, application/json, body "ok")',
    );
  });

  it('takes the project from the URN when neither the call nor the client gives one', async () => {
    await client({ projectId: undefined }).listAsyncInvocations({ functionUrn: URN });

    expect(onlyRequest().url).toBe(`${BASE}/async-invocations`);
  });

  it('sends each call to the regional endpoint its URN names when the client has neither region nor baseUrl', async () => {
    const urls: string[] = [];
    // The real host is not reachable from a test: the fetch records the URL the client chose and sends it to loopback.
    const viaLoopback = (url: string, init: RequestInit) => {
      urls.push(url);
      return fetch(url.replace(/^https:\/\/[^/]+/, server.url), init);
    };
    const c = createFunctionGraphClient({ token: TOKEN, fetch: viaLoopback });
    expect(c.baseUrl).toBeUndefined();

    await c.listAsyncInvocations({ functionUrn: URN });
    await c.listAsyncInvocations({ functionUrn: URN.replace('cn-south-1', 'ap-southeast-1').replace(PROJECT, 'abc') });

    expect(urls).toEqual([
      `https://functiongraph.cn-south-1.myhuaweicloud.com${BASE}/async-invocations`,
      `https://functiongraph.ap-southeast-1.myhuaweicloud.com/v2/abc/fgs/functions/${URN.replace('cn-south-1', 'ap-southeast-1').replace(PROJECT, 'abc')}/async-invocations`,
    ]);
  });
});
