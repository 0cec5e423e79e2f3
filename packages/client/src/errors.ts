/**
 * What the client throws. One base class so `catch (e) { if (e instanceof FunctionGraphError) }`
 * catches everything this package raises; a subclass per meaning so callers can branch on it.
 * No error carries request headers, so a token can never leak through one.
 */
import type { ErrorCode, OperationErrorBody } from './generated.js';

export class FunctionGraphError extends Error {
  override name = 'FunctionGraphError';
}

/** An argument was wrong; nothing was sent. */
export class FunctionGraphInputError extends FunctionGraphError {
  override name = 'FunctionGraphInputError';
  /** The argument at fault, as the caller wrote it (`functionUrn`, `body`, `token`, `region`, …). */
  readonly argument: string;

  constructor(argument: string, problem: string, options?: ErrorOptions) {
    super(`${argument} ${problem}`, options);
    this.argument = argument;
  }
}

/** The request could not be sent or no answer arrived (refused, reset, DNS, TLS). */
export class FunctionGraphConnectionError extends FunctionGraphError {
  override name = 'FunctionGraphConnectionError';
  readonly operationId: string;

  constructor(operationId: string, url: string, cause: unknown) {
    const reason = (cause as { cause?: { code?: string } })?.cause?.code ?? (cause as Error)?.message ?? String(cause);
    super(`${operationId}: no answer from ${url} (${reason})`, { cause });
    this.operationId = operationId;
  }
}

interface ResponseFacts {
  operationId: string;
  status: number;
  statusText: string;
  headers: Headers;
}

/** The server answered with something other than what the spec promises for success. */
export class FunctionGraphResponseError extends FunctionGraphError {
  override name = 'FunctionGraphResponseError';
  readonly operationId: string;
  readonly status: number;
  readonly headers: Headers;
  readonly requestId: string | undefined;

  constructor(facts: ResponseFacts, problem: string) {
    super(`${facts.operationId}: ${problem} (HTTP ${facts.status}${describeContentType(facts.headers)})`);
    this.operationId = facts.operationId;
    this.status = facts.status;
    this.headers = facts.headers;
    this.requestId = requestIdOf(facts.headers);
  }
}

/** The server answered with an error status. `body` is the parsed error body when it was JSON. */
export class FunctionGraphApiError extends FunctionGraphError {
  override name = 'FunctionGraphApiError';
  readonly operationId: string;
  readonly status: number;
  readonly headers: Headers;
  /** `X-Request-Id` or `X-Cff-Request-Id`, for support tickets. */
  readonly requestId: string | undefined;
  /** The error body as the spec describes it, when the answer was JSON. */
  readonly body: OperationErrorBody | undefined;
  /** The raw text of the body when it was not JSON (a gateway's HTML page, say), cut to 500 characters. */
  readonly bodyText: string | undefined;
  readonly errorCode: ErrorCode | undefined;
  readonly errorMsg: string | undefined;

  constructor(facts: ResponseFacts, body: unknown) {
    const parsed = isErrorBody(body) ? body : undefined;
    const text = typeof body === 'string' ? body.slice(0, 500) : undefined;
    const detail = parsed
      ? `${parsed.error_code}: ${parsed.error_msg}`
      : text
        ? `${describeContentType(facts.headers).replace(/^, /, '') || 'body'} ${JSON.stringify(text.slice(0, 120))}`
        : body !== undefined && body !== null
          ? `unexpected error body ${JSON.stringify(body).slice(0, 120)}`
          : 'no error body';
    super(`${facts.operationId} failed with HTTP ${facts.status}${facts.statusText ? ` ${facts.statusText}` : ''}: ${detail}`);
    this.operationId = facts.operationId;
    this.status = facts.status;
    this.headers = facts.headers;
    this.requestId = requestIdOf(facts.headers);
    this.body = parsed ?? (typeof body === 'object' && body !== null ? (body as OperationErrorBody) : undefined);
    this.bodyText = text;
    this.errorCode = parsed?.error_code;
    this.errorMsg = parsed?.error_msg;
  }
}

function isErrorBody(body: unknown): body is { error_code: string; error_msg: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Record<string, unknown>).error_code === 'string' &&
    typeof (body as Record<string, unknown>).error_msg === 'string'
  );
}

function describeContentType(headers: Headers): string {
  const type = headers.get('content-type');
  return type ? `, ${type}` : '';
}

function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('x-cff-request-id') ?? undefined;
}
