/**
 * The transport seam: how one attempt of a request reaches the server and how its answer comes
 * back, with nothing of FunctionGraph, retries, timers or auth in it. The runtime builds the request
 * (method, URL, headers, body bytes), starts it here, bounds it with its own timer and the caller's
 * signal, and reads the answer (status, headers, body text).
 *
 * Two implementations take the same request and give the same answer: `fetch` (browsers, edge
 * runtimes, and whenever the caller passes `fetch`) and Node's own HTTP (`node:http`/`node:https`
 * with a keep-alive agent), the default on Node.
 */

/** One attempt as it goes on the wire. */
export interface TransportRequest {
  /** Upper-case: `GET`, `POST`, … */
  readonly method: string;
  /** The full URL exactly as sent: base URL, path and query, already encoded. */
  readonly url: string;
  /** Lower-case names to values, every one already checked as a valid header. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body's bytes (sent with a `Content-Length`), or `undefined` for none. */
  readonly body: Uint8Array<ArrayBuffer> | undefined;
}

/** The status and headers of an answer; its body is read on demand. */
export interface TransportResponse {
  readonly status: number;
  /** Every header as it arrived. */
  readonly headers: Headers;
  /**
   * Reads the whole body as UTF-8 text, decoded from `gzip`, `deflate` or `br` when the transport
   * asked for compressed answers. Rejects with a `TransportError` when the body breaks off.
   */
  text(): Promise<string>;
}

/** One attempt in flight. */
export interface Exchange {
  /**
   * Resolves once the status and headers have arrived; rejects with a `TransportError` when no answer
   * arrives. Redirects are never followed: a 3xx is an answer like any other.
   */
  readonly response: Promise<TransportResponse>;
  /**
   * Stops the attempt wherever it is (connecting, sending, waiting, reading the body) and frees its
   * connection. Safe to call at any time, more than once, and after the attempt settled (then it
   * changes nothing). An unsettled `response` or `text()` rejects at once with a `TransportError`
   * whose reason is `aborted`, whatever the underlying fetch or socket does, and the transport
   * handles those rejections itself, so nobody need await an attempt that was given up.
   */
  abort(): void;
}

export interface Transport {
  /** Starts one attempt. Never throws: every failure arrives through `response` or `text()`. */
  send(request: TransportRequest): Exchange;
}

/**
 * No answer (or no whole body) arrived. `requestMayHaveBeenSent` is `false` only when the request
 * cannot have reached the server (the connection was refused or failed before anything was
 * written, the TLS handshake failed, or the transport refused the request before sending), so
 * retrying cannot run anything twice. A failure after the headers arrived is always "may have been
 * sent". `cause` is the error the network stack reported, when there was one.
 */
export class TransportError extends Error {
  override name = 'TransportError';

  constructor(
    /** A short reason for messages: an error code such as `ECONNREFUSED`, or a few words. */
    readonly reason: string,
    readonly requestMayHaveBeenSent: boolean,
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}
