/**
 * Turning an answer that is not a success into an error that says what arrived: the status, the
 * content type and the first bytes of the body, so an HTML page from a gateway is recognisable.
 */
import { FunctionGraphApiError, FunctionGraphResponseError } from '../errors.js';

/** One answer as read by the runtime. */
export interface Answer {
  operationId: string;
  attempts: number;
  /** The answer's status and headers (a Response, or what a convenience kept of one). */
  response: Pick<Response, 'status' | 'headers'>;
  text: string;
  /** The request id the answer carries, read once. */
  requestId: string | undefined;
}

/** Where an error body keeps its code and message; the generator reads them from the spec. */
export interface ErrorBodyFields {
  readonly code?: string;
  readonly message?: string;
}

/** `X-Request-Id`, else the first of the headers the spec names the request id. */
export function requestIdOf(headers: Headers, names: readonly string[] = []): string | undefined {
  let id = headers.get('x-request-id');
  for (const name of names) id ??= headers.get(name);
  return id ?? undefined;
}

function factsOf({ operationId, attempts, response, text, requestId }: Answer) {
  const { status, headers } = response;
  return { operationId, attempts, status, headers, requestId, bodyText: text.slice(0, 500) };
}

/** Said in every message about a call that took more than one request: ` (after N attempts)`, or bare ` after N attempts`. */
export const tries = (attempts: number, bare = false): string => (attempts < 2 ? '' : bare ? ` after ${attempts} attempts` : ` (after ${attempts} attempts)`);

/** `HTTP 502, text/html, body "<html>…"` */
function describe({ response, text }: Answer, withBody = true): string {
  const body = withBody ? `, ${text ? `body ${JSON.stringify(text.slice(0, 120))}` : 'empty body'}` : '';
  return `HTTP ${response.status}, ${response.headers.get('content-type') ?? 'no content type'}${body}`;
}

function suffix(answer: Answer): string {
  return answer.requestId ? ` (request id ${answer.requestId})` : '';
}

export function responseError(answer: Answer, problem: string): FunctionGraphResponseError {
  return new FunctionGraphResponseError(`${answer.operationId}: ${problem} (${describe(answer)})${suffix(answer)}${tries(answer.attempts)}`, factsOf(answer));
}

export function apiError(answer: Answer, fields: ErrorBodyFields, retryAfterMs: number | undefined): FunctionGraphApiError {
  let body: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(answer.text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) body = value as Record<string, unknown>;
  } catch {
    // Not JSON: the message quotes what arrived instead.
  }
  const field = (name: string | undefined) => (name && typeof body?.[name] === 'string' ? (body[name] as string) : undefined);
  const errorCode = field(fields.code);
  const errorMsg = field(fields.message);
  const detail = errorCode ? `${describe(answer, false)}: ${errorCode}${errorMsg ? ` ${errorMsg}` : ''}` : describe(answer);
  return FunctionGraphApiError.from(`${answer.operationId} failed${tries(answer.attempts, true)}: ${detail}${suffix(answer)}`, {
    ...factsOf(answer),
    errorCode,
    errorMsg,
    body: body as FunctionGraphApiError['body'],
    retryAfterMs,
  });
}
