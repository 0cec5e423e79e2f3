/**
 * The client against Prism mocking the bundled spec, with request validation on (`--errors`): a
 * request that breaks the spec gets an error answer and an `sl-violations` header, so a clean 202
 * here means Prism found the client's request valid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, createRawClient, FunctionGraphApiError, FunctionGraphInputError, NotFoundError, type FunctionGraphClientOptions } from '../src/index.js';
import { usePrism, type PrismInUse } from '../../../test/helpers/prism.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const specPath = join(repoRoot, 'generated/openapi.json');

const TOKEN = 'fake-token-DO-NOT-LOG-7f3a';
const PROJECT = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
const URN_PREFIX = `urn:fss:cn-south-1:${PROJECT}:function:default`;
const ALIAS_URN = `${URN_PREFIX}:my-func:!prod`;
const STARTUP_DEADLINE_MS = 60_000;
/** The URN the spec gives as the parameter's example, as the generator bundled it. */
const EXAMPLE_URN = (JSON.parse(readFileSync(specPath, 'utf8')) as { components: { parameters: { FunctionUrn: { example: string } } } }).components.parameters.FunctionUrn.example;

let prism: PrismInUse | undefined;

beforeAll(async () => {
  prism = await usePrism({ repoRoot, specPath, startupDeadlineMs: STARTUP_DEADLINE_MS });
}, STARTUP_DEADLINE_MS + 15_000);

afterAll(async () => {
  await prism?.release();
});

/** The raw client, its fetch the real one, noting Prism's `sl-violations` header of every answer. */
function rawClient() {
  const violations: (string | null)[] = [];
  const raw = createRawClient({
    baseUrl: prism!.url,
    token: TOKEN,
    fetch: async (request) => {
      const response = await fetch(request);
      violations.push(response.headers.get('sl-violations'));
      return response;
    },
  });
  return { raw, violations };
}

/** A client whose fetch is the real one, noting Prism's `sl-violations` header of every answer. */
function client(options: Partial<FunctionGraphClientOptions> = {}) {
  const violations: (string | null)[] = [];
  const c = createFunctionGraphClient({
    baseUrl: prism!.url,
    projectId: PROJECT,
    token: TOKEN,
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      violations.push(response.headers.get('sl-violations'));
      return response;
    },
    ...options,
  });
  return { c, violations };
}

function reservedInvocationsUrl(urn: string): string {
  return `${prism!.url}/v2/${PROJECT}/fgs/functions/${urn}/reserved-invocations`;
}

describe('the client against Prism (request validation on)', () => {
  it.each([
    ['an alias URN', ALIAS_URN],
    ['a version URN', `${URN_PREFIX}:my-func:latest`],
    ['a URN that needs percent-encoding', `${URN_PREFIX}:my-func:!prød&(x)+y`],
    ['the spec\'s example URN', EXAMPLE_URN],
  ])('gets a 202 with a string instance_id for %s, and Prism reports no violation', async (_label, urn) => {
    const { c, violations } = client();

    const result = await c.asyncInvokeReservedFunction({ functionUrn: urn, body: { k: 'v', nested: { n: 1 } } });

    expect(typeof result.instance_id).toBe('string');
    expect(result.instance_id.length).toBeGreaterThan(0);
    expect(violations).toEqual([null]);
  });

  it('turns Prism\'s 404 (Prefer: code=404) into NotFoundError with FSS.1051', async () => {
    const { c, violations } = client();

    const error = await c
      .asyncInvokeReservedFunction({ functionUrn: ALIAS_URN, body: { k: 'v' } }, { headers: { Prefer: 'code=404' } })
      .then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(FunctionGraphApiError);
    const apiError = error as FunctionGraphApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.errorCode).toBe('FSS.1051');
    expect(apiError.errorMsg).toBe('Not found the function');
    expect(apiError.body).toEqual({ error_code: 'FSS.1051', error_msg: 'Not found the function' });
    expect(violations).toEqual([null]);
  });

  it('refuses a URN of the wrong shape itself, before Prism sees a request', async () => {
    const { c, violations } = client();

    const error = await c
      .asyncInvokeReservedFunction({ functionUrn: `${URN_PREFIX}:9-starts-with-a-digit:latest`, body: { k: 'v' } })
      .then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('functionUrn');
    expect(violations).toEqual([]);
  });

  it('works through createRawClient too', async () => {
    const { raw, violations } = rawClient();

    const { data, response } = await raw.POST('/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations', {
      params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } },
      body: { k: 'v' },
    });

    expect(response.status).toBe(202);
    expect(typeof data?.instance_id).toBe('string');
    expect(violations).toEqual([null]);
  });
});

describe('Prism does validate requests (so the checks above mean something)', () => {
  it('answers 401 to a request without X-Auth-Token', async () => {
    const response = await fetch(reservedInvocationsUrl(ALIAS_URN), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"k":"v"}',
    });
    await response.arrayBuffer();

    expect(response.status).toBe(401);
    expect(response.headers.get('sl-violations')).toMatch(/security/i);
  });

  it('answers 202 to the same request with the token (control)', async () => {
    const response = await fetch(reservedInvocationsUrl(ALIAS_URN), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': TOKEN },
      body: '{"k":"v"}',
    });

    expect(response.status).toBe(202);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(typeof ((await response.json()) as { instance_id?: unknown }).instance_id).toBe('string');
  });

  it('rejects a URN of the wrong shape (the one the client refuses above)', async () => {
    const response = await fetch(reservedInvocationsUrl(`${URN_PREFIX}:9-starts-with-a-digit:latest`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': TOKEN },
      body: '{"k":"v"}',
    });
    await response.arrayBuffer();

    expect([400, 422]).toContain(response.status);
    expect(response.headers.get('sl-violations')).toMatch(/function_urn/i);
  });

  it.each([
    ['an array', '[{"k":"v"}]'],
    ['a string', '"k=v"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('rejects %s as body', async (_label, body) => {
    const response = await fetch(reservedInvocationsUrl(ALIAS_URN), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': TOKEN },
      body,
    });
    await response.arrayBuffer();

    expect([400, 422]).toContain(response.status);
    expect(response.headers.get('sl-violations')).toMatch(/body/i);
  });
});

describe('the invocation family against Prism (request validation on)', () => {
  const URN = `${URN_PREFIX}:my-func:!prod`;

  it('invokeFunction: a v1 answer read into a usable result, with no violation', async () => {
    const { c, violations } = client();

    const run = await c.invokeFunction<{ statusCode: number }>({ functionUrn: URN, body: { k: 'v' }, logType: 'tail', instanceMemory: 256 });

    expect(violations).toEqual([null]);
    expect(typeof run.result).toBe('string');
    expect(run.isJson).toBe(true);
    expect(run.json?.statusCode).toBe(200);
    expect(run.functionError).toBeUndefined();
    expect(run.problems).toEqual([]);
  });

  it('invokeFunction: v0 passes validation too', async () => {
    const { c, violations } = client();

    await c.invokeFunction({ functionUrn: URN, body: {}, requestVersion: 'v0' });

    expect(violations).toEqual([null]);
  });

  it('asyncInvokeFunction: resolves to the request id, with no violation', async () => {
    const { c, violations } = client();

    const id = await c.asyncInvokeFunction({ functionUrn: URN, body: { k: 'v' }, instanceMemory: 128 });

    expect(typeof id).toBe('string');
    expect(id.length).toBeGreaterThan(0);
    expect(violations).toEqual([null]);
  });

  it('listAsyncInvocations: every query parameter passes validation', async () => {
    const { c, violations } = client();

    const page = await c.listAsyncInvocations({
      functionUrn: URN,
      requestId: '1167bf8c-87b0-43ab-8f5f-26b16c64f252',
      marker: '0',
      limit: 100,
      status: 'SUCCESS',
      queryBeginTime: '2026-11-30T09:00:00',
      queryEndTime: '2026-11-30T10:00:00',
    });

    expect(violations).toEqual([null]);
    expect(Array.isArray(page.invocations ?? [])).toBe(true);
  });

  it('listActiveAsyncInvocations: requestIds and the rest pass validation', async () => {
    const { c, violations } = client();

    await c.listActiveAsyncInvocations({ functionUrn: URN, requestIds: 'a,b', limit: 10, status: 'RUNNING' });

    expect(violations).toEqual([null]);
  });

  it('cancelAsyncInvocation: the typed body passes validation and the answer is null', async () => {
    const { c, violations } = client();

    const result = await c.cancelAsyncInvocation({ functionUrn: URN, body: { request_id: '1167bf8c-87b0-43ab-8f5f-26b16c64f252', type: 'force' } });

    expect(violations).toEqual([null]);
    expect(result).toBeNull();
  });

  it.each([
    ['invokeFunction', 404, (c: ReturnType<typeof client>['c']) => c.invokeFunction({ functionUrn: URN, body: {} }, { headers: { Prefer: 'code=404' } })],
    ['asyncInvokeFunction', 404, (c: ReturnType<typeof client>['c']) => c.asyncInvokeFunction({ functionUrn: URN, body: {} }, { headers: { Prefer: 'code=404' } })],
    ['listAsyncInvocations', 404, (c: ReturnType<typeof client>['c']) => c.listAsyncInvocations({ functionUrn: URN }, { headers: { Prefer: 'code=404' }, maxRetries: 0 })],
    ['listActiveAsyncInvocations', 403, (c: ReturnType<typeof client>['c']) => c.listActiveAsyncInvocations({ functionUrn: URN }, { headers: { Prefer: 'code=403' }, maxRetries: 0 })],
    ['cancelAsyncInvocation', 400, (c: ReturnType<typeof client>['c']) => c.cancelAsyncInvocation({ functionUrn: URN, body: { request_id: 'x' } }, { headers: { Prefer: 'code=400' }, maxRetries: 0 })],
  ] as const)('%s: the documented %i becomes a typed API error with its code', async (_operation, status, call) => {
    const { c, violations } = client();

    const error = await call(c).then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(FunctionGraphApiError);
    const apiError = error as FunctionGraphApiError;
    expect(apiError.status).toBe(status);
    expect(apiError.errorCode).toMatch(/^FSS\.\d{4}$/);
    expect(typeof apiError.errorMsg).toBe('string');
    expect(violations).toEqual([null]);
  });
});

describe('functions and their settings against Prism (request validation on)', () => {
  const VERSION_URN = `${URN_PREFIX}:my-func:v1`;

  it('listFunctions: every query parameter passes validation, and the answer lists URNs', async () => {
    const { c, violations } = client();

    const page = await c.listFunctions({ marker: '0', limit: 400, packageName: 'default', functionName: 'my-func' });

    expect(violations).toEqual([null]);
    expect(typeof page.functions?.[0]?.func_urn).toBe('string');
  });

  it('showFunctionConfig: a version URN passes validation and the answer has the typed fields', async () => {
    const { c, violations } = client();

    const config = await c.showFunctionConfig({ functionUrn: VERSION_URN });

    expect(violations).toEqual([null]);
    expect(typeof config.runtime).toBe('string');
    expect(typeof config.memory_size).toBe('number');
    expect(typeof config.timeout).toBe('number');
  });

  it('showFunctionAsyncInvokeConfig and updateFunctionAsyncInvokeConfig: an alias URN and the typed body pass validation', async () => {
    const { c, violations } = client();

    const shown = await c.showFunctionAsyncInvokeConfig({ functionUrn: ALIAS_URN });
    const set = await c.updateFunctionAsyncInvokeConfig({
      functionUrn: ALIAS_URN,
      body: {
        max_async_event_age_in_seconds: 86_400,
        max_async_retry_attempts: 3,
        enable_async_status_log: true,
        destination_config: { on_failure: { destination: 'SMN', param: '{"topic_urn":"t"}' } },
      },
    });

    expect(violations).toEqual([null, null]);
    expect(typeof shown.enable_async_status_log).toBe('boolean');
    expect(typeof set.enable_async_status_log).toBe('boolean');
  });

  it('Prism refuses a retry count over the documented 3 (so the check above can fail), and the client refuses it before sending', async () => {
    const { raw, violations } = rawClient();
    const { response } = await raw.PUT('/v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config', {
      params: { path: { project_id: PROJECT, function_urn: ALIAS_URN } },
      body: { max_async_retry_attempts: 4 },
    });
    expect(response.status).toBe(400);
    expect(violations[0]).toContain('max_async_retry_attempts');

    const { c, violations: sent } = client();
    const error = await c.updateFunctionAsyncInvokeConfig({ functionUrn: ALIAS_URN, body: { max_async_retry_attempts: 4 } }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('body.max_async_retry_attempts');
    expect(sent).toEqual([]);
  });

  it('client.paginate: every page request passes validation, and the paginator stops (the example answer\'s count is reached)', async () => {
    const { c, violations } = client();
    const found = [];

    for await (const fn of c.paginate.listFunctions({ packageName: 'default' }, { maxItems: 10 })) found.push(fn);
    for await (const record of c.paginate.listAsyncInvocations({ functionUrn: ALIAS_URN, status: 'SUCCESS' }, { maxItems: 10 })) found.push(record);

    expect(found).toHaveLength(2);
    expect(violations).toEqual([null, null]);
  });
});
