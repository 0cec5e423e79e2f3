/**
 * What the client throws. One base class, so `catch (e) { if (e instanceof FunctionGraphError) }`
 * catches everything this package raises, and a subclass per meaning, so callers can branch on
 * it. Each constructor takes the facts its class carries, typed; `FunctionGraphApiError.from` is
 * the one place a status becomes a class.
 *
 * No error carries request headers, the token, the secret access key or the security token;
 * messages quote only what the server sent back (with a security token it echoed redacted) and
 * what the caller passed as a non-secret argument.
 */
import type { ErrorCode, OperationErrorBody } from './generated.js';
import type { SigningDetails } from './auth/signing-details.js';

export class FunctionGraphError extends Error {
  override name = 'FunctionGraphError';
}

/** An argument was wrong; nothing was sent. */
export class FunctionGraphInputError extends FunctionGraphError {
  override name = 'FunctionGraphInputError';
  /** The argument at fault, as the caller wrote it (`functionUrn`, `body`, `token`, `timeoutMs`, …). */
  readonly argument: string;

  constructor(argument: string, problem: string, options?: ErrorOptions) {
    super(`${argument} ${problem}`, options);
    this.argument = argument;
  }
}

/** Throws the input error for `argument`; one call site instead of a constructor at every check. */
export function fail(argument: string, problem: string, options?: ErrorOptions): never {
  throw new FunctionGraphInputError(argument, problem, options);
}

/** Why one source of credentials had none: `source` names it, `reason` says what was missing and how to provide it. */
export interface CredentialsSourceFailure {
  readonly source: string;
  readonly reason: string;
}

/**
 * No credentials (or token) could be found: a provider's source had none, could not be read, or
 * refused. `tryNext` tells a chain to go on to its next source; a chain that runs out lists every
 * source's reason in `failures`. Messages name files, lines, variables and endpoints, never a
 * secret access key, a security token, a password or a token.
 */
export class FunctionGraphCredentialsError extends FunctionGraphError {
  override name = 'FunctionGraphCredentialsError';
  /** The provider that failed (`environment`, `profile file`, `instance metadata`, `IAM`, `default chain`, …). */
  readonly source: string;
  /** Whether the source simply has nothing here (a variable unset, a file absent, no metadata service), so a chain may try its next one. */
  readonly tryNext: boolean;
  /** For the default chain: each source it tried, in order, and why it had nothing. */
  readonly failures: readonly CredentialsSourceFailure[];

  constructor(message: string, facts: { readonly source: string; readonly tryNext?: boolean; readonly failures?: readonly CredentialsSourceFailure[] }, options?: ErrorOptions) {
    super(message, options);
    this.source = facts.source;
    this.tryNext = facts.tryNext ?? false;
    this.failures = facts.failures ?? [];
  }
}

/** What every error about one call carries. */
export interface CallFacts {
  readonly operationId: string;
  /** How many requests were made, retries included. */
  readonly attempts: number;
}

/** No answer arrived: the connection was refused, reset or closed, or the host was not found. `cause` is the transport's error. */
export class FunctionGraphConnectionError extends FunctionGraphError implements CallFacts {
  override name = 'FunctionGraphConnectionError';
  readonly operationId: string;
  readonly attempts: number;
  /** Whether the request can have reached the server. When `false`, no work can have started. */
  readonly requestMayHaveBeenSent: boolean;

  constructor(message: string, facts: CallFacts & { readonly requestMayHaveBeenSent: boolean }, options?: ErrorOptions) {
    super(message, options);
    this.operationId = facts.operationId;
    this.attempts = facts.attempts;
    this.requestMayHaveBeenSent = facts.requestMayHaveBeenSent;
  }
}

/** An attempt took longer than `timeoutMs`, counting both the wait for headers and reading the body. */
export class FunctionGraphTimeoutError extends FunctionGraphError implements CallFacts {
  override name = 'FunctionGraphTimeoutError';
  readonly operationId: string;
  readonly attempts: number;
  readonly timeoutMs: number;
  /** What the last attempt was waiting for. */
  readonly phase: 'response' | 'body';

  constructor(message: string, facts: CallFacts & { readonly timeoutMs: number; readonly phase: 'response' | 'body' }) {
    super(message);
    this.operationId = facts.operationId;
    this.attempts = facts.attempts;
    this.timeoutMs = facts.timeoutMs;
    this.phase = facts.phase;
  }
}

/** The caller's `AbortSignal` fired. `cause` is the signal's reason. */
export class FunctionGraphAbortError extends FunctionGraphError {
  override name = 'FunctionGraphAbortError';
  /** The operation (or `waitForAsyncInvocation`) that was stopped. */
  readonly operationId: string;

  constructor(message: string, facts: { readonly operationId: string }, options?: ErrorOptions) {
    super(message, options);
    this.operationId = facts.operationId;
  }
}

/** What an error about an answer carries. */
export interface AnswerFacts extends CallFacts {
  readonly status: number;
  readonly headers: Headers;
  /** `X-Request-Id` or `X-Cff-Request-Id`, for support tickets. */
  readonly requestId: string | undefined;
  /** The start of the body as it arrived (at most 500 characters): a gateway's HTML page, say. */
  readonly bodyText: string;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The answer's facts, set on an error about it; one place, since two classes carry them. */
function setAnswerFacts(error: AnswerFacts, facts: AnswerFacts): void {
  const target = error as Writable<AnswerFacts>;
  target.operationId = facts.operationId;
  target.attempts = facts.attempts;
  target.status = facts.status;
  target.headers = facts.headers;
  target.requestId = facts.requestId;
  target.bodyText = facts.bodyText;
}

/**
 * The server answered, but not as the spec says it answers: a success body that is not JSON or
 * lacks a required field, or a redirect (never followed, so the token stays on its host).
 */
export class FunctionGraphResponseError extends FunctionGraphError implements AnswerFacts {
  override name = 'FunctionGraphResponseError';
  declare readonly operationId: string;
  declare readonly attempts: number;
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  declare readonly bodyText: string;

  constructor(message: string, facts: AnswerFacts) {
    super(message);
    setAnswerFacts(this, facts);
  }
}

/** What an error status carries besides the answer's facts: what its body says. */
export interface ApiErrorFacts extends AnswerFacts {
  readonly errorCode: ErrorCode | undefined;
  readonly errorMsg: string | undefined;
  readonly body: OperationErrorBody | undefined;
  readonly retryAfterMs: number | undefined;
}

/** The server answered with an error status (4xx or 5xx). */
export class FunctionGraphApiError extends FunctionGraphError implements ApiErrorFacts {
  override name = 'FunctionGraphApiError';
  declare readonly operationId: string;
  declare readonly attempts: number;
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  declare readonly bodyText: string;
  /** The error code from the body (`FSS.1051`, `APIGW.0301`, …); known codes complete in editors. */
  readonly errorCode: ErrorCode | undefined;
  /** The error message from the body, for people; its wording varies, so match on `errorCode`. */
  readonly errorMsg: string | undefined;
  /** The parsed body when it was a JSON object. It may not match the spec: check `errorCode` first. */
  readonly body: OperationErrorBody | undefined;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, facts: ApiErrorFacts) {
    super(message);
    setAnswerFacts(this, facts);
    this.errorCode = facts.errorCode;
    this.errorMsg = facts.errorMsg;
    this.body = facts.body;
    this.retryAfterMs = facts.retryAfterMs;
  }

  /** The one factory: the subclass for a status, or this class for statuses without one. */
  static from(message: string, facts: ApiErrorFacts): FunctionGraphApiError {
    const Class = statusClasses[facts.status] ?? (facts.status >= 500 ? ServerError : FunctionGraphApiError);
    return new Class(message, facts);
  }
}

/** 400: the request was malformed (an invalid URN, version or alias, say). */
export class BadRequestError extends FunctionGraphApiError {
  override name = 'BadRequestError';
}
/** 401: the token is missing, expired or revoked, the signature was rejected, or the account lacks access. */
export class AuthenticationError extends FunctionGraphApiError {
  override name = 'AuthenticationError';
  /**
   * For a signed request the gateway rejected: what the client signed and, when the gateway echoed
   * it, the gateway's canonical request, to compare line by line. Never the secret access key; the
   * security token is shown as `<redacted>`.
   */
  readonly signing: SigningDetails | undefined;

  constructor(message: string, facts: ApiErrorFacts & { readonly signing?: SigningDetails }) {
    super(message, facts);
    this.signing = facts.signing;
  }
}
/** 403: the token's user may not do this. */
export class PermissionDeniedError extends FunctionGraphApiError {
  override name = 'PermissionDeniedError';
}
/** 404: the function, version or alias does not exist. */
export class NotFoundError extends FunctionGraphApiError {
  override name = 'NotFoundError';
}
/** 409: the request conflicts with the resource's state. */
export class ConflictError extends FunctionGraphApiError {
  override name = 'ConflictError';
}
/** 413: the request body is too large. */
export class PayloadTooLargeError extends FunctionGraphApiError {
  override name = 'PayloadTooLargeError';
}
/** 429: too many requests; see `retryAfterMs`. */
export class RateLimitError extends FunctionGraphApiError {
  override name = 'RateLimitError';
}
/** 5xx: the service or the gateway in front of it failed. */
export class ServerError extends FunctionGraphApiError {
  override name = 'ServerError';
}

const statusClasses: Record<number, new (message: string, facts: ApiErrorFacts) => FunctionGraphApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  429: RateLimitError,
};

/** What the errors of `waitForAsyncInvocation` carry. */
export interface WaitFacts {
  readonly functionUrn: string;
  readonly requestId: string;
  /** How many times the records were listed. */
  readonly polls: number;
  /** How long the wait lasted, in milliseconds. */
  readonly waitedMs: number;
}

/** The wait's facts, set on an error of the waiter; one place, since three classes carry them. */
function setWaitFacts(error: WaitFacts, facts: WaitFacts): void {
  const target = error as Writable<WaitFacts>;
  target.functionUrn = facts.functionUrn;
  target.requestId = facts.requestId;
  target.polls = facts.polls;
  target.waitedMs = facts.waitedMs;
}

/** An asynchronous invocation ended as `FAIL` or `DISCARD`; the record says why. */
export class FunctionGraphAsyncInvocationError extends FunctionGraphError implements WaitFacts {
  override name = 'FunctionGraphAsyncInvocationError';
  declare readonly functionUrn: string;
  declare readonly requestId: string;
  declare readonly polls: number;
  declare readonly waitedMs: number;
  readonly status: 'FAIL' | 'DISCARD';
  /** The record's `error_code`. */
  readonly errorCode: number | undefined;
  /** The record's `error_message`. */
  readonly errorMessage: string | undefined;
  /** The whole record. */
  readonly record: Record<string, unknown>;

  constructor(
    message: string,
    facts: WaitFacts & {
      readonly status: 'FAIL' | 'DISCARD';
      readonly errorCode: number | undefined;
      readonly errorMessage: string | undefined;
      readonly record: Record<string, unknown>;
    },
  ) {
    super(message);
    setWaitFacts(this, facts);
    this.status = facts.status;
    this.errorCode = facts.errorCode;
    this.errorMessage = facts.errorMessage;
    this.record = facts.record;
  }
}

/** `waitForAsyncInvocation` ran out of time before the run ended; `lastStatus` is the last status seen. */
export class FunctionGraphWaitTimeoutError extends FunctionGraphError implements WaitFacts {
  override name = 'FunctionGraphWaitTimeoutError';
  declare readonly functionUrn: string;
  declare readonly requestId: string;
  declare readonly polls: number;
  declare readonly waitedMs: number;
  readonly timeoutMs: number;
  readonly lastStatus: string;

  constructor(message: string, facts: WaitFacts & { readonly timeoutMs: number; readonly lastStatus: string }, options?: ErrorOptions) {
    super(message, options);
    setWaitFacts(this, facts);
    this.timeoutMs = facts.timeoutMs;
    this.lastStatus = facts.lastStatus;
  }
}

/**
 * No record of the request appeared. Records exist only when the function has asynchronous
 * invocation status persistence on; the message says how to turn it on.
 */
export class FunctionGraphAsyncRecordNotFoundError extends FunctionGraphError implements WaitFacts {
  override name = 'FunctionGraphAsyncRecordNotFoundError';
  declare readonly functionUrn: string;
  declare readonly requestId: string;
  declare readonly polls: number;
  declare readonly waitedMs: number;

  constructor(message: string, facts: WaitFacts) {
    super(message);
    setWaitFacts(this, facts);
  }
}
