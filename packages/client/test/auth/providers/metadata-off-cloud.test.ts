/**
 * `credentialsFromMetadata` off the cloud: failing within its deadline when nothing answers, and
 * only once per endpoint for the process, whichever provider or chain asks again.
 */
import { describe, expect, it } from 'vitest';
import { createFunctionGraphClient, credentialsFromMetadata, defaultCredentials, FunctionGraphCredentialsError, FunctionGraphError } from '../../../src/index.js';
import { INPUT, PROJECT, since } from '../../helpers/calls.js';
import { closedEndpoint, fakeMetadataKey, fromNow, silentEndpoint, startFakeMetadata } from '../../helpers/fake-metadata.js';
import { startVerifyingServer } from '../../helpers/verifying-server.js';
import { errorViews } from '../../helpers/error-views.js';
import { credentialsOf, failureOf, HOUR, keptUntilTheEnd, secretsOf, service, useMetadataService } from './metadata-fixture.js';

useMetadataService();

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
