/**
 * What must and must not compile. A typed client's promise is the errors it gives before run time.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createFunctionGraphClient,
  FunctionGraphApiError,
  type AsyncInvokeReservedFunctionInput,
  type AsyncInvokeReservedFunctionResult,
  type ErrorCode,
  type FunctionGraphClient,
  type KnownErrorCode,
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

  it.each([['a string'], ['a number'], ['an array']])('rejects a body that is %s', () => {
    // @ts-expect-error the body is a JSON object
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: 'k=v' });
    // @ts-expect-error the body is a JSON object
    void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: 42 });
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

  it('rejects a token that is neither a string nor a provider', () => {
    // @ts-expect-error token is a string or a function returning one
    createFunctionGraphClient({ region: 'cn-south-1', token: 42 });
  });

  it('exposes the openapi-fetch client with the spec paths', async () => {
    const typed: FunctionGraphClient = client;
    const { data } = await typed.raw.POST('/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations', {
      params: { path: { project_id: 'p', function_urn: 'u' } },
      body: { k: 'v' },
    });
    expectTypeOf(data).toEqualTypeOf<{ instance_id: string } | undefined>();
    // @ts-expect-error unknown path
    void typed.raw.POST('/v2/{project_id}/fgs/functions/{function_urn}/nope', {});
  });
});

describe('errors', () => {
  it('types error codes as the known ones plus any string', () => {
    expectTypeOf<'FSS.1051'>().toExtend<KnownErrorCode>();
    expectTypeOf<'APIGW.0301'>().toExtend<ErrorCode>();
    expectTypeOf<'APIGW.0301'>().not.toExtend<KnownErrorCode>();
    expectTypeOf<FunctionGraphApiError['errorCode']>().toEqualTypeOf<ErrorCode | undefined>();
    expectTypeOf<FunctionGraphApiError['status']>().toBeNumber();
  });

  it('types the error body from the spec', () => {
    expectTypeOf<NonNullable<FunctionGraphApiError['body']>>().toEqualTypeOf<{ error_code: string; error_msg: string }>();
  });
});
