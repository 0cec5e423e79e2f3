/**
 * One attempt on the wire, bounded by the runtime's own timer and the caller's signal whatever the
 * transport does: the attempt ends the moment either fires, and the transport is told to stop. A
 * transport failure becomes the error that says what happened (no answer, or a body that broke off).
 */
import { FunctionGraphConnectionError, FunctionGraphTimeoutError, type FunctionGraphError } from '../errors.js';
import { TransportError, type Transport, type TransportRequest, type TransportResponse } from '../transport/transport.js';
import { requestIdOf, responseError, tries } from './answer.js';

/** What arrived: the status, headers and whole body text. */
export interface Received {
  readonly response: TransportResponse;
  readonly text: string;
}

/** Marks an attempt the caller's signal ended; the caller turns it into its abort error. */
export const abortedAttempt = Symbol('aborted attempt');

export interface AttemptContext {
  readonly operationId: string;
  /** This attempt's number, 1 for the first. */
  readonly attempts: number;
  /** `0` for none. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Where the request went, for messages. */
  readonly baseUrl: string;
  readonly requestIdHeaders: readonly string[];
}

/** Sends one attempt; resolves to what arrived, the error that ended it, or `abortedAttempt`. It never rejects. */
export function exchange(transport: Transport, request: TransportRequest, context: AttemptContext): Promise<Received | FunctionGraphError | typeof abortedAttempt> {
  return new Promise((resolve) => {
    const { signal, timeoutMs } = context;
    let response: TransportResponse | undefined;
    let settled = false;
    const sending = transport.send(request);
    /** Ends the attempt once; anything but a whole answer also tells the transport to stop and free the connection. */
    const finish = (outcome: Received | FunctionGraphError | typeof abortedAttempt, whole = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (!whole) sending.abort();
      resolve(outcome);
    };
    const onAbort = () => finish(abortedAttempt);
    const timer = timeoutMs > 0 ? setTimeout(() => finish(timedOut(context, response ? 'body' : 'response')), timeoutMs) : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    sending.response
      .then((arrived) => {
        response = arrived;
        return arrived.text();
      })
      .then(
        (text) => finish({ response: response!, text }, true),
        (error: unknown) => finish(failed(context, error, response)),
      );
  });
}

function timedOut(context: AttemptContext, phase: 'response' | 'body'): FunctionGraphTimeoutError {
  const { operationId, attempts, timeoutMs } = context;
  return new FunctionGraphTimeoutError(`${operationId}: timed out after ${timeoutMs} ms waiting for the ${phase}${tries(attempts)}`, { operationId, attempts, timeoutMs, phase });
}

/** A transport failure: no answer at all, or headers that arrived before the body broke off (so the request was received). */
function failed(context: AttemptContext, error: unknown, response: TransportResponse | undefined): FunctionGraphError {
  const { operationId, attempts } = context;
  const reason = error instanceof TransportError ? error.reason : String((error as Error)?.message ?? error);
  if (response) {
    const requestId = requestIdOf(response.headers, context.requestIdHeaders);
    return responseError({ operationId, attempts, response, text: '', requestId }, `the body broke off (${reason})`);
  }
  const requestMayHaveBeenSent = error instanceof TransportError ? error.requestMayHaveBeenSent : true;
  return new FunctionGraphConnectionError(
    `${operationId}: no answer from ${context.baseUrl} (${reason}; ${requestMayHaveBeenSent ? 'the request may have been sent' : 'request not sent'})${tries(attempts)}`,
    { operationId, attempts, requestMayHaveBeenSent },
    { cause: error instanceof TransportError ? (error.cause ?? error) : error },
  );
}
