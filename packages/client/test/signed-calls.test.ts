/**
 * Signed calls end to end: every request below goes to a loopback server that recomputes its
 * signature with the official signer from what arrived on the wire (verifying-server.ts) and
 * answers 401 APIGW.0301 when it does not match. Every operation, every retry and every concurrent
 * call passes through it; a request changed after signing, a stale date and a wrong secret are
 * refused by it, and the client reports each as an AuthenticationError that says what to check.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createFunctionGraphClient, createRawClient, type Credentials, type FetchFunction, type FunctionGraphClientOptions } from '../src/index.js';
import { json } from './helpers/loopback-server.js';
import { startVerifyingServer, type KeyPair, type VerifiedResponder, type VerifyingServer } from './helpers/verifying-server.js';
import { FAST_BACKOFF, PROJECT, rejection, URN_PREFIX } from './helpers/calls.js';
import { transportOptions } from './helpers/transport.js';

const TEMPORARY: KeyPair = { accessKeyId: 'FAKETEMPAK000001', secretAccessKey: 'fake-temp-sk-0000000000000000001', securityToken: 'fake-security-token-'.padEnd(400, 'z') };
const PERMANENT: KeyPair = { accessKeyId: 'FAKEPERMAK000001', secretAccessKey: 'fake-perm-sk-0000000000000000001' };
const ALIAS_URN = `${URN_PREFIX}:thumbnail-maker:!prod`;
const VERSION_URN = `${URN_PREFIX}:thumbnail-maker:v2`;
const REQUEST_ID = '1167bf8c-87b0-43ab-8f5f-26b16c64f252';

/** Answers each accepted request as its operation does. */
const answers: VerifiedResponder = (request, res) => {
  const path = request.url.split('?')[0]!;
  if (path.endsWith('/invocations')) return json(res, 200, { ok: true }, { 'X-Cff-Request-Id': REQUEST_ID });
  if (path.endsWith('/invocations-async')) return json(res, 202, { request_id: REQUEST_ID });
  if (path.endsWith('/reserved-invocations')) return json(res, 202, { instance_id: REQUEST_ID });
  if (path.endsWith('/async-invocations') || path.endsWith('/active-async-invocations')) return json(res, 200, { count: 0, invocations: [], next_marker: 0 });
  if (path.endsWith('/fgs/functions')) {
    const marker = new URL(request.url, 'http://x').searchParams.get('marker');
    return json(res, 200, { functions: [{ func_name: marker ? 'second' : 'first' }], next_marker: marker ? 2 : 1, count: 2 });
  }
  if (path.endsWith('/config')) return json(res, 200, { runtime: 'Node.js20.15' });
  if (path.endsWith('/async-invoke-config')) return json(res, 200, { enable_async_status_log: true });
  if (path.endsWith('/cancel')) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4' });
    return res.end('null');
  }
  json(res, 404, { error_code: 'FSS.0404', error_msg: `no route ${path}` });
};

let server: VerifyingServer;
beforeAll(async () => {
  server = await startVerifyingServer({ keys: [TEMPORARY, PERMANENT], responder: answers });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset(answers);
  server.setKeys([TEMPORARY, PERMANENT]);
  server.setNow(() => new Date());
});

const client = (options: Partial<FunctionGraphClientOptions> = {}) =>
  createFunctionGraphClient({ baseUrl: server.url, credentials: TEMPORARY as Credentials, backoff: FAST_BACKOFF, ...transportOptions(), ...options });

/** Every request reached the server and was accepted by it. */
function expectAllAccepted(count: number) {
  expect(server.requests).toHaveLength(count);
  for (const request of server.requests) expect(request.verdict, `${request.method} ${request.url}: ${request.verdict.reason}`).toMatchObject({ accepted: true });
}

describe('every operation, signed, is accepted by a server that verifies with the official signer', () => {
  it.each([
    ['temporary credentials', TEMPORARY],
    ['permanent credentials', PERMANENT],
  ])('with %s', async (_label, key) => {
    const signing = client({ credentials: key as Credentials });
    await signing.invokeFunction({ functionUrn: ALIAS_URN, body: { text: 'héllo wörld ✓', nested: { list: [1, 2.5, 'x'], empty: {} } }, logType: 'tail', instanceMemory: 256 });
    await signing.asyncInvokeFunction({ functionUrn: VERSION_URN, body: { 'key with spaces': 'a/b?c=d&e' } });
    await signing.listAsyncInvocations({
      functionUrn: ALIAS_URN,
      requestId: REQUEST_ID,
      marker: '0',
      limit: 500,
      status: 'SUCCESS',
      queryBeginTime: '2026-11-30T09:00:00',
      queryEndTime: '2026-11-30T10:00:00',
    });
    await signing.listActiveAsyncInvocations({ functionUrn: ALIAS_URN, requestIds: `${REQUEST_ID},other id/+~%`, limit: 1, status: 'RUNNING' });
    await signing.cancelAsyncInvocation({ functionUrn: ALIAS_URN, body: { request_id: REQUEST_ID, type: 'force' } });
    await signing.asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } });
    expectAllAccepted(6);
    expect(server.requests.map((request) => request.verdict.accessKeyId)).toEqual(Array(6).fill(key.accessKeyId));
  });

  it('the operations around an invocation, a version URN and an alias URN sent raw, and every page of a list', async () => {
    const signing = client({ projectId: PROJECT });
    await signing.invokeFunction({ functionUrn: VERSION_URN, body: {} });
    await signing.asyncInvokeFunction({ functionUrn: ALIAS_URN, body: {} });
    await signing.showFunctionConfig({ functionUrn: VERSION_URN });
    await signing.showFunctionAsyncInvokeConfig({ functionUrn: ALIAS_URN });
    await signing.updateFunctionAsyncInvokeConfig({ functionUrn: ALIAS_URN, body: { enable_async_status_log: true, max_async_retry_attempts: 0 } });
    const names: (string | undefined)[] = [];
    for await (const fn of signing.paginate.listFunctions({ limit: 1 })) names.push(fn.func_name);

    expect(names).toEqual(['first', 'second']);
    expectAllAccepted(7);
    const base = `/v2/${PROJECT}/fgs/functions`;
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST ${base}/${VERSION_URN}/invocations`,
      `POST ${base}/${ALIAS_URN}/invocations-async`,
      `GET ${base}/${VERSION_URN}/config`,
      `GET ${base}/${ALIAS_URN}/async-invoke-config`,
      `PUT ${base}/${ALIAS_URN}/async-invoke-config`,
      `GET ${base}?maxitems=1`,
      `GET ${base}?marker=1&maxitems=1`,
    ]);
  });

  it('with a project from the client, a URN that needs percent-encoding, and a caller header', async () => {
    const signing = client({ projectId: PROJECT });
    await signing.asyncInvokeFunction({ functionUrn: `${URN_PREFIX}:fn:!prød&(x)+y`, body: {} }, { headers: { 'X-Trace-Id': 'trace 1' } });
    expectAllAccepted(1);
    expect(server.requests[0]!.verdict.signedHeaders).toContain('x-trace-id');
  });

  it('through createRawClient too', async () => {
    const raw = createRawClient({ baseUrl: server.url, credentials: TEMPORARY as Credentials });
    const { data, response } = await raw.POST('/v2/{project_id}/fgs/functions/{function_urn}/invocations-async', {
      params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } },
      body: { k: 'v' },
    });
    expect(response.status).toBe(202);
    expect(data).toEqual({ request_id: REQUEST_ID });
    const list = await raw.GET('/v2/{project_id}/fgs/functions/{function_urn}/async-invocations', {
      params: { path: { project_id: PROJECT, function_urn: ALIAS_URN }, query: { limit: 3, status: 'FAIL' } },
    });
    expect(list.response.status).toBe(200);
    expectAllAccepted(2);
  });
});

describe('retries and concurrency', () => {
  it('re-signs every retry, and the server accepts each attempt', async () => {
    let seen = 0;
    server.reset((request, res) => (++seen <= 2 ? json(res, 503, { error_code: 'FSS.0503', error_msg: 'busy' }) : answers(request, res)));
    await client().listAsyncInvocations({ functionUrn: ALIAS_URN });
    expectAllAccepted(3);
  });

  it('uses rotated credentials from the provider on a retry', async () => {
    const second: KeyPair = { accessKeyId: 'FAKEROTATED00002', secretAccessKey: 'fake-rotated-sk-000000000000002', securityToken: 'fake-rotated-token-2' };
    server.setKeys([TEMPORARY, second]);
    let calls = 0;
    let seen = 0;
    server.reset((request, res) => (++seen === 1 ? json(res, 503, { error_code: 'FSS.0503', error_msg: 'busy' }) : answers(request, res)));
    await client({ credentials: () => ((calls += 1) === 1 ? TEMPORARY : second) as Credentials }).asyncInvokeFunction({ functionUrn: ALIAS_URN, body: {} });
    expectAllAccepted(2);
    expect(server.requests.map((request) => request.verdict.accessKeyId)).toEqual([TEMPORARY.accessKeyId, second.accessKeyId]);
  });

  it('signs 40 concurrent calls of every operation, each accepted', async () => {
    const signing = client({ credentials: async () => TEMPORARY as Credentials });
    const calls = Array.from({ length: 40 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return signing.asyncInvokeFunction({ functionUrn: ALIAS_URN, body: { i } });
        case 1:
          return signing.listAsyncInvocations({ functionUrn: ALIAS_URN, limit: i + 1 });
        case 2:
          return signing.invokeFunction({ functionUrn: VERSION_URN, body: { i, text: 'ü'.repeat(i) } });
        default:
          return signing.cancelAsyncInvocation({ functionUrn: ALIAS_URN, body: { request_id: `r-${i}` } });
      }
    });
    await Promise.all(calls);
    expectAllAccepted(40);
  });
});

/** A fetch that changes the request after the client signed it, as a proxy or a bug might. */
const tamper = (change: (url: string, init: RequestInit) => [string, RequestInit]): FetchFunction => (url, init) => fetch(...change(url, init));

describe('what the server refuses, and how the client reports it', () => {
  it.each([
    ['a body changed after signing', tamper((url, init) => [url, { ...init, body: String(init.body).replace('"v"', '"w"') }]), /signature/],
    ['a path changed after signing', tamper((url, init) => [url.replace(':!prod', ':!beta'), init]), /signature/],
    ['a query added after signing', tamper((url, init) => [`${url}?limit=1`, init]), /signature/],
    ['a signed header changed after signing', tamper((url, init) => [url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-project-id': 'ffffeeeeddddccccbbbbaaaa99998888' } }]), /signature/],
  ])('%s', async (_label, fetchImpl) => {
    const error = (await rejection(client({ fetch: fetchImpl }).asyncInvokeFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.errorCode).toBe('APIGW.0301');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.verdict.accepted).toBe(false);
    // What the client signed and what the server computed are both on the error, and differ.
    expect(error.signing?.canonicalRequest).toBeDefined();
    expect(error.signing?.serverCanonicalRequest).toBeDefined();
    expect(error.signing?.serverCanonicalRequest).not.toBe(error.signing?.canonicalRequest);
    expect(error.message).toMatch(/Check that:/);
    // The server echoed the security token; nothing the client kept shows it.
    for (const text of [error.message, error.errorMsg ?? '', error.bodyText, JSON.stringify(error.body), error.signing?.serverCanonicalRequest ?? '']) {
      expect(text).not.toContain(TEMPORARY.securityToken);
    }
  });

  it('a date the server finds stale (its clock 20 minutes ahead)', async () => {
    server.setNow(() => new Date(Date.now() + 20 * 60_000));
    const error = (await rejection(client().asyncInvokeFunction({ functionUrn: ALIAS_URN, body: {} }))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server.requests[0]!.verdict.reason).toMatch(/date|skew|clock/i);
    expect(error.message).toMatch(/clock is within 15 minutes of the gateway's/);
  });

  it('a wrong secret key', async () => {
    const error = (await rejection(client({ credentials: { ...TEMPORARY, secretAccessKey: 'fake-wrong-sk-00000000000000001' } as Credentials }).asyncInvokeFunction({ functionUrn: ALIAS_URN, body: {} }))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/secret access key is the one issued with access key id FAKETEMPAK000001/);
    // Not retried: the same signature would be refused again.
    expect(server.requests).toHaveLength(1);
  });

  it('a security token that does not go with the key pair', async () => {
    const error = (await rejection(client({ credentials: { ...TEMPORARY, securityToken: 'fake-other-token' } as Credentials }).asyncInvokeFunction({ functionUrn: ALIAS_URN, body: {} }))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/security token goes with this key pair and has not expired/);
    expect(error.message).not.toContain('fake-other-token');
  });
});
