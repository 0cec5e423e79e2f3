/**
 * waitForAsyncInvocation against a scripted loopback server: each poll of listAsyncInvocations
 * gets the next scripted answer. Delays are a few milliseconds so the whole file runs in about a
 * second; every wait is bounded by its own timeoutMs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFunctionGraphClient,
  FunctionGraphAbortError,
  FunctionGraphAsyncInvocationError,
  FunctionGraphAsyncRecordNotFoundError,
  FunctionGraphInputError,
  FunctionGraphTimeoutError,
  FunctionGraphWaitTimeoutError,
  NotFoundError,
  waitForAsyncInvocation,
  type AsyncInvocationStatus,
} from '../src/index.js';
import { json, startLoopbackServer, type LoopbackServer, type Responder } from './helpers/loopback-server.js';
import { guardUnhandledRejections, PROJECT, rejection, TOKEN, URN_PREFIX } from './helpers/calls.js';

const URN = `${URN_PREFIX}:long-job:latest`;
const REQUEST_ID = '1167bf8c-87b0-43ab-8f5f-26b16c64f252';
const FAST = { minDelayMs: 5, maxDelayMs: 20 } as const;

let server: LoopbackServer;
let script: Responder[] = [];
/** When the script runs out, the last answer repeats. */
let last: Responder;

beforeAll(async () => {
  server = await startLoopbackServer((request, res) => {
    const next = script.shift() ?? last;
    last = next;
    next(request, res);
  });
});
afterAll(() => server?.close());
beforeEach(() => {
  script = [];
  server.requests.length = 0;
});
guardUnhandledRejections();

const record = (status: AsyncInvocationStatus, extra: Record<string, unknown> = {}) => ({ request_id: REQUEST_ID, status, error_code: 0, error_message: '', start_time: '2026-11-30T09:00:00', ...extra });
const page = (...records: object[]): Responder => (_request, res) => json(res, 200, { invocations: records, count: records.length, next_marker: 0 });
const status = (code: number, body: unknown): Responder => (_request, res) => json(res, code, body);
function play(...responders: Responder[]) {
  script = [...responders];
  last = responders[responders.length - 1]!;
}

const client = () => createFunctionGraphClient({ baseUrl: server.url, token: TOKEN, backoff: { initialDelayMs: 5, maxDelayMs: 10 } });
const target = { functionUrn: URN, requestId: REQUEST_ID };

describe('waitForAsyncInvocation', () => {
  it('polls WAIT → RUNNING → SUCCESS and resolves to the record, reporting each status change once', async () => {
    play(page(record('WAIT')), page(record('WAIT')), page(record('RUNNING')), page(record('SUCCESS', { end_time: '2026-11-30T09:00:05' })));
    const seen: string[] = [];

    const result = await waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 5_000, onStatus: (s) => seen.push(s) });

    expect(result).toEqual(record('SUCCESS', { end_time: '2026-11-30T09:00:05' }));
    expect(seen).toEqual(['WAIT', 'RUNNING', 'SUCCESS']);
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) {
      expect(request.method).toBe('GET');
      expect(request.url).toMatch(
        new RegExp(`^/v2/${PROJECT}/fgs/functions/${URN}/async-invocations\\?request_id=${REQUEST_ID}&query_begin_time=\\d{4}-\\d\\d-\\d\\dT\\d\\d%3A\\d\\d%3A\\d\\d$`),
      );
    }
  });

  it('finds the record among others on the page', async () => {
    play(page(record('SUCCESS', { request_id: 'other' }), record('RUNNING')), page(record('FAIL', { request_id: 'other' }), record('SUCCESS')));

    await expect(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 5_000 })).resolves.toMatchObject({ request_id: REQUEST_ID, status: 'SUCCESS' });
  });

  it.each([
    ['FAIL', 'FAIL'],
    ['DISCARD', 'DISCARD'],
  ] as const)('rejects a run that ends %s with a typed error carrying the record\'s code and message', async (_label, end) => {
    play(page(record('RUNNING')), page(record(end, { error_code: 4208, error_message: 'function invocation canceled' })));

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 5_000 }));

    expect(error).toBeInstanceOf(FunctionGraphAsyncInvocationError);
    const failure = error as FunctionGraphAsyncInvocationError;
    expect(failure).toMatchObject({ status: end, errorCode: 4208, errorMessage: 'function invocation canceled', requestId: REQUEST_ID, functionUrn: URN, polls: 2 });
    expect(failure.message).toBe(`waitForAsyncInvocation: request ${REQUEST_ID} of ${URN} ended ${end}: 4208 function invocation canceled`);
    expect(failure.record).toMatchObject({ status: end });
  });

  it.each([
    ['a code and an empty message', { error_code: 4208, error_message: '' }, 'FAIL: 4208'],
    ['neither code nor message', { error_code: undefined, error_message: '' }, 'DISCARD'],
    ['a message and no code', { error_code: undefined, error_message: 'canceled' }, 'DISCARD: canceled'],
  ] as const)('names only what a failed record gives: %s', async (_label, extra, ended) => {
    play(page(record(ended.startsWith('FAIL') ? 'FAIL' : 'DISCARD', extra)));

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 5_000 }));

    expect((error as Error).message).toBe(`waitForAsyncInvocation: request ${REQUEST_ID} of ${URN} ended ${ended}`);
  });

  it('says that status persistence must be on, and how, when the record never appears', async () => {
    play(page());

    const began = Date.now();
    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 10_000, recordTimeoutMs: 80 }));
    const ended = Date.now();

    expect(error).toBeInstanceOf(FunctionGraphAsyncRecordNotFoundError);
    // It gave up once recordTimeoutMs had passed, not at the end of the whole wait.
    const { waitedMs } = error as FunctionGraphAsyncRecordNotFoundError;
    expect(waitedMs).toBeGreaterThanOrEqual(80);
    expect(waitedMs).toBeLessThanOrEqual(ended - began);
    expect(waitedMs).toBeLessThan(10_000);
    const message = (error as Error).message;
    expect(message).toContain('Runs started before it was turned on have no record.');
    expect(message).toContain(`no record of request ${REQUEST_ID} of ${URN} appeared`);
    expect(message).toContain('asynchronous invocation status persistence is on for the function');
    // The operation that turns it on, with the body in the spec's field names, as a caller writes it.
    expect(message).toContain(`turn it on with updateFunctionAsyncInvokeConfig({ functionUrn: ${JSON.stringify(URN)}, body: { enable_async_status_log: true } })`);
    expect(message).toContain('(PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config)');
    expect(message).toContain('asynchronous notification policy');
    expect((error as FunctionGraphAsyncRecordNotFoundError).polls).toBeGreaterThan(1);
  });

  it('says that status persistence must be on when the whole wait is no longer than the record timeout and no record ever appears', async () => {
    play(page());

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 60, recordTimeoutMs: 5_000 }));

    expect(error).toBeInstanceOf(FunctionGraphAsyncRecordNotFoundError);
    expect((error as Error).message).toContain('asynchronous invocation status persistence is on for the function');
  });

  /** A poll the server never answers: only the wait's deadline ends it. */
  const silent: Responder = () => {};

  it('a poll cut short by the wait\'s own deadline does not hide that no record appeared', async () => {
    play(page(), silent);

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 150, recordTimeoutMs: 5_000 }));

    expect(error).toBeInstanceOf(FunctionGraphAsyncRecordNotFoundError);
    expect((error as Error).message).toContain('asynchronous invocation status persistence is on for the function');
  });

  it('a poll cut short by the wait\'s own deadline is not reported as a failed poll', async () => {
    play(page(record('RUNNING')), silent);

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 150 }));

    expect(error).toBeInstanceOf(FunctionGraphWaitTimeoutError);
    expect((error as FunctionGraphWaitTimeoutError).lastStatus).toBe('RUNNING');
    expect((error as Error).message).not.toContain('the last poll failed');
    expect((error as Error).cause).toBeUndefined();
  });

  it('says that the last poll failed when no poll was ever answered', async () => {
    play(silent);

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 100 }));

    expect(error).toBeInstanceOf(FunctionGraphWaitTimeoutError);
    expect(error).toMatchObject({ lastStatus: 'no record', polls: 1 });
    expect((error as Error).message).toMatch(/still no record after \d+ ms \(1 polls, timeoutMs 100\); the last poll failed: listAsyncInvocations: timed out after \d+ ms waiting for the response/);
    expect((error as Error).cause).toBeInstanceOf(FunctionGraphTimeoutError);
  });

  it('rejects with the last status seen when time runs out', async () => {
    play(page(record('WAIT')), page(record('RUNNING')));
    const began = performance.now();

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 150 }));

    expect(error).toBeInstanceOf(FunctionGraphWaitTimeoutError);
    const timeout = error as FunctionGraphWaitTimeoutError;
    expect(timeout.lastStatus).toBe('RUNNING');
    expect(timeout.timeoutMs).toBe(150);
    // A last poll the deadline cut short (the machine ran a timer late) says nothing new: the message is the status alone.
    expect(timeout.message).toMatch(new RegExp(`^waitForAsyncInvocation: request ${REQUEST_ID} of .+ still RUNNING after \\d+ ms \\(\\d+ polls, timeoutMs 150\\)$`));
    const took = performance.now() - began;
    expect(took).toBeGreaterThanOrEqual(145);
    expect(took).toBeLessThan(1_000);
  });

  it('stops at once when the signal fires mid-wait, even during a long delay', async () => {
    play(page(record('RUNNING')));
    const controller = new AbortController();
    let abortedAt = Infinity;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort(new Error('user cancelled'));
    }, 60);

    const wait = waitForAsyncInvocation(client(), target, { minDelayMs: 10_000, maxDelayMs: 10_000, timeoutMs: 60_000, signal: controller.signal });
    const error = await rejection(wait);
    const afterAbort = performance.now();

    expect(error).toBeInstanceOf(FunctionGraphAbortError);
    expect((error as Error).cause).toEqual(new Error('user cancelled'));
    expect(server.requests).toHaveLength(1);
    // The delay before the next poll was ten seconds; the abort ended it at once.
    expect(afterAbort - abortedAt).toBeLessThan(100);
  }, 2_000);

  it('stops at once when the signal fires after a poll, before the delay begins', async () => {
    play(page(record('RUNNING')));
    const controller = new AbortController();
    const began = performance.now();
    // onStatus runs between the poll and the delay: an abort there must not wait the delay out.
    const onStatus = () => controller.abort(new Error('user cancelled'));

    const wait = waitForAsyncInvocation(client(), target, { minDelayMs: 10_000, maxDelayMs: 10_000, timeoutMs: 60_000, signal: controller.signal, onStatus });
    const error = await rejection(wait);

    expect(error).toBeInstanceOf(FunctionGraphAbortError);
    expect((error as FunctionGraphAbortError).operationId).toBe('waitForAsyncInvocation');
    expect(server.requests).toHaveLength(1);
    expect(performance.now() - began).toBeLessThan(1_000);
  }, 2_000);

  it('retries a 5xx during polling (the list is safe to repeat) and keeps waiting', async () => {
    play(page(record('RUNNING')), status(503, { error_code: 'FSS.0503', error_msg: 'busy' }), status(500, { error_code: 'FSS.0500', error_msg: 'oops' }), page(record('SUCCESS')));

    await expect(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 5_000 })).resolves.toMatchObject({ status: 'SUCCESS' });
    expect(server.requests).toHaveLength(4);
  });

  it('keeps polling after a poll whose retries all failed with 5xx, then succeeds', async () => {
    const busy = status(502, { error_code: 'FSS.0502', error_msg: 'bad gateway' });
    play(busy, busy, busy, busy, page(record('SUCCESS')));

    await expect(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 5_000 })).resolves.toMatchObject({ status: 'SUCCESS' });
    expect(server.requests).toHaveLength(5);
  });

  it('ends the wait with the API error when polling cannot succeed (404: no such function)', async () => {
    play(status(404, { error_code: 'FSS.1051', error_msg: 'Not found the function' }));

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 5_000 }));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });

  /**
   * Runs a wait that sees RUNNING `pauses` times, then SUCCESS, and reads each pause between a
   * poll's answer and the next poll twice: on the clock (the waiter really waited: a timer never
   * fires early) and as the delay the waiter handed the timer (what it chose: read on the clock, an
   * upper bound would also take in how late a loaded machine runs the timer, which has nothing to do
   * with the waiter).
   */
  async function pausesBetweenPolls(pauses: number, options: { minDelayMs: number; maxDelayMs: number }): Promise<{ waited: number[]; chosen: number[] }> {
    play(...Array.from({ length: pauses }, () => page(record('RUNNING'))), page(record('SUCCESS')));
    const asked: number[] = [];
    const answered: number[] = [];
    const chosen: number[] = [];
    let betweenPolls = false;
    const realSetTimeout = globalThis.setTimeout;
    const timers = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      if (betweenPolls) chosen.push(ms ?? 0);
      return realSetTimeout(callback, ms, ...args);
    }) as typeof setTimeout);
    const c = client();
    const timed = {
      listAsyncInvocations: async (...args: Parameters<typeof c.listAsyncInvocations>) => {
        betweenPolls = false;
        asked.push(performance.now());
        try {
          return await c.listAsyncInvocations(...args);
        } finally {
          answered.push(performance.now());
          betweenPolls = true;
        }
      },
    };

    try {
      await waitForAsyncInvocation(timed, target, { ...options, timeoutMs: 5_000 });
    } finally {
      timers.mockRestore();
    }
    return { waited: asked.slice(1).map((t, i) => t - answered[i]!), chosen };
  }

  it('backs off between polls: at least minDelayMs, never more than maxDelayMs', async () => {
    const { waited, chosen } = await pausesBetweenPolls(5, { minDelayMs: 20, maxDelayMs: 40 });

    expect(waited).toHaveLength(5);
    for (const pause of waited) expect(pause).toBeGreaterThanOrEqual(19);
    expect(chosen).toHaveLength(5);
    for (const delay of chosen) {
      expect(delay).toBeGreaterThanOrEqual(20);
      expect(delay).toBeLessThanOrEqual(40);
    }
  });

  it('doubles the backoff step from twice minDelayMs, each pause between half its step and the step (equal jitter)', async () => {
    const { chosen } = await pausesBetweenPolls(4, { minDelayMs: 5, maxDelayMs: 1_000 });

    expect(chosen).toHaveLength(4);
    chosen.forEach((delay, k) => {
      const step = 10 * 2 ** k;
      expect(delay, `pause ${k + 1}`).toBeGreaterThanOrEqual(step / 2);
      expect(delay, `pause ${k + 1}`).toBeLessThanOrEqual(step);
    });
  });

  const ms = 'must be 0 to 2147483647 ms';
  it.each([
    ['no requestId', { functionUrn: URN }, {}, 'requestId', 'is required: what asyncInvokeFunction resolved to'],
    ['an empty requestId', { functionUrn: URN, requestId: '' }, {}, 'requestId', 'is required: what asyncInvokeFunction resolved to'],
    ['a negative timeoutMs', target, { timeoutMs: -1 }, 'timeoutMs', ms],
    ['maxDelayMs below minDelayMs', target, { minDelayMs: 100, maxDelayMs: 10 }, 'maxDelayMs', 'must be at least minDelayMs (100)'],
    ['a since that is not a date', target, { since: 'yesterday' }, 'since', 'must be a valid Date'],
    ['an invalid Date as since', target, { since: new Date('yesterday') }, 'since', 'must be a valid Date'],
    ['a timeoutMs past the longest timer (2147483647 ms)', target, { timeoutMs: 2 ** 31 }, 'timeoutMs', ms],
    ['a minDelayMs that is not a number', target, { minDelayMs: '5' }, 'minDelayMs', ms],
    ['a maxDelayMs that is NaN', target, { maxDelayMs: Number.NaN }, 'maxDelayMs', ms],
    ['a negative recordTimeoutMs', target, { recordTimeoutMs: -1 }, 'recordTimeoutMs', ms],
    ['options that are null', target, null, 'options', 'must be an object'],
    ['options that are a string', target, 'fast', 'options', 'must be an object'],
    ['a target that is null', null, {}, 'target', 'must be { functionUrn, requestId }'],
    ['a target that is a string', URN, {}, 'target', 'must be { functionUrn, requestId }'],
  ])('refuses %s before polling', async (_label, badTarget, options, argument, problem) => {
    const error = await rejection(waitForAsyncInvocation(client(), badTarget as typeof target, options as object));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe(argument);
    expect((error as Error).message).toBe(`${argument} ${problem}`);
    expect(server.requests).toHaveLength(0);
  });

  it('accepts the bounds of every duration: 0 and 2147483647 ms', async () => {
    play(page(record('SUCCESS')));

    await expect(waitForAsyncInvocation(client(), target, { minDelayMs: 0, maxDelayMs: 0, recordTimeoutMs: 0, timeoutMs: 2 ** 31 - 1 })).resolves.toMatchObject({ status: 'SUCCESS' });
  });

  it.each([
    ['an object without listAsyncInvocations', {}],
    ['null', null],
  ])('refuses as client %s', async (_label, notAClient) => {
    const error = await rejection(waitForAsyncInvocation(notAClient as unknown as ReturnType<typeof client>, target));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as Error).message).toBe('client must be a client from createFunctionGraphClient');
  });

  it('accepts maxDelayMs equal to minDelayMs: a fixed delay between polls', async () => {
    play(page(record('RUNNING')), page(record('SUCCESS')));

    await expect(waitForAsyncInvocation(client(), target, { minDelayMs: 5, maxDelayMs: 5, timeoutMs: 5_000 })).resolves.toMatchObject({ status: 'SUCCESS' });
  });

  it('searches from since, in the records\' time format', async () => {
    play(page(record('SUCCESS')));

    await waitForAsyncInvocation(client(), target, { ...FAST, since: new Date('2026-11-30T08:59:59.999Z') });

    expect(server.requests[0]!.url).toBe(`/v2/${PROJECT}/fgs/functions/${URN}/async-invocations?request_id=${REQUEST_ID}&query_begin_time=2026-11-30T08%3A59%3A59`);
  });

  it('polls in the project the target names (a project the URN does not name is refused)', async () => {
    const error = await rejection(waitForAsyncInvocation(client(), { ...target, projectId: 'f0e1d2c3b4a5968778695a4b3c2d1e0f' }, FAST));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('projectId');
    expect(server.requests).toHaveLength(0);
  });

  it('searches from an hour before the wait began by default', async () => {
    play(page(record('SUCCESS')));
    // The records' time format: whole seconds, UTC, no zone. The wait began between these two instants.
    const hourBefore = (ms: number) => new Date(ms - 3_600_000).toISOString().slice(0, 19);
    const earliest = hourBefore(Date.now());

    await waitForAsyncInvocation(client(), target, FAST);

    const latest = hourBefore(Date.now());
    const sent = new URL(server.requests[0]!.url, server.url).searchParams.get('query_begin_time')!;
    expect(sent >= earliest && sent <= latest, `${sent} within [${earliest}, ${latest}]`).toBe(true);
  });

  it('keeps waiting past recordTimeoutMs once the record has been seen', async () => {
    play(page(record('WAIT')), page(record('RUNNING')), page(record('RUNNING')), page(record('SUCCESS')));

    await expect(waitForAsyncInvocation(client(), target, { ...FAST, recordTimeoutMs: 0, timeoutMs: 5_000 })).resolves.toMatchObject({ status: 'SUCCESS' });
    expect(server.requests).toHaveLength(4);
  });

  it('does not take failing polls for missing records: it waits the whole timeoutMs and names the failure', async () => {
    play(status(503, { error_code: 'FSS.0503', error_msg: 'busy' }));

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, recordTimeoutMs: 1, timeoutMs: 300 }));

    expect(error).toBeInstanceOf(FunctionGraphWaitTimeoutError);
    expect(error).toMatchObject({ lastStatus: 'no record' });
    expect((error as FunctionGraphWaitTimeoutError).waitedMs).toBeGreaterThanOrEqual(300);
    expect((error as Error).message).toContain('; the last poll failed: listAsyncInvocations failed');
  });

  it('treats a page without invocations as no record yet', async () => {
    play((_request, res) => json(res, 200, { count: 0, next_marker: 0 }), page(record('SUCCESS')));

    await expect(waitForAsyncInvocation(client(), target, { ...FAST, timeoutMs: 5_000 })).resolves.toMatchObject({ status: 'SUCCESS' });
  });

  it('does not poll with a signal that has already fired', async () => {
    const reason = new Error('cancelled before');

    const error = await rejection(waitForAsyncInvocation(client(), target, { ...FAST, signal: AbortSignal.abort(reason) }));

    expect(error).toBeInstanceOf(FunctionGraphAbortError);
    expect(error).toMatchObject({ operationId: 'waitForAsyncInvocation', cause: reason, message: 'waitForAsyncInvocation: aborted by the caller' });
    expect(server.requests).toHaveLength(0);
  });

  it('never sleeps past its deadline, nor polls after it', async () => {
    play(page(record('RUNNING')));

    const error = await rejection(waitForAsyncInvocation(client(), target, { minDelayMs: 10_000, maxDelayMs: 10_000, timeoutMs: 100 }));

    expect(error).toBeInstanceOf(FunctionGraphWaitTimeoutError);
    expect(error).toMatchObject({ lastStatus: 'RUNNING', polls: 1 });
    expect((error as FunctionGraphWaitTimeoutError).waitedMs).toBeLessThan(10_000);
    expect(server.requests).toHaveLength(1);
  }, 20_000);
});
