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
 *   persistence must be on for the function, and how to turn it on.
 * - A failed poll the service may recover from (5xx, 429, a timeout, a lost connection) is polled
 *   again, after the runtime's own retries; any other error ends the wait with that error.
 */
import {
  FunctionGraphAbortError,
  FunctionGraphApiError,
  FunctionGraphAsyncInvocationError,
  FunctionGraphAsyncRecordNotFoundError,
  FunctionGraphConnectionError,
  FunctionGraphTimeoutError,
  FunctionGraphWaitTimeoutError,
  fail,
} from '../errors.js';
import type { CallOptions } from '../runtime/invoke.js';
import type { ListAsyncInvocationsInput, ListAsyncInvocationsResult } from '../generated.js';

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

const terminal = new Set(['SUCCESS', 'FAIL', 'DISCARD']);

/** `YYYY-MM-DDTHH:mm:ss` in UTC, the records' time format. */
const recordTime = (date: Date) => date.toISOString().slice(0, 19);

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FunctionGraphAbortError('waitForAsyncInvocation: aborted by the caller', { operationId: 'waitForAsyncInvocation' }, { cause: signal!.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    // A signal that is already aborted fires no 'abort' event: it stops the wait here.
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A failed poll worth polling again: the service may answer the next one. */
const transient = (error: unknown) =>
  (error instanceof FunctionGraphApiError && (error.status >= 500 || error.status === 429 || error.status === 408)) ||
  error instanceof FunctionGraphConnectionError ||
  error instanceof FunctionGraphTimeoutError;

function checkMs(argument: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 2 ** 31 - 1)) fail(argument, 'must be 0 to 2147483647 ms');
  return value;
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
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const timeoutMs = checkMs('timeoutMs', options.timeoutMs, 600_000);
  const minDelayMs = checkMs('minDelayMs', options.minDelayMs, 1_000);
  const maxDelayMs = checkMs('maxDelayMs', options.maxDelayMs, 15_000);
  if (maxDelayMs < minDelayMs) fail('maxDelayMs', `must be at least minDelayMs (${minDelayMs})`);
  const recordTimeoutMs = Math.min(timeoutMs, checkMs('recordTimeoutMs', options.recordTimeoutMs, 60_000));
  const { signal, onStatus } = options;
  if (options.since !== undefined && !(options.since instanceof Date && !Number.isNaN(options.since.getTime()))) fail('since', 'must be a valid Date');

  const started = Date.now();
  const since = recordTime(options.since ?? new Date(started - 3_600_000));
  const input: ListAsyncInvocationsInput = { functionUrn, requestId, queryBeginTime: since, ...(projectId === undefined ? {} : { projectId }) };
  const facts = (polls: number) => ({ functionUrn, requestId, polls, waitedMs: Date.now() - started });
  const subject = `request ${requestId} of ${functionUrn}`;
  let lastStatus: string | undefined;
  let lastError: unknown;
  const outOfTime = (polls: number) => {
    const seen = lastStatus ?? 'no record';
    const why = lastError ? `; the last poll failed: ${(lastError as Error).message}` : '';
    return new FunctionGraphWaitTimeoutError(
      `waitForAsyncInvocation: ${subject} still ${seen} after ${Date.now() - started} ms (${polls} polls, timeoutMs ${timeoutMs})${why}`,
      { ...facts(polls), timeoutMs, lastStatus: seen },
      lastError ? { cause: lastError } : undefined,
    );
  };

  for (let polls = 1; ; polls++) {
    if (signal?.aborted) await pause(0, signal);
    const remaining = started + timeoutMs - Date.now();
    let record: AsyncInvocationRecord | undefined;
    try {
      // A poll never outlasts the wait; the runtime retries what it safely can inside it.
      const page = await client.listAsyncInvocations(input, { signal, timeoutMs: Math.max(1, Math.min(remaining, 30_000)) });
      record = page?.invocations?.find((candidate) => candidate.request_id === requestId);
      lastError = undefined;
    } catch (error) {
      if (!transient(error)) throw error;
      lastError = error;
    }
    if (record?.status) {
      if (record.status !== lastStatus) onStatus?.(record.status, record);
      lastStatus = record.status;
      if (record.status === 'SUCCESS') return record;
      if (terminal.has(record.status)) {
        const detail = [record.error_code, record.error_message].filter((part) => part !== undefined && part !== '').join(' ');
        throw new FunctionGraphAsyncInvocationError(`waitForAsyncInvocation: ${subject} ended ${record.status}${detail ? `: ${detail}` : ''}`, {
          ...facts(polls),
          status: record.status,
          errorCode: record.error_code,
          errorMessage: record.error_message,
          record,
        });
      }
    }
    const elapsed = Date.now() - started;
    if (lastStatus === undefined && lastError === undefined && elapsed >= recordTimeoutMs) {
      throw new FunctionGraphAsyncRecordNotFoundError(
        `waitForAsyncInvocation: no record of ${subject} appeared in ${elapsed} ms (${polls} polls). Records exist only when ` +
          'asynchronous invocation status persistence is on for the function: set enable_async_status_log to true with ' +
          'PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config, or turn it on in the console (the function\'s asynchronous notification policy). ' +
          'Runs started before it was turned on have no record.',
        facts(polls),
      );
    }
    if (elapsed >= timeoutMs) throw outOfTime(polls);
    // Full jitter between the minimum and the capped exponential step, never past the deadline.
    const step = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(polls - 1, 30));
    const delay = minDelayMs + Math.random() * (step - minDelayMs);
    await pause(Math.max(0, Math.min(delay, started + timeoutMs - Date.now())), signal);
    // The pause ends at the deadline at the latest; a poll begun there could only be cut short.
    if (Date.now() - started >= timeoutMs) throw outOfTime(polls);
  }
}
