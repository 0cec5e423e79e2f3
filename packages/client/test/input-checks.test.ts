/**
 * Bad input is refused before the network: the loopback server must see no request at all. Each
 * row is one case; the error is a FunctionGraphInputError naming the argument, and its message
 * states the rule that was broken.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, FunctionGraphInputError, type FunctionGraphClientOptions } from '../src/index.js';
import { behave, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { PROJECT, TOKEN, URN, URN_PREFIX } from './helpers/calls.js';
import { knownKeys, refuseUnknownKeys } from '../src/runtime/unknown-keys.js';

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer({ fallback: behave.accepted('never-sent') });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.script());

function client(options: Partial<FunctionGraphClientOptions> = {}) {
  return createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN, ...options });
}

/** A URN of the documented shape with exactly `length` characters (the version makes up the rest). */
function urnOfLength(length: number): string {
  const head = `${URN_PREFIX}:f:`;
  return head + 'v'.repeat(length - head.length);
}

const cycle: Record<string, unknown> = { k: 'v' };
cycle.self = cycle;
const body = { k: 'v' };

interface Row {
  client?: Partial<FunctionGraphClientOptions>;
  input: Record<string, unknown>;
  call?: Record<string, unknown>;
  argument: string;
  /** What the message must say about the rule. */
  rule: RegExp;
}

const callRows: [string, Row][] = [
  // functionUrn
  ['a missing functionUrn', { input: { body }, argument: 'functionUrn', rule: /required/ }],
  ['an empty functionUrn', { input: { functionUrn: '', body }, argument: 'functionUrn', rule: /required/ }],
  ['a functionUrn that is an object', { input: { functionUrn: { urn: URN }, body }, argument: 'functionUrn', rule: /string/ }],
  ['a functionUrn that is "."', { input: { functionUrn: '.', body }, argument: 'functionUrn', rule: /"\."/ }],
  ['a functionUrn that is ".."', { input: { functionUrn: '..', body }, argument: 'functionUrn', rule: /"\.\."/ }],
  ['a functionUrn of 270 characters', { input: { functionUrn: urnOfLength(270), body }, argument: 'functionUrn', rule: /269/ }],
  ['a bare function name', { input: { functionUrn: 'my-func', body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with an upper-case region', { input: { functionUrn: `urn:fss:CN-SOUTH-1:${PROJECT}:function:default:f`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN whose name starts with a digit', { input: { functionUrn: `${URN_PREFIX}:9func:latest`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN whose name is 61 characters', { input: { functionUrn: `${URN_PREFIX}:${'f'.repeat(61)}:latest`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with an extra segment', { input: { functionUrn: `${URN}:extra`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with a slash', { input: { functionUrn: `${URN_PREFIX}:a/b:latest`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with a question mark', { input: { functionUrn: `${URN_PREFIX}:my-func:latest?x=1`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with a hash', { input: { functionUrn: `${URN_PREFIX}:my-func:latest#frag`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with a percent sign', { input: { functionUrn: `${URN_PREFIX}:my-func:100%`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with a space', { input: { functionUrn: `${URN_PREFIX}:my-func:!my alias`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with a newline', { input: { functionUrn: `${URN}\n`, body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a path traversal as URN', { input: { functionUrn: '../../v3/auth', body }, argument: 'functionUrn', rule: /urn:fss:/ }],
  ['a URN with a lone surrogate', { input: { functionUrn: `${URN_PREFIX}:my-func:v\uD800`, body }, argument: 'functionUrn', rule: /surrogate/ }],
  // projectId
  ['a per-call projectId other than the URN\'s', { input: { functionUrn: URN, body, projectId: 'ffffeeeeddddccccbbbbaaaa99998888' }, argument: 'projectId', rule: /functionUrn names project 0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8/ }],
  ['a URN of another project than the client\'s', { client: { projectId: 'ffffeeeeddddccccbbbbaaaa99998888' }, input: { functionUrn: URN, body }, argument: 'functionUrn', rule: /names project 0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8, but the client is for project ffff/ }],
  ['an empty per-call projectId', { input: { functionUrn: URN, body, projectId: '' }, argument: 'projectId', rule: /required/ }],
  ['"." as projectId', { input: { functionUrn: URN, body, projectId: '.' }, argument: 'projectId', rule: /"\."/ }],
  ['".." as projectId', { input: { functionUrn: URN, body, projectId: '..' }, argument: 'projectId', rule: /"\.\."/ }],
  ...(['a/b', 'a?b', 'a#b', 'a%2Fb', 'a b', 'a\tb', 'a\nb'] as const).map((projectId): [string, Row] => [
    `projectId ${JSON.stringify(projectId)}`,
    { input: { functionUrn: URN, body, projectId }, argument: 'projectId', rule: /\/.*\?.*#.*%.*whitespace/ },
  ]),
  // body
  ['a missing body', { input: { functionUrn: URN }, argument: 'body', rule: /required/ }],
  ['an array body', { input: { functionUrn: URN, body: [body] }, argument: 'body', rule: /JSON object.*array/ }],
  ['a string body', { input: { functionUrn: URN, body: '{"k":"v"}' }, argument: 'body', rule: /JSON object/ }],
  ['a number body', { input: { functionUrn: URN, body: 42 }, argument: 'body', rule: /JSON object/ }],
  ['a null body', { input: { functionUrn: URN, body: null }, argument: 'body', rule: /JSON object|required/ }],
  ['a Date body (its JSON is a string)', { input: { functionUrn: URN, body: new Date(0) }, argument: 'body', rule: /JSON object/ }],
  ['a function body (no JSON form)', { input: { functionUrn: URN, body: () => 1 }, argument: 'body', rule: /JSON object/ }],
  ['a body with a BigInt', { input: { functionUrn: URN, body: { n: 10n } }, argument: 'body', rule: /JSON.*BigInt/i }],
  ['a body with a cycle', { input: { functionUrn: URN, body: cycle }, argument: 'body', rule: /JSON.*circular/i }],
  // headers
  ['a header value with CR LF', { input: { functionUrn: URN, body }, call: { headers: { 'X-Trace': 'a\r\nX-Injected: 1' } }, argument: 'headers', rule: /X-Trace/ }],
  ['a header value with a bare LF', { input: { functionUrn: URN, body }, call: { headers: { 'X-Trace': 'a\nb' } }, argument: 'headers', rule: /X-Trace/ }],
  ['a header name with a space', { input: { functionUrn: URN, body }, call: { headers: { 'X Trace': 'a' } }, argument: 'headers', rule: /X Trace/ }],
  ['a header value that is a number', { input: { functionUrn: URN, body }, call: { headers: { 'X-Count': 1 } }, argument: 'headers', rule: /X-Count/ }],
  ['headers that are a string', { input: { functionUrn: URN, body }, call: { headers: 'X-Trace: a' }, argument: 'headers', rule: /object/ }],
  // timeoutMs, maxRetries, idempotent, signal, options
  ...([-1, Number.NaN, Infinity, 2 ** 31, '100'] as const).map((timeoutMs): [string, Row] => [
    `timeoutMs ${String(timeoutMs)}`,
    { input: { functionUrn: URN, body }, call: { timeoutMs }, argument: 'timeoutMs', rule: /0.*2147483647/ },
  ]),
  ...([-1, 1.5, 11, Number.NaN, '2'] as const).map((maxRetries): [string, Row] => [
    `maxRetries ${String(maxRetries)}`,
    { input: { functionUrn: URN, body }, call: { maxRetries }, argument: 'maxRetries', rule: /whole number.*0.*10/ },
  ]),
  ['idempotent "yes"', { input: { functionUrn: URN, body }, call: { idempotent: 'yes' }, argument: 'idempotent', rule: /true or false/ }],
  ['a signal that is not an AbortSignal', { input: { functionUrn: URN, body }, call: { signal: {} }, argument: 'signal', rule: /AbortSignal/ }],
  ['call options that are a string', { input: { functionUrn: URN, body }, call: 'fast' as never, argument: 'options', rule: /object/ }],
  // tokens from a provider are checked at call time
  ['a token provider returning CR LF', { client: { token: async () => `${TOKEN}\r\nX-Injected: 1` }, input: { functionUrn: URN, body }, argument: 'token', rule: /CR, LF/ }],
  ['a token provider returning ""', { client: { token: () => '' }, input: { functionUrn: URN, body }, argument: 'token', rule: /non-empty/ }],
  ['a token provider returning a number', { client: { token: (() => 7) as never }, input: { functionUrn: URN, body }, argument: 'token', rule: /string/ }],
  ['a token provider that throws', { client: { token: () => { throw new Error('vault down'); } }, input: { functionUrn: URN, body }, argument: 'token', rule: /threw/ }],
  // unknown inputs: a misspelt or wire-named key would otherwise be dropped and the request sent without it
  ['an input under its wire name', { input: { function_urn: URN, functionUrn: URN, body }, argument: 'function_urn', rule: /is not an input of asyncInvokeReservedFunction \(did you mean functionUrn\?\): the inputs are projectId, functionUrn, body/ }],
  ['an input in the wrong case', { input: { functionUrn: URN, Body: body }, argument: 'Body', rule: /did you mean body\?/ }],
  ['an input no operation has', { input: { functionUrn: URN, body, retries: 3 }, argument: 'retries', rule: /^retries is not an input of asyncInvokeReservedFunction: the inputs are/ }],
  ['an unknown call option', { input: { functionUrn: URN, body }, call: { timeout: 5 }, argument: 'timeout', rule: /is not an option of a call \(did you mean timeoutMs\?\)/ }],
  ['a call option in snake case', { input: { functionUrn: URN, body }, call: { timeout_ms: 5 }, argument: 'timeout_ms', rule: /is not an option of a call \(did you mean timeoutMs\?\)/ }],
  // a malformed URN is named as such, even when the client has no projectId the URN could have given
  ['a malformed URN on a client without projectId', { client: { projectId: undefined }, input: { functionUrn: 'my-func', body }, argument: 'functionUrn', rule: /must match urn:fss:<region>:<project_id>:function:<package>:<name>/ }],
  ['a missing URN on a client without projectId', { client: { projectId: undefined }, input: { body }, argument: 'functionUrn', rule: /required/ }],
];

/** The call fails with a FunctionGraphInputError naming the row's argument and rule, and nothing reached the server. */
async function expectRefusedBeforeSending(call: Promise<unknown>, row: { argument: string; rule: RegExp }): Promise<void> {
  const error = await call.then(
    (value) => new Error(`resolved with ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
    expect(error, String(error)).toBeInstanceOf(FunctionGraphInputError);
    const inputError = error as FunctionGraphInputError;
    expect(inputError.argument).toBe(row.argument);
    expect(inputError.message.startsWith(row.argument)).toBe(true);
    expect(inputError.message).toMatch(row.rule);
    expect(server.attempts).toBe(0);
}

describe('bad input to a call is refused before anything is sent', () => {
  it.each(callRows)('%s', async (_label, row) => {
    const c = client(row.client);

    await expectRefusedBeforeSending(c.asyncInvokeReservedFunction(row.input as never, row.call as never), row);
  });

  it('the same checks hold for withResponse', async () => {
    const error = await client().withResponse.asyncInvokeReservedFunction({ functionUrn: '..', body }).catch((e: unknown) => e);

    expect((error as FunctionGraphInputError).argument).toBe('functionUrn');
    expect(server.attempts).toBe(0);
  });

  it('a URN of exactly 269 characters is sent (the bound is inclusive)', async () => {
    await client().asyncInvokeReservedFunction({ functionUrn: urnOfLength(269), body });

    expect(server.attempts).toBe(1);
  });

  it('an input that is not an object is refused', async () => {
    const error = await client().asyncInvokeReservedFunction('urn' as never).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect(server.attempts).toBe(0);
  });
});

describe("a body's properties the spec describes are checked before sending, named body.<property>", () => {
  const rows: [string, Record<string, unknown>, string, RegExp][] = [
    ['a number out of range', { max_async_retry_attempts: 4 }, 'body.max_async_retry_attempts', /^body\.max_async_retry_attempts must be at least 0 and at most 3, got 4$/],
    ['a whole number sent as text', { max_async_retry_attempts: '2' }, 'body.max_async_retry_attempts', /must be a whole number, got "2"$/],
    ['a fraction for a whole number', { max_async_event_age_in_seconds: 1.5 }, 'body.max_async_event_age_in_seconds', /must be a whole number, got 1.5$/],
    ['a boolean sent as text', { enable_async_status_log: 'true' }, 'body.enable_async_status_log', /must be true or false, got "true"$/],
  ];

  it.each(rows)('%s', async (_label, body, argument, rule) => {
    const functionUrn = `${URN_PREFIX}:my-func`;
    await expectRefusedBeforeSending(client().updateFunctionAsyncInvokeConfig({ functionUrn, body: body as never }), { argument, rule });
  });

  it('a required property left out, and a value outside its enum', async () => {
    await expectRefusedBeforeSending(client().cancelAsyncInvocation({ functionUrn: URN, body: { type: 'force' } as never }), { argument: 'body.request_id', rule: /^body\.request_id is required$/ });
    await expectRefusedBeforeSending(client().cancelAsyncInvocation({ functionUrn: URN, body: { request_id: 'r-1', type: 'hard' as never } }), { argument: 'body.type', rule: /must be one of force, recursive, got "hard"$/ });
  });

  it('sends a body within the rules, and one whose property arrives through toJSON as what it sends', async () => {
    const functionUrn = `${URN_PREFIX}:my-func`;
    await client().updateFunctionAsyncInvokeConfig({ functionUrn, body: { max_async_retry_attempts: 3, max_async_event_age_in_seconds: 86400, enable_async_status_log: true } });
    const attempts = { toJSON: () => 0 };
    await client().updateFunctionAsyncInvokeConfig({ functionUrn, body: { max_async_retry_attempts: attempts as never } });
    expect(server.attempts).toBe(2);
  });
});

describe('bad client options are refused by createFunctionGraphClient', () => {
  const rows: [string, Record<string, unknown>, string, RegExp][] = [
    ['a region that is not a region ID', { region: 'evil.com/x', token: TOKEN }, 'region', /region ID/],
    ['a region with upper-case letters', { region: 'CN-SOUTH-1', token: TOKEN }, 'region', /region ID/],
    ['an ftp baseUrl', { baseUrl: 'ftp://x', token: TOKEN }, 'baseUrl', /http/],
    ['a scheme that only ends in http', { baseUrl: 'xhttp://example.invalid', token: TOKEN }, 'baseUrl', /^baseUrl must be an http\(s\) URL without query or fragment$/],
    ['a scheme that only begins with https', { baseUrl: 'httpsx://example.invalid', token: TOKEN }, 'baseUrl', /^baseUrl must be an http\(s\) URL without query or fragment$/],
    ['a relative baseUrl', { baseUrl: '/v2', token: TOKEN }, 'baseUrl', /http/],
    ['a baseUrl with a query', { baseUrl: 'https://example.invalid/?a=1', token: TOKEN }, 'baseUrl', /query/],
    ['a baseUrl with a fragment', { baseUrl: 'https://example.invalid/#x', token: TOKEN }, 'baseUrl', /fragment/],
    ['a token that is a number', { baseUrl: 'https://example.invalid', token: 42 }, 'token', /string/],
    ['an empty token', { baseUrl: 'https://example.invalid', token: '' }, 'token', /non-empty/],
    ['a token with CR LF', { baseUrl: 'https://example.invalid', token: `${TOKEN}\r\nX-Injected: 1` }, 'token', /CR, LF/],
    ['a token with a space', { baseUrl: 'https://example.invalid', token: `${TOKEN} ` }, 'token', /space/],
    ['a token with non-ASCII', { baseUrl: 'https://example.invalid', token: `${TOKEN}é` }, 'token', /non-ASCII/],
    ['".." as default projectId', { baseUrl: 'https://example.invalid', token: TOKEN, projectId: '..' }, 'projectId', /"\.\."/],
    ['a default projectId with a slash', { baseUrl: 'https://example.invalid', token: TOKEN, projectId: 'a/b' }, 'projectId', /whitespace/],
    ['a fetch that is not a function', { baseUrl: 'https://example.invalid', token: TOKEN, fetch: 'fetch' }, 'fetch', /function/],
    ['an unknown option, wrongly cased', { Region: 'cn-south-1', token: TOKEN }, 'Region', /is not an option of createFunctionGraphClient \(did you mean region\?\)/],
    ['an unknown option, cut short', { baseUrl: 'https://example.invalid', token: TOKEN, timeout: 5 }, 'timeout', /did you mean timeoutMs\?/],
    ['an unknown backoff key', { baseUrl: 'https://example.invalid', token: TOKEN, backoff: { initialDelay: 5 } }, 'initialDelay', /is not an option of backoff \(did you mean initialDelayMs\?\)/],
    ['timeoutMs -1', { baseUrl: 'https://example.invalid', token: TOKEN, timeoutMs: -1 }, 'timeoutMs', /0.*2147483647/],
    ['maxRetries 11', { baseUrl: 'https://example.invalid', token: TOKEN, maxRetries: 11 }, 'maxRetries', /0.*10/],
    ['idempotent 1', { baseUrl: 'https://example.invalid', token: TOKEN, idempotent: 1 }, 'idempotent', /true or false/],
    ['backoff that is a number', { baseUrl: 'https://example.invalid', token: TOKEN, backoff: 5 }, 'backoff', /object/],
    ['backoff.initialDelayMs -1', { baseUrl: 'https://example.invalid', token: TOKEN, backoff: { initialDelayMs: -1 } }, 'backoff.initialDelayMs', /0.*2147483647/],
    ['backoff.maxDelayMs NaN', { baseUrl: 'https://example.invalid', token: TOKEN, backoff: { maxDelayMs: Number.NaN } }, 'backoff.maxDelayMs', /0.*2147483647/],
    ['backoff.maxRetryAfterMs "60s"', { baseUrl: 'https://example.invalid', token: TOKEN, backoff: { maxRetryAfterMs: '60s' } }, 'backoff.maxRetryAfterMs', /0.*2147483647/],
  ];

  it.each(rows)('%s', (_label, options, argument, rule) => {
    let thrown: unknown;
    try {
      createFunctionGraphClient(options as FunctionGraphClientOptions);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(FunctionGraphInputError);
    expect((thrown as FunctionGraphInputError).argument).toBe(argument);
    expect((thrown as Error).message).toMatch(rule);
  });

  it('derives the regional endpoint from region', () => {
    expect(createFunctionGraphClient({ region: 'cn-south-1', token: TOKEN }).baseUrl).toBe('https://functiongraph.cn-south-1.myhuaweicloud.com');
  });

  it('lets baseUrl take precedence over region and drops a trailing slash', () => {
    expect(createFunctionGraphClient({ baseUrl: `${server.url}/`, region: 'cn-north-4', token: TOKEN }).baseUrl).toBe(server.url);
  });

  it('drops every trailing slash of baseUrl', () => {
    expect(createFunctionGraphClient({ baseUrl: `${server.url}///`, token: TOKEN }).baseUrl).toBe(server.url);
  });
});

/** A JSON object whose compact JSON text is exactly `bytes` UTF-8 bytes long, made of `unit` (1, 2, 3 or 4 bytes each). */
function bodyOfBytes(bytes: number, unit = 'a'): Record<string, string> {
  const frame = Buffer.byteLength('{"k":""}');
  const each = Buffer.byteLength(unit);
  const filler = unit.repeat(Math.floor((bytes - frame) / each)) + 'a'.repeat((bytes - frame) % each);
  const built = { k: filler };
  if (Buffer.byteLength(JSON.stringify(built)) !== bytes) throw new Error('bodyOfBytes miscounted');
  return built;
}

type Operation = 'invokeFunction' | 'asyncInvokeFunction' | 'listAsyncInvocations' | 'listActiveAsyncInvocations' | 'cancelAsyncInvocation';
interface FamilyRow {
  operation: Operation;
  client?: Partial<FunctionGraphClientOptions>;
  input: Record<string, unknown>;
  argument: string;
  rule: RegExp;
}

const familyRows: [string, FamilyRow][] = [
  // header parameters: enums, with the value named
  ['logType outside its enum', { operation: 'invokeFunction', input: { functionUrn: URN, body, logType: 'full' }, argument: 'logType', rule: /must be one of tail, , got "full"/ }],
  ['requestVersion outside its enum', { operation: 'invokeFunction', input: { functionUrn: URN, body, requestVersion: 'v2' }, argument: 'requestVersion', rule: /one of v0, v1, got "v2"/ }],
  ['instanceMemory not a documented size', { operation: 'invokeFunction', input: { functionUrn: URN, body, instanceMemory: 100 }, argument: 'instanceMemory', rule: /one of 128, 256, .*10240, got 100/ }],
  ['instanceMemory not a whole number', { operation: 'asyncInvokeFunction', input: { functionUrn: URN, body, instanceMemory: 128.5 }, argument: 'instanceMemory', rule: /whole number, got 128.5/ }],
  ['instanceMemory as words', { operation: 'asyncInvokeFunction', input: { functionUrn: URN, body, instanceMemory: 'lots' }, argument: 'instanceMemory', rule: /whole number, got "lots"/ }],
  // body size, in UTF-8 bytes of the JSON sent
  ['an async body one byte over 256 KiB', { operation: 'asyncInvokeFunction', input: { functionUrn: URN, body: bodyOfBytes(262_145) }, argument: 'body', rule: /is 262145 bytes as JSON \(UTF-8\); the limit is 262144 bytes/ }],
  ['an async body over the limit only in UTF-8 bytes (3-byte characters)', { operation: 'asyncInvokeFunction', input: { functionUrn: URN, body: bodyOfBytes(262_146, '中') }, argument: 'body', rule: /is 262146 bytes as JSON \(UTF-8\); the limit is 262144 bytes/ }],
  ['a sync body one byte over 6 MiB', { operation: 'invokeFunction', input: { functionUrn: URN, body: bodyOfBytes(6_291_457) }, argument: 'body', rule: /6291457 bytes.*limit is 6291456 bytes/ }],
  // query parameters: limit range, status enum, time format, lengths
  ['limit 0', { operation: 'listAsyncInvocations', input: { functionUrn: URN, limit: 0 }, argument: 'limit', rule: /must be at least 1 and at most 500, got 0/ }],
  ['limit 501', { operation: 'listAsyncInvocations', input: { functionUrn: URN, limit: 501 }, argument: 'limit', rule: /at most 500, got 501/ }],
  ['limit "ten"', { operation: 'listActiveAsyncInvocations', input: { functionUrn: URN, limit: 'ten' }, argument: 'limit', rule: /whole number/ }],
  ['status outside its enum', { operation: 'listAsyncInvocations', input: { functionUrn: URN, status: 'DONE' }, argument: 'status', rule: /one of WAIT, RUNNING, SUCCESS, FAIL, DISCARD, got "DONE"/ }],
  ['a time with a zone', { operation: 'listAsyncInvocations', input: { functionUrn: URN, queryBeginTime: '2026-11-30T09:00:00Z' }, argument: 'queryBeginTime', rule: /YYYY-MM-DDTHH:mm:ss/ }],
  ['a time with a space', { operation: 'listActiveAsyncInvocations', input: { functionUrn: URN, queryEndTime: '2026-11-30 09:00:00' }, argument: 'queryEndTime', rule: /YYYY-MM-DDTHH:mm:ss/ }],
  ['month 13', { operation: 'listAsyncInvocations', input: { functionUrn: URN, queryEndTime: '2026-13-01T00:00:00' }, argument: 'queryEndTime', rule: /YYYY-MM-DDTHH:mm:ss/ }],
  ['a requestId of 65 characters', { operation: 'listAsyncInvocations', input: { functionUrn: URN, requestId: 'r'.repeat(65) }, argument: 'requestId', rule: /0 to 64 characters long, got 65/ }],
  ['requestIds of 641 characters', { operation: 'listActiveAsyncInvocations', input: { functionUrn: URN, requestIds: 'r'.repeat(641) }, argument: 'requestIds', rule: /640 characters long, got 641/ }],
  ['eleven requestIds', { operation: 'listActiveAsyncInvocations', input: { functionUrn: URN, requestIds: Array.from({ length: 11 }, (_, i) => `r${i}`).join(',') }, argument: 'requestIds', rule: /up to 10 request IDs/ }],
  ['a query value that is an object', { operation: 'listAsyncInvocations', input: { functionUrn: URN, marker: { at: 1 } }, argument: 'marker', rule: /string, number or boolean, got object/ }],
  // the URN's region and project against the client's
  ['a URN of another region than the client\'s', { operation: 'listAsyncInvocations', client: { baseUrl: undefined, region: 'ap-southeast-1' }, input: { functionUrn: URN }, argument: 'functionUrn', rule: /names region cn-south-1, but the client is for region ap-southeast-1: its calls go to that region's endpoint/ }],
  ['a URN of another project than the client\'s', { operation: 'cancelAsyncInvocation', client: { projectId: 'ffffeeeeddddccccbbbbaaaa99998888' }, input: { functionUrn: URN, body: { request_id: 'r' } }, argument: 'functionUrn', rule: /names project 0a7d.*but the client is for project ffff.*both must name the same project/ }],
  ['a call projectId other than the URN\'s', { operation: 'asyncInvokeFunction', input: { functionUrn: URN, body, projectId: 'ffffeeeeddddccccbbbbaaaa99998888' }, argument: 'projectId', rule: /is ffff.*functionUrn names project 0a7d/ }],
  ['no region, no baseUrl and a URN without a region', { operation: 'listAsyncInvocations', client: { baseUrl: undefined }, input: { functionUrn: 'my-func' }, argument: 'functionUrn', rule: /urn:fss:/ }],
  // unknown inputs: the suggestion comes from the wire name, the loose spelling or the name a short key begins
  ['a header input under its wire name, lower-cased', { operation: 'invokeFunction', input: { functionUrn: URN, body, 'x-cff-log-type': 'tail' }, argument: 'x-cff-log-type', rule: /is not an input of invokeFunction \(did you mean logType\?\)/ }],
  ['a query input under its wire name', { operation: 'listActiveAsyncInvocations', input: { functionUrn: URN, requests: 'r1' }, argument: 'requests', rule: /\(did you mean requestIds\?\)/ }],
  ['a query input under its wire name, capitalised', { operation: 'listActiveAsyncInvocations', input: { functionUrn: URN, Requests: 'r1' }, argument: 'Requests', rule: /\(did you mean requestIds\?\)/ }],
  ['the first four letters of an input', { operation: 'listAsyncInvocations', input: { functionUrn: URN, stat: 'WAIT' }, argument: 'stat', rule: /\(did you mean status\?\)/ }],
  ['three letters, too few to guess from', { operation: 'listAsyncInvocations', input: { functionUrn: URN, sta: 'WAIT' }, argument: 'sta', rule: /^sta is not an input of listAsyncInvocations: the inputs are projectId, functionUrn, requestId, marker, limit, status, queryBeginTime, queryEndTime$/ }],
  ['a body to an operation that takes none', { operation: 'listAsyncInvocations', input: { functionUrn: URN, body }, argument: 'body', rule: /^body is not an input of listAsyncInvocations: the inputs are projectId, functionUrn, requestId, marker, limit, status, queryBeginTime, queryEndTime$/ }],
  // the declared cancel body is still checked as a JSON object
  ['a cancel body that is an array', { operation: 'cancelAsyncInvocation', input: { functionUrn: URN, body: ['r'] }, argument: 'body', rule: /JSON object/ }],
];

describe('the invocation family: bad input refused before anything is sent', () => {
  it.each(familyRows)('%s', async (_label, row) => {
    const c = client(row.client);
    const method = c[row.operation] as (input: unknown) => Promise<unknown>;

    await expectRefusedBeforeSending(method(row.input), row);
  });

  it.each([
    ['an async body of exactly 256 KiB', 'asyncInvokeFunction', bodyOfBytes(262_144)],
    ['an async body of exactly 256 KiB in 3-byte characters', 'asyncInvokeFunction', bodyOfBytes(262_144, '中')],
    ['a sync body of exactly 6 MiB', 'invokeFunction', bodyOfBytes(6_291_456)],
  ] as const)('sends %s (the limit is inclusive)', async (_label, operation, big) => {
    server.fallback(operation === 'invokeFunction' ? behave.json(200, { result: '' }) : behave.json(202, { request_id: 'r' }));
    await (client()[operation] as (input: unknown) => Promise<unknown>)({ functionUrn: URN, body: big });

    expect(server.attempts).toBe(1);
    expect(server.requests[0]!.body.byteLength).toBe(Buffer.byteLength(JSON.stringify(big)));
    server.fallback(behave.accepted('never-sent'));
  });

  it.each([
    ['limit 1 and 500 (inclusive bounds)', { limit: 1 }, { limit: 500 }],
    ['limit as a digit string', { limit: '20' }, { limit: '500' }],
  ])('accepts %s', async (_label, a, b) => {
    server.fallback(behave.json(200, { invocations: [] }));
    await client().listAsyncInvocations({ functionUrn: URN, ...(a as object) });
    await client().listAsyncInvocations({ functionUrn: URN, ...(b as object) });

    expect(server.attempts).toBe(2);
    server.fallback(behave.accepted('never-sent'));
  });
});

describe('unknown keys of an operation that takes no input', () => {
  // The spec has no such operation yet; the runtime is generic, and says so rather than listing nothing.
  it('says that there are none', () => {
    expect(() => refuseUnknownKeys({ limit: 1 }, knownKeys([]), 'input', 'listVersions')).toThrow(
      new FunctionGraphInputError('limit', 'is not an input of listVersions: the inputs are none'),
    );
  });
});
