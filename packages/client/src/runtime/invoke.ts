/**
 * The runtime: sends one described operation and reads its answer. It knows nothing about any
 * endpoint; paths, parameters, rules, security and response shapes all come from the generated
 * operation descriptors. Per call it checks the input before the network, then runs attempts,
 * each with its own timer covering headers and body, retrying only what the policy allows.
 */
import { resolveToken, type TokenOption } from '../auth/token.js';
import type { CredentialsOption } from '../auth/credentials.js';
import type { SignedAttempt, Signer } from '../auth/signer.js';
import { warnOnce } from './deprecation.js';
import { checkPathParameter, encodePathParameter } from './path-encoding.js';
import { checkValue } from './value-rules.js';
import { decodeHeaders, type MalformedHeaders } from './response-headers.js';
import { backoffDelay, describeNetworkFailure, isRetryable, parseRetryAfter, type Backoff } from './retry.js';
import {
  AuthenticationError,
  type FunctionGraphApiError,
  FunctionGraphAbortError,
  FunctionGraphConnectionError,
  FunctionGraphError,
  FunctionGraphTimeoutError,
  fail,
} from '../errors.js';
import { apiError, requestIdOf, responseError, tries, type Answer, type ErrorBodyFields } from './answer.js';
import type { OperationDescriptor, ResponseDescriptor, SigningDescriptor } from '../generated.js';

/** Options for one call; each overrides the client's setting of the same name. */
export interface CallOptions {
  /** Cancels the call at any point: while sending, reading, or waiting to retry. */
  signal?: AbortSignal;
  /** Extra request headers for this call. */
  headers?: Record<string, string>;
  /** Milliseconds each attempt may take, body included; `0` disables the timer. */
  timeoutMs?: number;
  /** How many times to retry a failure the policy allows; `0` disables retries. */
  maxRetries?: number;
  /**
   * Declares the call safe to repeat, so 5xx, 408, timeouts and connections lost after sending
   * are retried too. Operations the spec marks safe (reads, and POSTs marked `x-idempotent`)
   * are treated so without it; `false` turns that off for the call.
   */
  idempotent?: boolean;
}

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

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface RuntimeSettings {
  /** Where requests go; a function picks it per call (from the call's input). */
  baseUrl: string | ((input: Record<string, unknown>) => string);
  fetch?: FetchFunction;
  token?: TokenOption;
  /** The access key pair requests are signed with, or its provider; when set, operations with a signing scheme are signed instead of sent with a token. */
  credentials?: CredentialsOption;
  errorFields: ErrorBodyFields;
  /** Response headers that carry a request id, besides `X-Request-Id` (the spec's `requestId` headers). */
  requestIdHeaders?: readonly string[];
  /** Values of client-default parameters, by input name, already checked. */
  defaults: Readonly<Record<string, string>>;
  /** The caller's timeout for every call; when absent, each operation's default applies. */
  timeoutMs?: number;
  /** An operation's timeout when neither caller sets one: this, or longer when the spec says the server may take longer. */
  defaultTimeoutMs: number;
  maxRetries: number;
  /** The caller's choice for every call; when absent, the spec's word for each operation applies. */
  idempotent?: boolean;
  backoff: Backoff;
}

export type Invoker = (descriptor: OperationDescriptor, input: object, call: CallOptions | undefined) => Promise<ApiResponse<unknown>>;

/** Margin over the time the spec says the server may take, for the network on both sides. */
const responseTimeoutMarginMs = 10_000;

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const headerValue = /^[\t\x20-\x7e]*$/;

/** A setTimeout delay above this fires at once, so longer timeouts are refused rather than silently broken. */
const maxTimerMs = 2 ** 31 - 1;

function checkNumber(argument: string, value: unknown, integer: boolean, max: number, rule: string): number | undefined {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0 && value <= max) || (integer && !Number.isInteger(value)))) {
    fail(argument, rule);
  }
  return value as number | undefined;
}

export const checkTimeout = (argument: string, value: unknown): number | undefined =>
  checkNumber(argument, value, false, maxTimerMs, `must be 0 (none) to ${maxTimerMs} ms`);

/** Checks the settings a client and a call share; a call's own settings override the client's. */
export function checkPolicy<T extends Pick<CallOptions, 'timeoutMs' | 'maxRetries' | 'idempotent'>>(options: T): T {
  checkTimeout('timeoutMs', options.timeoutMs);
  checkNumber('maxRetries', options.maxRetries, true, 10, 'must be a whole number, 0 (none) to 10');
  if (options.idempotent !== undefined && typeof options.idempotent !== 'boolean') fail('idempotent', 'must be true or false');
  return options;
}

function checkCallOptions(call: unknown): CallOptions {
  if (call === undefined) return {};
  if (typeof call !== 'object' || call === null) fail('options', 'must be an object');
  const options = call as CallOptions;
  if (options.signal !== undefined && typeof options.signal?.addEventListener !== 'function') fail('signal', 'must be an AbortSignal');
  // Per-call headers are checked like the token: a CR or LF would smuggle in headers of its own.
  if (options.headers !== undefined && (typeof options.headers !== 'object' || !options.headers)) fail('headers', 'must be an object');
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!headerName.test(name) || typeof value !== 'string' || !headerValue.test(value)) fail('headers', `has an invalid header ${JSON.stringify(name)}`);
  }
  return checkPolicy(options);
}

function serializeBody(descriptor: OperationDescriptor, body: unknown): string | undefined {
  const spec = descriptor.requestBody;
  if (!spec || body === undefined) return spec?.required ? fail('body', 'is required') : undefined;
  if (!spec.json) return String(body);
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    // A BigInt or a cycle; the engine's message names which.
    fail('body', `cannot be serialized as JSON: ${String((error as Error).message).split('\n')[0]}`);
  }
  // Checked on the JSON text, which also catches an object whose toJSON (a Date's, say) yields something else.
  if (spec.schemaType === 'object' && !text?.startsWith('{')) fail('body', `must be a JSON object, got ${Array.isArray(body) ? 'an array' : (text?.slice(0, 40) ?? typeof body)}`);
  checkBodyBytes(text!, spec.maxBytes);
  return text;
}

/** The limit counts UTF-8 bytes of what is sent; a text of n UTF-16 units is n to 3n bytes, so most bodies skip the count. */
function checkBodyBytes(text: string, maxBytes: number | undefined): void {
  if (maxBytes === undefined || text.length * 3 <= maxBytes) return;
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > maxBytes) fail('body', `is ${bytes} bytes as JSON (UTF-8); the limit is ${maxBytes} bytes`);
}

interface PreparedRequest {
  url: string;
  baseUrl: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Path parameter values as checked, by wire name (a signing scheme may repeat one in a header). */
  pathValues: Record<string, string>;
}

function prepareRequest(settings: RuntimeSettings, descriptor: OperationDescriptor, input: Record<string, unknown>, callHeaders: Record<string, string>): PreparedRequest {
  let path = descriptor.path;
  let query = '';
  const headers: Record<string, string> = {};
  const pathValues: Record<string, string> = {};
  for (const { input: argument, name, in: location, rules, required, clientDefault, sentByDefault } of descriptor.parameters) {
    const value = input[argument] ?? (clientDefault ? settings.defaults[argument] : undefined) ?? sentByDefault;
    if (location === 'path') {
      path = path.replace(`{${name}}`, encodePathParameter((pathValues[name] = checkPathParameter(argument, value, rules))));
    } else if (value == null) {
      if (required) fail(argument, 'is required');
    } else {
      // Query and header values: scalars, or arrays of them (repeated in a query, comma-joined in a header).
      const texts = (Array.isArray(value) ? value : [value]).map((item) => checkValue(argument, item, rules));
      if (location === 'query') {
        for (const text of texts) query += `${query ? '&' : '?'}${encodeURIComponent(name)}=${encodeURIComponent(text)}`;
      } else if (location === 'header') {
        if (!headerValue.test((headers[name.toLowerCase()] = texts.join(', ')))) fail(argument, 'has characters not allowed in a header');
      }
    }
  }
  const body = serializeBody(descriptor, input.body);
  if (body !== undefined) headers['content-type'] = descriptor.requestBody!.mediaType;
  for (const [name, value] of Object.entries(callHeaders)) headers[name.toLowerCase()] = value;
  const baseUrl = typeof settings.baseUrl === 'string' ? settings.baseUrl : settings.baseUrl(input);
  return { url: baseUrl + path + query, baseUrl, headers, body, pathValues };
}

function responseFor(descriptor: OperationDescriptor, status: number): ResponseDescriptor | undefined {
  const code = String(status);
  // An undocumented success status is held to the first documented success's shape.
  return descriptor.responses.find((r) => r.status === code) ?? descriptor.responses.find((r) => r.status.toUpperCase() === '2XX') ?? descriptor.responses[0];
}

/** Parses a success body and checks the shape the spec promises, so a broken answer never passes as data. */
function parseSuccess(descriptor: OperationDescriptor, answer: Answer): unknown {
  const { text } = answer;
  const spec = responseFor(descriptor, answer.response.status);
  const mediaType = spec?.mediaType;
  if (!mediaType || !/json/i.test(mediaType)) return text === '' && !mediaType ? undefined : text;
  // The spec lists other media types too (text, say): an answer in one of those is passed on as text.
  const arrived = answer.response.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
  if (arrived && !/json/.test(arrived) && spec.mediaTypes?.some((type) => type.toLowerCase() === arrived)) return text;
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
    const missing = spec.required?.filter((key) => !(key in data));
    if (missing?.length) throw responseError(answer, `missing required ${missing.join(', ')}`);
  }
  return data;
}

function aborted(operationId: string, signal: AbortSignal): FunctionGraphAbortError {
  return new FunctionGraphAbortError(`${operationId}: aborted by the caller`, { operationId }, { cause: signal.reason });
}

function sleep(ms: number, signal: AbortSignal | undefined, operationId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(operationId, signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The signer, loaded on first use: a client that never signs never loads it, and a bundle that never passes `credentials` can leave it out. */
let signerChunk: Promise<typeof import('../auth/signer.js')> | undefined;
const loadSigner = () => (signerChunk ??= import('../auth/signer.js'));

/**
 * How one operation is authenticated, from its descriptor and the client's options: signed when
 * the client has credentials and the spec offers a signing scheme, with a token when it has a token
 * and the spec offers token headers. An operation that needs either and gets neither fails before
 * anything is sent.
 */
function authFor(settings: RuntimeSettings, descriptor: OperationDescriptor): { signing?: SigningDescriptor; tokenHeaders: readonly string[] } {
  const { credentials, token } = settings;
  const signing = credentials ? descriptor.signing : undefined;
  const tokenHeaders = credentials || token === undefined ? [] : (descriptor.tokenHeaders ?? []);
  if (!signing && tokenHeaders.length === 0 && descriptor.security.length > 0 && descriptor.security.every((alternative) => alternative.length > 0)) {
    if (credentials || token !== undefined) fail(credentials ? 'credentials' : 'token', `cannot authenticate ${descriptor.id}: the spec secures it with another scheme`);
    fail('credentials', `or token is required by ${descriptor.id}: give the client \`credentials\` (an access key pair) or \`token\` (an IAM token)`);
  }
  return { signing, tokenHeaders };
}

/** A rejected signature as an AuthenticationError that says what to check; any other failure as it was. */
async function explainedRejection(scheme: SigningDescriptor, failure: FunctionGraphApiError, signed: SignedAttempt): Promise<FunctionGraphApiError> {
  const explained = (await loadSigner()).explainRejection(scheme, failure, signed.details);
  if (!explained) return failure;
  const { name: _name, message: _message, stack: _stack, ...fields } = failure;
  return new AuthenticationError(explained.message, { ...fields, signing: explained.signing });
}

type AttemptResult = { response: Response; text: string } | FunctionGraphError;

export function createInvoker(settings: RuntimeSettings): Invoker {
  const fetchImpl = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
  /** This client's signer, made once (concurrent first requests share it) when the signer chunk loads. */
  let signer: Promise<Signer> | undefined;

  async function attempt(descriptor: OperationDescriptor, request: PreparedRequest, signal: AbortSignal | undefined, timeoutMs: number, attempts: number): Promise<AttemptResult> {
    const controller = new AbortController();
    let timedOut = false;
    let response: Response | undefined;
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs) : undefined;
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      response = await fetchImpl(request.url, {
        method: descriptor.method.toUpperCase(),
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        // A redirect would carry the token to wherever it points; a 3xx is reported instead.
        redirect: 'manual',
      });
      return { response, text: await response.text() };
    } catch (error) {
      if (signal?.aborted) throw aborted(descriptor.id, signal);
      const facts = { operationId: descriptor.id, attempts };
      const phase = response ? 'body' : 'response';
      if (timedOut) {
        return new FunctionGraphTimeoutError(`${descriptor.id}: timed out after ${timeoutMs} ms waiting for the ${phase}${tries(attempts)}`, { ...facts, timeoutMs, phase });
      }
      const failure = describeNetworkFailure(error);
      // Headers arrived, so the request was received: say what arrived before the body broke off.
      if (response) return responseError({ ...facts, response, text: '', requestId: requestIdOf(response.headers, settings.requestIdHeaders) }, `the body broke off (${failure.reason})`);
      return new FunctionGraphConnectionError(
        `${descriptor.id}: no answer from ${request.baseUrl} (${failure.reason}; ${failure.requestMayHaveBeenSent ? 'the request may have been sent' : 'request not sent'})${tries(attempts)}`,
        { ...facts, requestMayHaveBeenSent: failure.requestMayHaveBeenSent },
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return async function invoke(descriptor, input, rawCall) {
    // A non-object input has no properties, so the first required parameter reports itself missing.
    const call = checkCallOptions(rawCall);
    const request = prepareRequest(settings, descriptor, input as Record<string, unknown>, call.headers ?? {});
    const timeoutMs =
      call.timeoutMs ?? settings.timeoutMs ?? Math.max(settings.defaultTimeoutMs, (descriptor.responseTimeoutMs ?? -Infinity) + responseTimeoutMarginMs);
    const maxRetries = call.maxRetries ?? settings.maxRetries;
    const idempotent = call.idempotent ?? settings.idempotent ?? descriptor.idempotent ?? false;
    const auth = authFor(settings, descriptor);
    if (descriptor.deprecation) warnOnce(`operation:${descriptor.id}`, descriptor.deprecation, 'FGS_DEPRECATED_OPERATION');
    const signal = call.signal;

    for (let attempts = 1; ; attempts++) {
      if (signal?.aborted) throw aborted(descriptor.id, signal);
      let sent = request;
      let signed: SignedAttempt | undefined;
      if (auth.signing) {
        // Credentials are resolved and the request signed for every attempt, so a retry carries a fresh date and rotated keys.
        signer ??= loadSigner().then((chunk) => chunk.createSigner(settings.credentials!));
        signed = await (await signer)(auth.signing, {
          method: descriptor.method.toUpperCase(),
          url: request.url,
          headers: request.headers,
          body: request.body,
          projectId: auth.signing.projectIdParameter === undefined ? undefined : request.pathValues[auth.signing.projectIdParameter],
        });
        sent = { ...request, headers: signed.headers };
      } else if (auth.tokenHeaders.length > 0) {
        // The provider runs for every request, so a refreshed token is picked up by a retry.
        const token = await resolveToken(settings.token!);
        for (const name of auth.tokenHeaders) request.headers[name.toLowerCase()] = token;
      }
      const result = await attempt(descriptor, sent, signal, timeoutMs, attempts);
      let failure: FunctionGraphError;
      if (result instanceof FunctionGraphError) {
        failure = result;
      } else {
        const answer: Answer = { ...result, operationId: descriptor.id, attempts, requestId: requestIdOf(result.response.headers, settings.requestIdHeaders) };
        const { response } = answer;
        const { status, headers } = response;
        if (status >= 200 && status < 300) {
          const data = parseSuccess(descriptor, answer);
          const { values, malformed } = decodeHeaders(responseFor(descriptor, status)?.headers, headers);
          return {
            data,
            status,
            headers,
            responseHeaders: values,
            malformedHeaders: malformed,
            requestId: answer.requestId,
            deprecation: headers.get('deprecation') ?? undefined,
            sunset: headers.get('sunset') ?? undefined,
            attempts,
          };
        }
        if (status < 400) throw responseError(answer, `redirect to ${headers.get('location')} not followed`);
        // An answer that echoes the security token (a gateway's canonical request) has it scrubbed before it reaches an error.
        if (signed) for (const secret of signed.secrets) answer.text = answer.text.split(secret).join('<redacted>');
        failure = apiError(answer, settings.errorFields, parseRetryAfter(headers.get('retry-after')));
        if (signed) failure = await explainedRejection(auth.signing!, failure as FunctionGraphApiError, signed);
      }
      const waitMs = (failure as { retryAfterMs?: number }).retryAfterMs ?? backoffDelay(attempts, settings.backoff);
      if (attempts > maxRetries || !isRetryable(failure, idempotent) || waitMs > settings.backoff.maxRetryAfterMs) throw failure;
      await sleep(waitMs, signal, descriptor.id);
    }
  };
}
