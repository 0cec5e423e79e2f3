/**
 * The retry policy: which failures are worth another try, and how long to wait before it. The
 * runtime uses it between attempts of one call and the waiter between polls, so both back off and
 * give up alike.
 *
 * An invocation is a POST that starts work, so a blind retry can run a function twice. By default
 * only answers that prove nothing started are retried: a connection that failed before the request
 * was written, and 429 or 503 (the service refused the work). A call that is safe to repeat (a read,
 * an operation the spec marks idempotent, or one the caller declares so) also retries every 5xx,
 * 408, timeouts and connections lost after the request went out.
 */
import { FunctionGraphApiError, FunctionGraphConnectionError, FunctionGraphTimeoutError } from '../errors.js';

export interface Backoff {
  /** Delay before the first retry, before jitter. */
  readonly initialDelayMs: number;
  /** Upper bound of any computed delay. */
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown with `retryAfterMs`. */
  readonly maxRetryAfterMs: number;
}

export const defaultBackoff: Backoff = { initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** Whether a failed attempt may be repeated: always for what cannot have started work, else only when the call is safe to repeat. */
export function isRetryable(error: unknown, safeToRepeat: boolean): boolean {
  if (error instanceof FunctionGraphApiError) {
    return error.status === 429 || error.status === 503 || (safeToRepeat && (error.status === 408 || error.status >= 500));
  }
  if (error instanceof FunctionGraphConnectionError) return !error.requestMayHaveBeenSent || safeToRepeat;
  return safeToRepeat && error instanceof FunctionGraphTimeoutError;
}

/**
 * The delay before retry `n` (1 for the first): capped exponential backoff with equal jitter. The
 * step doubles from `initialDelayMs` up to `maxDelayMs`; the delay is drawn from the step's upper
 * half, so retries spread out but never come sooner than half a step.
 */
export function backoffDelay(n: number, backoff: Pick<Backoff, 'initialDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const step = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** Math.min(n - 1, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value?.trim()) return undefined;
  const seconds = Number(value);
  if (Number.isInteger(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  // A bare number that is not whole seconds ("1.5", "-1") is not a date either.
  return date && /[a-z]/i.test(value) ? Math.max(0, date - now) : undefined;
}

/**
 * How long to wait before attempt `attempts + 1` of a call that failed with `failure`, or
 * `undefined` when it is not retried: out of retries, not worth retrying, or the server asked for a
 * longer pause (`Retry-After`) than `backoff.maxRetryAfterMs`.
 */
export function retryDelay(failure: unknown, attempts: number, policy: { maxRetries: number; safeToRepeat: boolean; backoff: Backoff }): number | undefined {
  if (attempts > policy.maxRetries || !isRetryable(failure, policy.safeToRepeat)) return undefined;
  const asked = failure instanceof FunctionGraphApiError ? failure.retryAfterMs : undefined;
  const waitMs = asked ?? backoffDelay(attempts, policy.backoff);
  return waitMs > policy.backoff.maxRetryAfterMs ? undefined : waitMs;
}
