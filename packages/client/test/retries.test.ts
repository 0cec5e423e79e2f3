/**
 * The retry policy, against a fault-injection server that counts every attempt. By default only
 * what cannot have started work is retried: 429, 503, and a connection that failed before the
 * request was written. `idempotent: true` adds every 5xx, 408, and connections lost after sending.
 * Retry-After (seconds or HTTP date) is honoured; a longer one than allowed is not waited for.
 * The exact backoff delays (and their caps) and the 60 s default timeout are pinned on a fake
 * clock with a stubbed random source, so no test waits for them in real time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  FunctionGraphApiError,
  FunctionGraphConnectionError,
  FunctionGraphTimeoutError,
  RateLimitError,
  ServerError,
  type FunctionGraphClientOptions,
} from '../src/index.js';
import { FAST_BACKOFF, INPUT, rejection, since, TOKEN } from './helpers/calls.js';
import { behave, DEFAULT_INSTANCE_ID } from './helpers/fault-server.js';
import { faultSuite } from './helpers/fault-suite.js';
import { transportName } from './helpers/transport.js';
import { closedPort } from './helpers/loopback-server.js';

const suite = faultSuite();
const client = suite.client;

const fail503 = () => behave.json(503, { error_code: 'FSS.0503', error_msg: 'Service unavailable' });
const fail429 = () => behave.json(429, { error_code: 'FSS.0429', error_msg: 'Too many concurrent requests' });
const failWith = (status: number) => () => behave.json(status, { error_code: `FSS.0${status}`, error_msg: `status ${status}` });

/** Milliseconds between consecutive requests the server read. */
function gaps(): number[] {
  return suite.server.requests.slice(1).map((request, i) => request.at - suite.server.requests[i]!.at);
}

/** Real timers, for waiting on the server while setTimeout is faked. */
const realSetTimeout = globalThis.setTimeout;
const realSleep = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

/**
 * Polls on real time until `check` holds (vi.waitFor would move the fake clock while it polls).
 * Bounded: fails after `withinMs` of real time.
 */
async function until(what: string, check: () => boolean, withinMs = 5_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (since(start) > withinMs) throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
    await realSleep(2);
  }
}

/**
 * Fakes only setTimeout, clearTimeout and Date, so the client's timers (attempt timeout, backoff
 * sleep) run on a clock the test moves, while the loopback server and sockets stay real.
 */
function fakeClock(random?: number): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  if (random !== undefined) vi.spyOn(Math, 'random').mockReturnValue(random);
}
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Whether a promise has settled yet, without awaiting it. */
function watch(promise: Promise<unknown>): { readonly settled: boolean; result: Promise<unknown> } {
  const state = { settled: false, result: promise.finally(() => (state.settled = true)).catch((error: unknown) => error) };
  return state;
}

/**
 * The delays a client sleeps before each retry, read from the fake clock. Every attempt is
 * answered 503 by a fetch function given to the client (no socket, so no timer but the client's
 * own), and the attempt timer is off: after each attempt the backoff sleep is the only pending
 * timer, and advancing to it moves the clock by exactly its delay.
 */
async function backoffDelays(options: Partial<FunctionGraphClientOptions>, retries: number): Promise<number[]> {
  let attempts = 0;
  const fetch503 = async () => {
    attempts++;
    return new Response(JSON.stringify({ error_code: 'FSS.0503', error_msg: 'Service unavailable' }), { status: 503, headers: { 'content-type': 'application/json' } });
  };
  const pending = watch(client({ maxRetries: retries, ...options, fetch: fetch503, timeoutMs: 0 }).asyncInvokeReservedFunction(INPUT));
  const delays: number[] = [];
  for (let retry = 1; retry <= retries; retry++) {
    await until(`the sleep before retry ${retry}`, () => attempts === retry && vi.getTimerCount() === 1);
    const before = Date.now();
    vi.advanceTimersToNextTimer();
    delays.push(Date.now() - before);
  }
  await until('the call to fail', () => pending.settled);
  expect(await pending.result).toBeInstanceOf(ServerError);
  expect(attempts).toBe(retries + 1);
  // Nothing left waiting after the last attempt: it was not retried.
  expect(vi.getTimerCount()).toBe(0);
  return delays;
}

describe('defaults', () => {
  it('time an attempt out at 60 s (DEFAULT_TIMEOUT_MS), not before', async () => {
    suite.server.fallback(behave.hold());
    fakeClock();

    const pending = watch(client({ maxRetries: 0 }).asyncInvokeReservedFunction(INPUT));

    await until('the request', () => suite.server.requests.length === 1);
    vi.advanceTimersByTime(59_999);
    // Real time for an abort to travel through fetch, had the timer fired early.
    await realSleep(100);
    expect(pending.settled, 'settled before 60 s').toBe(false);

    vi.advanceTimersByTime(1);
    await until('the attempt to time out at 60 s', () => pending.settled);
    const error = await pending.result;

    expect(error).toBeInstanceOf(FunctionGraphTimeoutError);
    expect((error as FunctionGraphTimeoutError).timeoutMs).toBe(60_000);
    expect((error as FunctionGraphTimeoutError).phase).toBe('response');
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
  });

  it('retry twice (DEFAULT_MAX_RETRIES) with the default backoff: 500 ms, then 1 s', async () => {
    fakeClock(1);

    // No maxRetries and no backoff given: the client's defaults decide, and 3 attempts are counted.
    const delays = await backoffDelays({ backoff: undefined, maxRetries: undefined }, 2);

    expect(delays).toEqual([500, 1_000]);
    expect(DEFAULT_MAX_RETRIES).toBe(2);
  });

  it.each([
    ['503', fail503, ServerError],
    ['429', fail429, RateLimitError],
  ])('retry a %s twice: 3 requests, then the last error with attempts 3', async (_label, answer, Class) => {
    suite.server.fallback(answer());

    const error = await rejection(client().asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(Class);
    expect((error as FunctionGraphApiError).attempts).toBe(3);
    expect(suite.server.attempts).toBe(3);
  });

  it('succeed once the service recovers, reporting the attempts', async () => {
    suite.server.script(fail429(), fail503());

    const result = await client().withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.data).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
    expect(result.attempts).toBe(3);
    expect(suite.server.attempts).toBe(3);
  });

  it('send the same request on every attempt', async () => {
    suite.server.script(fail503(), fail503());

    await client().asyncInvokeReservedFunction(INPUT, { headers: { 'X-Trace': 't-1' } });

    const [first, ...rest] = suite.server.requests;
    for (const request of rest) {
      expect(request.method).toBe(first!.method);
      expect(request.url).toBe(first!.url);
      expect(request.body.equals(first!.body)).toBe(true);
      expect(request.headers['x-trace']).toBe('t-1');
      expect(request.headers['x-auth-token']).toBe(TOKEN);
    }
  });

  it.each([400, 401, 403, 404, 409, 413, 500, 501, 502, 504, 408])('do not retry a %i', async (status) => {
    suite.server.fallback(failWith(status)());

    const error = await rejection(client().asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(FunctionGraphApiError);
    expect((error as FunctionGraphApiError).attempts).toBe(1);
    expect(suite.server.attempts).toBe(1);
  });
});

describe('maxRetries', () => {
  it('0 disables retries', async () => {
    suite.server.fallback(fail503());

    await rejection(client({ maxRetries: 0 }).asyncInvokeReservedFunction(INPUT));

    expect(suite.server.attempts).toBe(1);
  });

  it.each([
    ['client 0, call 2', { maxRetries: 0 }, { maxRetries: 2 }, 3],
    ['client 2, call 0', { maxRetries: 2 }, { maxRetries: 0 }, 1],
    ['client 1, call 3', { maxRetries: 1 }, { maxRetries: 3 }, 4],
    ['client 3, no call setting', { maxRetries: 3 }, {}, 4],
  ])('per call overrides the client (%s)', async (_label, clientOptions, callOptions, requests) => {
    suite.server.fallback(fail503());

    const error = await rejection(client(clientOptions).asyncInvokeReservedFunction(INPUT, callOptions));

    expect((error as ServerError).attempts).toBe(requests);
    expect(suite.server.attempts).toBe(requests);
  });
});

describe('idempotent', () => {
  it.each([500, 502, 504, 408])('retries a %i when the client is idempotent', async (status) => {
    suite.server.fallback(failWith(status)());

    const error = await rejection(client({ idempotent: true }).asyncInvokeReservedFunction(INPUT));

    expect((error as FunctionGraphApiError).attempts).toBe(3);
    expect(suite.server.attempts).toBe(3);
  });

  it('retries a 502 when the call says idempotent, and recovers', async () => {
    suite.server.script(failWith(502)(), failWith(500)());

    const result = await client().withResponse.asyncInvokeReservedFunction(INPUT, { idempotent: true });

    expect(result.attempts).toBe(3);
    expect(suite.server.attempts).toBe(3);
  });

  it('is overridden by idempotent: false on the call', async () => {
    suite.server.fallback(failWith(500)());

    await rejection(client({ idempotent: true }).asyncInvokeReservedFunction(INPUT, { idempotent: false }));

    expect(suite.server.attempts).toBe(1);
  });

  it.each([400, 401, 404, 409, 413])('still does not retry a %i', async (status) => {
    suite.server.fallback(failWith(status)());

    await rejection(client({ idempotent: true }).asyncInvokeReservedFunction(INPUT));

    expect(suite.server.attempts).toBe(1);
  });
});

describe('connection failures', () => {
  it('retries a refused connection by default (nothing was sent)', async () => {
    const port = await closedPort();

    const error = await rejection(client({ baseUrl: `http://127.0.0.1:${port}` }).asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(FunctionGraphConnectionError);
    const connectionError = error as FunctionGraphConnectionError;
    expect(connectionError.requestMayHaveBeenSent).toBe(false);
    expect(connectionError.attempts).toBe(3);
    expect(connectionError.message).toContain('ECONNREFUSED');
    expect(connectionError.message).toContain(`127.0.0.1:${port}`);
  });

  it('retries a connection reset on accept (connect ECONNRESET) by default, and recovers', async () => {
    suite.server.script(behave.resetOnConnect(), behave.resetOnConnect());

    const result = await client().withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(3);
    expect(suite.server.resetConnections).toBe(2);
    expect(suite.server.requests).toHaveLength(1);
  });

  it('reports a connection reset on accept as not sent', async () => {
    suite.server.script(behave.resetOnConnect());

    const error = (await rejection(client({ maxRetries: 0 }).asyncInvokeReservedFunction(INPUT))) as FunctionGraphConnectionError;

    expect(error).toBeInstanceOf(FunctionGraphConnectionError);
    expect(error.requestMayHaveBeenSent).toBe(false);
    expect(error.message).toContain('ECONNRESET');
    // Both transports see it as a failed connect: the socket error is the cause (Node's HTTP), or the cause's cause (fetch's TypeError wraps it).
    const socketError = transportName === 'fetch' ? (error.cause as Error).cause : error.cause;
    expect((socketError as { syscall?: string }).syscall).toBe('connect');
  });

  it.each([
    ['destroyed', behave.destroyAfterRequest],
    ['reset', behave.resetAfterRequest],
  ])('does not retry a connection %s after the request was read (it may have started work)', async (_label, drop) => {
    suite.server.fallback(drop());

    const error = await rejection(client().asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(FunctionGraphConnectionError);
    expect((error as FunctionGraphConnectionError).requestMayHaveBeenSent).toBe(true);
    expect((error as FunctionGraphConnectionError).attempts).toBe(1);
    expect((error as Error).message).toMatch(/^asyncInvokeReservedFunction: no answer from http:\/\/127\.0\.0\.1:\d+ \(.+; the request may have been sent\)$/);
    expect(suite.server.attempts).toBe(1);
  });

  it.each([
    ['destroyed', behave.destroyAfterRequest],
    ['reset', behave.resetAfterRequest],
  ])('retries a connection %s after the request was read when idempotent, and recovers', async (_label, drop) => {
    suite.server.script(drop(), drop());

    const result = await client({ idempotent: true }).withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(3);
    expect(suite.server.requests).toHaveLength(3);
  });
});

describe('delays', () => {
  it('waits a Retry-After given in seconds rather than the backoff', async () => {
    suite.server.script(behave.retryAfter(503, '1'));

    const start = performance.now();
    const result = await client({ backoff: { initialDelayMs: 10, maxDelayMs: 10 } }).withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(2);
    expect(gaps()[0]).toBeGreaterThanOrEqual(900);
    expect(since(start)).toBeLessThan(5_000);
  });

  it('waits a Retry-After given as an HTTP date', async () => {
    // HTTP dates have whole seconds: two seconds ahead, truncated, is 1-2 s away.
    const date = new Date(Date.now() + 2_000).toUTCString();
    suite.server.script(behave.retryAfter(429, date));

    const result = await client({ backoff: { initialDelayMs: 10, maxDelayMs: 10 } }).withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(2);
    expect(gaps()[0]).toBeGreaterThanOrEqual(800);
    expect(gaps()[0]).toBeLessThan(4_000);
  });

  it('retries at once when the Retry-After date is past, even with a long backoff', async () => {
    suite.server.script(behave.retryAfter(503, new Date(Date.now() - 60_000).toUTCString()));

    const result = await client({ backoff: { initialDelayMs: 4_000, maxDelayMs: 4_000 } }).withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(2);
    expect(gaps()[0]).toBeLessThan(1_000);
  });

  // Equal jitter: retry n waits step/2 + random * step/2, step = min(maxDelayMs, initialDelayMs * 2^(n-1)).
  it.each([
    ['random 1: the whole step, doubling from 500 ms up to the 8 s default cap', 1, [500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]],
    ['random 0: half the step, from 250 ms up to half the 8 s default cap', 0, [250, 500, 1_000, 2_000, 4_000, 4_000, 4_000]],
    ['random 0.5: three quarters of the step', 0.5, [375, 750, 1_500, 3_000, 6_000, 6_000, 6_000]],
  ])('default backoff, %s', async (_label, random, want) => {
    fakeClock(random);

    const delays = await backoffDelays({ backoff: undefined }, 7);

    expect(delays).toEqual(want);
  });

  it.each([
    ['random 1', 1, [300, 600, 1_000, 1_000, 1_000]],
    ['random 0', 0, [150, 300, 500, 500, 500]],
  ])('a custom maxDelayMs caps every step (initialDelayMs 300, maxDelayMs 1 s, %s)', async (_label, random, want) => {
    fakeClock(random);

    const backoff = { initialDelayMs: 300, maxDelayMs: 1_000 };
    const delays = await backoffDelays({ backoff }, 5);

    expect(delays).toEqual(want);
  });

  it('backs off between initialDelayMs/2 and maxDelayMs without Retry-After', async () => {
    suite.server.script(fail503(), fail503(), fail503());

    const result = await client({ maxRetries: 3, backoff: { initialDelayMs: 40, maxDelayMs: 60 } }).withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(4);
    const [first, second, third] = gaps();
    // Equal jitter: retry n waits between half and all of min(maxDelayMs, initialDelayMs * 2^(n-1)).
    expect(first).toBeGreaterThanOrEqual(19);
    expect(second).toBeGreaterThanOrEqual(29);
    expect(third).toBeGreaterThanOrEqual(29);
    for (const gap of gaps()) expect(gap).toBeLessThan(1_000);
  });

  it('uses 500 ms as the default first delay (waits at least 250 ms)', async () => {
    suite.server.script(fail503());

    await client({ backoff: undefined }).asyncInvokeReservedFunction(INPUT);

    expect(gaps()[0]).toBeGreaterThanOrEqual(240);
    expect(gaps()[0]).toBeLessThan(2_000);
  });

  it.each([
    ['seconds, above the default 60 s bound', '120', {}, 120_000],
    ['seconds, above a configured 1 s bound', '3', { maxRetryAfterMs: 1_000 }, 3_000],
  ])('throws at once with retryAfterMs when Retry-After is in %s', async (_label, retryAfter, backoff, want) => {
    suite.server.fallback(behave.retryAfter(429, retryAfter));

    const start = performance.now();
    const error = await rejection(client({ backoff: { ...FAST_BACKOFF, ...backoff } }).asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(want);
    expect((error as RateLimitError).attempts).toBe(1);
    expect(suite.server.attempts).toBe(1);
    // Thrown without waiting any part of it.
    expect(since(start)).toBeLessThan(2_500);
  });

  // What the server's Retry-After says, as carried by the error of a call that is not retried.
  it.each([
    ['0 seconds', '0', 0],
    ['whole seconds', '7', 7_000],
    ['a negative number (no such delay)', '-1', undefined],
    ['a fraction of a second (neither delay-seconds nor a date)', '1.5', undefined],
    ['a word that is no date', 'soon', undefined],
    ['a date long past (retry at once)', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
  ])('reads a Retry-After of %s', async (_label, retryAfter, want) => {
    suite.server.fallback(behave.retryAfter(429, retryAfter));

    const error = await rejection(client({ maxRetries: 0 }).asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(want);
  });

  it('waits a Retry-After exactly as long as maxRetryAfterMs', async () => {
    suite.server.script(behave.retryAfter(503, '0'));

    const result = await client({ backoff: { ...FAST_BACKOFF, maxRetryAfterMs: 0 } }).withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(2);
  });

  it('throws at once when a Retry-After date is further away than allowed', async () => {
    suite.server.fallback(behave.retryAfter(503, new Date(Date.now() + 3_600_000).toUTCString()));

    const error = (await rejection(client().asyncInvokeReservedFunction(INPUT))) as ServerError;

    expect(error.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(suite.server.attempts).toBe(1);
  });
});

describe('the token on retries', () => {
  it('calls the provider once per attempt, so a retry sends the refreshed token', async () => {
    suite.server.script(fail503(), behave.resetOnConnect(), fail429());
    let calls = 0;

    const result = await client({ maxRetries: 3, token: async () => `${TOKEN}-${++calls}` }).withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(4);
    expect(calls).toBe(4);
    // The reset connection never delivered its request (token 2).
    expect(suite.server.requests.map((r) => r.headers['x-auth-token'])).toEqual([`${TOKEN}-1`, `${TOKEN}-3`, `${TOKEN}-4`]);
  });
});
