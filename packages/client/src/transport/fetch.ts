/**
 * The fetch transport: browsers, edge runtimes, and any caller who passes its own `fetch`.
 *
 * Each attempt gets its own AbortController, and `abort()` also rejects `response` and `text()`
 * itself instead of waiting for fetch to notice: a fetch that ignores `init.signal` (a hand-written
 * mock, a wrapper that drops it) would otherwise never settle, and the runtime's timer and the
 * caller's signal would have nothing to end.
 */
import { describeNetworkFailure } from './network-failure.js';
import { TransportError, type Exchange, type Transport } from './transport.js';

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

const ignore = (): void => {};

/** fetch's failure as a transport error; `afterHeaders` once the answer began, so the request was received. */
function transportError(error: unknown, afterHeaders: boolean): TransportError {
  const failure = describeNetworkFailure(error);
  return new TransportError(failure.reason, afterHeaders || failure.requestMayHaveBeenSent, { cause: error });
}

export function createFetchTransport(fetch: FetchFunction): Transport {
  return {
    send(request): Exchange {
      const controller = new AbortController();
      let aborted: TransportError | undefined;
      /** Rejects the step in progress (the answer, then the body) when the attempt is aborted. */
      let stop: (error: TransportError) => void = ignore;
      /** One step of fetch's, settled by fetch or, at once, by `abort()`. */
      const step = <T>(work: () => T | Promise<T>, afterHeaders: boolean) =>
        new Promise<T>((resolve, reject) => {
          if (aborted) return reject(aborted);
          stop = reject;
          // new Promise: a hand-written fetch may return a Response, or throw, instead of a promise.
          new Promise<T>((settle) => settle(work())).then(resolve, (error: unknown) => reject(aborted ?? transportError(error, afterHeaders)));
        });
      const init: RequestInit = {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        // A redirect would carry the credentials to wherever it points; a 3xx is an answer.
        redirect: 'manual',
      };
      // An answer that arrives after abort() (from a fetch that ignored the signal) is let go.
      const letGo = (answer: Response) => {
        if (aborted) answer.body?.cancel().catch(ignore);
        return answer;
      };
      const response = step(() => Promise.resolve(fetch(request.url, init)).then(letGo), false).then((answer) => {
        let text: Promise<string> | undefined;
        return { status: answer.status, headers: answer.headers, text: () => (text ??= step(() => answer.text(), true)) };
      });
      return {
        response,
        abort() {
          if (aborted) return;
          // Fetch cannot tell how far the attempt got, so an abort says the request may have been sent.
          aborted = new TransportError('aborted', true);
          controller.abort(aborted);
          stop(aborted);
          // Nobody need await an attempt that was given up: its rejections are handled here.
          response.catch(ignore);
        },
      };
    },
  };
}
