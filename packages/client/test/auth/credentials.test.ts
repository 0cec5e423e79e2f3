/**
 * The `credentials` option and `credentialsFromEnv`, on a loopback server: which headers a signed
 * request carries, when credentials are checked and the provider called, what is refused before
 * anything is sent, and what a rejected signature turns into. Whether the signature itself is
 * right is proven elsewhere, against the official signer (signing.differential.test.ts) and a
 * server that verifies every request with it (signed-calls.test.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  createFunctionGraphClient,
  credentialsFromEnv,
  FunctionGraphInputError,
  type Credentials,
  type FunctionGraphClientOptions,
} from '../../src/index.js';
import { json, startLoopbackServer, type LoopbackServer, type Responder } from '../helpers/loopback-server.js';
import { FAST_BACKOFF, INPUT, PROJECT, rejection, sleep, TOKEN, URN } from '../helpers/calls.js';

const PERMANENT: Credentials = { accessKeyId: 'FAKEAK0000000001', secretAccessKey: 'fake-sk-0000000000000001' };
const TEMPORARY: Credentials = { ...PERMANENT, securityToken: 'fake-security-token-0001' };

/** asyncInvokeFunction's answer. */
const ok: Responder = (_request, res) => json(res, 202, { request_id: 'r-1' });
/** 503 to the first request, then `ok`. */
const busyOnce: Responder = (request, res) => (server.requests.length === 1 ? json(res, 503, { error_code: 'FSS.0503', error_msg: 'busy' }) : ok(request, res));

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer(ok);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = (options: Partial<FunctionGraphClientOptions> = {}) =>
  createFunctionGraphClient({ baseUrl: server.url, credentials: TEMPORARY, backoff: FAST_BACKOFF, ...options });

describe('a signed request', () => {
  it('carries the date, the project and the security token, signed, and no token header', async () => {
    await client().asyncInvokeFunction(INPUT);
    const { headers } = server.requests[0]!;
    expect(headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
    // Within a minute of now: the date is the time of signing, in UTC.
    const sent = Date.parse(String(headers['x-sdk-date']).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    expect(Math.abs(sent - Date.now())).toBeLessThan(60_000);
    // The project comes from the URN when neither the call nor the client names one.
    expect(headers['x-project-id']).toBe(PROJECT);
    expect(headers['x-security-token']).toBe(TEMPORARY.securityToken);
    expect(headers['x-auth-token']).toBeUndefined();
    expect(headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=FAKEAK0000000001, SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
    );
  });

  it('has no security token header with permanent credentials', async () => {
    await client({ credentials: PERMANENT }).asyncInvokeFunction(INPUT);
    const { headers } = server.requests[0]!;
    expect(headers['x-security-token']).toBeUndefined();
    expect(headers.authorization).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date, ');
  });

  it('refuses, before sending, a project id its header cannot carry', async () => {
    const project = 'projét0a7d3b5c8e9f41d2';
    const error = await rejection(client().asyncInvokeFunction({ functionUrn: `urn:fss:cn-south-1:${project}:function:default:fn:latest`, body: {} }));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('projectId');
    expect(String(error)).toMatch(/cannot be sent in the X-Project-Id header a signed request carries/);
    expect(server.requests).toHaveLength(0);
  });

  it('signs a GET without a body and leaves headers fetch may change out of the signature', async () => {
    server.reset((_request, res) => json(res, 200, { count: 0, invocations: [], next_marker: 0 }));
    await client().listAsyncInvocations({ functionUrn: URN, limit: 5 }, { headers: { 'User-Agent': 'app/1', Accept: 'application/json', 'X-Trace': 't-1' } });
    const { headers, method } = server.requests[0]!;
    expect(method).toBe('GET');
    expect(headers['user-agent']).toBe('app/1');
    // The caller's own header is signed; user-agent and accept are not (a fetch may rewrite them).
    expect(headers.authorization).toContain('SignedHeaders=host;x-project-id;x-sdk-date;x-security-token;x-trace, ');
  });
});

describe('when credentials are checked and the provider is called', () => {
  it('refuses credentials together with a token at construction', () => {
    const error = (() => {
      try {
        createFunctionGraphClient({ baseUrl: server.url, credentials: PERMANENT, token: TOKEN });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('credentials');
    expect(String(error)).toMatch(/credentials and token were both given/);
  });

  it.each([
    ['a string', 'AK:SK'],
    ['null', null],
    ['a number', 7],
  ])('refuses %s as credentials at construction', (_label, value) => {
    expect(() => createFunctionGraphClient({ baseUrl: server.url, credentials: value as never })).toThrow(/credentials must be an object with accessKeyId and secretAccessKey/);
  });

  it('builds a client with neither, and a secured call fails before sending, naming both options', async () => {
    const unauthenticated = createFunctionGraphClient({ baseUrl: server.url });
    const error = await rejection(unauthenticated.asyncInvokeFunction(INPUT));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('credentials');
    expect(String(error)).toMatch(/credentials or token is required by asyncInvokeFunction: give the client `credentials` \(an access key pair\) or `token` \(an IAM token\)/);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['no secretAccessKey', { accessKeyId: 'AK' }, 'credentials.secretAccessKey', /must be a non-empty string/],
    ['an empty accessKeyId', { accessKeyId: '', secretAccessKey: 'sk' }, 'credentials.accessKeyId', /must be a non-empty string/],
    ['a security token with CR LF', { ...PERMANENT, securityToken: 'tok\r\nX-Injected: 1' }, 'credentials.securityToken', /CR, LF/],
    ['a secret key with non-ASCII', { ...PERMANENT, secretAccessKey: 'skÄ' }, 'credentials.secretAccessKey', /non-ASCII/],
  ])('refuses fixed credentials with %s before the first request is sent', async (_label, credentials, argument, rule) => {
    const error = await rejection(client({ credentials: credentials as Credentials }).asyncInvokeFunction(INPUT));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe(argument);
    expect(String(error)).toMatch(rule);
    expect(server.requests).toHaveLength(0);
  });

  it('calls the provider for every attempt, so a retry is signed with what it returns then', async () => {
    let calls = 0;
    server.reset(busyOnce);
    const rotating = () => ({ ...TEMPORARY, accessKeyId: `FAKEAK-ROTATION-${++calls}` });
    await client({ credentials: rotating }).asyncInvokeFunction(INPUT);
    expect(calls).toBe(2);
    expect(server.requests.map((request) => /Access=([^,]+)/.exec(request.headers.authorization!)?.[1])).toEqual(['FAKEAK-ROTATION-1', 'FAKEAK-ROTATION-2']);
  });

  it('signs a retry afresh, with a new date', async () => {
    server.reset(busyOnce);
    // The date has one-second resolution: the retry waits 1.1 to 2.2 s (half the step is jitter), past a second boundary.
    await client({ backoff: { initialDelayMs: 2_200, maxDelayMs: 2_200 } }).asyncInvokeFunction(INPUT);
    const [first, second] = server.requests.map((request) => request.headers);
    expect(first!['x-sdk-date']).not.toBe(second!['x-sdk-date']);
    expect(first!.authorization).not.toBe(second!.authorization);
  });

  it('shares one pending provider call among concurrent requests', async () => {
    let calls = 0;
    const slow = async () => {
      calls++;
      await sleep(50);
      return TEMPORARY;
    };
    const signing = client({ credentials: slow });
    await Promise.all(Array.from({ length: 8 }, () => signing.asyncInvokeFunction(INPUT)));
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(8);
    // Once settled, the next request calls the provider again.
    await signing.asyncInvokeFunction(INPUT);
    expect(calls).toBe(2);
  });

  it('fails the call naming credentials when the provider throws, keeping its error as the cause, and sends nothing', async () => {
    const vault = new Error('vault sealed');
    const error = await rejection(client({ credentials: () => Promise.reject(vault) }).asyncInvokeFunction(INPUT));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('credentials');
    expect(String(error)).toMatch(/provider threw; see `cause`/);
    expect((error as Error).cause).toBe(vault);
    expect(server.requests).toHaveLength(0);
  });

  it('fails the call when the provider returns something malformed, saying which field', async () => {
    const error = await rejection(client({ credentials: async () => ({ accessKeyId: 'AK' }) as Credentials }).asyncInvokeFunction(INPUT));
    expect((error as FunctionGraphInputError).argument).toBe('credentials provider result.secretAccessKey');
    expect(server.requests).toHaveLength(0);
    const notAnObject = await rejection(client({ credentials: (() => 'AK:SK') as never }).asyncInvokeFunction(INPUT));
    expect(String(notAnObject)).toMatch(/credentials provider result must be an object with accessKeyId and secretAccessKey, got string/);
  });
});

describe('a rejected signature', () => {
  const echo = (text: string) => (_request: unknown, res: Parameters<typeof json>[0]) => json(res, 401, { error_code: 'APIGW.0301', error_msg: text });

  it('is an AuthenticationError that says what to check and shows both canonical requests', async () => {
    server.reset(echo(`verify aksk signature fail, canonicalRequest: POST|/v2/${PROJECT}/fgs/functions/x/invocations-async/||content-type:application/json|x-security-token:${TEMPORARY.securityToken}|`));
    const error = (await rejection(client().asyncInvokeFunction(INPUT))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.errorCode).toBe('APIGW.0301');
    expect(error.message).toMatch(/rejected the SDK-HMAC-SHA256 signature made with access key id FAKEAK0000000001 at \d{8}T\d{6}Z/);
    expect(error.message).toMatch(/clock is within 15 minutes of the gateway's/);
    expect(error.message).toMatch(/secret access key is the one issued with access key id FAKEAK0000000001/);
    expect(error.message).toMatch(/security token goes with this key pair and has not expired/);
    expect(error.message).toContain(`The gateway's canonical request (compare it with error.signing.canonicalRequest, the client's):\nPOST\n/v2/${PROJECT}/fgs/functions/x/invocations-async/\n\ncontent-type:application/json\nx-security-token:<redacted>\n`);
    expect(error.signing?.serverCanonicalRequest).toContain('x-security-token:<redacted>');
    expect(error.signing?.accessKeyId).toBe('FAKEAK0000000001');
    expect(error.signing?.signedHeaders).toBe('content-type;host;x-project-id;x-sdk-date;x-security-token');
    expect(error.signing?.canonicalRequest).toMatch(/^POST\n\/v2\/0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8\/fgs\/functions\/urn%3Afss%3A.*\/invocations-async\/\n\ncontent-type:application\/json\nhost:127\.0\.0\.1:\d+\n/);
    expect(error.signing?.canonicalRequest).toContain('x-security-token:<redacted>\n');
    // Not retried: a rejected signature will not pass on a second try.
    expect(server.requests).toHaveLength(1);
  });

  it('says so when the gateway echoed no canonical request', async () => {
    server.reset(echo('Incorrect IAM authentication information'));
    const error = (await rejection(client().asyncInvokeFunction(INPUT))) as AuthenticationError;
    expect(error.message).toContain('The gateway sent no canonical request; the client signed error.signing.canonicalRequest.');
    expect(error.signing?.serverCanonicalRequest).toBeUndefined();
  });

  it('leaves other 401s and token clients as they were', async () => {
    server.reset((_request, res) => json(res, 401, { error_code: 'FSS.1118', error_msg: 'Access denied' }));
    const signed = (await rejection(client().asyncInvokeFunction(INPUT))) as AuthenticationError;
    expect(signed.signing).toBeUndefined();
    server.reset(echo('verify aksk signature fail, canonicalRequest: POST|/|'));
    const withToken = (await rejection(createFunctionGraphClient({ baseUrl: server.url, token: TOKEN }).asyncInvokeFunction(INPUT))) as AuthenticationError;
    expect(withToken.signing).toBeUndefined();
    expect(withToken.message).not.toContain('Check that');
  });
});

describe('credentialsFromEnv', () => {
  const env = { HUAWEICLOUD_SDK_AK: 'FAKEAK-ENV', HUAWEICLOUD_SDK_SK: 'fake-sk-env', HUAWEICLOUD_SDK_SECURITY_TOKEN: 'fake-st-env', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };

  it('reads the variables the official SDKs read', () => {
    expect(credentialsFromEnv(env)).toEqual({ credentials: { accessKeyId: 'FAKEAK-ENV', secretAccessKey: 'fake-sk-env', securityToken: 'fake-st-env' }, projectId: PROJECT });
    expect(credentialsFromEnv({ HUAWEICLOUD_SDK_AK: 'A', HUAWEICLOUD_SDK_SK: 'S' })).toEqual({ credentials: { accessKeyId: 'A', secretAccessKey: 'S' } });
  });

  it('reads process.env by default', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      expect(credentialsFromEnv().credentials.accessKeyId).toBe('FAKEAK-ENV');
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it.each([
    ['the access key id', { HUAWEICLOUD_SDK_SK: 'S' }, 'HUAWEICLOUD_SDK_AK', /HUAWEICLOUD_SDK_AK is not set: credentialsFromEnv needs HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/],
    ['the secret key (empty)', { HUAWEICLOUD_SDK_AK: 'A', HUAWEICLOUD_SDK_SK: '' }, 'HUAWEICLOUD_SDK_SK', /HUAWEICLOUD_SDK_SK is not set/],
    ['both', {}, 'HUAWEICLOUD_SDK_AK', /HUAWEICLOUD_SDK_AK is not set \(nor HUAWEICLOUD_SDK_SK\)/],
  ])('names the variable when %s is missing', (_label, vars, argument, rule) => {
    let error: unknown;
    try {
      credentialsFromEnv(vars);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe(argument);
    expect(String(error)).toMatch(rule);
  });

  it('names the variable that holds a bad value, without repeating it', () => {
    expect(() => credentialsFromEnv({ ...env, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'fake st env' })).toThrow(/^HUAWEICLOUD_SDK_SECURITY_TOKEN has characters not allowed in a header/);
    expect(() => credentialsFromEnv({ ...env, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'fake st env' })).not.toThrow(/fake st env/);
  });

  it('gives options to spread, where a projectId written after wins', async () => {
    const other = 'ffffeeeeddddccccbbbbaaaa99998888';
    const options = { baseUrl: server.url, ...credentialsFromEnv(env), projectId: other };
    expect(options.projectId).toBe(other);
    await createFunctionGraphClient({ baseUrl: server.url, ...credentialsFromEnv(env) }).asyncInvokeFunction(INPUT);
    expect(server.requests[0]!.headers['x-project-id']).toBe(PROJECT);
  });
});
