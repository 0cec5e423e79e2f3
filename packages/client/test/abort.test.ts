/**
 * The caller's AbortSignal: it cancels the call before sending, while waiting for headers, while
 * reading the body and while sleeping before a retry, always with FunctionGraphAbortError whose
 * cause is the signal's reason, and is never retried.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { FunctionGraphAbortError, FunctionGraphError } from '../src/index.js';
import { INPUT, rejection, since, sleep, TOKEN } from './helpers/calls.js';
import { behave, DEFAULT_INSTANCE_ID } from './helpers/fault-server.js';
import { faultSuite } from './helpers/fault-suite.js';
import { within } from './helpers/transports.js';

const suite = faultSuite();
const client = suite.client;

/** A signal that fires `ms` after the call starts, with a reason the test can recognise. */
function abortAfter(ms: number): { signal: AbortSignal; reason: Error } {
  const controller = new AbortController();
  const reason = new Error('caller gave up');
  setTimeout(() => controller.abort(reason), ms);
  return { signal: controller.signal, reason };
}

function expectAbort(error: unknown, reason: unknown): void {
  expect(error).toBeInstanceOf(FunctionGraphAbortError);
  expect((error as Error).message).toBe('asyncInvokeReservedFunction: aborted by the caller');
  expect(error).toBeInstanceOf(FunctionGraphError);
  expect((error as FunctionGraphAbortError).operationId).toBe('asyncInvokeReservedFunction');
  expect((error as Error).cause).toBe(reason);
}

describe('an abort', () => {
  it('before the call sends nothing and does not ask for a token', async () => {
    const reason = new Error('already cancelled');
    let tokenCalls = 0;

    const error = await rejection(
      client({ token: () => (tokenCalls++, TOKEN) }).asyncInvokeReservedFunction(INPUT, { signal: AbortSignal.abort(reason) }),
    );

    expectAbort(error, reason);
    expect(tokenCalls).toBe(0);
    expect(suite.server.attempts).toBe(0);
  });

  it('while waiting for headers (the server holds the request) rejects at once', async () => {
    suite.server.fallback(behave.hold());
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const requested = suite.server.nextRequest();

    const outcome = rejection(client().asyncInvokeReservedFunction(INPUT, { signal: controller.signal }));
    await requested;
    const abortedAt = performance.now();
    controller.abort(reason);
    const error = await outcome;

    expectAbort(error, reason);
    expect(since(abortedAt)).toBeLessThan(1_000);
    expect(suite.server.attempts).toBe(1);
  });

  it('while reading the body (headers arrived, the body stalls) rejects at once', async () => {
    suite.server.fallback(behave.stalledBody(202, '{"instance_id":"04'));
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    let abortedAt = 0;
    // The real fetch, wrapped to learn when the headers are in: from then on the client reads the body.
    const c = client({
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        setTimeout(() => ((abortedAt = performance.now()), controller.abort(reason)), 20);
        return response;
      },
    });

    const error = await rejection(c.asyncInvokeReservedFunction(INPUT, { signal: controller.signal }));

    expectAbort(error, reason);
    expect(abortedAt).toBeGreaterThan(0);
    expect(since(abortedAt)).toBeLessThan(1_000);
  });

  it('while sleeping before a retry (503, Retry-After: 5) rejects at once, after 1 request', async () => {
    suite.server.fallback(behave.retryAfter(503, '5'));
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    let abortedAt = 0;
    // The real fetch, with the body read here, so the test knows when the answer is in: from then
    // on the client can only be sleeping before its retry.
    const c = client({
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        const text = await response.text();
        setTimeout(() => ((abortedAt = performance.now()), controller.abort(reason)), 50);
        return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
      },
    });

    const error = await rejection(c.asyncInvokeReservedFunction(INPUT, { signal: controller.signal }));

    expectAbort(error, reason);
    expect(abortedAt).toBeGreaterThan(0);
    expect(since(abortedAt)).toBeLessThan(1_000);
    // Nothing more goes out after the abort.
    await sleep(100);
    expect(suite.server.attempts).toBe(1);
  });

  it('is never retried, even when idempotent', async () => {
    suite.server.fallback(behave.hold());
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const requested = suite.server.nextRequest();

    const outcome = rejection(client({ idempotent: true, maxRetries: 5 }).asyncInvokeReservedFunction(INPUT, { signal: controller.signal }));
    await requested;
    controller.abort(reason);
    const error = await outcome;

    expectAbort(error, reason);
    await sleep(100);
    expect(suite.server.attempts).toBe(1);
  });

  it('wins over the client timeout when it comes first', async () => {
    suite.server.fallback(behave.hold());
    const { signal, reason } = abortAfter(50);

    const error = await rejection(client({ timeoutMs: 1_000 }).asyncInvokeReservedFunction(INPUT, { signal }));

    expectAbort(error, reason);
  });

  it('from AbortSignal.timeout() is the caller\'s abort, with its TimeoutError as cause', async () => {
    suite.server.fallback(behave.hold());
    const signal = AbortSignal.timeout(100);

    const error = await rejection(client().asyncInvokeReservedFunction(INPUT, { signal }));

    expect(error).toBeInstanceOf(FunctionGraphAbortError);
    expect(((error as Error).cause as Error).name).toBe('TimeoutError');
  });

  it('while waiting for headers lets the connection go: the server sees it closed', async () => {
    suite.server.fallback(behave.hold());
    const controller = new AbortController();
    const requested = suite.server.nextRequest();

    const outcome = rejection(client().asyncInvokeReservedFunction(INPUT, { signal: controller.signal }));
    const held = await requested;
    controller.abort(new Error('caller gave up'));
    await outcome;

    await within(suite.server.connectionClosed(held), 'the server sees the connection closed', 10_000);
  });

  it('signal reused across calls is left with no listener of theirs, whatever their outcome', async () => {
    const controller = new AbortController();
    const busy = behave.json(503, { error_code: 'FSS.0503', error_msg: 'busy' });
    suite.server.script(busy, behave.json(200, { instance_id: DEFAULT_INSTANCE_ID }), behave.json(400, { error_code: 'FSS.0400', error_msg: 'bad' }), behave.hold());

    // The first call sleeps before its retry: the pause's listener goes too.
    await client().asyncInvokeReservedFunction(INPUT, { signal: controller.signal });
    await rejection(client().asyncInvokeReservedFunction(INPUT, { signal: controller.signal }));
    await rejection(client({ timeoutMs: 50, maxRetries: 0 }).asyncInvokeReservedFunction(INPUT, { signal: controller.signal }));

    // Each listener left behind would hold its call's state for as long as the signal lives.
    expect(getEventListeners(controller.signal, 'abort')).toEqual([]);
  });

  it('after the call resolved changes nothing', async () => {
    const controller = new AbortController();

    const result = await client().asyncInvokeReservedFunction(INPUT, { signal: controller.signal });
    controller.abort();

    expect(result).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
  });

  it('rejects at once even when a custom fetch ignores init.signal', async () => {
    suite.server.fallback(behave.hold());
    const deaf = (url: string, init: RequestInit) => fetch(url, { ...init, signal: undefined });
    const { signal, reason } = abortAfter(50);

    const start = performance.now();
    const error = await rejection(client({ fetch: deaf, timeoutMs: 0 }).asyncInvokeReservedFunction(INPUT, { signal }));

    expectAbort(error, reason);
    expect(since(start)).toBeLessThan(2_000);
  });
});

