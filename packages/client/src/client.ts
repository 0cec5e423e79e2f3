/**
 * `createFunctionGraphClient`: the generated operations bound to the generic runtime, plus the
 * FunctionGraph conveniences of `lib/` (the sync result, the async request id). This file wires
 * the checked options to the runtime and reads each call's function URN (its region and project);
 * what each operation sends comes from its descriptor, worked out once here into a plan.
 */
import { createAuthenticator } from './auth/authenticator.js';
import { authProject, withDefaultAuth } from './auth/default-auth.js';
import { fail } from './errors.js';
import {
  bindOperations,
  bindPaginators,
  errorFields,
  operationDescriptors,
  requestIdHeaders,
  type AsyncInvokeFunctionInput,
  type InvokeFunctionInput,
  type OperationDescriptor,
  type OperationResponseHeaders,
  type Operations,
  type Paginators,
} from './generated.js';
import { readAsyncRequestId } from './lib/async-invocation.js';
import { readSyncInvocation, type SyncInvocation } from './lib/sync-invocation.js';
import { checkClientOptions, DEFAULT_TIMEOUT_MS, type CallOptions, type ClientSettings, type FunctionGraphClientOptions } from './options.js';
import type { ApiResponse } from './runtime/answer.js';
import { createCaller, planOperation, type OperationPlan } from './runtime/call.js';
import { createPaginate, type PageOptions } from './runtime/paginate.js';
import { pathParameterCheck, type PathParameterCheck } from './runtime/path-encoding.js';
import { regionalBaseUrl } from './runtime/server-url.js';
import { chooseTransport } from './transport/choose.js';
import { urnScope } from './urn.js';

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
  /**
   * Each list operation iterated: `for await (const item of client.paginate.listFunctions({}, { maxItems }))`,
   * or page by page with `.pages()`. Each page is an ordinary call (checks, retries, timeout).
   */
  readonly paginate: Paginators<PageOptions>;
  /** The operations as generated, resolving to `ApiResponse` (data plus status, headers, decoded response headers and request id). */
  readonly withResponse: WithResponse<Operations<CallOptions>>;
  /** The endpoint every request goes to; `undefined` when each call's URN picks its region. */
  readonly baseUrl: string | undefined;
};

/** An operation's plan, and the checks of its `functionUrn` and `projectId` when it has them: the URN names the project and the region, so it is read first. */
interface ClientOperation {
  readonly plan: OperationPlan;
  readonly checkUrn: PathParameterCheck | undefined;
  readonly checkProjectId: PathParameterCheck | undefined;
}

function clientOperation(descriptor: OperationDescriptor, plan: OperationPlan): ClientOperation {
  const check = (input: string) => {
    const parameter = descriptor.parameters.find((p) => p.input === input && p.in === 'path');
    return parameter && pathParameterCheck(parameter.rules);
  };
  return { plan, checkUrn: check('functionUrn'), checkProjectId: check('projectId') };
}

/**
 * Where a call goes and with which project: a URN names its region and project. The project fills
 * `projectId` when neither the call nor the client gives one; a URN of another region or project
 * than the client's is refused, since the client's calls go to its own region's endpoint and a
 * token works only in its own project. Returns the base URL and the input to send.
 */
function routeCall(settings: ClientSettings, operation: ClientOperation, input: Record<string, unknown>): [baseUrl: string, input: Record<string, unknown>] {
  const scope = operation.checkUrn ? urnScope(operation.checkUrn('functionUrn', input.functionUrn)) : undefined;
  if (scope) {
    const { region, defaults } = settings;
    if (region !== undefined && scope.region !== region) {
      fail('functionUrn', `names region ${scope.region}, but the client is for region ${region}: its calls go to that region's endpoint`);
    }
    const own = input.projectId;
    if (own !== undefined) {
      // Checked by its own rules first, so a malformed projectId is named as such.
      if (operation.checkProjectId?.('projectId', own) !== scope.projectId) {
        fail('projectId', `is ${String(own)}, but functionUrn names project ${scope.projectId}: both must name the same project`);
      }
    } else if (defaults.projectId !== undefined && defaults.projectId !== scope.projectId) {
      fail('functionUrn', `names project ${scope.projectId}, but the client is for project ${defaults.projectId}: both must name the same project`);
    } else {
      input = { ...input, projectId: scope.projectId };
    }
  }
  const baseUrl =
    settings.baseUrl ??
    regionalBaseUrl(
      scope?.region ??
        (operation.checkUrn
          ? fail('functionUrn', 'must name a region (urn:fss:<region>:…) when the client has neither region nor baseUrl')
          : fail('region', `or baseUrl is required for ${operation.plan.id}: it takes no function URN to read the region from`)),
    );
  return [baseUrl, input];
}

/**
 * A typed client for every operation of the spec.
 *
 * ```ts
 * const client = createFunctionGraphClient({ region: 'cn-north-4' }); // credentials found as the official SDKs find them
 * const run = await client.invokeFunction({ functionUrn, body: { key: 'value' } });
 * ```
 *
 * On Node, without `credentials` or `token` the client uses `defaultCredentials()`: the
 * variables `HUAWEICLOUD_SDK_AK`/`_SK`, then `~/.huaweicloud/credentials`, then the instance
 * metadata. Options are checked now: a bad one throws a `FunctionGraphInputError` naming it. Each call checks
 * its input before anything is sent, times each attempt out, retries only what cannot run a
 * function twice (unless told it is safe), and rejects with a `FunctionGraphError` subclass that
 * says what happened. On Node, requests go through Node's own HTTP with keep-alive connections;
 * elsewhere, and whenever `fetch` is given or `globalThis.fetch` has been replaced, through fetch.
 */
export function createFunctionGraphClient(options: FunctionGraphClientOptions = {}): FunctionGraphClient {
  const settings = withDefaultAuth(checkClientOptions(options));
  const authenticate = createAuthenticator(settings);
  const projectOfAuth = authProject(settings);
  const call = createCaller({ ...settings, transport: chooseTransport(settings), errorFields, requestIdHeaders });
  const operations = new Map<OperationDescriptor, ClientOperation>();
  for (const descriptor of Object.values(operationDescriptors) as OperationDescriptor[]) {
    operations.set(descriptor, clientOperation(descriptor, planOperation(descriptor, authenticate(descriptor), DEFAULT_TIMEOUT_MS)));
  }

  const send = async (descriptor: OperationDescriptor, input: object, callOptions: CallOptions | undefined) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) fail('input', `of ${descriptor.id} must be an object of its inputs`);
    const operation = operations.get(descriptor)!;
    let [baseUrl, routed] = routeCall(settings, operation, input as Record<string, unknown>);
    if (operation.checkProjectId && routed.projectId === undefined && settings.defaults.projectId === undefined && projectOfAuth) {
      const projectId = await projectOfAuth();
      if (projectId !== undefined) routed = { ...routed, projectId };
    }
    return call(operation.plan, routed, baseUrl, callOptions);
  };
  const withResponse = bindOperations<CallOptions>(send) as unknown as FunctionGraphClient['withResponse'];
  const client = bindOperations<CallOptions>(async (descriptor, input, callOptions) => (await send(descriptor, input, callOptions)).data);
  return Object.assign(client, {
    withResponse,
    paginate: bindPaginators<PageOptions>(createPaginate(async (descriptor, input, callOptions) => (await send(descriptor, input, callOptions)).data)),
    baseUrl: settings.baseUrl,
    invokeFunction: async <T>(input: InvokeFunctionInput, callOptions?: CallOptions) =>
      readSyncInvocation<T>(await withResponse.invokeFunction(input, callOptions), input),
    asyncInvokeFunction: async (input: AsyncInvokeFunctionInput, callOptions?: CallOptions) =>
      readAsyncRequestId('asyncInvokeFunction', await withResponse.asyncInvokeFunction(input, callOptions)),
  });
}
