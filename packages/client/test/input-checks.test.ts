/**
 * Bad input is refused before the network: the loopback server must see no request at all. Each
 * row is one case; the error is a FunctionGraphInputError naming the argument, and its message
 * states the rule that was broken.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, FunctionGraphInputError, type FunctionGraphClientOptions } from '../src/index.js';
import { behave, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { PROJECT, TOKEN, URN, URN_PREFIX } from './helpers/calls.js';

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
  ['no token at all', { client: { token: undefined }, input: { functionUrn: URN, body }, argument: 'token', rule: /required/ }],
];

describe('bad input to a call is refused before anything is sent', () => {
  it.each(callRows)('%s', async (_label, row) => {
    const c = client(row.client);

    const error = await c.asyncInvokeReservedFunction(row.input as never, row.call as never).then(
      (value) => new Error(`resolved with ${JSON.stringify(value)}`),
      (e: unknown) => e,
    );

    expect(error, String(error)).toBeInstanceOf(FunctionGraphInputError);
    const inputError = error as FunctionGraphInputError;
    expect(inputError.argument).toBe(row.argument);
    expect(inputError.message.startsWith(row.argument)).toBe(true);
    expect(inputError.message).toMatch(row.rule);
    expect(server.attempts).toBe(0);
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

describe('bad client options are refused by createFunctionGraphClient', () => {
  const rows: [string, Record<string, unknown>, string, RegExp][] = [
    ['a region that is not a region ID', { region: 'evil.com/x', token: TOKEN }, 'region', /region ID/],
    ['a region with upper-case letters', { region: 'CN-SOUTH-1', token: TOKEN }, 'region', /region ID/],
    ['an ftp baseUrl', { baseUrl: 'ftp://x', token: TOKEN }, 'baseUrl', /http/],
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
});
