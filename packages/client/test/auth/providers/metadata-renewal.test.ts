/**
 * `credentialsFromMetadata` renewing credentials that expire during a run: ahead of `expires_at` in
 * the background, one request for many callers, the old credentials kept while a renewal fails;
 * and signed calls made with them that the official signer accepts.
 *
 * Renewal is tested on the clock: `Date` alone is faked (timers, sockets and the signal that bounds
 * the exchange stay real), so the provider, the fake service and the verifying server all read the
 * same moved clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFunctionGraphClient, credentialsFromMetadata, FunctionGraphCredentialsError } from '../../../src/index.js';
import { INPUT, PROJECT, since, sleep } from '../../helpers/calls.js';
import { fakeMetadataKey, fromNow } from '../../helpers/fake-metadata.js';
import { startVerifyingServer, type VerifyingServer } from '../../helpers/verifying-server.js';
import { json } from '../../helpers/loopback-server.js';
import { credentialsOf, failureOf, HOUR, keyPairOf, MINUTE, service, useMetadataService } from './metadata-fixture.js';

useMetadataService();

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
