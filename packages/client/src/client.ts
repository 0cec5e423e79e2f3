/**
 * `createFunctionGraphClient`: the generated operations bound to the generic runtime. This file
 * only wires options to the runtime; what each operation sends comes from its descriptor.
 */
import { checkPolicy, checkTimeout, createInvoker, type ApiResponse, type CallOptions, type FetchFunction } from './runtime/invoke.js';
import { defaultBackoff, type Backoff } from './runtime/retry.js';
import { checkPathParameter } from './runtime/path-encoding.js';
import { resolveBaseUrl, type KnownRegion } from './runtime/server-url.js';
import { checkToken, type TokenOption } from './runtime/auth.js';
import { fail } from './errors.js';
import { bindOperations, errorFields, operationDescriptors, type ClientDefaults, type OperationDescriptor, type Operations } from './generated.js';

/** Default time one attempt may take, headers and body together. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of retries of a failure the retry policy allows. */
export const DEFAULT_MAX_RETRIES = 2;

export interface FunctionGraphClientOptions extends ClientDefaults {
  /** Full endpoint, e.g. `https://functiongraph.cn-south-1.myhuaweicloud.com`. Takes precedence over `region`. */
  baseUrl?: string;
  /** Region ID; picks the spec's regional endpoint. */
  region?: KnownRegion | (string & {});
  /**
   * IAM token sent as `X-Auth-Token`: a string, or a function (sync or async) called before
   * every request, so a refreshed token is used without rebuilding the client.
   */
  token?: TokenOption;
  /** A fetch implementation to use instead of `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Milliseconds each attempt may take, body included. Default 60 000; `0` disables the timer. */
  timeoutMs?: number;
  /** Retries of a failure the policy allows (see the README). Default 2; `0` disables retries. */
  maxRetries?: number;
  /**
   * Treat every call as safe to repeat, so 5xx, 408, timeouts and connections lost after sending
   * are retried too. Default `false`: only failures that cannot have started work are retried.
   */
  idempotent?: boolean;
  /** Retry delays. Defaults: 500 ms doubling to at most 8 s, with jitter; a `Retry-After` over 60 s is not waited for. */
  backoff?: Partial<Backoff>;
}

/** Each operation, resolving to the full answer (`data`, `status`, `headers`, `requestId`, …) instead of the body alone. */
export type WithResponse<TOperations> = {
  [K in keyof TOperations]: TOperations[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<ApiResponse<R>> : never;
};

export type FunctionGraphClient = Operations<CallOptions> & {
  /** The same operations, resolving to `ApiResponse` (data plus status, headers and request id). */
  readonly withResponse: WithResponse<Operations<CallOptions>>;
  /** The endpoint every request goes to. */
  readonly baseUrl: string;
};

function checkBackoff(value: unknown): Backoff {
  if (value === undefined) return defaultBackoff;
  if (typeof value !== 'object' || value === null) fail('backoff', 'must be an object');
  const backoff = { ...defaultBackoff, ...(value as Partial<Backoff>) };
  for (const key of Object.keys(defaultBackoff) as (keyof Backoff)[]) checkTimeout(`backoff.${key}`, backoff[key]);
  return backoff;
}

const descriptors = Object.values(operationDescriptors as Record<string, OperationDescriptor>);

export function createFunctionGraphClient(options: FunctionGraphClientOptions): FunctionGraphClient {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const baseUrl = resolveBaseUrl(options);
  // A fixed token is checked now, so a bad one fails at construction, not at the first call.
  if (options.token !== undefined && typeof options.token !== 'function') checkToken(options.token);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('fetch', 'must be a function');
  checkPolicy(options);

  const defaults: Record<string, string> = {};
  for (const descriptor of descriptors) {
    for (const parameter of descriptor.parameters) {
      const value = (options as Record<string, unknown>)[parameter.input];
      if (parameter.clientDefault && value !== undefined) defaults[parameter.input] = checkPathParameter(parameter.input, value, parameter.rules);
    }
  }

  const invoke = createInvoker({
    ...options,
    baseUrl,
    errorFields,
    defaults,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    idempotent: options.idempotent ?? false,
    backoff: checkBackoff(options.backoff),
  });

  const operations = bindOperations<CallOptions>(async (descriptor, input, call) => (await invoke(descriptor, input, call)).data);
  const withResponse = bindOperations<CallOptions>(invoke) as unknown as WithResponse<Operations<CallOptions>>;
  return Object.assign(operations, { withResponse, baseUrl });
}
