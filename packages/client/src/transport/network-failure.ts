/**
 * Whether a failed attempt can have reached the server, read from the error the network stack
 * reported. Both transports use it: the fetch transport on fetch's error (undici reports the socket
 * error as its `cause`), the Node transport on the socket error itself, beside what it saw of the
 * connection. "Not sent" is claimed only on positive evidence, since a request wrongly called not
 * sent may be retried and run twice; anything unrecognised counts as possibly sent.
 */

/**
 * Errors that can only happen before any byte of a request is written: no connection (refused,
 * unreachable, the name not resolved, undici's connect timeout), or a TLS handshake that failed (the
 * server's certificate did not verify, or the server does not speak TLS). The certificate codes are
 * the ones met in practice; a rarer one counts as possibly sent, which loses only a retry that could
 * not succeed anyway.
 */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_CONNECT_TIMEOUT',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

interface NetworkCause {
  code?: string;
  syscall?: string;
  /** undici's SocketError: what the socket had done when it failed. */
  socket?: { bytesWritten?: number };
  /** An AggregateError: one error per address tried. */
  errors?: unknown[];
  cause?: unknown;
  message?: string;
}

export interface NetworkFailure {
  /** An error code such as `ECONNREFUSED`, or the error's message. */
  reason: string;
  requestMayHaveBeenSent: boolean;
}

/**
 * Reads a network error (fetch's, whose `cause` is the socket error, or a socket error itself): not
 * sent when every address tried failed to connect (`syscall` `connect`, or a code above), the name
 * did not resolve (`getaddrinfo`), or the socket wrote no byte.
 */
export function describeNetworkFailure(error: unknown): NetworkFailure {
  const cause = ((error as NetworkCause | undefined)?.cause ?? error) as NetworkCause | undefined;
  const causes = (Array.isArray(cause?.errors) ? cause.errors : cause ? [cause] : []) as NetworkCause[];
  const notSent = causes.length > 0 && causes.every(failedBeforeSending);
  return { requestMayHaveBeenSent: !notSent, reason: cause?.code ?? causes[0]?.code ?? cause?.message ?? String(error) };
}

const failedBeforeSending = (cause: NetworkCause): boolean =>
  (cause.code !== undefined && notSentCodes.has(cause.code)) ||
  cause.syscall === 'connect' ||
  cause.syscall === 'getaddrinfo' ||
  cause.socket?.bytesWritten === 0;
