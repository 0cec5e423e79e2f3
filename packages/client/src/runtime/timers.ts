/**
 * Waiting, for the runtime between attempts and for the waiter between polls: a pause that the
 * caller's signal ends at once, and the one shape of the error that says so.
 */
import { FunctionGraphAbortError } from '../errors.js';

/** The error for a call (or a wait) the caller's signal stopped; `cause` is the signal's reason. */
export function abortedError(operationId: string, signal: AbortSignal): FunctionGraphAbortError {
  return new FunctionGraphAbortError(`${operationId}: aborted by the caller`, { operationId }, { cause: signal.reason });
}

/**
 * Resolves after `ms`; rejects with a `FunctionGraphAbortError` naming `operationId` as soon as
 * `signal` aborts, or at once when it already has (an aborted signal fires no more events).
 */
export function sleep(ms: number, signal: AbortSignal | undefined, operationId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(operationId, signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(operationId, signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
