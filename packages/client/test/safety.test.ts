/**
 * What the spec says about each operation drives retries and timeouts: reads (GET) and a POST
 * marked x-idempotent (cancel) are retried on every 5xx, 408 and timeout; invocations keep the
 * cautious policy (only what cannot have started work); an operation's default timeout stretches
 * to what the spec says its server may take (x-response-timeout-ms + 10 s).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFunctionGraphClient, FunctionGraphTimeoutError, ServerError, type FetchFunction } from '../src/index.js';
import { PROJECT, rejection, TOKEN, URN } from './helpers/calls.js';
import { behave } from './helpers/fault-server.js';
import { closedPort } from './helpers/loopback-server.js';
import { faultSuite } from './helpers/fault-suite.js';
import { transportOptions } from './helpers/transport.js';

const suite = faultSuite();
const client = suite.client;
const oops = behave.json(500, { error_code: 'FSS.0500', error_msg: 'oops' });
const listed = behave.json(200, { invocations: [] });

describe('retries follow the spec\'s word on safety', () => {
  it('retries listAsyncInvocations (a GET) on a 500 without being told', async () => {
    suite.server.script(oops, listed);

    await expect(client().listAsyncInvocations({ functionUrn: URN })).resolves.toEqual({ invocations: [] });
    expect(suite.server.attempts).toBe(2);
  });

  it('retries listActiveAsyncInvocations on a 408 and after a timeout', async () => {
    suite.server.script(behave.json(408, { error_code: 'FSS.0408', error_msg: 'late' }), behave.hold(), listed);

    await expect(client({ timeoutMs: 150 }).listActiveAsyncInvocations({ functionUrn: URN })).resolves.toEqual({ invocations: [] });
    expect(suite.server.attempts).toBe(3);
  });

  it('retries cancelAsyncInvocation (a POST marked x-idempotent) on a 502', async () => {
    suite.server.script(behave.json(502, { error_code: 'FSS.0502', error_msg: 'bad gateway' }), behave.json(200, null));

    await expect(client().cancelAsyncInvocation({ functionUrn: URN, body: { request_id: 'r', type: 'force' } })).resolves.toBeNull();
    expect(suite.server.attempts).toBe(2);
  });

  it('does not retry invokeFunction on a 500: the function may have run', async () => {
    suite.server.script(oops, behave.json(200, { result: 'second run' }));

    const error = await rejection(client().invokeFunction({ functionUrn: URN, body: {} }));

    expect(error).toBeInstanceOf(ServerError);
    expect(suite.server.attempts).toBe(1);
    expect((error as Error).message).toBe('invokeFunction failed: HTTP 500, application/json: FSS.0500 oops');
  });

  it('does not retry asyncInvokeFunction on a 500, but does on a 503, and says how many attempts were made', async () => {
    suite.server.script(oops);
    await rejection(client().asyncInvokeFunction({ functionUrn: URN, body: {} }));
    expect(suite.server.attempts).toBe(1);

    const busy = behave.json(503, { error_code: 'FSS.0503', error_msg: 'busy' });
    suite.server.script(busy, busy, busy);
    const error = await rejection(client().asyncInvokeFunction({ functionUrn: URN, body: {} }));
    expect(suite.server.attempts).toBe(3);
    expect((error as Error).message).toBe('asyncInvokeFunction failed after 3 attempts: HTTP 503, application/json: FSS.0503 busy');
  });

  it('idempotent: false on a call turns the spec\'s safety off for it', async () => {
    suite.server.script(oops, listed);

    await rejection(client().listAsyncInvocations({ functionUrn: URN }, { idempotent: false }));
    expect(suite.server.attempts).toBe(1);
  });

  it('idempotent: false on the client turns it off for every call', async () => {
    suite.server.script(oops, listed);

    await rejection(client({ idempotent: false }).listAsyncInvocations({ functionUrn: URN }));
    expect(suite.server.attempts).toBe(1);
  });

  it('says "request not sent" when the connection was refused before anything was written', async () => {
    const port = await closedPort();
    const c = createFunctionGraphClient({ baseUrl: `http://127.0.0.1:${port}`, projectId: PROJECT, token: TOKEN, maxRetries: 1, backoff: { initialDelayMs: 1, maxDelayMs: 2 }, ...transportOptions() });

    const error = await rejection(c.asyncInvokeFunction({ functionUrn: URN, body: {} }));

    expect((error as Error).message).toBe(`asyncInvokeFunction: no answer from http://127.0.0.1:${port} (ECONNREFUSED; request not sent) (after 2 attempts)`);
  });
});

describe('each operation\'s default timeout comes from the spec', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * Waiting 100 s on loopback is not a test anyone runs, so here a fetch that answers only to its
   * abort signal stands in for a silent server, and the clock is faked (setTimeout only).
   */
  function silentServer(): { fetch: FetchFunction; calls: number } {
    const state = { calls: 0, fetch: undefined as unknown as FetchFunction };
    state.fetch = (_url, init) => {
      state.calls++;
      return new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };
    return state;
  }

  it('invokeFunction waits 100 s (the gateway\'s 90 s plus 10 s), not the 60 s default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const server = silentServer();
    const c = createFunctionGraphClient({ baseUrl: 'http://127.0.0.1:9', projectId: PROJECT, token: TOKEN, fetch: server.fetch });

    let settled: unknown;
    const call = c.invokeFunction({ functionUrn: URN, body: {} }).then(() => 'resolved', (e: unknown) => (settled = e));
    await vi.advanceTimersByTimeAsync(99_999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await call;

    expect(settled).toBeInstanceOf(FunctionGraphTimeoutError);
    expect((settled as FunctionGraphTimeoutError).timeoutMs).toBe(100_000);
    expect(server.calls).toBe(1);
  });

  it('asyncInvokeFunction keeps the 60 s default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const c = createFunctionGraphClient({ baseUrl: 'http://127.0.0.1:9', projectId: PROJECT, token: TOKEN, fetch: silentServer().fetch });

    const call = rejection(c.asyncInvokeFunction({ functionUrn: URN, body: {} }));
    await vi.advanceTimersByTimeAsync(60_000);

    expect(((await call) as FunctionGraphTimeoutError).timeoutMs).toBe(60_000);
  });

  it.each([
    ['a client timeoutMs', { timeoutMs: 5_000 }, undefined, 5_000],
    ['a call timeoutMs', {}, { timeoutMs: 7_000 }, 7_000],
  ])('%s wins over the spec\'s longer default', async (_label, clientOptions, call, expected) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const c = createFunctionGraphClient({ baseUrl: 'http://127.0.0.1:9', projectId: PROJECT, token: TOKEN, fetch: silentServer().fetch, ...clientOptions });

    const pending = rejection(c.invokeFunction({ functionUrn: URN, body: {} }, call));
    await vi.advanceTimersByTimeAsync(expected);

    expect(((await pending) as FunctionGraphTimeoutError).timeoutMs).toBe(expected);
  });
});
