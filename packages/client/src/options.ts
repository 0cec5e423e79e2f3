/**
 * The options of a client and of a call, and the one place they are checked: every refusal names
 * the option and the rule, when the client is made (or, for a call's options, before its request is
 * built), so nothing is sent with a setting the client cannot honour.
 */
import { fail } from './errors.js';
import { operationDescriptors, type ClientDefaults, type OperationDescriptor } from './generated.js';
import type { CredentialsOption } from './auth/credentials.js';
import { checkCredentialsOption } from './auth/credentials-option.js';
import { checkToken, type TokenOption } from './auth/token.js';
import { isHeaderName, isHeaderValue } from './runtime/header-syntax.js';
import { pathParameterCheck, type PathParameterCheck } from './runtime/path-encoding.js';
import { defaultBackoff, type Backoff } from './runtime/retry.js';
import { resolveBaseUrl, type KnownRegion } from './runtime/server-url.js';
import { knownKeys, refuseUnknownKeys } from './runtime/unknown-keys.js';
import { checkAgentOption } from './transport/choose.js';
import type { NodeAgent } from './transport/node-agent.js';

/** A fetch implementation: called with the full URL and an init whose `signal` aborts the attempt. */
export type { FetchFunction } from './transport/fetch.js';
import type { FetchFunction } from './transport/fetch.js';

/** Default time one attempt may take, headers and body together, unless the spec says an operation's server may take longer. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of retries of a failure the retry policy allows. */
export const DEFAULT_MAX_RETRIES = 2;

export interface FunctionGraphClientOptions extends ClientDefaults {
  /** Full endpoint, e.g. `https://functiongraph.cn-south-1.myhuaweicloud.com`. Takes precedence over `region`. */
  baseUrl?: string;
  /**
   * Region ID; picks the spec's regional endpoint. Without `region` and `baseUrl`, each call goes
   * to the regional endpoint its function URN names.
   */
  region?: KnownRegion | (string & {});
  /**
   * IAM token sent as `X-Auth-Token`: a string, or a function (sync or async) called before
   * every request, so a refreshed token is used without rebuilding the client. `iamToken(…)` gets
   * and renews tokens from IAM; a provider is asked for another token once when the API answers 401.
   */
  token?: TokenOption;
  /**
   * An access key pair (AK/SK) that signs every request (`SDK-HMAC-SHA256`) instead of a token:
   * `{ accessKeyId, secretAccessKey, securityToken? }`, or a function (sync or async) returning one,
   * called for every request (retries included) so rotated temporary credentials are used at once.
   * Not together with `token`. Checked before the first request is sent. On Node, without this and
   * `token` the client uses `defaultCredentials()` (environment, profile file, instance metadata);
   * `credentialsFromProfile()`, `credentialsFromMetadata()`, `credentialsFromContext(context)` and
   * `credentialsFromEnv()` choose one source.
   */
  credentials?: CredentialsOption;
  /**
   * A fetch implementation that carries every request. Without it the client uses Node's own HTTP
   * on Node (faster), and `globalThis.fetch` elsewhere or when something has replaced it (a mocking
   * library in tests, say).
   */
  fetch?: FetchFunction;
  /**
   * On Node, the `http.Agent` or `https.Agent` (for the base URL's protocol) that carries the
   * requests: for a proxy, a custom certificate authority or socket limits. Not with `fetch`.
   */
  agent?: NodeAgent;
  /**
   * Milliseconds each attempt may take, body included; `0` disables the timer. Default 60 000, or
   * longer for an operation whose server may take longer (`invokeFunction`: 100 000, the
   * gateway's 90 s plus 10 s).
   */
  timeoutMs?: number;
  /** Retries of a failure the policy allows (see the README). Default 2; `0` disables retries. */
  maxRetries?: number;
  /**
   * `true` treats every call as safe to repeat, so 5xx, 408, timeouts and connections lost after
   * sending are retried too; `false` treats none so. Default: as the spec says of each operation
   * (the list operations and `cancelAsyncInvocation` are safe to repeat, invocations are not).
   */
  idempotent?: boolean;
  /** Retry delays. Defaults: 500 ms doubling to at most 8 s, with jitter; a `Retry-After` over 60 s is not waited for. */
  backoff?: Partial<Backoff>;
}

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

/** The client's options as checked, with the defaults filled in. */
export interface ClientSettings {
  /** `undefined` when each call's URN picks its region. */
  readonly baseUrl: string | undefined;
  readonly region: string | undefined;
  readonly token: TokenOption | undefined;
  readonly credentials: CredentialsOption | undefined;
  readonly fetch: FetchFunction | undefined;
  readonly agent: NodeAgent | undefined;
  /** The caller's timeout for every call; when absent, each operation's default applies. */
  readonly timeoutMs: number | undefined;
  readonly maxRetries: number;
  /** The caller's choice for every call; when absent, the spec's word for each operation applies. */
  readonly idempotent: boolean | undefined;
  readonly backoff: Backoff;
  /** Values of client-default parameters (`projectId`), by input name, already checked. */
  readonly defaults: Readonly<Record<string, string>>;
}

/** The options of `createRawClient`: where requests go, and how they are authenticated. */
export interface RawClientOptions {
  /** Full endpoint, e.g. `https://functiongraph.cn-south-1.myhuaweicloud.com`. Takes precedence over `region`. */
  baseUrl?: string;
  /** Region ID; picks the spec's regional endpoint. `region` or `baseUrl` is required. */
  region?: KnownRegion | (string & {});
  /** IAM token sent as `X-Auth-Token`: a string, or a function (sync or async) called before every request. */
  token?: TokenOption;
  /** An access key pair, or a provider of one, that signs every request instead of a token (see the main client's option). */
  credentials?: CredentialsOption;
  /** A fetch implementation to use instead of `globalThis.fetch` (openapi-fetch calls it with a `Request`). */
  fetch?: (request: Request) => Promise<Response>;
}

/** A setTimeout delay above this fires at once, so longer timeouts are refused rather than silently broken. */
const maxTimerMs = 2 ** 31 - 1;

function checkNumber(argument: string, value: unknown, integer: boolean, max: number, rule: string): number | undefined {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0 && value <= max) || (integer && !Number.isInteger(value)))) {
    fail(argument, rule);
  }
  return value as number | undefined;
}

/** A duration in milliseconds for a timer: 0 to 2^31 - 1. */
export const checkTimeout = (argument: string, value: unknown): number | undefined =>
  checkNumber(argument, value, false, maxTimerMs, `must be 0 (none) to ${maxTimerMs} ms`);

/** The settings a client and a call share; a call's own settings override the client's. */
function checkPolicy(options: Pick<CallOptions, 'timeoutMs' | 'maxRetries' | 'idempotent'>): void {
  checkTimeout('timeoutMs', options.timeoutMs);
  checkNumber('maxRetries', options.maxRetries, true, 10, 'must be a whole number, 0 (none) to 10');
  if (options.idempotent !== undefined && typeof options.idempotent !== 'boolean') fail('idempotent', 'must be true or false');
}

function checkBackoff(value: unknown): Backoff {
  if (value === undefined) return defaultBackoff;
  if (typeof value !== 'object' || value === null) fail('backoff', 'must be an object');
  refuseUnknownKeys(value, backoffKeys, 'option', 'backoff');
  const backoff = { ...defaultBackoff, ...(value as Partial<Backoff>) };
  for (const key of Object.keys(defaultBackoff) as (keyof Backoff)[]) checkTimeout(`backoff.${key}`, backoff[key]);
  return backoff;
}

/** The parameters the client's options may give for every call (`projectId`), each with the check of its rules. */
const clientDefaults = new Map<string, PathParameterCheck>();
for (const descriptor of Object.values(operationDescriptors) as OperationDescriptor[]) {
  for (const parameter of descriptor.parameters) {
    if (parameter.clientDefault && !clientDefaults.has(parameter.input)) clientDefaults.set(parameter.input, pathParameterCheck(parameter.rules));
  }
}

const clientOptionNames = ['baseUrl', 'region', 'token', 'credentials', 'fetch', 'agent', 'timeoutMs', 'maxRetries', 'idempotent', 'backoff'] as const;
const clientKeys = knownKeys([...clientOptionNames, ...clientDefaults.keys()].map((name) => [name]));
const callKeys = knownKeys(['signal', 'headers', 'timeoutMs', 'maxRetries', 'idempotent'].map((name) => [name]));
const backoffKeys = knownKeys(Object.keys(defaultBackoff).map((name) => [name]));

/** Checks a client's options and fills in the defaults. */
export function checkClientOptions(options: FunctionGraphClientOptions): ClientSettings {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  refuseUnknownKeys(options, clientKeys, 'option', 'createFunctionGraphClient');
  const { region, token, credentials } = options;
  // Without baseUrl and region, each call's URN names the region.
  const baseUrl = options.baseUrl === undefined && region === undefined ? undefined : resolveBaseUrl(options);
  // A fixed token is checked now, so a bad one fails at construction, not at the first call.
  if (token !== undefined && typeof token !== 'function') checkToken(token);
  checkCredentialsOption(credentials, token);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('fetch', 'must be a function');
  const agentProblem = checkAgentOption(options, baseUrl);
  if (agentProblem) fail('agent', agentProblem);
  checkPolicy(options);
  const defaults: Record<string, string> = {};
  for (const [name, check] of clientDefaults) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined) defaults[name] = check(name, value);
  }
  return {
    baseUrl,
    region,
    token,
    credentials,
    fetch: options.fetch,
    agent: options.agent,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    idempotent: options.idempotent,
    backoff: checkBackoff(options.backoff),
    defaults,
  };
}

const rawClientKeys = knownKeys(['baseUrl', 'region', 'token', 'credentials', 'fetch'].map((name) => [name]));

/** Checks the options of `createRawClient`. */
export function checkRawClientOptions(options: RawClientOptions): RawClientOptions & { baseUrl: string } {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  refuseUnknownKeys(options, rawClientKeys, 'option', 'createRawClient');
  const { token, credentials } = options;
  if (token !== undefined && typeof token !== 'function') checkToken(token);
  checkCredentialsOption(credentials, token);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('fetch', 'must be a function');
  return { ...options, baseUrl: resolveBaseUrl(options) };
}

const noCallOptions: CallOptions = {};

/** Checks one call's options; the per-call headers like the token, since a CR or LF would smuggle in headers of its own. */
export function checkCallOptions(call: unknown): CallOptions {
  if (call === undefined) return noCallOptions;
  if (typeof call !== 'object' || call === null) fail('options', 'must be an object');
  refuseUnknownKeys(call, callKeys, 'option', 'a call');
  const options = call as CallOptions;
  if (options.signal !== undefined && typeof options.signal?.addEventListener !== 'function') fail('signal', 'must be an AbortSignal');
  if (options.headers !== undefined && (typeof options.headers !== 'object' || !options.headers)) fail('headers', 'must be an object');
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!isHeaderName(name) || typeof value !== 'string' || !isHeaderValue(value)) fail('headers', `has an invalid header ${JSON.stringify(name)}`);
  }
  checkPolicy(options);
  return options;
}
