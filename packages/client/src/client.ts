/**
 * `createFunctionGraphClient`: the generated operations bound to the generic runtime, plus the
 * FunctionGraph conveniences of `lib/` (the sync result, the async request id, the waiter). This
 * file wires options to the runtime and reads function URNs; what each operation sends comes
 * from its descriptor.
 */
import { checkPolicy, checkTimeout, createInvoker, type ApiResponse, type CallOptions, type FetchFunction } from './runtime/invoke.js';
import { defaultBackoff, type Backoff } from './runtime/retry.js';
import { checkPathParameter } from './runtime/path-encoding.js';
import { regionalBaseUrl, resolveBaseUrl, type KnownRegion } from './runtime/server-url.js';
import { checkToken, type TokenOption } from './auth/token.js';
import { checkCredentialsOption } from './auth/credentials-option.js';
import type { CredentialsOption } from './auth/credentials.js';
import { fail } from './errors.js';
import { readSyncInvocation, type SyncInvocation } from './lib/sync-invocation.js';
import { readAsyncRequestId } from './lib/async-invocation.js';
import {
  bindOperations,
  errorFields,
  operationDescriptors,
  requestIdHeaders,
  type AsyncInvokeFunctionInput,
  type ClientDefaults,
  type InvokeFunctionInput,
  type OperationDescriptor,
  type OperationResponseHeaders,
  type Operations,
} from './generated.js';

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
   * every request, so a refreshed token is used without rebuilding the client.
   */
  token?: TokenOption;
  /**
   * An access key pair (AK/SK) that signs every request (\`SDK-HMAC-SHA256\`) instead of a token:
   * \`{ accessKeyId, secretAccessKey, securityToken? }\`, or a function (sync or async) returning one,
   * called for every request (retries included) so rotated temporary credentials are used at once.
   * Not together with \`token\`. Checked before the first request is sent. \`credentialsFromEnv()\` reads
   * them from the official SDKs' variables.
   */
  credentials?: CredentialsOption;
  /** A fetch implementation to use instead of `globalThis.fetch`. */
  fetch?: FetchFunction;
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

/** Each operation, resolving to the full answer (`data`, `status`, `headers`, `responseHeaders`, `requestId`, …) instead of the body alone. */
export type WithResponse<TOperations> = {
  [K in keyof TOperations]: TOperations[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<ApiResponse<R, K extends keyof OperationResponseHeaders ? OperationResponseHeaders[K] : Record<string, unknown>>>
    : never;
};

export type FunctionGraphClient = Omit<Operations<CallOptions>, 'invokeFunction' | 'asyncInvokeFunction'> & {
  /**
   * Execute a function synchronously (`POST .../{function_urn}/invocations`) and read the answer:
   * the request id, the result as sent and parsed as JSON typed `T` (never a `SyntaxError`), the
   * log tail (with `logType: 'tail'`), the invoke summary, and whether the function itself failed.
   * Asks for the JSON answer (`requestVersion: 'v1'`) unless you choose `'v0'`.
   */
  invokeFunction<T = unknown>(input: InvokeFunctionInput, options?: CallOptions): Promise<SyncInvocation<T>>;
  /**
   * Execute a function asynchronously (`POST .../{function_urn}/invocations-async`); resolves to
   * the request id (`request_id`, or `requestId` as older pages show), for `waitForAsyncInvocation`.
   */
  asyncInvokeFunction(input: AsyncInvokeFunctionInput, options?: CallOptions): Promise<string>;
  /** The operations as generated, resolving to `ApiResponse` (data plus status, headers, decoded response headers and request id). */
  readonly withResponse: WithResponse<Operations<CallOptions>>;
  /** The endpoint every request goes to; `undefined` when each call's URN picks its region. */
  readonly baseUrl: string | undefined;
};

function checkBackoff(value: unknown): Backoff {
  if (value === undefined) return defaultBackoff;
  if (typeof value !== 'object' || value === null) fail('backoff', 'must be an object');
  const backoff = { ...defaultBackoff, ...(value as Partial<Backoff>) };
  for (const key of Object.keys(defaultBackoff) as (keyof Backoff)[]) checkTimeout(`backoff.${key}`, backoff[key]);
  return backoff;
}

const descriptors = Object.values(operationDescriptors as Record<string, OperationDescriptor>);

/** The region and project a function URN names (`urn:fss:<region>:<project>:function:…`); undefined for anything else, which the spec's rules then refuse. */
function urnScope(urn: unknown): { region: string; projectId: string } | undefined {
  if (typeof urn !== 'string' || !urn.startsWith('urn:fss:')) return undefined;
  const [, , region, projectId, kind] = urn.split(':');
  return region && projectId && kind === 'function' ? { region, projectId } : undefined;
}

export function createFunctionGraphClient(options: FunctionGraphClientOptions): FunctionGraphClient {
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const { region } = options;
  // Without baseUrl and region, each call's URN names the region (checked per call, below).
  const baseUrl = options.baseUrl === undefined && region === undefined ? undefined : resolveBaseUrl(options);
  // A fixed token is checked now, so a bad one fails at construction, not at the first call.
  if (options.token !== undefined && typeof options.token !== 'function') checkToken(options.token);
  checkCredentialsOption(options.credentials, options.token);
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
    baseUrl: baseUrl ?? ((input) => regionalBaseUrl(urnScope(input.functionUrn)?.region ?? fail('functionUrn', 'must name a region (urn:fss:<region>:…) when the client has neither region nor baseUrl'))),
    errorFields,
    requestIdHeaders,
    defaults,
    defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    backoff: checkBackoff(options.backoff),
  });

  /**
   * A URN names its region and project. The project fills `projectId` when neither the call nor
   * the client gives one; a URN of another region or project than the client's is refused: the
   * client's calls go to its own region's endpoint, and a token works only in its own project.
   */
  const scoped: typeof invoke = (descriptor, input, call) => {
    const scope = urnScope((input as { functionUrn?: unknown } | undefined)?.functionUrn);
    if (scope) {
      if (region !== undefined && scope.region !== region) {
        fail('functionUrn', `names region ${scope.region}, but the client is for region ${region}: its calls go to that region's endpoint`);
      }
      const own = (input as { projectId?: unknown }).projectId;
      if (own !== undefined) {
        // The call's own projectId is checked by its rules first, so a malformed one is named as such.
        const parameter = descriptor.parameters.find((p) => p.input === 'projectId');
        if (parameter) checkPathParameter('projectId', own, parameter.rules);
        if (own !== scope.projectId) fail('projectId', `is ${String(own)}, but functionUrn names project ${scope.projectId}: both must name the same project`);
      } else if (defaults.projectId !== undefined && defaults.projectId !== scope.projectId) {
        fail('functionUrn', `names project ${scope.projectId}, but the client is for project ${defaults.projectId}: both must name the same project`);
      } else {
        input = { ...input, projectId: scope.projectId };
      }
    }
    return invoke(descriptor, input, call);
  };

  const operations = bindOperations<CallOptions>(async (descriptor, input, call) => (await scoped(descriptor, input, call)).data);
  const withResponse = bindOperations<CallOptions>(scoped) as unknown as FunctionGraphClient['withResponse'];
  return Object.assign(operations, {
    withResponse,
    baseUrl,
    invokeFunction: async <T>(input: InvokeFunctionInput, call?: CallOptions) => readSyncInvocation<T>(await withResponse.invokeFunction(input, call), input),
    asyncInvokeFunction: async (input: AsyncInvokeFunctionInput, call?: CallOptions) =>
      readAsyncRequestId('asyncInvokeFunction', await withResponse.asyncInvokeFunction(input, call)),
  });
}
