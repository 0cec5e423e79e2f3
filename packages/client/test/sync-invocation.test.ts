/**
 * What `invokeFunction` resolves to, for each kind of answer the synchronous API gives, served by
 * a real loopback server: v1 JSON with and without the log tail, a function that failed, a
 * malformed summary or log header, a result that is not JSON, and a v0 text answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createFunctionGraphClient, ServerError, type SyncInvocation } from '../src/index.js';
import { json, startLoopbackServer, type LoopbackServer } from './helpers/loopback-server.js';
import { PROJECT, TOKEN, URN_PREFIX } from './helpers/calls.js';

const URN = `${URN_PREFIX}:thumbnail-maker:latest`;
const REQUEST_ID = '1cbe80f3-3c65-475e-ad88-76ac518d386a';
const LOG = "2026-11-30T09:00:00Z Start invoke request '1cbe80f3', version: v1\nHello, Wörld!\n";
const SUMMARY = '{"duration":65.828,"billingDuration":66,"memorySize":128,"memoryUsed":21.473}';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server?.close());
beforeEach(() => server.reset());

const client = () => createFunctionGraphClient({ baseUrl: server.url, token: TOKEN, maxRetries: 0 });

/** The headers a successful v1 run comes with; `extra` overrides or adds. */
function runHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'X-Cff-Request-Id': REQUEST_ID,
    'X-Cff-Invoke-Summary': SUMMARY,
    'X-CFF-Billing-Duration': '66',
    'X-Cff-Response-Version': 'v1',
    'X-Func-Err-Code': '0',
    'X-Is-Func-Err': 'false',
    ...extra,
  };
}

function answer(status: number, body: unknown, headers: Record<string, string>, contentType = 'application/json') {
  server.reset((_request, res) => {
    if (contentType === 'application/json') return json(res, status, body, headers);
    const text = String(body);
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  });
}

interface Thumbnail {
  width: number;
  url: string;
}

describe('invokeFunction: v1 answers', () => {
  it('with logType tail: request id, the result as sent and parsed, the log decoded, the summary with units', async () => {
    answer(200, { request_id: REQUEST_ID, result: '{"width":120,"url":"https://x.test/t.png"}', log: LOG, status: 200 }, runHeaders({ 'X-Cff-Function-Log': Buffer.from(LOG).toString('base64') }));

    const run = await client().invokeFunction<Thumbnail>({ functionUrn: URN, body: { image: 'a.png' }, logType: 'tail' });

    expectTypeOf(run).toEqualTypeOf<SyncInvocation<Thumbnail>>();
    expect(run.requestId).toBe(REQUEST_ID);
    expect(run.result).toBe('{"width":120,"url":"https://x.test/t.png"}');
    expect(run.isJson).toBe(true);
    expect(run.json).toEqual({ width: 120, url: 'https://x.test/t.png' });
    expect(run.log).toBe(LOG);
    expect(run.summary).toEqual({ durationMs: 65.828, billingDurationMs: 66, memorySizeMb: 128, memoryUsedMb: 21.473 });
    expect(run.functionError).toBeUndefined();
    expect(run.status).toBe(200);
    expect(run.version).toBe('v1');
    expect(run.problems).toEqual([]);
    expect(run.raw).toEqual({});
    expect(run.response.responseHeaders).toMatchObject({ billingDuration: '66', functionErrorCode: 0, isFunctionError: false });
    expect(server.requests[0]!.headers['x-cff-log-type']).toBe('tail');
  });

  it('without tail: no log, even when the server sends one', async () => {
    answer(200, { request_id: REQUEST_ID, result: '42', log: 'ignored', status: 200 }, runHeaders({ 'X-Cff-Function-Log': Buffer.from('ignored').toString('base64') }));

    const run = await client().invokeFunction<number>({ functionUrn: URN, body: {} });

    expect(run.log).toBeUndefined();
    expect(run.json).toBe(42);
    expect(server.requests[0]!.headers['x-cff-log-type']).toBeUndefined();
  });

  it('a function that failed: functionError as data, not an exception', async () => {
    answer(200, { request_id: REQUEST_ID, result: '{"errorMessage":"division by zero"}', log: '', status: 500 }, runHeaders({ 'X-Is-Func-Err': 'true', 'X-Func-Err-Code': '1' }));

    const run = await client().invokeFunction({ functionUrn: URN, body: {} });

    expect(run.functionError).toEqual({ code: 1, status: 500, result: '{"errorMessage":"division by zero"}' });
    expect(run.json).toEqual({ errorMessage: 'division by zero' });
  });

  it('X-Is-Func-Err: true alone marks the run failed, whatever the code says', async () => {
    answer(200, { request_id: REQUEST_ID, result: 'x', status: 200 }, runHeaders({ 'X-Is-Func-Err': 'true', 'X-Func-Err-Code': '0' }));

    expect((await client().invokeFunction({ functionUrn: URN, body: {} })).functionError).toEqual({ code: 0, status: 200, result: 'x' });
  });

  it('a non-zero X-Func-Err-Code alone marks the run failed', async () => {
    answer(200, { request_id: REQUEST_ID, result: 'x', status: 200 }, runHeaders({ 'X-Is-Func-Err': 'false', 'X-Func-Err-Code': '4208' }));

    expect((await client().invokeFunction({ functionUrn: URN, body: {} })).functionError?.code).toBe(4208);
  });

  it.each([
    ['not JSON', '{duration:1', /X-Cff-Invoke-Summary is not JSON; kept as it arrived/],
    ['JSON but not an object', '[1,2]', /X-Cff-Invoke-Summary is not a JSON object; kept as it arrived/],
    ['a JSON number', '42', /X-Cff-Invoke-Summary is not a JSON object; kept as it arrived/],
    ['JSON null', 'null', /X-Cff-Invoke-Summary is not a JSON object; kept as it arrived/],
  ])('a summary header that is %s is kept raw, and the call succeeds', async (_label, summary, problem) => {
    answer(200, { request_id: REQUEST_ID, result: '"ok"', status: 200 }, runHeaders({ 'X-Cff-Invoke-Summary': summary }));

    const run = await client().invokeFunction<string>({ functionUrn: URN, body: {} });

    expect(run.summary).toBeUndefined();
    expect(run.raw.invokeSummary).toBe(summary);
    expect(run.problems).toEqual([expect.stringMatching(problem)]);
    expect(run.json).toBe('ok');
  });

  it('a log header that is not Base64 is kept raw, and the call succeeds', async () => {
    answer(200, { request_id: REQUEST_ID, result: '1', status: 200 }, runHeaders({ 'X-Cff-Function-Log': 'not*base64!' }));

    const run = await client().invokeFunction({ functionUrn: URN, body: {}, logType: 'tail' });

    expect(run.raw.functionLog).toBe('not*base64!');
    expect(run.problems).toEqual(['X-Cff-Function-Log is not Base64; kept as it arrived']);
    expect(run.response.malformedHeaders.functionLog).toEqual({ header: 'X-Cff-Function-Log', raw: 'not*base64!', problem: 'X-Cff-Function-Log is not Base64; kept as it arrived' });
  });

  it('a result that is not JSON: kept as sent, isJson false, never a SyntaxError', async () => {
    answer(200, { request_id: REQUEST_ID, result: 'Hello, World!', status: 200 }, runHeaders());

    const run = await client().invokeFunction<{ never: true }>({ functionUrn: URN, body: {} });

    expect(run.result).toBe('Hello, World!');
    expect(run.isJson).toBe(false);
    expect(run.json).toBeUndefined();
  });

  it('a JSON null result is told apart from no JSON', async () => {
    answer(200, { request_id: REQUEST_ID, result: 'null', status: 200 }, runHeaders());

    const run = await client().invokeFunction({ functionUrn: URN, body: {} });

    expect(run).toMatchObject({ isJson: true, json: null });
  });

  it('an API error is still an exception (distinct from a function error)', async () => {
    answer(500, { error_code: 'FSS.0500', error_msg: 'Internal error' }, { 'X-Cff-Request-Id': REQUEST_ID });

    const error = await client().invokeFunction({ functionUrn: URN, body: {} }).then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).requestId).toBe(REQUEST_ID);
  });
});

describe('invokeFunction: what a v1 answer lacks', () => {
  const body = { result: '1', status: 200 };
  it.each([
    ['no X-Cff-Request-Id: the body\'s request_id', { ...body, request_id: 'from-body' }, { 'X-Request-Id': 'from-gateway' }, {}, { requestId: 'from-body' }],
    ['no X-Cff-Request-Id nor request_id: the gateway\'s X-Request-Id', body, { 'X-Request-Id': 'from-gateway' }, {}, { requestId: 'from-gateway' }],
    ['no log header, with logType tail: the body\'s log', { ...body, log: 'from body' }, {}, { logType: 'tail' }, { log: 'from body' }],
    ['no X-Cff-Response-Version: the version asked for', body, {}, { requestVersion: 'v0' }, { version: 'v0' }],
    ['an X-Cff-Response-Version: that version, whatever was asked for', body, { 'X-Cff-Response-Version': 'v1' }, { requestVersion: 'v0' }, { version: 'v1' }],
    ['no X-Cff-Response-Version and no version asked for: v1', body, {}, {}, { version: 'v1' }],
    ['no X-Is-Func-Err nor X-Func-Err-Code: no function error', body, {}, {}, { functionError: undefined }],
    ['a status that is not a number', { result: '1', status: '200' }, {}, {}, { status: undefined }],
    [
      'summary fields that are not numbers',
      body,
      { 'X-Cff-Invoke-Summary': '{"duration":"65.8","billingDuration":null,"memorySize":128}' },
      {},
      { summary: { durationMs: undefined, billingDurationMs: undefined, memorySizeMb: 128, memoryUsedMb: undefined }, problems: [] },
    ],
  ] as const)('%s', async (_label, answerBody, headers, input, want) => {
    answer(200, answerBody, headers);

    const run = await client().invokeFunction({ functionUrn: URN, body: {}, ...input });

    for (const [key, value] of Object.entries(want)) expect(run[key as keyof typeof run], key).toEqual(value);
  });
});

describe('invokeFunction: the v0 text answer', () => {
  it('passes the text on as the result when asked for v0', async () => {
    answer(200, 'Hello, World!', { 'X-Cff-Request-Id': REQUEST_ID, 'X-Cff-Response-Version': 'v0', 'X-Is-Func-Err': 'false', 'X-Func-Err-Code': '0' }, 'text/plain; charset=utf-8');

    const run = await client().invokeFunction({ functionUrn: URN, body: {}, requestVersion: 'v0' });

    expect(server.requests[0]!.headers['x-cff-request-version']).toBe('v0');
    expect(run).toMatchObject({ requestId: REQUEST_ID, result: 'Hello, World!', isJson: false, json: undefined, version: 'v0', status: undefined, functionError: undefined });
  });

  it('reads a text answer by its media type, whatever the case or the space before its parameters', async () => {
    answer(200, 'Hello', { 'X-Cff-Response-Version': 'v0' }, 'Text/Plain ; charset=utf-8');

    const run = await client().invokeFunction({ functionUrn: URN, body: {}, requestVersion: 'v0' });

    expect(run).toMatchObject({ result: 'Hello', isJson: false });
  });

  it('reads an answer with no Content-Type as the JSON the spec documents', async () => {
    server.reset((_request, res) => {
      const text = JSON.stringify({ result: '{"a":1}', status: 200 });
      res.writeHead(200, { 'Content-Length': String(Buffer.byteLength(text)) });
      res.end(text);
    });

    const run = await client().invokeFunction<{ a: number }>({ functionUrn: URN, body: {} });

    expect(run).toMatchObject({ result: '{"a":1}', json: { a: 1 }, status: 200 });
  });

  it('has no log when asked for the tail and none arrived', async () => {
    answer(200, 'Hello', { 'X-Cff-Response-Version': 'v0' }, 'text/plain');

    const run = await client().invokeFunction({ functionUrn: URN, body: {}, requestVersion: 'v0', logType: 'tail' });

    expect(run).toMatchObject({ result: 'Hello', log: undefined });
  });

  it('parses a v0 text that is JSON', async () => {
    answer(200, '{"a":1}', { 'X-Cff-Response-Version': 'v0' }, 'text/plain');

    const run = await client().invokeFunction<{ a: number }>({ functionUrn: URN, body: {}, requestVersion: 'v0' });

    expect(run.json).toEqual({ a: 1 });
  });
});
