/**
 * `credentialsFromMetadata` against a loopback ECS metadata service (helpers/fake-metadata.ts),
 * through the package entry as users get it: the exchange the official SDKs make (session token,
 * then the security key; 404/405 means no session token), the answers an instance can get (no
 * agency, a broken answer, `expires_at` in its several spellings), renewal of credentials that
 * expire during a run, one request for many callers, the old credentials kept while a renewal
 * fails, failing fast off the cloud and only once per endpoint, signed calls the official signer
 * accepts, and no secret in any message.
 *
 * Unreachable endpoints are remembered per process (this file runs in its own), so each case that
 * makes one uses its own endpoint, and servers it marks unreachable stay bound until the file ends
 * so that no later server of this file can be given their port.
 *
 * Renewal is tested on the clock: `Date` alone is faked (timers, sockets and the signal that bounds
 * the exchange stay real), so the provider, the fake service and the verifying server all read the
 * same moved clock.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFunctionGraphClient,
  credentialsFromMetadata,
  defaultCredentials,
  FunctionGraphCredentialsError,
  FunctionGraphError,
  type Credentials,
} from '../../../src/index.js';
import { INPUT, PROJECT, rejection, since, sleep } from '../../helpers/calls.js';
import {
  closedEndpoint,
  fakeMetadataKey,
  fromNow,
  metadataTime,
  NO_AGENCY_MESSAGE,
  SECURITY_KEY_PATH,
  silentEndpoint,
  startFakeMetadata,
  TOKEN_PATH,
  type FakeMetadata,
  type MetadataKey,
  type SilentEndpoint,
} from '../../helpers/fake-metadata.js';
import { describeRun, runDistModule } from '../../helpers/node-child.js';
import { startVerifyingServer, type KeyPair, type VerifyingServer } from '../../helpers/verifying-server.js';
import { json } from '../../helpers/loopback-server.js';
import { errorViews } from '../../helpers/error-views.js';

/** The error a provider's answer (a value or a promise) rejects with; fails if it resolves. */
const failureOf = (answer: unknown): Promise<unknown> => rejection(Promise.resolve(answer));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** What the provider should make of a key the service served. */
const credentialsOf = (key: MetadataKey): Credentials => ({ accessKeyId: key.access, secretAccessKey: key.secret, securityToken: key.securitytoken });
/** The same key as the verifying server knows it: temporary, refused after its `expires_at`. */
const keyPairOf = (key: MetadataKey, expiresAt?: Date): KeyPair => ({ ...credentialsOf(key), ...(expiresAt ? { expiresAt } : {}) });
/** Every secret a key carries, to look for in anything printed. */
const secretsOf = (...keys: MetadataKey[]) => keys.flatMap((key) => [key.secret, key.securitytoken]);

/** Servers and endpoints that outlive their test: those marked unreachable keep their port until the file ends. */
const keptUntilTheEnd: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(keptUntilTheEnd.map((server) => server.close()));
});

let service: FakeMetadata;
beforeEach(async () => {
  service = await startFakeMetadata();
});
afterEach(async () => {
  vi.useRealTimers();
  await service.close();
});

describe('the exchange, as the official SDKs make it', () => {
  it('asks for a session token (6 h), then for the security key with that token', async () => {
    const key = fakeMetadataKey(1, fromNow(6 * HOUR));
    service.serve(key);

    const credentials = await credentialsFromMetadata({ endpoint: service.url })();

    expect(credentials).toEqual(credentialsOf(key));
    expect(service.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`PUT ${TOKEN_PATH}`, `GET ${SECURITY_KEY_PATH}`]);
    const [put, get] = service.requests;
    expect(put!.headers['x-metadata-token-ttl-seconds']).toBe('21600');
    expect(service.sessionTokensIssued).toHaveLength(1);
    expect(get!.headers['x-metadata-token']).toBe(service.sessionTokensIssued[0]);
  });

  it.each([404, 405] as const)('goes on without a session token when the PUT is answered %i', async (status) => {
    service.sessionTokens = status;
    const key = fakeMetadataKey(2, fromNow(6 * HOUR));
    service.serve(key);

    const credentials = await credentialsFromMetadata({ endpoint: service.url })();

    expect(credentials).toEqual(credentialsOf(key));
    expect(service.count()).toEqual({ sessionToken: 1, securityKey: 1 });
    expect(service.requests[1]!.headers['x-metadata-token']).toBeUndefined();
  });

  it('accepts an endpoint written with a trailing slash', async () => {
    await credentialsFromMetadata({ endpoint: `${service.url}/` })();
    expect(service.requests.map((r) => r.url)).toEqual([TOKEN_PATH, SECURITY_KEY_PATH]);
  });

  // [the service's answer, what the error must say]
  const refusals: [string, (s: FakeMetadata) => void, RegExp[]][] = [
    [
      'a 401 to an instance without an agency',
      (s) => (s.securityKey = 'no-agency'),
      [/answered 401 to the security key request/, new RegExp(NO_AGENCY_MESSAGE.slice(0, 40)), /no agency is bound to this instance/, /bind one in the ECS console/],
    ],
    ['a 404 to the security key, as some services answer without an agency', (s) => (s.securityKey = { status: 404, body: 'agency not found' }), [/answered 404/, /no agency is bound/]],
    ['a 500 to the security key', (s) => (s.securityKey = { status: 500, body: 'metadata service busy' }), [/answered 500 to the security key request \(metadata service busy\)/]],
    ['a 403 to the session token request', (s) => (s.sessionTokens = 403 as never), [/answered 403 to the session token request/]],
    ['a 403 to the security key', (s) => (s.securityKey = { status: 403, body: 'forbidden' }), [/answered 403 to the security key request \(forbidden\): no agency is bound/]],
  ];
  it.each(refusals)('reports %s as a credentials error of the instance metadata, naming the endpoint', async (_label, arrange, said) => {
    arrange(service);
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url })());

    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect(error).toMatchObject({ source: 'instance metadata', tryNext: true });
    expect((error as Error).message).toContain(service.url);
    for (const pattern of said) expect((error as Error).message).toMatch(pattern);
  });

  // [the service's answer, the whole message after the endpoint]: the no-agency hint only where it applies; the body's text shortened, on one line.
  const exactly: [string, (s: FakeMetadata) => void, string][] = [
    ['a 500 to the security key', (s) => (s.securityKey = { status: 500, body: 'metadata service busy' }), 'answered 500 to the security key request (metadata service busy)'],
    ['a 403 to the session token request', (s) => (s.sessionTokens = 403 as never), 'answered 403 to the session token request (method not allowed)'],
    ['a body on several lines', (s) => (s.securityKey = { status: 503, body: '  service busy,\n\n  try again later\n' }), 'answered 503 to the security key request (service busy, try again later)'],
    ['an empty body', (s) => (s.securityKey = { status: 500, body: '' }), 'answered 500 to the security key request'],
    ['a long body, cut at 200 characters', (s) => (s.securityKey = { status: 502, body: 'b'.repeat(500) }), `answered 502 to the security key request (${'b'.repeat(200)})`],
  ];
  it.each(exactly)('reports %s in so many words', async (_label, arrange, said) => {
    arrange(service);
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url })());
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toBe(`the metadata service at ${service.url} ${said}`);
  });

  // A broken answer: the key's values may be in it, and none may appear in the message.
  const key = fakeMetadataKey(3, fromNow(HOUR));
  const broken: [string, string, RegExp][] = [
    ['not JSON', `{"credential": {"secret": "${key.secret}"`, /is not JSON/],
    ['no credential object', JSON.stringify({ access: key.access, secret: key.secret }), /has no credential object/],
    ['null', 'null', /has no credential object/],
    ['a null credential', JSON.stringify({ credential: null }), /has no credential object/],
    ['no security token', JSON.stringify({ credential: { ...key, securitytoken: '' } }), /has no credential\.securitytoken/],
    ['no secret', JSON.stringify({ credential: { ...key, secret: undefined } }), /has no credential\.secret/],
    ['an unreadable expires_at', JSON.stringify({ credential: { ...key, expires_at: 'in six hours' } }), /has no readable credential\.expires_at/],
  ];
  it.each(broken)('refuses an answer with %s, naming what is wrong and no value', async (_label, body, said) => {
    service.securityKey = { status: 200, body };
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url })());

    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toMatch(said);
    // Broken is not absent: a chain must stop here rather than hide it.
    expect(error).toMatchObject({ source: 'instance metadata', tryNext: false });
    for (const [view, text] of errorViews(error as Error)) for (const secret of secretsOf(key)) expect(text, view).not.toContain(secret);
  });
});

describe('expires_at, read leniently', () => {
  // With an offset far from UTC, a time without a zone read as local time would be hours off.
  const savedZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterAll(() => {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
  });

  const iso = (at: Date) => at.toISOString().slice(0, 19);
  // [spelling, how a time is written]
  const spellings: [string, (at: Date) => string][] = [
    ['microseconds and Z (as the service writes it)', metadataTime],
    ['milliseconds and Z', (at) => at.toISOString()],
    ['no fraction', (at) => `${iso(at)}Z`],
    ['one fraction digit', (at) => `${iso(at)}.5Z`],
    ['nine fraction digits, no Z', (at) => `${iso(at)}.123456789`],
    ['six fraction digits, no Z', (at) => `${iso(at)}.000000`],
    ['no fraction, no Z', iso],
  ];

  it.each(spellings)('reads %s: a key valid for hours is kept, an expired one is asked for again', async (_label, write) => {
    const later = fakeMetadataKey(4, write(fromNow(2 * HOUR)));
    service.serve(later);
    const keeps = credentialsFromMetadata({ endpoint: service.url });
    expect(await keeps()).toEqual(credentialsOf(later));
    await keeps();
    expect(service.count().securityKey).toBe(1);

    // Two hours ago (in UTC): already over, so every call asks again, and still gets it.
    service.forget();
    const over = fakeMetadataKey(5, write(fromNow(-2 * HOUR)));
    service.serve(over);
    const asksAgain = credentialsFromMetadata({ endpoint: service.url });
    expect(await asksAgain()).toEqual(credentialsOf(over));
    await asksAgain();
    expect(service.count().securityKey).toBe(2);
  });
});

describe('renewal', () => {
  /** Fakes `Date` only (see the header) and sets it to `at`. */
  const clockAt = (at: number) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
  };
  const t0 = Date.UTC(2026, 11, 5, 9, 0, 0);
  const first = () => fakeMetadataKey(10, new Date(t0 + HOUR));
  const second = () => fakeMetadataKey(11, new Date(t0 + 7 * HOUR));

  it('keeps the credentials until 10 minutes before their expires_at, then renews them in the background: no call waits', async () => {
    clockAt(t0);
    const [one, two] = [first(), second()];
    service.serve(one);
    const provider = credentialsFromMetadata({ endpoint: service.url });
    expect(await provider()).toEqual(credentialsOf(one));

    vi.setSystemTime(t0 + 49 * MINUTE);
    expect(await provider()).toEqual(credentialsOf(one));
    expect(service.count().securityKey).toBe(1);

    // Past the renewal point, with a service that takes a while: the call does not wait for it.
    vi.setSystemTime(t0 + 51 * MINUTE);
    service.serve(two);
    service.delayMs = 400;
    const started = performance.now();
    expect(await provider()).toEqual(credentialsOf(one));
    expect(since(started)).toBeLessThan(300);
    await vi.waitFor(() => expect(service.count().securityKey).toBe(2), { timeout: 5_000 });
    await vi.waitFor(async () => expect(await provider()).toEqual(credentialsOf(two)), { timeout: 5_000 });
    expect(service.count().securityKey).toBe(2);
  });

  it('50 concurrent calls while a renewal is pending cause one metadata request', async () => {
    clockAt(t0);
    const [one, two] = [first(), second()];
    service.serve(one);
    const provider = credentialsFromMetadata({ endpoint: service.url });
    await provider();
    service.forget();

    // In the last minute: callers must wait for the renewal, and they all wait for the same one.
    vi.setSystemTime(t0 + 59 * MINUTE + 30_000);
    service.serve(two);
    service.delayMs = 200;
    const all = await Promise.all(Array.from({ length: 50 }, () => provider()));

    expect(all.every((credentials) => credentials.accessKeyId === two.access)).toBe(true);
    expect(service.count()).toEqual({ sessionToken: 1, securityKey: 1 });
  });

  it('50 concurrent calls during a background renewal get the current credentials and cause one request', async () => {
    clockAt(t0);
    const [one, two] = [first(), second()];
    service.serve(one);
    const provider = credentialsFromMetadata({ endpoint: service.url });
    await provider();
    service.forget();

    vi.setSystemTime(t0 + 55 * MINUTE);
    service.serve(two);
    service.delayMs = 300;
    const all = await Promise.all(Array.from({ length: 50 }, () => provider()));

    expect(all.every((credentials) => credentials.accessKeyId === one.access)).toBe(true);
    await vi.waitFor(async () => expect((await provider()).accessKeyId).toBe(two.access), { timeout: 5_000 });
    expect(service.count()).toEqual({ sessionToken: 1, securityKey: 1 });
  });

  it('the first fetch is shared too: 50 concurrent first calls cause one exchange', async () => {
    service.delayMs = 100;
    const provider = credentialsFromMetadata({ endpoint: service.url });
    const all = await Promise.all(Array.from({ length: 50 }, () => provider()));
    expect(new Set(all.map((credentials) => credentials.accessKeyId)).size).toBe(1);
    expect(service.count()).toEqual({ sessionToken: 1, securityKey: 1 });
  });

  it('a renewal that fails keeps the old credentials until they expire, then fails with the reason; a later success recovers', async () => {
    clockAt(t0);
    const [one, two] = [first(), second()];
    service.serve(one);
    const provider = credentialsFromMetadata({ endpoint: service.url });
    await provider();
    service.securityKey = { status: 503, body: 'metadata service is restarting' };

    // Background renewal, failing: the old credentials go on.
    vi.setSystemTime(t0 + 52 * MINUTE);
    expect(await provider()).toEqual(credentialsOf(one));
    await vi.waitFor(() => expect(service.count().securityKey).toBe(2), { timeout: 5_000 });
    await sleep(20);
    // In the last minute: the call waits for a renewal, which fails, and still gets the old ones.
    vi.setSystemTime(t0 + 59 * MINUTE + 30_000);
    expect(await provider()).toEqual(credentialsOf(one));
    expect(service.count().securityKey).toBe(3);

    // Expired: the failure, with the service's reason.
    vi.setSystemTime(t0 + HOUR + 1_000);
    const error = await failureOf(provider());
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toMatch(/answered 503 to the security key request \(metadata service is restarting\)/);

    service.securityKey = 'key';
    service.serve(two);
    expect(await provider()).toEqual(credentialsOf(two));
  });
});

describe('signed calls with the instance credentials, verified by the official signer', () => {
  let gateway: VerifyingServer;
  beforeAll(async () => {
    gateway = await startVerifyingServer({ keys: [], responder: (_request, res) => json(res, 202, { request_id: 'r-1' }) });
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.reset());

  const client = () => createFunctionGraphClient({ baseUrl: gateway.url, projectId: PROJECT, credentials: credentialsFromMetadata({ endpoint: service.url }) });

  it('signs with the temporary key and sends its security token', async () => {
    const key = fakeMetadataKey(20, fromNow(6 * HOUR));
    service.serve(key);
    gateway.setKeys([keyPairOf(key)]);

    await client().asyncInvokeFunction(INPUT);

    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]!.verdict).toMatchObject({ accepted: true, accessKeyId: key.access });
    expect(gateway.requests[0]!.headers['x-security-token']).toBe(key.securitytoken);
    expect(gateway.requests[0]!.verdict.signedHeaders).toContain('x-security-token');
  });

  it('credentials that expire during a run are replaced without a failed call', async () => {
    // Real time: the first key lives 1.5 s, and the gateway refuses it from then on.
    const expiry = fromNow(1_500);
    const one = fakeMetadataKey(21, expiry);
    const two = fakeMetadataKey(22, fromNow(6 * HOUR));
    gateway.setKeys([keyPairOf(one, expiry), keyPairOf(two)]);
    service.serve(one);
    const signing = client();

    await signing.asyncInvokeFunction(INPUT);
    service.serve(two);
    for (let i = 0; i < 25 && Date.now() < expiry.getTime() + 500; i++) {
      await signing.asyncInvokeFunction(INPUT, { maxRetries: 0 });
      await sleep(80);
    }

    const used = gateway.requests.map((r) => r.verdict.accessKeyId);
    expect(gateway.requests.filter((r) => !r.verdict.accepted)).toEqual([]);
    expect(used[0]).toBe(one.access);
    expect(used.at(-1)).toBe(two.access);
    // Once replaced, never used again.
    expect(used.lastIndexOf(one.access)).toBeLessThan(used.indexOf(two.access));
    expect(service.count().securityKey).toBe(2);
  });

  it('50 concurrent client calls share one metadata exchange', async () => {
    const key = fakeMetadataKey(23, fromNow(6 * HOUR));
    service.serve(key);
    gateway.setKeys([keyPairOf(key)]);
    service.delayMs = 100;

    const signing = client();
    await Promise.all(Array.from({ length: 50 }, () => signing.asyncInvokeFunction(INPUT)));

    expect(gateway.requests).toHaveLength(50);
    expect(gateway.requests.every((r) => r.verdict.accepted)).toBe(true);
    expect(service.count()).toEqual({ sessionToken: 1, securityKey: 1 });
  });
});

describe('off the cloud', () => {
  it('fails within about the default 1 s when the endpoint never answers, and a second provider or chain for it does not wait again', async () => {
    const silent = await silentEndpoint();
    keptUntilTheEnd.push(silent);

    let started = performance.now();
    const error = await failureOf(credentialsFromMetadata({ endpoint: silent.url })());
    const firstMs = since(started);
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toMatch(/unreachable \(no answer within 1000 ms\): not on a Huawei Cloud instance/);
    expect(firstMs).toBeLessThan(2_500);
    expect(silent.connections).toBe(1);

    started = performance.now();
    const again = await failureOf(credentialsFromMetadata({ endpoint: silent.url })());
    expect(since(started)).toBeLessThan(200);
    expect((again as Error).message).toMatch(/remembered for this process/);

    started = performance.now();
    const chain = await failureOf(defaultCredentials({ environment: false, profile: false, metadata: { endpoint: silent.url } })());
    expect(since(started)).toBeLessThan(200);
    expect((chain as Error).message).toMatch(/instance metadata: .*unreachable/);
    // Nothing was asked of the endpoint again.
    expect(silent.connections).toBe(1);
  });

  it('a second client does not wait either, and sends nothing', async () => {
    const silent = await silentEndpoint();
    keptUntilTheEnd.push(silent);
    const gateway = await startVerifyingServer({ keys: [] });
    try {
      const clientFor = () => createFunctionGraphClient({ baseUrl: gateway.url, projectId: PROJECT, credentials: defaultCredentials({ environment: false, profile: false, metadata: { endpoint: silent.url, timeoutMs: 300 } }) });
      const first = await failureOf(clientFor().asyncInvokeFunction(INPUT));
      expect(first).toBeInstanceOf(FunctionGraphCredentialsError);

      const started = performance.now();
      const second = await failureOf(clientFor().asyncInvokeFunction(INPUT));
      expect(since(started)).toBeLessThan(200);
      expect(second).toBeInstanceOf(FunctionGraphCredentialsError);
      expect(silent.connections).toBe(1);
      expect(gateway.requests).toHaveLength(0);
    } finally {
      await gateway.close();
    }
  });

  it('fails within its timeout when the service answers too slowly, and remembers it', async () => {
    const slow = await startFakeMetadata();
    keptUntilTheEnd.push(slow);
    slow.delayMs = 1_500;

    const started = performance.now();
    const error = await failureOf(credentialsFromMetadata({ endpoint: slow.url, timeoutMs: 500 })());
    expect(since(started)).toBeLessThan(1_400);
    expect((error as Error).message).toMatch(/no answer within 500 ms/);

    slow.delayMs = 0;
    const again = await failureOf(credentialsFromMetadata({ endpoint: slow.url })());
    expect((again as Error).message).toMatch(/remembered for this process/);
    expect(slow.count()).toEqual({ sessionToken: 1, securityKey: 0 });
  });

  it('one deadline covers both requests: each answer in time, both together too slow, fails', async () => {
    // Each answer takes 1.2 s and the timeout is 2 s: a deadline per request would let both through.
    service.delayMs = 1_200;
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url, timeoutMs: 2_000 })());
    expect((error as Error).message).toMatch(/did not finish answering the security key request \(no answer within 2000 ms\)/);
    expect(service.count()).toEqual({ sessionToken: 1, securityKey: 1 });
  });

  it('a service that answered once is asked again after a slow answer, not remembered as unreachable', async () => {
    service.delayMs = 1_200;
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url, timeoutMs: 2_000 })());
    // It is not "off the cloud": it answered the session token request.
    expect((error as Error).message).toBe(`the metadata service at ${service.url} did not finish answering the security key request (no answer within 2000 ms)`);

    // It answered the session token request: it is there, only slow once.
    service.delayMs = 0;
    const key = fakeMetadataKey(30, fromNow(6 * HOUR));
    service.serve(key);
    expect(await credentialsFromMetadata({ endpoint: service.url })()).toEqual(credentialsOf(key));
  });

  it('a service that has answered is asked again after it stops answering', async () => {
    const provider = credentialsFromMetadata({ endpoint: service.url, timeoutMs: 300 });
    await provider();
    service.delayMs = 1_000;
    // A second provider (its own memo) finds the service slow now: a timeout, not "remembered".
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url, timeoutMs: 300 })());
    expect((error as Error).message).toMatch(/did not finish answering the session token request \(no answer within 300 ms\)/);
    service.delayMs = 0;
    await credentialsFromMetadata({ endpoint: service.url })();
  });

  // [the answer, what the error says]: the body is read under the same deadline as the headers.
  it.each([
    ['stalled-body', /did not finish answering the security key request \(no answer within 300 ms\)/],
    ['cut-body', /did not finish answering the security key request \(\w+ after \d+ ms\)/],
  ] as const)('an answer with a %s fails as a credentials error, and the chain lists it', async (answer, said) => {
    const key = fakeMetadataKey(31, fromNow(6 * HOUR));
    service.serve(key);
    service.securityKey = answer;
    const started = performance.now();
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url, timeoutMs: 300 })());
    expect(since(started)).toBeLessThan(1_500);
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toMatch(said);
    expect((error as Error).cause).toBeDefined();

    const chain = await failureOf(defaultCredentials({ environment: false, profile: false, metadata: { endpoint: service.url, timeoutMs: 300 } })());
    expect(chain).toMatchObject({ source: 'default chain' });
    expect((chain as Error).message).toMatch(/^no credentials found\. Tried, in order:\n- instance metadata: the metadata service at .* did not finish answering/);
    for (const thrown of [error, chain]) for (const [view, text] of errorViews(thrown as Error)) for (const secret of secretsOf(key)) expect(text, view).not.toContain(secret);
  });

  it.each([
    ['timeoutMs of 0', { timeoutMs: 0 }, /timeoutMs must be a number of milliseconds above 0/],
    ['timeoutMs above a minute', { timeoutMs: 60_001 }, /timeoutMs must be/],
    ['an endpoint with a path', { endpoint: 'http://169.254.169.254/openstack' }, /endpoint must be an http:\/\/ or https:\/\/ origin/],
    ['an endpoint without a scheme', { endpoint: '169.254.169.254' }, /endpoint must be/],
    ['timeoutMs written as a string', { timeoutMs: '500' }, /^timeoutMs must be a number of milliseconds above 0, at most 60 000$/],
    ['an endpoint given as a URL object', { endpoint: new URL('http://169.254.169.254') }, /^endpoint must be an http:\/\/ or https:\/\/ origin/],
    ['an endpoint with a space before the scheme', { endpoint: ' http://169.254.169.254' }, /^endpoint must be an http:\/\/ or https:\/\/ origin/],
  ])('refuses %s on its first call, sending nothing', async (_label, options, said) => {
    const error = await failureOf(credentialsFromMetadata(options as never)());
    expect(error).toBeInstanceOf(FunctionGraphError);
    expect((error as Error).name).toBe('FunctionGraphInputError');
    expect((error as Error).message).toMatch(said);
  });

  it('accepts a timeoutMs of a minute, the longest allowed', async () => {
    const key = fakeMetadataKey(32, fromNow(6 * HOUR));
    service.serve(key);
    expect(await credentialsFromMetadata({ endpoint: service.url, timeoutMs: 60_000 })()).toEqual(credentialsOf(key));
  });

  it('asks http://169.254.169.254 when no endpoint is given', async () => {
    // Off the cloud nothing answers there (or something that is not the service does): either way the failure names it.
    const error = await failureOf(credentialsFromMetadata({ timeoutMs: 200 })());
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toMatch(/^the metadata service at http:\/\/169\.254\.169\.254 /);
  });

  // Last in the file: a closed port is free again, and a server started after this could be given it.
  it('fails at once when nothing listens on the port, and remembers it', async () => {
    const endpoint = await closedEndpoint();
    let started = performance.now();
    const error = await failureOf(credentialsFromMetadata({ endpoint })());
    expect(since(started)).toBeLessThan(1_000);
    expect((error as Error).message).toMatch(/unreachable \(ECONNREFUSED after \d+ ms\)/);
    // The time it took, not a clock reading.
    expect(Number(/after (\d+) ms/.exec((error as Error).message)![1])).toBeLessThan(60_000);
    expect((error as Error).cause).toBeInstanceOf(Error);
    started = performance.now();
    expect((await failureOf(credentialsFromMetadata({ endpoint })()) as Error).message).toMatch(/remembered for this process/);
    expect(since(started)).toBeLessThan(200);
  });
});


describe('no secret in any message, inspection or output', () => {
  it('not in the errors of a failing renewal, nor in an inspection of the provider or the client', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2026, 11, 5, 9, 0, 0);
    vi.setSystemTime(t0);
    const key = fakeMetadataKey(40, new Date(t0 + HOUR));
    service.serve(key);
    const provider = credentialsFromMetadata({ endpoint: service.url });
    const gateway = await startVerifyingServer({ keys: [keyPairOf(key)] });
    try {
      const client = createFunctionGraphClient({ baseUrl: gateway.url, projectId: PROJECT, credentials: provider });
      await client.asyncInvokeReservedFunction(INPUT);
      expect(gateway.requests[0]!.verdict.accepted).toBe(true);

      service.securityKey = { status: 500, body: 'internal error' };
      vi.setSystemTime(t0 + 2 * HOUR);
      const errors = [await failureOf(provider()), await failureOf(client.asyncInvokeReservedFunction(INPUT))];
      service.securityKey = 'no-agency';
      errors.push(await failureOf(credentialsFromMetadata({ endpoint: service.url })()));

      for (const error of errors) {
        expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
        for (const [view, text] of errorViews(error as Error)) for (const secret of secretsOf(key)) expect(text, view).not.toContain(secret);
      }
      for (const shown of [inspect(provider, { depth: 6, showHidden: true }), inspect(client, { depth: 6, showHidden: true }), JSON.stringify(client) ?? '']) {
        for (const secret of secretsOf(key)) expect(shown).not.toContain(secret);
      }
    } finally {
      await gateway.close();
    }
  });

  it('not in what a process prints while it signs with them, fails and logs its errors and client', async () => {
    const key = fakeMetadataKey(41, fromNow(6 * HOUR));
    service.serve(key);
    const gateway = await startVerifyingServer({ keys: [keyPairOf(key)], responder: (_request, res) => json(res, 202, { instance_id: 'i-1' }) });
    const broken = await startFakeMetadata();
    broken.securityKey = { status: 200, body: JSON.stringify({ credential: { ...key, expires_at: 'soon' } }) };
    try {
      const source = `
const { createFunctionGraphClient, credentialsFromMetadata } = await import(process.env.FGS_DIST);
const { inspect } = await import('node:util');
const provider = credentialsFromMetadata({ endpoint: process.env.FGS_METADATA });
const client = createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, projectId: process.env.FGS_PROJECT, credentials: provider });
const input = { functionUrn: process.env.FGS_URN, body: { k: 'v' } };
console.log('RESULT', inspect(await client.asyncInvokeReservedFunction(input), { depth: 5 }));
for (const provider of [credentialsFromMetadata({ endpoint: process.env.FGS_BROKEN }), credentialsFromMetadata({ endpoint: process.env.FGS_BROKEN + '/', timeoutMs: 100 })]) {
  try {
    await createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, projectId: process.env.FGS_PROJECT, credentials: provider }).asyncInvokeReservedFunction(input);
  } catch (error) {
    console.log('ERROR', error.name);
    console.error(error);
    console.warn(inspect(error, { depth: 6, showHidden: true }));
  }
}
console.log(inspect(provider, { showHidden: true }), inspect(client, { depth: 6, showHidden: true }));
console.log('done');
`;
      const run = await runDistModule(source, {
        env: { FGS_METADATA: service.url, FGS_BROKEN: broken.url, FGS_BASE_URL: gateway.url, FGS_PROJECT: PROJECT, FGS_URN: INPUT.functionUrn },
        timeoutMs: 20_000,
      });

      expect(run.exitCode, describeRun(run)).toBe(0);
      expect(run.stdout).toContain('RESULT');
      expect(run.stdout.match(/^ERROR FunctionGraphCredentialsError$/gm)).toHaveLength(2);
      expect(run.stdout).toContain('done');
      expect(gateway.requests[0]?.headers['x-security-token']).toBe(key.securitytoken);
      for (const secret of secretsOf(key)) expect(run.stdout + run.stderr).not.toContain(secret);
    } finally {
      await Promise.all([gateway.close(), broken.close()]);
    }
  });
});
