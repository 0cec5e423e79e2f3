/**
 * The invocation family's types: every operation's input and output, the result type argument of
 * invokeFunction, the decoded response headers on withResponse, and the waiter.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createFunctionGraphClient,
  createRawClient,
  waitForAsyncInvocation,
  type ApiResponse,
  type AsyncInvocationRecord,
  type AsyncInvocationStatus,
  type FunctionFailure,
  type InvokeFunctionResponseHeaders,
  type InvokeFunctionResult,
  type InvokeSummary,
  type ListAsyncInvocationsResult,
  type SyncInvocation,
} from '../src/index.js';

const client = createFunctionGraphClient({ token: 'fake-token' });
const functionUrn = 'urn:fss:cn-south-1:p:function:default:f';

describe('invokeFunction', () => {
  it('resolves to SyncInvocation<T> for the T you give, unknown without one', () => {
    expectTypeOf(client.invokeFunction<{ width: number }>({ functionUrn, body: {} })).resolves.toEqualTypeOf<SyncInvocation<{ width: number }>>();
    expectTypeOf(client.invokeFunction({ functionUrn, body: {} })).resolves.toEqualTypeOf<SyncInvocation<unknown>>();
    expectTypeOf<SyncInvocation<{ width: number }>['json']>().toEqualTypeOf<{ width: number } | undefined>();
  });

  it('has the result, log, summary and function error as plain data', () => {
    expectTypeOf<SyncInvocation['result']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SyncInvocation['isJson']>().toEqualTypeOf<boolean>();
    expectTypeOf<SyncInvocation['log']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SyncInvocation['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SyncInvocation['summary']>().toEqualTypeOf<InvokeSummary | undefined>();
    expectTypeOf<InvokeSummary>().toEqualTypeOf<{ durationMs: number | undefined; billingDurationMs: number | undefined; memorySizeMb: number | undefined; memoryUsedMb: number | undefined }>();
    expectTypeOf<SyncInvocation['functionError']>().toEqualTypeOf<FunctionFailure | undefined>();
  });

  it('takes the header parameters under their client names, with their enums', () => {
    expectTypeOf(client.invokeFunction).toBeCallableWith({ functionUrn, body: { k: 'v' }, logType: 'tail', requestVersion: 'v0', instanceMemory: 1024 });
    // @ts-expect-error logType is 'tail' or ''
    void client.invokeFunction({ functionUrn, body: {}, logType: 'full' });
    // @ts-expect-error requestVersion is 'v0' or 'v1'
    void client.invokeFunction({ functionUrn, body: {}, requestVersion: 'v2' });
    // @ts-expect-error instanceMemory is one of the documented sizes
    void client.invokeFunction({ functionUrn, body: {}, instanceMemory: 100 });
    // @ts-expect-error the wire name is not the input's name
    void client.invokeFunction({ functionUrn, body: {}, 'X-Cff-Log-Type': 'tail' });
    // @ts-expect-error body is required
    void client.invokeFunction({ functionUrn });
  });

  it('withResponse.invokeFunction: the generated body type (JSON or v0 text) and the decoded headers, typed', () => {
    expectTypeOf(client.withResponse.invokeFunction({ functionUrn, body: {} })).resolves.toEqualTypeOf<ApiResponse<InvokeFunctionResult, InvokeFunctionResponseHeaders>>();
    expectTypeOf<InvokeFunctionResult>().toMatchTypeOf<string | { result?: string; request_id?: string; log?: string; status?: number }>();
    expectTypeOf<InvokeFunctionResponseHeaders['functionLog']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<InvokeFunctionResponseHeaders['isFunctionError']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<InvokeFunctionResponseHeaders['functionErrorCode']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<InvokeFunctionResponseHeaders['responseVersion']>().toEqualTypeOf<'v0' | 'v1' | undefined>();
    expectTypeOf<NonNullable<InvokeFunctionResponseHeaders['invokeSummary']>['duration']>().toEqualTypeOf<number | undefined>();
  });
});

describe('asyncInvokeFunction', () => {
  it('resolves to the request id', () => {
    expectTypeOf(client.asyncInvokeFunction({ functionUrn, body: { k: 'v' } })).resolves.toEqualTypeOf<string>();
    expectTypeOf(client.asyncInvokeFunction).toBeCallableWith({ functionUrn, body: {}, instanceMemory: 128, projectId: 'p' });
    // @ts-expect-error no log type on the async call
    void client.asyncInvokeFunction({ functionUrn, body: {}, logType: 'tail' });
  });

  it('withResponse.asyncInvokeFunction and the raw client: the 202 body has the id typed, under either name', async () => {
    const { data } = await client.withResponse.asyncInvokeFunction({ functionUrn, body: {} });
    // The spec's anyOf (request_id, requestId, or both) is a union, each branch with its id required.
    expectTypeOf(data).toEqualTypeOf<{ request_id: string; requestId?: string } | { request_id?: string; requestId: string }>();
    expectTypeOf(data.request_id ?? data.requestId).toEqualTypeOf<string | undefined>();
    // @ts-expect-error neither name alone is always there
    void data.request_id.length;

    const raw = createRawClient({ baseUrl: 'http://127.0.0.1:1', token: async () => 'fake' });
    const answer = await raw.POST('/v2/{project_id}/fgs/functions/{function_urn}/invocations-async', {
      params: { path: { project_id: 'p', function_urn: functionUrn } },
      body: { k: 'v' },
    });
    expectTypeOf(answer.data).toEqualTypeOf<typeof data | undefined>();
  });
});

describe('listAsyncInvocations and listActiveAsyncInvocations', () => {
  it('take the query parameters under their client names and resolve to the page of records', () => {
    expectTypeOf(client.listAsyncInvocations({ functionUrn, requestId: 'r', marker: '0', limit: 100, status: 'RUNNING', queryBeginTime: 't', queryEndTime: 't' })).resolves.toEqualTypeOf<ListAsyncInvocationsResult>();
    expectTypeOf(client.listActiveAsyncInvocations).toBeCallableWith({ functionUrn, requestIds: 'a,b', limit: 10 });
    expectTypeOf<NonNullable<ListAsyncInvocationsResult['invocations']>[number]['status']>().toEqualTypeOf<AsyncInvocationStatus | undefined>();
    // @ts-expect-error status is one of WAIT, RUNNING, SUCCESS, FAIL, DISCARD
    void client.listAsyncInvocations({ functionUrn, status: 'DONE' });
    // @ts-expect-error the wire name request_id is not the input's name
    void client.listAsyncInvocations({ functionUrn, request_id: 'r' });
    // @ts-expect-error the active list takes requestIds, not requestId
    void client.listActiveAsyncInvocations({ functionUrn, requestId: 'r' });
  });
});

describe('cancelAsyncInvocation', () => {
  it('takes the declared body, typed from its schema, and resolves to null', () => {
    expectTypeOf(client.cancelAsyncInvocation({ functionUrn, body: { request_id: 'r', type: 'force' } })).resolves.toEqualTypeOf<null>();
    // @ts-expect-error request_id is required in the body
    void client.cancelAsyncInvocation({ functionUrn, body: { type: 'force' } });
    // @ts-expect-error type is 'force' or 'recursive'
    void client.cancelAsyncInvocation({ functionUrn, body: { request_id: 'r', type: 'kill' } });
  });
});

describe('waitForAsyncInvocation', () => {
  it('takes the client, the request and options, and resolves to the record', () => {
    expectTypeOf(waitForAsyncInvocation(client, { functionUrn, requestId: 'r' }, { timeoutMs: 1, signal: AbortSignal.timeout(1), minDelayMs: 1, maxDelayMs: 2, onStatus: (status) => expectTypeOf(status).toEqualTypeOf<AsyncInvocationStatus>() })).resolves.toEqualTypeOf<AsyncInvocationRecord>();
    expectTypeOf<AsyncInvocationStatus>().toEqualTypeOf<'WAIT' | 'RUNNING' | 'SUCCESS' | 'FAIL' | 'DISCARD'>();
    // @ts-expect-error requestId is required
    void waitForAsyncInvocation(client, { functionUrn });
  });
});
