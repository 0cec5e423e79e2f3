/**
 * No secret leaks: the token, the secret access key, the security token. For every kind of failure (API error, timeout, connection, abort,
 * malformed answer, bad input), a recognisable fake token appears in no error's message,
 * toString, stack, JSON or `util.inspect(…, { depth: 5, showHidden: true })`, nor in an
 * inspection of the client, nor in any warning a process prints.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, createRawClient, FunctionGraphError, type FunctionGraphClientOptions, type RawClientOptions } from '../src/index.js';
import { closedPort } from './helpers/loopback-server.js';
import { behave, DEFAULT_INSTANCE_ID, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { describeRun, runDistModule } from './helpers/node-child.js';
import { FAST_BACKOFF, INPUT, PROJECT, rejection, TOKEN, URN } from './helpers/calls.js';
import { childTransportOptions, transportOptions } from './helpers/transport.js';
import { errorViews } from './helpers/error-views.js';

let server: FaultServer;
let elsewhere: FaultServer;

beforeAll(async () => {
  [server, elsewhere] = await Promise.all([startFaultServer({ maxLifetimeMs: 60_000 }), startFaultServer()]);
});
afterAll(async () => {
  await Promise.all([server?.close(), elsewhere?.close()]);
});
beforeEach(() => {
  server.script();
  server.fallback(behave.accepted(DEFAULT_INSTANCE_ID));
});

/** Fake secrets of an access key pair, as easy to search for as the token. The access key id is an identifier and may be shown. */
const SECRET_KEY = 'fake-secret-key-SECRET-51c0';
const SECURITY_TOKEN = 'fake-security-token-SECRET-77ab';
const CREDENTIALS = { accessKeyId: 'FAKEACCESSKEYID0001', secretAccessKey: SECRET_KEY, securityToken: SECURITY_TOKEN };
const SECRETS = [TOKEN, SECRET_KEY, SECURITY_TOKEN];

/** How the clients of the failure table authenticate: each table runs once per way. */
let auth: 'token' | 'credentials' = 'token';

function client(options: Partial<FunctionGraphClientOptions> = {}) {
  const secret = auth === 'token' || 'token' in options ? { token: TOKEN } : { credentials: CREDENTIALS };
  return createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, ...secret, backoff: FAST_BACKOFF, ...transportOptions(), ...options });
}

function rawClient(options: Partial<RawClientOptions> = {}) {
  return createRawClient({ baseUrl: server.url, token: TOKEN, ...options });
}

const RAW_PATH = '/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations' as const;

/** One raw POST of the operation; `functionUrn` and `signal` vary per failure kind. */
function rawCall(client = rawClient(), { functionUrn = URN, signal }: { functionUrn?: string; signal?: AbortSignal } = {}) {
  return client.POST(RAW_PATH, { params: { path: { project_id: PROJECT, function_urn: functionUrn } }, body: { k: 'v' }, signal });
}


// [failure kind, how to make it happen, the error class expected]
const failures: [string, () => Promise<unknown>, string][] = [
  ['a 404 API error', () => (server.fallback(behave.json(404, { error_code: 'FSS.1051', error_msg: 'Not found the function' }, { 'X-Request-Id': 'r-1' })), client().asyncInvokeReservedFunction(INPUT)), 'NotFoundError'],
  ['a 401 from the gateway', () => (server.fallback(behave.apigwUnauthorized()), client().asyncInvokeReservedFunction(INPUT)), 'AuthenticationError'],
  ['a 502 HTML page', () => (server.fallback(behave.html(502, '<h1>Bad Gateway</h1>')), client().asyncInvokeReservedFunction(INPUT)), 'ServerError'],
  ['a 503 after retries', () => (server.fallback(behave.json(503, { error_code: 'FSS.0503', error_msg: 'busy' })), client().asyncInvokeReservedFunction(INPUT)), 'ServerError'],
  ['a timeout waiting for headers', () => (server.fallback(behave.hold()), client({ timeoutMs: 50 }).asyncInvokeReservedFunction(INPUT)), 'FunctionGraphTimeoutError'],
  ['a timeout reading the body', () => (server.fallback(behave.stalledBody(202, '{"in')), client({ timeoutMs: 50 }).asyncInvokeReservedFunction(INPUT)), 'FunctionGraphTimeoutError'],
  ['a refused connection', async () => client({ baseUrl: `http://127.0.0.1:${await closedPort()}` }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphConnectionError'],
  ['a connection reset on accept', () => (server.fallback(behave.resetOnConnect()), server.script(behave.resetOnConnect(), behave.resetOnConnect(), behave.resetOnConnect()), client().asyncInvokeReservedFunction(INPUT)), 'FunctionGraphConnectionError'],
  ['a connection dropped after the request', () => (server.fallback(behave.destroyAfterRequest()), client().asyncInvokeReservedFunction(INPUT)), 'FunctionGraphConnectionError'],
  ['a body cut short', () => (server.fallback(behave.shortBody(202, { instance_id: DEFAULT_INSTANCE_ID })), client().asyncInvokeReservedFunction(INPUT)), 'FunctionGraphResponseError'],
  ['an abort while waiting', () => {
    server.fallback(behave.hold());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    return client().asyncInvokeReservedFunction(INPUT, { signal: controller.signal });
  }, 'FunctionGraphAbortError'],
  ['an abort before the call', () => client().asyncInvokeReservedFunction(INPUT, { signal: AbortSignal.abort() }), 'FunctionGraphAbortError'],
  ['a 202 with invalid JSON', () => (server.fallback(behave.cutJson(202, { instance_id: DEFAULT_INSTANCE_ID })), client().asyncInvokeReservedFunction(INPUT)), 'FunctionGraphResponseError'],
  ['a 202 without instance_id', () => (server.fallback(behave.acceptedWithoutInstanceId()), client().asyncInvokeReservedFunction(INPUT)), 'FunctionGraphResponseError'],
  ['a redirect', () => (server.fallback(behave.redirect(302, `${elsewhere.url}/`)), client().asyncInvokeReservedFunction(INPUT)), 'FunctionGraphResponseError'],
  ['a per-call X-Auth-Token header carrying the token and CR LF', () => client().asyncInvokeReservedFunction(INPUT, { headers: { 'X-Auth-Token': `${TOKEN}\r\nX-Injected: 1` } }), 'FunctionGraphInputError'],
  ['a per-call header value with the token and a control character', () => client().asyncInvokeReservedFunction(INPUT, { headers: { Authorization: `Bearer ${TOKEN}\u0000` } }), 'FunctionGraphInputError'],
  ['a fixed token with CR LF', async () => client({ token: `${TOKEN}\r\nX-Injected: 1` }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphInputError'],
  ['a fixed token with a trailing space', async () => client({ token: `${TOKEN} ` }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphInputError'],
  ['a token provider returning a number', () => client({ token: (() => 7) as unknown as () => string }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphInputError'],
  ['a token provider returning CR LF', () => client({ token: async () => `${TOKEN}\n` }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphInputError'],
  ['a bad URN', () => client().asyncInvokeReservedFunction({ functionUrn: '..', body: { k: 'v' } }), 'FunctionGraphInputError'],
  ['a bad body', () => client().asyncInvokeReservedFunction({ functionUrn: URN, body: [] as never }), 'FunctionGraphInputError'],
];

/** Failures only a signing client meets; the table above also runs with credentials. */
const credentialFailures: [string, () => Promise<unknown>, string][] = [
  ['a 401 APIGW.0301 whose canonical request echoes the security token', () => {
    const echo = `verify aksk signature fail, canonicalRequest: POST|/v2/${PROJECT}/fgs/functions/x/|content-type:application/json|x-security-token:${SECURITY_TOKEN}|`;
    server.fallback(behave.json(401, { error_code: 'APIGW.0301', error_msg: echo }));
    return client().asyncInvokeReservedFunction(INPUT);
  }, 'AuthenticationError'],
  ['fixed credentials whose secret key has CR LF', () => client({ credentials: { ...CREDENTIALS, secretAccessKey: `${SECRET_KEY}\r\n` } }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphInputError'],
  ['a provider whose security token has a space', () => client({ credentials: async () => ({ ...CREDENTIALS, securityToken: `${SECURITY_TOKEN} x` }) }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphInputError'],
  ['a provider returning the secret key as the access key id with a space', () => client({ credentials: () => ({ ...CREDENTIALS, accessKeyId: `${SECRET_KEY} ` }) }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphInputError'],
  ['a provider that throws', () => client({ credentials: () => { throw new Error('vault sealed'); } }).asyncInvokeReservedFunction(INPUT), 'FunctionGraphInputError'],
  ['credentials and a token together', async () => createFunctionGraphClient({ baseUrl: server.url, credentials: CREDENTIALS, token: TOKEN }), 'FunctionGraphInputError'],
  ['a per-call header carrying the security token and CR LF', () => client().asyncInvokeReservedFunction(INPUT, { headers: { 'X-Security-Token': `${SECURITY_TOKEN}\r\n` } }), 'FunctionGraphInputError'],
];

describe.each(['token', 'credentials'] as const)('no secret shows up in an error, with %s', (mode) => {
  beforeAll(() => {
    auth = mode;
  });
  afterAll(() => {
    auth = 'token';
  });

  it.each(mode === 'token' ? failures : [...failures, ...credentialFailures])('after %s', async (_label, run, name) => {
    const error = await rejection(run());

    expect(error).toBeInstanceOf(FunctionGraphError);
    expect((error as Error).name).toBe(name);
    for (const [view, text] of errorViews(error as Error)) {
      for (const secret of SECRETS) expect(text, view).not.toContain(secret);
    }
    // With credentials, every call that reached the server was signed, so the secrets were in play.
    if (mode === 'credentials' && name !== 'FunctionGraphInputError' && server.requests.length > 0) {
      expect(server.requests.at(-1)?.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=FAKEACCESSKEYID0001, /);
    }
  });
});

/** Every way a raw client's `{ data, error, response }` can end up in a log. */
function resultViews(result: object): [string, string][] {
  const { data, error, response } = result as { data?: unknown; error?: unknown; response?: Response };
  return [
    ['inspect', inspect(result, { depth: 5 })],
    ['inspect showHidden', inspect(result, { depth: 5, showHidden: true })],
    ['data JSON', JSON.stringify(data) ?? ''],
    ['error JSON', JSON.stringify(error) ?? ''],
    ['response headers', JSON.stringify([...(response?.headers ?? [])])],
  ];
}

// The raw client reports HTTP errors as `{ error, response }` and throws what fetch or its own
// checks throw; both are looked at. [failure kind, how to make it happen, what it ends in]
const rawFailures: [string, () => Promise<object>, string][] = [
  ['a 404 API error', () => (server.fallback(behave.json(404, { error_code: 'FSS.1051', error_msg: 'Not found the function' }, { 'X-Request-Id': 'r-1' })), rawCall()), 'result 404'],
  ['a 401 from the gateway', () => (server.fallback(behave.apigwUnauthorized()), rawCall()), 'result 401'],
  ['a 502 HTML page', () => (server.fallback(behave.html(502, '<h1>Bad Gateway</h1>')), rawCall()), 'result 502'],
  ['a 503', () => (server.fallback(behave.json(503, { error_code: 'FSS.0503', error_msg: 'busy' })), rawCall()), 'result 503'],
  ['a redirect (not followed)', () => (server.fallback(behave.redirect(302, `${elsewhere.url}/`)), rawCall()), 'result 302'],
  ['a 202 with invalid JSON', () => (server.fallback(behave.cutJson(202, { instance_id: DEFAULT_INSTANCE_ID })), rawCall()), 'thrown SyntaxError'],
  ['a body cut short', () => (server.fallback(behave.shortBody(202, { instance_id: DEFAULT_INSTANCE_ID })), rawCall()), 'thrown TypeError'],
  ['a refused connection', async () => rawCall(rawClient({ baseUrl: `http://127.0.0.1:${await closedPort()}` })), 'thrown TypeError'],
  ['a connection reset on accept', () => (server.script(behave.resetOnConnect()), rawCall()), 'thrown TypeError'],
  ['a connection dropped after the request', () => (server.fallback(behave.destroyAfterRequest()), rawCall()), 'thrown TypeError'],
  ['an abort while waiting', () => {
    server.fallback(behave.hold());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    return rawCall(rawClient(), { signal: controller.signal });
  }, 'thrown AbortError'],
  ['a fixed token with CR LF', () => rawCall(rawClient({ token: `${TOKEN}\r\nX-Injected: 1` })), 'thrown FunctionGraphInputError'],
  ['a fixed token with a trailing space', () => rawCall(rawClient({ token: `${TOKEN} ` })), 'thrown FunctionGraphInputError'],
  ['a token provider returning CR LF', () => rawCall(rawClient({ token: async () => `${TOKEN}\n` })), 'thrown FunctionGraphInputError'],
  ['a ".." URN', () => rawCall(rawClient(), { functionUrn: '..' }), 'thrown FunctionGraphInputError'],
];

describe('the token never shows up in what the raw client returns or throws', () => {
  it.each(rawFailures)('after %s', async (_label, run, want) => {
    let outcome: string;
    let shown: [string, string][];
    try {
      const result = await run();
      outcome = `result ${(result as { response: Response }).response.status}`;
      shown = resultViews(result);
    } catch (error) {
      outcome = `thrown ${(error as Error).name}`;
      shown = errorViews(error as Error);
    }

    for (const [view, text] of shown) {
      expect(text, `${outcome}: ${view}`).not.toContain(TOKEN);
    }
    // The failure was the one named, so the views above looked at it.
    expect(outcome).toBe(want);
  });
});

describe('no secret shows up in an inspection of a client', () => {
  it.each([
    ['a fixed token', () => client()],
    ['a token provider', () => client({ token: () => TOKEN })],
    ['a raw client with a fixed token', () => createRawClient({ baseUrl: server.url, token: TOKEN })],
    ['a raw client with a token provider', () => createRawClient({ baseUrl: server.url, token: async () => TOKEN })],
    ['fixed credentials', () => createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, credentials: CREDENTIALS, ...transportOptions() })],
    ['a credentials provider', () => createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, credentials: async () => CREDENTIALS, ...transportOptions() })],
  ])('with %s', async (label, make) => {
    const c = make();
    // Used once, so anything it caches would be there to see.
    if ('asyncInvokeReservedFunction' in c) await c.asyncInvokeReservedFunction(INPUT);
    else expect((await rawCall(c)).response.status).toBe(202);
    const sent = server.requests.at(-1)?.headers;
    if (label.includes('credentials')) expect(sent?.['x-security-token']).toBe(SECURITY_TOKEN);
    else expect(sent?.['x-auth-token']).toBe(TOKEN);

    for (const shown of [inspect(c), inspect(c, { depth: 5 }), inspect(c, { depth: 5, showHidden: true }), JSON.stringify(c) ?? '']) {
      for (const secret of SECRETS) expect(shown).not.toContain(secret);
    }
    // The inspection saw the client, so the check above looked at something.
    expect(inspect(c, { depth: 5, showHidden: true }).length).toBeGreaterThan(50);
  });
});

/**
 * A module for a child process: makes `client` as `setup` says, runs each of `calls` (a
 * `const calls = [...]` of functions), and prints every result, error and inspection the way a
 * careless log would, then the client itself and `done`.
 */
function printingScript(setup: string, calls: string): string {
  return `
const { createFunctionGraphClient, credentialsFromEnv } = await import(process.env.FGS_DIST);
const { inspect } = await import('node:util');
${setup}
const input = { functionUrn: process.env.FGS_URN, body: { k: 'v' } };
${calls}
for (const call of calls) {
  try {
    const result = await call();
    console.log('RESULT', inspect(result, { depth: 5, showHidden: true }));
  } catch (error) {
    console.log('ERROR', error.name);
    console.error(error);
    console.error(inspect(error, { depth: 5, showHidden: true }));
  }
}
console.log(inspect(client, { depth: 5, showHidden: true }));
console.log('done');
`;
}

describe('the token never shows up in what a process prints', () => {
  it('in warnings, errors and their inspections, across failure kinds', async () => {
    server.script(behave.json(404, { error_code: 'FSS.1051', error_msg: 'Not found the function' }), behave.hold(), behave.destroyAfterRequest(), behave.cutJson(202, { instance_id: 'x' }));
    server.fallback(behave.accepted(DEFAULT_INSTANCE_ID, { Deprecation: '@1688169599', Sunset: 'Wed, 31 Dec 2026 23:59:59 GMT' }));
    const source = printingScript(
      `const client = createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, projectId: process.env.FGS_PROJECT, token: process.env.FGS_TOKEN, maxRetries: 0, ${childTransportOptions} });`,
      `const calls = [
  () => client.asyncInvokeReservedFunction(input),
  () => client.asyncInvokeReservedFunction(input, { timeoutMs: 100 }),
  () => client.asyncInvokeReservedFunction(input),
  () => client.asyncInvokeReservedFunction(input),
  () => client.withResponse.asyncInvokeReservedFunction(input),
  () => client.asyncInvokeReservedFunction(input, { headers: { 'X-Auth-Token': process.env.FGS_TOKEN + '\\r\\n' } }),
];
`,
    );

    const run = await runDistModule(source, {
      env: { FGS_BASE_URL: server.url, FGS_PROJECT: PROJECT, FGS_TOKEN: TOKEN, FGS_URN: URN },
      timeoutMs: 20_000,
    });

    expect(run.exitCode, describeRun(run)).toBe(0);
    expect(run.stdout).toContain('done');
    // The run saw what it was meant to see: four failures, an answer, a refused header, a warning.
    expect(run.stdout.match(/^ERROR /gm)).toHaveLength(5);
    expect(run.stdout).toContain('RESULT');
    expect(run.stderr).toContain('DeprecationWarning');
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('nor the secret key or security token of a signing client, across failure kinds', async () => {
    const echo = `verify aksk signature fail, canonicalRequest: POST|/v2/${PROJECT}/fgs/functions/x/|x-security-token:${SECURITY_TOKEN}|`;
    server.script(behave.json(401, { error_code: 'APIGW.0301', error_msg: echo }), behave.json(404, { error_code: 'FSS.1051', error_msg: 'Not found the function' }), behave.hold(), behave.destroyAfterRequest(), behave.cutJson(202, { instance_id: 'x' }));
    server.fallback(behave.accepted(DEFAULT_INSTANCE_ID, { Deprecation: '@1688169599' }));
    const source = printingScript(
      `const client = createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, maxRetries: 0, ...credentialsFromEnv(), ${childTransportOptions} });`,
      `const calls = [
  () => client.asyncInvokeReservedFunction(input),
  () => client.asyncInvokeReservedFunction(input),
  () => client.asyncInvokeReservedFunction(input, { timeoutMs: 100 }),
  () => client.asyncInvokeReservedFunction(input),
  () => client.asyncInvokeReservedFunction(input),
  () => client.withResponse.asyncInvokeReservedFunction(input),
  () => createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, credentials: { accessKeyId: 'A', secretAccessKey: process.env.HUAWEICLOUD_SDK_SK + '\\n' } }).asyncInvokeReservedFunction(input),
];
`,
    );

    const run = await runDistModule(source, {
      env: {
        FGS_BASE_URL: server.url,
        FGS_URN: URN,
        HUAWEICLOUD_SDK_AK: CREDENTIALS.accessKeyId,
        HUAWEICLOUD_SDK_SK: SECRET_KEY,
        HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN,
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      },
      timeoutMs: 20_000,
    });

    expect(run.exitCode, describeRun(run)).toBe(0);
    expect(run.stdout).toContain('done');
    // Six failures (a rejected signature among them), one answer, one warning: the secrets were in play.
    expect(run.stdout.match(/^ERROR /gm)).toHaveLength(6);
    expect(run.stdout).toContain('ERROR AuthenticationError');
    expect(run.stdout).toContain('RESULT');
    expect(run.stderr).toContain('DeprecationWarning');
    expect(server.requests.some((request) => request.headers['x-security-token'] === SECURITY_TOKEN)).toBe(true);
    for (const secret of [SECRET_KEY, SECURITY_TOKEN]) expect(run.stdout + run.stderr).not.toContain(secret);
  });
});
