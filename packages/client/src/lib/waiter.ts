/**
 * `waitForAsyncInvocation(client, { functionUrn, requestId }, options)`: polls the records of
 * asynchronous invocations (the client's generated `listAsyncInvocations`) until one request's
 * run ends. A function beside the client, not a method on it, like AWS SDK v3's
 * `waitUntil…({ client }, input)`, so a bundle that never waits does not carry it. It polls as
 * those waiters do: capped
 * exponential backoff with full jitter between a minimum and a maximum delay, a maximum total
 * wait, an AbortSignal that stops it at once, and the last state seen in every outcome.
 *
 * - `SUCCESS` resolves to the record.
 * - `FAIL` and `DISCARD` reject with `FunctionGraphAsyncInvocationError` (the record's code and message).
 * - Out of time: `FunctionGraphWaitTimeoutError` with the last status seen.
 * - No record at all: `FunctionGraphAsyncRecordNotFoundError`, which says that asynchronous status
 *   persistence must be on for the function, and how to turn it on (`updateFunctionAsyncInvokeConfig`
 *   with `enable_async_status_log: true`, or the console).
 * - A failed poll the service may recover from (5xx, 429, a timeout, a lost connection) is polled
 *   again, after the runtime's own retries; any other error ends the wait with that error.
 */
import {
  FunctionGraphAsyncInvocationError,
  FunctionGraphAsyncRecordNotFoundError,
  FunctionGraphTimeoutError,
  FunctionGraphWaitTimeoutError,
  fail,
  type WaitFacts,
} from '../errors.js';
import type { ListAsyncInvocationsInput, ListAsyncInvocationsResult } from '../generated.js';
import type { CallOptions } from '../options.js';
import { backoffDelay, isRetryable } from '../runtime/retry.js';
import { abortedError, sleep } from '../runtime/timers.js';

/** One record of an asynchronous invocation, as `listAsyncInvocations` lists it. */
export type AsyncInvocationRecord = NonNullable<NonNullable<ListAsyncInvocationsResult>['invocations']>[number];
export type AsyncInvocationStatus = NonNullable<AsyncInvocationRecord['status']>;

export interface AsyncInvocationTarget {
  functionUrn: string;
  /** What `asyncInvokeFunction` resolved to. */
  requestId: string;
  /** Defaults as for every call: the client's `projectId`, else the URN's project. */
  projectId?: string;
}

export interface WaitOptions {
  /** The longest the whole wait may take, in ms. Default 600 000 (10 minutes); a run may last up to 72 h. */
  timeoutMs?: number;
  /** Stops the wait at once, between polls or during one: `FunctionGraphAbortError`. */
  signal?: AbortSignal;
  /** The shortest delay between polls, in ms. Default 1 000. */
  minDelayMs?: number;
  /** The longest delay between polls, in ms. Default 15 000. */
  maxDelayMs?: number;
  /**
   * How long to wait for the record to appear at all, in ms, before concluding that the function
   * keeps no records. Default 60 000 (or `timeoutMs`, when shorter).
   */
  recordTimeoutMs?: number;
  /** Records are searched from this time on. Default: one hour before the wait began. */
  since?: Date;
  /** Called whenever the status changes (the first sighting included). */
  onStatus?: (status: AsyncInvocationStatus, record: AsyncInvocationRecord) => void;
}

/** What the waiter needs of a client: the generated `listAsyncInvocations` (any `FunctionGraphClient` has it). */
export interface AsyncInvocationLister {
  listAsyncInvocations(input: ListAsyncInvocationsInput, options?: CallOptions): Promise<ListAsyncInvocationsResult>;
}

/** `YYYY-MM-DDTHH:mm:ss` in UTC, the records' time format. */
const recordTime = (date: Date) => date.toISOString().slice(0, 19);

function checkMs(argument: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 2 ** 31 - 1)) fail(argument, 'must be 0 to 2147483647 ms');
  return value;
}

/** The wait's options as checked, with their defaults. */
interface WaitSettings {
  readonly timeoutMs: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** At most `timeoutMs`. */
  readonly recordTimeoutMs: number;
  readonly since: Date | undefined;
  readonly signal: AbortSignal | undefined;
  readonly onStatus: WaitOptions['onStatus'];
}

function checkWaitOptions(options: WaitOptions): WaitSettings {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const timeoutMs = checkMs('timeoutMs', options.timeoutMs, 600_000);
  const minDelayMs = checkMs('minDelayMs', options.minDelayMs, 1_000);
  const maxDelayMs = checkMs('maxDelayMs', options.maxDelayMs, 15_000);
  if (maxDelayMs < minDelayMs) fail('maxDelayMs', `must be at least minDelayMs (${minDelayMs})`);
  const recordTimeoutMs = Math.min(timeoutMs, checkMs('recordTimeoutMs', options.recordTimeoutMs, 60_000));
  if (options.since !== undefined && !(options.since instanceof Date && !Number.isNaN(options.since.getTime()))) fail('since', 'must be a valid Date');
  return { timeoutMs, minDelayMs, maxDelayMs, recordTimeoutMs, since: options.since, signal: options.signal, onStatus: options.onStatus };
}

/**
 * The pause before poll `polls + 1`: the runtime's backoff (capped exponential, equal jitter),
 * stepping from twice `minDelayMs` so that the first pause lies between `minDelayMs` and twice
 * that, never above `maxDelayMs` nor below `minDelayMs`.
 */
const pollDelay = (polls: number, settings: WaitSettings) =>
  Math.max(settings.minDelayMs, backoffDelay(polls, { initialDelayMs: 2 * settings.minDelayMs, maxDelayMs: settings.maxDelayMs }));

/** The error of a run that ended `FAIL` or `DISCARD`, with the record's code and message. */
function runFailed(record: AsyncInvocationRecord & { status: 'FAIL' | 'DISCARD' }, facts: WaitFacts, subject: string): FunctionGraphAsyncInvocationError {
  const detail = [record.error_code, record.error_message].filter((part) => part !== undefined && part !== '').join(' ');
  return new FunctionGraphAsyncInvocationError(`waitForAsyncInvocation: ${subject} ended ${record.status}${detail ? `: ${detail}` : ''}`, {
    ...facts,
    status: record.status,
    errorCode: record.error_code,
    errorMessage: record.error_message,
    record,
  });
}

/**
 * Why the wait gave up: when no record was ever seen (and the last poll did not fail), that records
 * are off, which is what status persistence being off looks like, however the time ran out;
 * otherwise that time ran out, with the last status seen and the last poll's failure.
 */
function gaveUp(facts: WaitFacts, subject: string, timeoutMs: number, lastStatus: string | undefined, lastError: unknown): FunctionGraphAsyncRecordNotFoundError | FunctionGraphWaitTimeoutError {
  if (lastStatus === undefined && lastError === undefined) {
    return new FunctionGraphAsyncRecordNotFoundError(
      `waitForAsyncInvocation: no record of ${subject} appeared in ${facts.waitedMs} ms (${facts.polls} polls). Records exist only when ` +
        'asynchronous invocation status persistence is on for the function: turn it on with ' +
        `updateFunctionAsyncInvokeConfig({ functionUrn: ${JSON.stringify(facts.functionUrn)}, body: { enable_async_status_log: true } }) ` +
        '(PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config), or in the console (the function\'s asynchronous notification policy). ' +
        'Runs started before it was turned on have no record.',
      facts,
    );
  }
  const seen = lastStatus ?? 'no record';
  const why = lastError ? `; the last poll failed: ${(lastError as Error).message}` : '';
  return new FunctionGraphWaitTimeoutError(
    `waitForAsyncInvocation: ${subject} still ${seen} after ${facts.waitedMs} ms (${facts.polls} polls, timeoutMs ${timeoutMs})${why}`,
    { ...facts, timeoutMs, lastStatus: seen },
    lastError ? { cause: lastError } : undefined,
  );
}

/**
 * Waits until the asynchronous run `requestId` of `functionUrn` ends: resolves to its record on
 * `SUCCESS`; rejects with `FunctionGraphAsyncInvocationError` on `FAIL` or `DISCARD`,
 * `FunctionGraphWaitTimeoutError` (with the last status seen) when `timeoutMs` runs out,
 * `FunctionGraphAsyncRecordNotFoundError` when no record appears (status persistence off), and
 * `FunctionGraphAbortError` as soon as `signal` fires.
 */
export async function waitForAsyncInvocation(
  client: AsyncInvocationLister,
  target: AsyncInvocationTarget,
  options: WaitOptions = {},
): Promise<AsyncInvocationRecord> {
  if (typeof client?.listAsyncInvocations !== 'function') fail('client', 'must be a client from createFunctionGraphClient');
  if (typeof target !== 'object' || target === null) fail('target', 'must be { functionUrn, requestId }');
  const { functionUrn, requestId, projectId } = target;
  if (typeof requestId !== 'string' || requestId === '') fail('requestId', 'is required: what asyncInvokeFunction resolved to');
  const settings = checkWaitOptions(options);
  const { timeoutMs, signal } = settings;

  const started = Date.now();
  const since = recordTime(settings.since ?? new Date(started - 3_600_000));
  const input: ListAsyncInvocationsInput = { functionUrn, requestId, queryBeginTime: since, ...(projectId === undefined ? {} : { projectId }) };
  const facts = (polls: number): WaitFacts => ({ functionUrn, requestId, polls, waitedMs: Date.now() - started });
  const subject = `request ${requestId} of ${functionUrn}`;
  let lastStatus: string | undefined;
  let lastError: unknown;

  for (let polls = 1; ; polls++) {
    if (signal?.aborted) throw abortedError('waitForAsyncInvocation', signal);
    let record: AsyncInvocationRecord | undefined;
    // No attempt of a poll outlasts the wait; the runtime retries what it safely can inside it.
    const remaining = started + timeoutMs - Date.now();
    try {
      const page = await client.listAsyncInvocations(input, { signal, timeoutMs: Math.max(1, Math.min(remaining, 30_000)) });
      record = page?.invocations?.find((candidate) => candidate.request_id === requestId);
      lastError = undefined;
    } catch (error) {
      // A failure the service may recover from (a read is safe to repeat) is polled again.
      if (!isRetryable(error, true)) throw error;
      // A poll that the wait's own deadline cut short says nothing new: what the polls before it saw stands.
      const cutShort = polls > 1 && remaining <= 30_000 && error instanceof FunctionGraphTimeoutError;
      if (!cutShort) lastError = error;
    }
    if (record?.status) {
      if (record.status !== lastStatus) settings.onStatus?.(record.status, record);
      lastStatus = record.status;
      if (record.status === 'SUCCESS') return record;
      if (record.status === 'FAIL' || record.status === 'DISCARD') throw runFailed(record as AsyncInvocationRecord & { status: 'FAIL' | 'DISCARD' }, facts(polls), subject);
    }
    const elapsed = Date.now() - started;
    if ((lastStatus === undefined && lastError === undefined && elapsed >= settings.recordTimeoutMs) || elapsed >= timeoutMs) {
      throw gaveUp(facts(polls), subject, timeoutMs, lastStatus, lastError);
    }
    // Never past the deadline; a poll begun there could only be cut short.
    await sleep(Math.min(pollDelay(polls, settings), started + timeoutMs - Date.now()), signal, 'waitForAsyncInvocation');
    if (Date.now() - started >= timeoutMs) throw gaveUp(facts(polls), subject, timeoutMs, lastStatus, lastError);
  }
}
