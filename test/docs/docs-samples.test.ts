/**
 * The samples on their own (packages/docs/scripts/samples): the TypeScript and curl samples of a
 * bare plan, the samples of the client's conveniences (conveniences.ts), and `typeOf`, the result
 * type a sample declares from an example.
 */
import { operationDescriptors } from '@fgs-openapi/client';
import { describe, expect, it } from 'vitest';
import { CONVENIENCES, type RequestIdConvenience, type SyncResultConvenience } from '../../packages/docs/scripts/samples/conveniences.js';
import { curlSample } from '../../packages/docs/scripts/samples/curl.js';
import { typescriptSample } from '../../packages/docs/scripts/samples/typescript.js';
import { typeOf } from '../../packages/docs/scripts/samples/typescript-text.js';
import { bare, client } from './helpers/sample-spec.js';

describe('samples of a bare plan', () => {
  it('has no options, no input and no credential', () => {
    const plan = bare({});
    expect(typescriptSample(plan)).toContain('const client = createFunctionGraphClient();');
    expect(typescriptSample(plan)).toContain('  await client.ping({});');
    expect(curlSample(plan)).toBe("curl -X GET 'http://localhost/ping'\n");
  });

  it('has no signed sample when the operation cannot be signed, and says why', () => {
    const variables = client.credentialVariables;
    expect(() => typescriptSample(bare({}), { auth: { kind: 'credentials', variables } })).toThrow('ping: the spec gives it no signing scheme, so there is no signed sample of it');
  });

  it('sends the token in every header the descriptor names, and only those', () => {
    const curl = curlSample(bare({ tokenHeaders: ['X-One', 'X-Two'] }));
    expect(curl).toBe('curl -X GET \'http://localhost/ping\' \\\n  -H "X-One: $HUAWEICLOUD_TOKEN" \\\n  -H "X-Two: $HUAWEICLOUD_TOKEN"\n');
    // Security the client fills no header for (a bearer scheme, say) gives neither sample a token.
    const untokened = bare({ security: [['bearer']] });
    expect(curlSample(untokened)).not.toContain('HUAWEICLOUD_TOKEN');
    expect(typescriptSample(untokened)).not.toContain('token:');
  });
});

describe("samples of the client's conveniences (packages/docs/scripts/samples/conveniences.ts)", () => {
  const post = { method: 'post', path: '/run/{fn}' } as const;
  const body = { mediaType: 'application/json', value: { k: 'v' } };
  const fn = { name: 'fn', in: 'path', input: 'functionUrn', value: 'urn:x' } as const;
  const tail = { name: 'X-Log', in: 'header', input: 'logType', value: 'tail' } as const;
  const sync: SyncResultConvenience = { kind: 'sync-result', note: '', resultProperty: 'result', logInput: { input: 'logType', value: 'tail' } };
  const wait: RequestIdConvenience = { kind: 'request-id', note: '', waiter: { name: 'waitForIt', runError: 'RunError' }, targetInputs: ['functionUrn'] };

  it('sync result: the result type is declared from the example and passed as the type argument', () => {
    const source = typescriptSample(
      bare({ ...post, id: 'runIt' }, { body, parameters: [fn, tail], result: { property: 'result', example: { result: '{"size":3,"tags":["a"],"meta":{"ok":true}}' } } }),
      { convenience: sync },
    );
    expect(source).toContain('interface FunctionResult {\n  size: number;\n  tags: string[];\n  meta: {\n    ok: boolean;\n  };\n}\n');
    expect(source).toContain('  const run = await client.runIt<FunctionResult>({\n');
    expect(source).toContain('    console.log(run.json?.size);\n');
    expect(source).toContain('  if (run.functionError) {\n');
    // The log tail is printed only when the sample asks for it.
    expect(source).toContain('  console.log(run.log);\n');
    const withoutTail = typescriptSample(
      bare({ ...post, id: 'runIt' }, { body, parameters: [fn], result: { property: 'result', example: { result: '{"size":3}' } } }),
      { convenience: sync },
    );
    expect(withoutTail).not.toContain('run.log');
  });

  it('sync result: an example result that is not a JSON object gives no type argument', () => {
    for (const example of [{ result: 'Hello, World!' }, { result: '[1,2]' }, 'text', undefined]) {
      const source = typescriptSample(bare({ ...post, id: 'runIt' }, { body, parameters: [fn], result: { property: undefined, example } }), { convenience: sync });
      expect(source).not.toContain('interface FunctionResult');
      expect(source).toContain('  const run = await client.runIt({\n');
      expect(source).toContain('    console.log(run.json);\n');
    }
  });

  it('request id: the id is kept, the waiter follows it, and its run error is handled first', () => {
    const source = typescriptSample(bare({ ...post, id: 'queueIt' }, { body, parameters: [fn], result: { property: 'request_id', example: {} } }), { convenience: wait });
    expect(source).toMatch(/^import \{ createFunctionGraphClient, FunctionGraphApiError, RunError, waitForIt \} from '@fgs-openapi\/client';$/m);
    expect(source).toContain("const functionUrn = 'urn:x';\n");
    expect(source).toContain('  const requestId = await client.queueIt({\n    functionUrn,\n');
    expect(source).toContain('  const record = await waitForIt(client, { functionUrn, requestId }, { timeoutMs: 600_000 });\n');
    expect(source).toContain('  if (error instanceof RunError) {\n');
    expect(source).toContain('  } else if (error instanceof FunctionGraphApiError) {\n');
  });

  it('request id: an operation without the input the waiter needs is an error in the conveniences, said so', () => {
    expect(() => typescriptSample(bare({ ...post, id: 'queueIt' }, { body }), { convenience: wait })).toThrow(
      /queueIt: the sample needs the input functionUrn.*samples\/conveniences\.ts is out of date/,
    );
  });

  it('names only operations that exist in the client', () => {
    for (const id of Object.keys(CONVENIENCES)) expect(Object.keys(operationDescriptors), id).toContain(id);
  });
});

describe('typeOf', () => {
  it.each<[string, Parameters<typeof typeOf>[0], string]>([
    ['scalars', 'x', 'string'],
    ['null', null, 'null'],
    ['an empty array', [], 'unknown[]'],
    ['an array of objects', [{ a: 1 }], 'Array<{\n  a: number;\n}>'],
    ['an empty object', {}, 'Record<string, unknown>'],
    ['a key that is not an identifier', { 'a-b': true }, "{\n  'a-b': boolean;\n}"],
  ])('%s', (_, value, want) => {
    expect(typeOf(value)).toBe(want);
  });
});
