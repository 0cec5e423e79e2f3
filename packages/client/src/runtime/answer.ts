/**
 * Reading an answer. A success is parsed and held to the shape the spec promises (worked out once
 * per operation by `successReader`), so a broken answer never passes as data; anything else becomes
 * an error that says what arrived: the status, the content type and the first bytes of the body,
 * so an HTML page from a gateway is recognisable.
 */
import { FunctionGraphApiError, FunctionGraphResponseError } from '../errors.js';
import type { OperationDescriptor, ResponseDescriptor } from '../generated.js';
import { decodeHeaders, type MalformedHeaders } from './response-headers.js';

/** A successful answer with everything around it, for callers who need headers. */
export interface ApiResponse<TData, THeaders = Record<string, unknown>> {
  /** The parsed body, typed as the spec describes it. */
  data: TData;
  status: number;
  /** Every header as it arrived. */
  headers: Headers;
  /**
   * The response headers the spec documents, decoded as it says (Base64 text, JSON, numbers,
   * booleans), by client name. A header that arrived but could not be decoded is not here: it is
   * in `malformedHeaders`, kept as it arrived.
   */
  responseHeaders: Partial<THeaders>;
  /** Documented headers that arrived malformed, by client name: the raw value and what was wrong. A successful call never fails for them. */
  malformedHeaders: MalformedHeaders;
  /** `X-Request-Id`, or a header the spec names the request id, when the server sent one. */
  requestId: string | undefined;
  /** The `Deprecation` response header, when the server sent one. */
  deprecation: string | undefined;
  /** The `Sunset` response header: when the server plans to stop answering. */
  sunset: string | undefined;
  /** How many requests were made, retries included. */
  attempts: number;
}

/** One answer as read by the runtime. */
export interface Answer {
  operationId: string;
  attempts: number;
  /** The answer's status and headers (a transport's answer, or what a convenience kept of one). */
  response: { readonly status: number; readonly headers: Headers };
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
export function requestIdOf(headers: Headers, names: readonly string[]): string | undefined {
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

const isJson = (mediaType: string | undefined) => mediaType !== undefined && /json/i.test(mediaType);

/** Parses one success body as `spec` describes it; throws a `FunctionGraphResponseError` when it is not. */
function bodyParser(spec: ResponseDescriptor | undefined): (answer: Answer) => unknown {
  const mediaType = spec?.mediaType;
  if (!spec || !isJson(mediaType)) return ({ text }) => (text === '' && !mediaType ? undefined : text);
  // The spec lists other media types too (text, say): an answer in one of those is passed on as text.
  const otherTypes = new Set(spec.mediaTypes?.map((type) => type.toLowerCase()).filter((type) => !isJson(type)));
  const required = spec.required ?? [];
  return (answer) => {
    const { text } = answer;
    if (otherTypes.size > 0) {
      const arrived = answer.response.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
      if (arrived !== undefined && otherTypes.has(arrived)) return text;
    }
    // A body of JSON null may arrive as no body at all.
    if (text === '' && spec.schemaType === 'null') return null;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw responseError(answer, 'expected JSON');
    }
    if (spec.schemaType === 'object') {
      if (typeof data !== 'object' || !data || Array.isArray(data)) throw responseError(answer, 'expected a JSON object');
      const missing = required.filter((key) => !(key in data));
      if (missing.length > 0) throw responseError(answer, `missing required ${missing.join(', ')}`);
    }
    return data;
  };
}

/** Reads a successful answer (2xx) into an `ApiResponse`. */
export type SuccessReader = (answer: Answer) => ApiResponse<unknown>;

/** Works out once how `descriptor`'s successful answers are read, by status; an undocumented success status is held to the first documented success's shape. */
export function successReader(descriptor: OperationDescriptor): SuccessReader {
  const readers = new Map(descriptor.responses.map((spec) => [spec.status.toUpperCase(), { parse: bodyParser(spec), headers: spec.headers }]));
  const fallback = readers.get('2XX') ?? readers.values().next().value ?? { parse: bodyParser(undefined), headers: undefined };
  return (answer) => {
    const { status, headers } = answer.response;
    const reader = readers.get(String(status)) ?? fallback;
    const data = reader.parse(answer);
    const { values, malformed } = decodeHeaders(reader.headers, headers);
    return {
      data,
      status,
      headers,
      responseHeaders: values,
      malformedHeaders: malformed,
      requestId: answer.requestId,
      deprecation: headers.get('deprecation') ?? undefined,
      sunset: headers.get('sunset') ?? undefined,
      attempts: answer.attempts,
    };
  };
}
