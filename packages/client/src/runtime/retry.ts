/**
 * When to try again. An invocation is a POST that starts work, so a blind retry can run a
 * function twice. By default only answers that prove nothing started are retried: a connection
 * that failed before the request was written, and 429 or 503 (the service refused the work).
 * Callers whose function is idempotent may opt in to retrying every 5xx, 408, timeouts and
 * connections lost after the request went out.
 */
import { FunctionGraphApiError, FunctionGraphConnectionError, FunctionGraphTimeoutError, type FunctionGraphError } from '../errors.js';

export interface Backoff {
  /** Delay before the first retry, before jitter. */
  readonly initialDelayMs: number;
  /** Upper bound of any computed delay. */
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown with `retryAfterMs`. */
  readonly maxRetryAfterMs: number;
}

export const defaultBackoff: Backoff = { initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** Whether a failed attempt may be repeated under the policy. */
export function isRetryable(error: FunctionGraphError, idempotent: boolean): boolean {
  if (error instanceof FunctionGraphApiError) {
    return error.status === 429 || error.status === 503 || (idempotent && (error.status === 408 || error.status >= 500));
  }
  if (error instanceof FunctionGraphConnectionError) return !error.requestMayHaveBeenSent || idempotent;
  return idempotent && error instanceof FunctionGraphTimeoutError;
}

/** Exponential backoff with equal jitter: half the step is fixed, half random, all capped. */
export function backoffDelay(retry: number, backoff: Backoff, random: () => number = Math.random): number {
  const step = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** (retry - 1));
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

/** Connection failures that happen before the request is written: retrying them cannot run anything twice. */
const notSentCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

interface NetworkCause {
  code?: string;
  syscall?: string;
  socket?: { bytesWritten?: number };
  errors?: unknown[];
  cause?: unknown;
}

/**
 * Reads a fetch failure: whether the request can have reached the server, and a short reason.
 * Node's fetch (undici) reports the socket error as `cause`; a failed `connect` or a socket that
 * wrote no bytes means nothing was sent. Anything else is assumed sent.
 */
export function describeNetworkFailure(error: unknown): { requestMayHaveBeenSent: boolean; reason: string } {
  const cause = ((error as NetworkCause)?.cause ?? error) as NetworkCause | undefined;
  const causes: NetworkCause[] = Array.isArray(cause?.errors) ? (cause.errors as NetworkCause[]) : cause ? [cause] : [];
  const notSent =
    causes.length > 0 &&
    causes.every(
      (c) => (c.code !== undefined && notSentCodes.has(c.code)) || c.syscall === 'connect' || c.socket?.bytesWritten === 0,
    );
  return { requestMayHaveBeenSent: !notSent, reason: causes[0]?.code ?? (error as Error)?.message };
}
