/**
 * What must and must not compile. A typed client's promise is the errors it gives before run time.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createFunctionGraphClient,
  createRawClient,
  FunctionGraphApiError,
  FunctionGraphConnectionError,
  FunctionGraphInputError,
  FunctionGraphTimeoutError,
  type ApiResponse,
  type AsyncInvokeReservedFunctionInput,
  type AsyncInvokeReservedFunctionResult,
  type AsyncInvokeReservedFunctionResponseHeaders,
  type CallOptions,
  type ErrorCode,
  type FunctionGraphClient,
  type KnownErrorCode,
  type RawClient,
  credentialsFromEnv,
  AuthenticationError,
  type Credentials,
  type EnvironmentCredentials,
  type SigningDetails,
} from '../src/index.js';

const client = createFunctionGraphClient({ region: 'cn-south-1', projectId: 'p', token: 'fake-token' });

describe('asyncInvokeReservedFunction', () => {
  it('takes a URN and an object body, and resolves to the 202 body', () => {
    expectTypeOf(client.asyncInvokeReservedFunction({ functionUrn: 'urn', body: { k: 'v' } })).resolves.toEqualTypeOf<AsyncInvokeReservedFunctionResult>();
    expectTypeOf<AsyncInvokeReservedFunctionResult>().toEqualTypeOf<{ instance_id: string }>();
  });

  it('accepts projectId per call and any JSON values in the body', () => {
    expectTypeOf(client.asyncInvokeReservedFunction).toBeCallableWith({ functionUrn: 'u', projectId: 'other', body: { n: 1, nested: { a: [1, 'x', null] } } });
    expectTypeOf(client.asyncInvokeReservedFunction).toBeCallableWith({ functionUrn: 'u', body: {} }, { signal: AbortSignal.timeout(10), headers: { 'X-Trace': '1' } });
  });

  it('rejects a missing functionUrn', () => {
    // @ts-expect-error functionUrn is required
    void client.asyncInvokeReservedFunction({ body: { k: 'v' } });
  });

  it('rejects a missing body', () => {
    // @ts-expect-error body is required
    void client.asyncInvokeReservedFunction({ functionUrn: 'u' });
  });

  // One test per kind of body, so each counts once and fails on its own.
  it('rejects a body that is a string', () => {
    // @ts-expect-error the body is a JSON object
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: 'k=v' });
  });

  it('rejects a body that is a number', () => {
    // @ts-expect-error the body is a JSON object
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: 42 });
  });

  it('rejects a body that is an array', () => {
    // @ts-expect-error the body is a JSON object
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: ['k', 'v'] });
  });

  it('rejects a URN that is not a string', () => {
    // @ts-expect-error functionUrn is a string
    void client.asyncInvokeReservedFunction({ functionUrn: 7, body: {} });
  });

  it('does not let callers read a field the 202 body does not have', async () => {
    const result = await client.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} });
    expectTypeOf(result.instance_id).toBeString();
    // @ts-expect-error the 202 body has only instance_id
    void result.request_id;
  });

  it('exposes the input type by operation name', () => {
    expectTypeOf<AsyncInvokeReservedFunctionInput['functionUrn']>().toEqualTypeOf<string>();
    expectTypeOf<AsyncInvokeReservedFunctionInput['projectId']>().toEqualTypeOf<string | undefined>();
  });
});

describe('client options', () => {
  it('needs no more than a region or a baseUrl', () => {
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ baseUrl: 'http://127.0.0.1:1' });
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ region: 'some-new-region-9', token: async () => 'fake' });
  });

  it('takes credentials: an access key pair, or a sync or async provider of one', () => {
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ region: 'cn-north-4', credentials: { accessKeyId: 'a', secretAccessKey: 's' } });
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ region: 'cn-north-4', credentials: { accessKeyId: 'a', secretAccessKey: 's', securityToken: 't' } });
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ region: 'cn-north-4', credentials: () => ({ accessKeyId: 'a', secretAccessKey: 's' }) });
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ region: 'cn-north-4', credentials: async (): Promise<Credentials> => ({ accessKeyId: 'a', secretAccessKey: 's' }) });
    expectTypeOf(createRawClient).toBeCallableWith({ region: 'cn-north-4', credentials: { accessKeyId: 'a', secretAccessKey: 's' } });
    // @ts-expect-error the secret access key is required
    createFunctionGraphClient({ region: 'cn-south-1', credentials: { accessKeyId: 'a' } });
    // @ts-expect-error a provider returns credentials, not a string
    createFunctionGraphClient({ region: 'cn-south-1', credentials: () => 'a:s' });
  });

  it('spreads credentialsFromEnv() into the options', () => {
    expectTypeOf(credentialsFromEnv()).toEqualTypeOf<EnvironmentCredentials>();
    expectTypeOf<EnvironmentCredentials>().toEqualTypeOf<{ credentials: Credentials; projectId?: string }>();
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ region: 'cn-north-4', ...credentialsFromEnv() });
    expectTypeOf(credentialsFromEnv).toBeCallableWith({ HUAWEICLOUD_SDK_AK: 'a', HUAWEICLOUD_SDK_SK: undefined });
  });

  it('types what a rejected signature carries', () => {
    expectTypeOf<AuthenticationError['signing']>().toEqualTypeOf<SigningDetails | undefined>();
    expectTypeOf<SigningDetails['canonicalRequest']>().toEqualTypeOf<string>();
    expectTypeOf<SigningDetails['serverCanonicalRequest']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error the secret key is never on an error
    type NoSecret = SigningDetails['secretAccessKey'];
  });

  it('rejects a token that is neither a string nor a provider', () => {
    // @ts-expect-error token is a string or a function returning one
    createFunctionGraphClient({ region: 'cn-south-1', token: 42 });
  });

  it('takes the policy options', () => {
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({
      baseUrl: 'http://127.0.0.1:1',
      timeoutMs: 0,
      maxRetries: 0,
      idempotent: true,
      backoff: { initialDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 1_000 },
    });
    // @ts-expect-error backoff has initialDelayMs, not initialDelay
    createFunctionGraphClient({ region: 'cn-south-1', backoff: { initialDelay: 10 } });
    // @ts-expect-error timeoutMs is a number of milliseconds
    createFunctionGraphClient({ region: 'cn-south-1', timeoutMs: '5s' });
  });

  it('takes fetch as (url: string, init: RequestInit) => Promise<Response>', () => {
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ baseUrl: 'http://127.0.0.1:1', fetch: globalThis.fetch });
    expectTypeOf(createFunctionGraphClient).toBeCallableWith({ baseUrl: 'http://127.0.0.1:1', fetch: (url: string, init: RequestInit) => fetch(url, init) });
    // @ts-expect-error the fetch option no longer takes a Request
    createFunctionGraphClient({ region: 'cn-south-1', fetch: (request: Request) => fetch(request) });
  });

  it('has no raw property any more', () => {
    const typed: FunctionGraphClient = client;
    // @ts-expect-error client.raw is gone: use createRawClient
    void typed.raw;
  });
});

describe('createRawClient', () => {
  it('is the openapi-fetch client with the spec paths', async () => {
    const raw = createRawClient({ baseUrl: 'http://127.0.0.1:1', token: async () => 'fake' });
    expectTypeOf(raw).toEqualTypeOf<RawClient>();
    const { data } = await raw.POST('/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations', {
      params: { path: { project_id: 'p', function_urn: 'u' } },
      body: { k: 'v' },
    });
    expectTypeOf(data).toEqualTypeOf<{ instance_id: string } | undefined>();
    // @ts-expect-error unknown path
    void raw.POST('/v2/{project_id}/fgs/functions/{function_urn}/nope', {});
    // @ts-expect-error the body is a JSON object
    void raw.POST('/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations', { params: { path: { project_id: 'p', function_urn: 'u' } }, body: 'k=v' });
  });

  it('takes fetch as openapi-fetch does, with a Request', () => {
    expectTypeOf(createRawClient).toBeCallableWith({ baseUrl: 'http://127.0.0.1:1', fetch: (request: Request) => fetch(request) });
  });
});

describe('withResponse', () => {
  it('resolves to ApiResponse<{ instance_id: string }>', () => {
    expectTypeOf(client.withResponse.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} })).resolves.toEqualTypeOf<ApiResponse<{ instance_id: string }, AsyncInvokeReservedFunctionResponseHeaders>>();
    expectTypeOf<ApiResponse<AsyncInvokeReservedFunctionResult>['data']>().toEqualTypeOf<{ instance_id: string }>();
    expectTypeOf<ApiResponse<unknown>['status']>().toBeNumber();
    expectTypeOf<ApiResponse<unknown>['headers']>().toEqualTypeOf<Headers>();
    expectTypeOf<ApiResponse<unknown>['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ApiResponse<unknown>['deprecation']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ApiResponse<unknown>['sunset']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ApiResponse<unknown>['attempts']>().toBeNumber();
  });

  it('takes the same input and options as the plain method', () => {
    expectTypeOf<Parameters<typeof client.withResponse.asyncInvokeReservedFunction>>().toEqualTypeOf<Parameters<typeof client.asyncInvokeReservedFunction>>();
    expectTypeOf<Parameters<typeof client.asyncInvokeReservedFunction>>().toEqualTypeOf<[input: AsyncInvokeReservedFunctionInput, options?: CallOptions]>();
    // @ts-expect-error functionUrn is required
    void client.withResponse.asyncInvokeReservedFunction({ body: {} });
  });
});

describe('per-call options', () => {
  it('are signal, headers, timeoutMs, maxRetries and idempotent, all optional', () => {
    expectTypeOf<CallOptions>().toEqualTypeOf<{
      signal?: AbortSignal;
      headers?: Record<string, string>;
      timeoutMs?: number;
      maxRetries?: number;
      idempotent?: boolean;
    }>();
    expectTypeOf(client.asyncInvokeReservedFunction).toBeCallableWith(
      { functionUrn: 'u', body: {} },
      { signal: new AbortController().signal, headers: { 'X-Trace': '1' }, timeoutMs: 0, maxRetries: 0, idempotent: true },
    );
  });

  it('reject an unknown option', () => {
    // @ts-expect-error the option is timeoutMs
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} }, { timeout: 5 });
    // @ts-expect-error the option is maxRetries
    void client.withResponse.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} }, { retries: 5 });
  });

  it('reject wrong types', () => {
    // @ts-expect-error timeoutMs is a number
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} }, { timeoutMs: '100' });
    // @ts-expect-error header values are strings
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} }, { headers: { 'X-Count': 1 } });
    // @ts-expect-error idempotent is a boolean
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} }, { idempotent: 'yes' });
  });
});

describe('errors', () => {
  it('types error codes as the known ones plus any string', () => {
    expectTypeOf<'FSS.1051'>().toExtend<ErrorCode>();
    expectTypeOf<'SOMETHING.9999'>().toExtend<ErrorCode>();
    expectTypeOf<ErrorCode>().not.toEqualTypeOf<string>();
    expectTypeOf<KnownErrorCode>().toExtend<string>();
    expectTypeOf<KnownErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<string>().toExtend<ErrorCode>();
    expectTypeOf<'FSS.1051'>().toExtend<KnownErrorCode>();
    expectTypeOf<'APIGW.0301'>().toExtend<ErrorCode>();
    expectTypeOf<'APIGW.0999'>().not.toExtend<KnownErrorCode>(); // an undocumented code
    expectTypeOf<FunctionGraphApiError['errorCode']>().toEqualTypeOf<ErrorCode | undefined>();
    expectTypeOf<FunctionGraphApiError['status']>().toBeNumber();
  });

  it('types what each error class carries', () => {
    expectTypeOf<FunctionGraphApiError['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FunctionGraphApiError['errorMsg']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FunctionGraphApiError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<FunctionGraphApiError['headers']>().toEqualTypeOf<Headers>();
    expectTypeOf<FunctionGraphApiError['attempts']>().toBeNumber();
    expectTypeOf<FunctionGraphTimeoutError['phase']>().toEqualTypeOf<'response' | 'body'>();
    expectTypeOf<FunctionGraphTimeoutError['timeoutMs']>().toBeNumber();
    expectTypeOf<FunctionGraphConnectionError['requestMayHaveBeenSent']>().toBeBoolean();
    expectTypeOf<FunctionGraphInputError['argument']>().toBeString();
  });

  it('types the error body from the spec', () => {
    expectTypeOf<NonNullable<FunctionGraphApiError['body']>>().toEqualTypeOf<{ error_code: string; error_msg: string }>();
  });
});
