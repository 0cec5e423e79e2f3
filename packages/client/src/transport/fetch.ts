/**
 * The fetch transport: browsers, edge runtimes, and any caller who passes its own `fetch`.
 *
 * Each attempt gets its own AbortController, and `abort()` also rejects `response` and `text()`
 * itself instead of waiting for fetch to notice: a fetch that ignores `init.signal` (a hand-written
 * mock, a wrapper that drops it) would otherwise never settle, and the runtime's timer and the
 * caller's signal would have nothing to end.
 */
import { describeNetworkFailure } from './network-failure.js';
import { TransportError, type Exchange, type Transport, type TransportRequest, type TransportResponse } from './transport.js';

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export function createFetchTransport(fetch: FetchFunction): Transport {
  return { send: (request) => new FetchExchange(fetch, request) };
}

const ignore = (): void => {};

/** fetch's failures as transport errors; `afterHeaders` once the answer began, so the request was received. */
function transportError(error: unknown, afterHeaders: boolean): TransportError {
  const failure = describeNetworkFailure(error);
  return new TransportError(failure.reason, afterHeaders || failure.requestMayHaveBeenSent, { cause: error });
}

class FetchExchange implements Exchange {
  readonly response: Promise<TransportResponse>;
  readonly #controller = new AbortController();
  #aborted: TransportError | undefined;
  #rejectResponse!: (error: TransportError) => void;
  #body: FetchBody | undefined;

  constructor(fetch: FetchFunction, request: TransportRequest) {
    this.response = new Promise<TransportResponse>((resolve, reject) => {
      this.#rejectResponse = reject;
      let answer: Promise<Response>;
      try {
        // Promise.resolve: a hand-written fetch may return a Response, or throw, instead of a promise.
        answer = Promise.resolve(fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body as BodyInit | undefined,
          signal: this.#controller.signal,
          // A redirect would carry the credentials to wherever it points; a 3xx is an answer.
          redirect: 'manual',
        }));
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.then(
        (response) => {
          // An answer that arrives after abort() (a fetch that ignored the signal) is let go.
          if (this.#aborted) return void response.body?.cancel().catch(ignore);
          resolve((this.#body = new FetchBody(response, this)));
        },
        (error: unknown) => reject(this.#aborted ?? transportError(error, false)),
      );
    });
  }

  get aborted(): TransportError | undefined {
    return this.#aborted;
  }

  abort(): void {
    if (this.#aborted) return;
    // Fetch cannot tell how far the attempt got, so an abort says the request may have been sent.
    this.#aborted = new TransportError('aborted', true);
    this.#controller.abort(this.#aborted);
    this.#rejectResponse(this.#aborted);
    this.#body?.abort(this.#aborted);
    // Nobody need await an attempt that was given up: its rejections are handled here.
    this.response.catch(ignore);
  }
}

class FetchBody implements TransportResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly #response: Response;
  readonly #exchange: FetchExchange;
  #text: Promise<string> | undefined;
  #reject: ((error: TransportError) => void) | undefined;

  constructor(response: Response, exchange: FetchExchange) {
    this.status = response.status;
    this.headers = response.headers;
    this.#response = response;
    this.#exchange = exchange;
  }

  text(): Promise<string> {
    return (this.#text ??= new Promise<string>((resolve, reject) => {
      const aborted = this.#exchange.aborted;
      if (aborted) return reject(aborted);
      this.#reject = reject;
      this.#response.text().then(resolve, (error: unknown) => reject(this.#exchange.aborted ?? transportError(error, true)));
    }));
  }

  abort(error: TransportError): void {
    this.#reject?.(error);
    this.#text?.catch(ignore);
  }
}
