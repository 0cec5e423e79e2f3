/**
 * `timeoutMs`: one timer per attempt, covering the wait for headers and the body read, set on the
 * client or per call, `0` to disable. Against a fault-injection server that holds the socket,
 * delays its answer, or sends headers and then dribbles or stalls the body.
 */
import { describe, expect, it } from 'vitest';
import { FunctionGraphTimeoutError } from '../src/index.js';
import { INPUT, rejection, since } from './helpers/calls.js';
import { behave, DEFAULT_INSTANCE_ID } from './helpers/fault-server.js';
import { faultSuite } from './helpers/fault-suite.js';
import { within } from './helpers/transports.js';

const suite = faultSuite();
const client = suite.client;

const delayedAccept = (ms: number) => behave.delay(ms, behave.accepted(DEFAULT_INSTANCE_ID));
const delayed503 = (ms: number) => behave.delay(ms, behave.json(503, { error_code: 'FSS.0503', error_msg: 'busy' }));

describe('timeoutMs', () => {
  it('set on the client fails a server that never answers, waiting for the response', async () => {
    suite.server.fallback(behave.hold());

    const start = performance.now();
    const error = await rejection(client({ timeoutMs: 100 }).asyncInvokeReservedFunction(INPUT));
    const elapsed = since(start);

    expect(error).toBeInstanceOf(FunctionGraphTimeoutError);
    const timeout = error as FunctionGraphTimeoutError;
    expect(timeout.timeoutMs).toBe(100);
    expect(timeout.phase).toBe('response');
    expect(timeout.attempts).toBe(1);
    expect(timeout.operationId).toBe('asyncInvokeReservedFunction');
    expect(timeout.message).toContain('100 ms');
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('that ends an attempt lets its connection go: the server sees it closed', async () => {
    suite.server.fallback(behave.hold());
    const requested = suite.server.nextRequest();

    await rejection(client({ timeoutMs: 100, maxRetries: 0 }).asyncInvokeReservedFunction(INPUT));

    await within(suite.server.connectionClosed(await requested), 'the server sees the connection closed', 10_000);
  });

  it('set per call overrides the client (60 s default → 100 ms)', async () => {
    suite.server.fallback(behave.hold());

    const error = await rejection(client().asyncInvokeReservedFunction(INPUT, { timeoutMs: 100 }));

    expect((error as FunctionGraphTimeoutError).timeoutMs).toBe(100);
  });

  it('set per call can also be longer than the client\'s', async () => {
    suite.server.fallback(delayedAccept(300));

    const result = await client({ timeoutMs: 100 }).asyncInvokeReservedFunction(INPUT, { timeoutMs: 2_000 });

    expect(result).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
  });

  it('covers the body: headers at once, then a stalled body, times out in phase "body"', async () => {
    suite.server.fallback(behave.stalledBody(202, '{"instance_id":"04'));

    const error = await rejection(client({ timeoutMs: 400 }).asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(FunctionGraphTimeoutError);
    expect((error as FunctionGraphTimeoutError).phase).toBe('body');
  });

  it('covers the body even while bytes keep coming (a body dribbled slower than the timeout)', async () => {
    const text = JSON.stringify({ instance_id: DEFAULT_INSTANCE_ID });
    const chunks = text.match(/.{1,3}/g)!;
    suite.server.fallback(behave.dribble(202, chunks, 60));

    const start = performance.now();
    const error = await rejection(client({ timeoutMs: 400 }).asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(FunctionGraphTimeoutError);
    expect((error as FunctionGraphTimeoutError).phase).toBe('body');
    expect(since(start)).toBeLessThan(chunks.length * 60);
  });

  it('lets the same dribbled body through when the timeout is long enough', async () => {
    const text = JSON.stringify({ instance_id: DEFAULT_INSTANCE_ID });
    suite.server.fallback(behave.dribble(202, text.match(/.{1,16}/g)!, 20));

    expect(await client({ timeoutMs: 2_000 }).asyncInvokeReservedFunction(INPUT)).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
  });

  it('0 disables the timer: an answer after 300 ms succeeds with 0 and fails with 100', async () => {
    suite.server.fallback(delayedAccept(300));

    expect(await client({ timeoutMs: 100 }).asyncInvokeReservedFunction(INPUT, { timeoutMs: 0 })).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
    expect(await client({ timeoutMs: 0 }).asyncInvokeReservedFunction(INPUT)).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
    expect(await rejection(client({ timeoutMs: 100 }).asyncInvokeReservedFunction(INPUT))).toBeInstanceOf(FunctionGraphTimeoutError);
  });
});

describe('one timer per attempt', () => {
  it('gives each attempt the full timeout: three 200 ms attempts succeed under a 500 ms timeout', async () => {
    suite.server.script(delayed503(200), delayed503(200), delayedAccept(200));

    const start = performance.now();
    const result = await client({ timeoutMs: 500 }).withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.attempts).toBe(3);
    expect(suite.server.attempts).toBe(3);
    // Longer than one timeout in all, so one timer for the whole call would have fired.
    expect(since(start)).toBeGreaterThan(500);
  });

  it('does not retry a timeout by default', async () => {
    suite.server.fallback(behave.hold());

    const error = await rejection(client({ timeoutMs: 100 }).asyncInvokeReservedFunction(INPUT));

    expect((error as FunctionGraphTimeoutError).attempts).toBe(1);
    expect(suite.server.attempts).toBe(1);
  });

  it('retries a timeout when idempotent, each attempt timing out on its own', async () => {
    suite.server.fallback(behave.hold());

    const start = performance.now();
    const error = await rejection(client({ timeoutMs: 100, idempotent: true }).asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(FunctionGraphTimeoutError);
    expect((error as FunctionGraphTimeoutError).attempts).toBe(3);
    expect(suite.server.attempts).toBe(3);
    expect(since(start)).toBeGreaterThanOrEqual(3 * 95);
  });

  it('recovers when a retried attempt answers in time', async () => {
    suite.server.script(behave.hold(), behave.stalledBody(202, '{"inst'));

    const result = await client({ timeoutMs: 300 }).withResponse.asyncInvokeReservedFunction(INPUT, { idempotent: true });

    expect(result.attempts).toBe(3);
    expect(result.data).toEqual({ instance_id: DEFAULT_INSTANCE_ID });
  });

  it('bounds an attempt even when a custom fetch ignores init.signal (the runtime\'s own timer, not the transport\'s)', async () => {
    suite.server.fallback(behave.hold());
    // A fetch that drops the signal: the request stays in flight, and the runtime must still end the call.
    const deaf = (url: string, init: RequestInit) => fetch(url, { ...init, signal: undefined });

    const start = performance.now();
    const error = await rejection(client({ fetch: deaf, timeoutMs: 100, maxRetries: 0 }).asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(FunctionGraphTimeoutError);
    expect((error as FunctionGraphTimeoutError).phase).toBe('response');
    expect(since(start)).toBeLessThan(2_000);
  });

  it('bounds an attempt when a custom fetch never settles at all', async () => {
    const never = () => new Promise<Response>(() => {});

    const error = await rejection(client({ fetch: never, timeoutMs: 50, maxRetries: 0 }).asyncInvokeReservedFunction(INPUT));

    expect(error).toBeInstanceOf(FunctionGraphTimeoutError);
  });
});

