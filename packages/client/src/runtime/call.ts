/**
 * The runtime: sends one described operation and reads its answer. It knows nothing about any
 * endpoint; paths, parameters, rules, security and response shapes all come from the generated
 * operation descriptors, worked out once per operation into a plan when a client is made. Per call
 * it checks the input before the network, then runs attempts, each bounded by its own timer,
 * retrying only what the policy allows.
 */
import type { AuthenticatedAttempt, OperationAuth } from '../auth/authenticator.js';
import type { TokenRequest } from '../auth/token.js';
import { AuthenticationError, FunctionGraphError, type FunctionGraphApiError } from '../errors.js';
import type { OperationDescriptor } from '../generated.js';
import { checkCallOptions, type CallOptions, type ClientSettings } from '../options.js';
import type { Transport } from '../transport/transport.js';
import { apiError, requestIdOf, responseError, successReader, type Answer, type ApiResponse, type ErrorBodyFields, type SuccessReader } from './answer.js';
import { warnOnce } from './deprecation.js';
import { abortedAttempt, exchange, type Received } from './exchange.js';
import { requestBuilder, type BuiltRequest, type RequestBuilder } from './request.js';
import { parseRetryAfter, retryDelay } from './retry.js';
import { abortedError, sleep } from './timers.js';

/** Margin over the time the spec says the server may take, for the network on both sides. */
const responseTimeoutMarginMs = 10_000;

/** What a client works out once per operation. */
export interface OperationPlan {
  readonly id: string;
  /** Upper-case. */
  readonly method: string;
  readonly build: RequestBuilder;
  readonly read: SuccessReader;
  readonly auth: OperationAuth;
  /** The spec's word on whether the operation is safe to repeat. */
  readonly idempotent: boolean;
  /** The attempt timeout when neither the client nor the call sets one. */
  readonly defaultTimeoutMs: number;
  readonly deprecation: string | undefined;
}

export function planOperation(descriptor: OperationDescriptor, auth: OperationAuth, defaultTimeoutMs: number): OperationPlan {
  return {
    id: descriptor.id,
    method: descriptor.method.toUpperCase(),
    build: requestBuilder(descriptor),
    read: successReader(descriptor),
    auth,
    idempotent: descriptor.idempotent ?? false,
    defaultTimeoutMs: Math.max(defaultTimeoutMs, (descriptor.responseTimeoutMs ?? -Infinity) + responseTimeoutMarginMs),
    deprecation: descriptor.deprecation,
  };
}

/** What the runtime needs of a client besides its checked options. */
export interface CallerSettings extends ClientSettings {
  readonly transport: Transport;
  readonly errorFields: ErrorBodyFields;
  /** Response headers that carry a request id, besides `X-Request-Id` (the spec's `requestId` headers). */
  readonly requestIdHeaders: readonly string[];
}

/** Runs one call of a planned operation: resolves to the whole answer, or rejects with a `FunctionGraphError`. */
export type Caller = (plan: OperationPlan, input: Record<string, unknown>, baseUrl: string, call: unknown) => Promise<ApiResponse<unknown>>;

/** Replaces every occurrence of the attempt's secrets (a security token a gateway echoed) before any error is built from the text. */
const scrub = (text: string, secrets: readonly string[]) => secrets.reduce((scrubbed, secret) => scrubbed.split(secret).join('<redacted>'), text);

export function createCaller(settings: CallerSettings): Caller {
  const { transport, requestIdHeaders } = settings;

  /** Turns what arrived into the call's result, or the error it stands for. */
  async function readAnswer(plan: OperationPlan, received: Received, attempts: number, authenticated: AuthenticatedAttempt): Promise<ApiResponse<unknown> | FunctionGraphError> {
    const { response } = received;
    const { status, headers } = response;
    const answer: Answer = { operationId: plan.id, attempts, response, text: received.text, requestId: requestIdOf(headers, requestIdHeaders) };
    if (status >= 200 && status < 300) return plan.read(answer);
    if (status < 400) throw responseError(answer, `redirect to ${headers.get('location')} not followed`);
    const { signed } = authenticated;
    if (signed) answer.text = scrub(answer.text, signed.secrets);
    const failure: FunctionGraphApiError = apiError(answer, settings.errorFields, parseRetryAfter(headers.get('retry-after')));
    return signed && plan.auth.explain ? plan.auth.explain(failure, signed) : failure;
  }

  return async (plan, input, baseUrl, rawCall) => {
    const call = checkCallOptions(rawCall);
    const built: BuiltRequest = plan.build(input, settings.defaults, call.headers);
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs ?? plan.defaultTimeoutMs;
    const policy = { maxRetries: call.maxRetries ?? settings.maxRetries, safeToRepeat: call.idempotent ?? settings.idempotent ?? plan.idempotent, backoff: settings.backoff };
    if (plan.deprecation) warnOnce(`operation:${plan.id}`, plan.deprecation, 'FGS_DEPRECATED_OPERATION');
    const { signal } = call;
    const url = baseUrl + built.target;

    /** Set for the attempt after a 401 to a provider's token: the provider is asked for another, once per call. */
    let renewal: TokenRequest | undefined;
    let renewed = false;
    for (let attempts = 1; ; attempts++) {
      if (signal?.aborted) throw abortedError(plan.id, signal);
      const authenticated = await plan.auth.apply({ method: plan.method, url, headers: built.headers, body: built.bodyText, pathValues: built.pathValues }, renewal);
      renewal = undefined;
      const request = { method: plan.method, url, headers: authenticated.headers, body: built.body };
      const received = await exchange(transport, request, { operationId: plan.id, attempts, timeoutMs, signal, baseUrl, requestIdHeaders });
      if (received === abortedAttempt) throw abortedError(plan.id, signal!);
      const outcome = received instanceof FunctionGraphError ? received : await readAnswer(plan, received, attempts, authenticated);
      if (!(outcome instanceof FunctionGraphError)) return outcome;
      // A 401 means the gateway stopped the call before anything ran, so repeating it with a new token is safe.
      if (!renewed && authenticated.renewal && outcome instanceof AuthenticationError) {
        renewed = true;
        renewal = authenticated.renewal;
        continue;
      }
      const waitMs = retryDelay(outcome, renewed ? attempts - 1 : attempts, policy);
      if (waitMs === undefined) throw outcome;
      await sleep(waitMs, signal, plan.id);
    }
  };
}
