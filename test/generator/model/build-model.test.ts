import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../scripts/generator/errors.js';
import { buildModel } from '../../../scripts/generator/model/build-model.js';

/** A minimal 3.1 document around the given paths and components. */
function doc(paths: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths, ...extra };
}

const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };

describe('buildModel: operations', () => {
  it.each([
    [
      'operationId from the spec',
      { given: doc({ '/a': { get: { operationId: 'listA', responses: ok } } }), want: { operationId: 'listA', idSource: 'spec', methodName: 'listA', typeName: 'ListA' } },
    ],
    [
      'operationId derived from method and path',
      { given: doc({ '/a/{id}': { delete: { responses: ok } } }), want: { operationId: 'deleteAById', idSource: 'derived', methodName: 'deleteAById' } },
    ],
    [
      'operationId that is not an identifier',
      { given: doc({ '/a': { get: { operationId: 'list-all a', responses: ok } } }), want: { operationId: 'list-all a', methodName: 'listAllA', typeName: 'ListAllA' } },
    ],
    [
      'deprecation with successor',
      {
        given: doc({ '/old': { post: { operationId: 'old', deprecated: true, 'x-successor': { operationId: 'new', method: 'post', path: '/new' }, responses: ok } } }),
        want: { deprecated: true, successor: { operationId: 'new', method: 'post', path: '/new' } },
      },
    ],
    [
      'docs',
      {
        given: doc({ '/a': { get: { operationId: 'a', summary: ' Sum ', description: 'Desc', tags: ['T'], externalDocs: { url: 'https://x.test' }, responses: ok } } }),
        want: { summary: 'Sum', description: 'Desc', tags: ['T'], externalDocs: { url: 'https://x.test' } },
      },
    ],
  ])('%s', (_, { given, want }) => {
    const [operation] = buildModel(given).operations;
    expect(operation).toMatchObject(want);
  });

  it('warns once per operation without operationId', () => {
    const model = buildModel(doc({ '/a': { get: { responses: ok }, post: { operationId: 'make', responses: ok } } }));
    expect(model.warnings).toEqual(['GET /a has no operationId; named it "getA" from its method and path']);
  });

  it('keeps the order of the paths and the methods', () => {
    const model = buildModel(doc({ '/b': { post: { responses: ok }, get: { responses: ok } }, '/a': { get: { responses: ok } } }));
    expect(model.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['get /b', 'post /b', 'get /a']);
  });

  it('refuses two operations whose method names collide', () => {
    const given = doc({ '/a': { get: { operationId: 'get-pet', responses: ok } }, '/b': { get: { operationId: 'getPet', responses: ok } } });
    expect(() => buildModel(given)).toThrow(SpecError);
    expect(() => buildModel(given)).toThrow(/both become the method name "getPet"/);
  });
});

describe('buildModel: parameters', () => {
  const components = {
    components: {
      parameters: {
        Tenant: { name: 'tenant_id', in: 'path', required: true, 'x-client-default': true, schema: { type: 'string' } },
      },
    },
  };

  it.each([
    [
      'path parameters in template order, then query, header, cookie',
      {
        given: doc(
          {
            '/{b}/{a}': {
              parameters: [{ name: 'a', in: 'path', required: true }],
              get: {
                parameters: [
                  { name: 'c', in: 'cookie' },
                  { name: 'h', in: 'header', required: true },
                  { name: 'q', in: 'query' },
                  { name: 'b', in: 'path', required: true },
                ],
                responses: ok,
              },
            },
          },
        ),
        want: ['path:b', 'path:a', 'query:q', 'header:h', 'cookie:c'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    const [operation] = buildModel(given).operations;
    expect(operation!.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(want);
  });

  it('lets an operation parameter override the path-level one of the same name and location', () => {
    const [operation] = buildModel(
      doc({
        '/x': {
          parameters: [{ name: 'q', in: 'query', description: 'path level' }],
          get: { parameters: [{ name: 'q', in: 'query', required: true, description: 'operation level' }], responses: ok },
        },
      }),
    ).operations;
    expect(operation!.parameters).toEqual([
      { name: 'q', in: 'query', inputName: 'q', required: true, description: 'operation level', deprecated: false, clientDefault: false },
    ]);
  });

  it('resolves $ref parameters and reads x-client-default', () => {
    const [operation] = buildModel(
      doc({ '/t/{tenant_id}': { get: { parameters: [{ $ref: '#/components/parameters/Tenant' }], responses: ok } } }, components),
    ).operations;
    expect(operation!.parameters[0]).toMatchObject({ name: 'tenant_id', inputName: 'tenantId', required: true, clientDefault: true });
  });

  it('gives colliding input names a location prefix', () => {
    const [operation] = buildModel(
      doc({ '/i/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true }, { name: 'id', in: 'query' }, { name: 'body', in: 'query' }], responses: ok } } }),
    ).operations;
    expect(operation!.parameters.map((p) => p.inputName)).toEqual(['id', 'queryId', 'queryBody']);
  });
});

describe('buildModel: bodies and responses', () => {
  it.each([
    ['JSON preferred over others', { content: { 'application/xml': { schema: {} }, 'application/json': { schema: { type: 'object' } } }, want: 'application/json' }],
    ['structured JSON suffix', { content: { 'text/plain': { schema: {} }, 'application/merge-patch+json': { schema: {} } }, want: 'application/merge-patch+json' }],
    ['first listed when none is JSON', { content: { 'text/plain': { schema: {} }, 'application/octet-stream': {} }, want: 'text/plain' }],
  ])('request media type: %s', (_, { content, want }) => {
    const [operation] = buildModel(doc({ '/a': { post: { requestBody: { content }, responses: ok } } })).operations;
    expect(operation!.requestBody?.mediaType).toBe(want);
  });

  it('reads the body schema type through $ref', () => {
    const [operation] = buildModel(
      doc(
        { '/a': { post: { requestBody: { $ref: '#/components/requestBodies/B' }, responses: ok } } },
        { components: { requestBodies: { B: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } } }, schemas: { S: { type: 'object' } } } },
      ),
    ).operations;
    expect(operation!.requestBody).toEqual({ required: true, mediaType: 'application/json', schemaType: 'object', description: undefined });
  });

  it("reads an object body's checkable properties: the required ones, and those of one scalar type with the rules beyond it", () => {
    const schema = {
      type: 'object',
      required: ['id', 'meta', 'ghost'],
      properties: {
        id: { type: 'string', pattern: '^[a-z]+$' },
        retries: { type: 'integer', minimum: 0, maximum: 3 },
        flag: { type: 'boolean' },
        note: { type: ['string', 'null'] },
        level: { $ref: '#/components/schemas/Level' },
        meta: { type: 'object' },
        tags: { type: 'array', items: { type: 'string' } },
      },
    };
    const [operation] = buildModel(
      doc({ '/a': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: ok } } }, { components: { schemas: { Level: { type: 'string', enum: ['low', 'high'] } } } }),
    ).operations;
    expect(operation!.requestBody?.fields).toEqual([
      { name: 'id', required: true, type: 'string', nullable: false, rules: { pattern: '^[a-z]+$' } },
      { name: 'retries', required: false, type: 'integer', nullable: false, rules: { type: 'integer', minimum: 0, maximum: 3 } },
      { name: 'flag', required: false, type: 'boolean', nullable: false, rules: undefined },
      { name: 'note', required: false, type: 'string', nullable: true, rules: undefined },
      { name: 'level', required: false, type: 'string', nullable: false, rules: { enum: ['low', 'high'] } },
      { name: 'meta', required: true, type: undefined, nullable: false, rules: undefined },
      { name: 'ghost', required: true, nullable: false },
    ]);
    const free = buildModel(doc({ '/a': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } })).operations;
    expect(free[0]!.requestBody?.fields).toBeUndefined();
  });

  it('orders responses by status with ranges after exact codes and default last', () => {
    const [operation] = buildModel(
      doc({ '/a': { get: { responses: { default: { description: 'd' }, '404': { description: 'n' }, '4XX': { description: 'r' }, '200': { description: 'o' } } } } }),
    ).operations;
    expect(operation!.responses.map((r) => r.status)).toEqual(['200', '404', '4XX', 'default']);
  });
});

describe('buildModel: security, servers, error codes', () => {
  const schemes = { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, basic: { type: 'http', scheme: 'Basic' } } } };

  it.each([
    ['inherits root security', { root: [{ key: [] }], operation: undefined, want: [['key']] }],
    ['operation overrides root', { root: [{ key: [] }], operation: [{ basic: [] }], want: [['basic']] }],
    ['explicitly public', { root: [{ key: [] }], operation: [], want: [] }],
    ['none anywhere', { root: undefined, operation: undefined, want: [] }],
  ])('%s', (_, { root, operation, want }) => {
    const model = buildModel(doc({ '/a': { get: { security: operation, responses: ok } } }, { ...schemes, security: root }));
    expect(model.operations[0]!.security).toEqual(want);
  });

  it('describes security schemes and servers', () => {
    const model = buildModel(
      doc({}, { ...schemes, servers: [{ url: 'https://{r}.x.test', variables: { r: { default: 'a', enum: ['a', 'b'] } } }] }),
    );
    expect(model.securitySchemes).toEqual([
      { name: 'basic', type: 'http', scheme: 'basic', description: undefined },
      { name: 'key', type: 'apiKey', in: 'header', parameterName: 'X-Key', description: undefined },
    ]);
    expect(model.servers).toEqual([{ url: 'https://{r}.x.test', description: undefined, variables: [{ name: 'r', default: 'a', enum: ['a', 'b'], description: undefined }] }]);
  });

  it('collects x-error-codes from anywhere, sorted, first description wins', () => {
    const model = buildModel(
      doc(
        {},
        {
          components: {
            schemas: {
              E: { type: 'object', properties: { code: { type: 'string', 'x-error-codes': [{ code: 'B.2', status: 404, description: 'first' }, { code: 'A.1', status: 400, description: 'a' }] } } },
              F: { type: 'string', 'x-error-codes': [{ code: 'B.2', status: 500, description: 'second' }] },
            },
          },
        },
      ),
    );
    expect(model.errorCodes).toEqual([
      { code: 'A.1', status: 400, description: 'a' },
      { code: 'B.2', status: 404, description: 'first' },
    ]);
  });
});

describe('buildModel: client names, client defaults and value rules', () => {
  const op = (parameters: unknown[], extra: Record<string, unknown> = {}) =>
    buildModel(doc({ '/a': { post: { parameters, responses: ok, ...extra } } })).operations[0]!;

  it.each([
    ['x-ms-client-name renames the input', { given: { name: 'X-Cff-Log-Type', in: 'header', 'x-ms-client-name': 'logType' }, want: { inputName: 'logType' } }],
    ['without it, camelCase of the wire name', { given: { name: 'query_begin_time', in: 'query' }, want: { inputName: 'queryBeginTime' } }],
    ['a client name that is not an identifier is ignored', { given: { name: 'a_b', in: 'query', 'x-ms-client-name': 'not ok' }, want: { inputName: 'aB' } }],
    ['x-ms-client-default is what the client sends', { given: { name: 'V', in: 'header', 'x-ms-client-default': 'v1', schema: { type: 'string', default: 'v0' } }, want: { sentByDefault: 'v1' } }],
    ['JSON Schema default is not sent', { given: { name: 'V', in: 'header', schema: { type: 'string', default: 'v0' } }, want: { sentByDefault: undefined } }],
    ['string enum', { given: { name: 's', in: 'query', schema: { type: 'string', enum: ['A', 'B'] } }, want: { rules: { enum: ['A', 'B'] } } }],
    ['integer enum', { given: { name: 'm', in: 'header', schema: { type: 'integer', enum: [128, 256] } }, want: { rules: { type: 'integer', enum: [128, 256] } } }],
    ['integer range', { given: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } }, want: { rules: { type: 'integer', minimum: 1, maximum: 500 } } }],
    ['3.0 boolean exclusive bounds', { given: { name: 'n', in: 'query', schema: { type: 'number', minimum: 0, exclusiveMinimum: true } }, want: { rules: { type: 'number', exclusiveMinimum: 0, minimum: undefined } } }],
    ['3.1 numeric exclusive bounds', { given: { name: 'n', in: 'query', schema: { type: 'number', exclusiveMaximum: 10 } }, want: { rules: { type: 'number', exclusiveMaximum: 10 } } }],
    ['lengths apply to strings only', { given: { name: 'n', in: 'query', schema: { type: 'integer', maxLength: 3 } }, want: { rules: { type: 'integer', maxLength: undefined } } }],
    ['nullable integer counts as integer', { given: { name: 'n', in: 'query', schema: { type: ['integer', 'null'], maximum: 9 } }, want: { rules: { type: 'integer', maximum: 9 } } }],
    ['an array parameter has no scalar rules', { given: { name: 'n', in: 'query', schema: { type: 'array', items: { type: 'string', enum: ['x'] } } }, want: { rules: undefined } }],
  ])('%s', (_, { given, want }) => {
    expect(op([given]).parameters[0]).toMatchObject(want);
  });

  it('refuses two parameters given the same client name', () => {
    expect(() => op([{ name: 'a', in: 'query', 'x-ms-client-name': 'same' }, { name: 'b', in: 'header', 'x-ms-client-name': 'same' }])).toThrow(/two parameters take the client name "same"/);
  });
});

describe('buildModel: body limits, safety, timeouts and response headers', () => {
  it.each([
    ['GET is safe to repeat', { method: 'get', extra: {}, want: true }],
    ['PUT is safe to repeat', { method: 'put', extra: {}, want: true }],
    ['DELETE is safe to repeat', { method: 'delete', extra: {}, want: true }],
    ['POST is not', { method: 'post', extra: {}, want: false }],
    ['PATCH is not', { method: 'patch', extra: {}, want: false }],
    ['POST with x-idempotent: true is', { method: 'post', extra: { 'x-idempotent': true }, want: true }],
    ['x-idempotent must be the boolean true', { method: 'post', extra: { 'x-idempotent': 'yes' }, want: false }],
  ])('%s', (_, { method, extra, want }) => {
    const [operation] = buildModel(doc({ '/a': { [method]: { responses: ok, ...extra } } })).operations;
    expect(operation!.idempotent).toBe(want);
  });

  it('reads x-response-timeout-ms and x-max-body-bytes when they are positive integers', () => {
    const read = (timeout: unknown, bytes: unknown) =>
      buildModel(
        doc({ '/a': { post: { 'x-response-timeout-ms': timeout, requestBody: { 'x-max-body-bytes': bytes, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }),
      ).operations[0]!;
    expect(read(90000, 262144)).toMatchObject({ responseTimeoutMs: 90000, requestBody: { maxBytes: 262144 } });
    expect(read('90000', -1)).toMatchObject({ responseTimeoutMs: undefined, requestBody: { maxBytes: undefined } });
    // Beyond 2^53 a JSON number has lost digits: no limit anyone wrote (the lint rules refuse it too).
    expect(read(2 ** 53, 1.5)).toMatchObject({ responseTimeoutMs: undefined, requestBody: { maxBytes: undefined } });
  });

  it('describes response headers with client names, types and encodings, through $ref, without Content-Type', () => {
    const [operation] = buildModel(
      doc(
        {
          '/a': {
            post: {
              responses: {
                '200': {
                  description: 'ok',
                  headers: {
                    'Content-Type': { schema: { type: 'string' } },
                    'X-Cff-Request-Id': { 'x-ms-client-name': 'requestId', schema: { type: 'string' } },
                    'X-Cff-Function-Log': { 'x-ms-client-name': 'functionLog', schema: { type: 'string', contentEncoding: 'base64' } },
                    'X-Cff-Invoke-Summary': { $ref: '#/components/headers/Summary' },
                    'X-Is-Func-Err': { required: true, schema: { type: 'boolean' } },
                  },
                },
              },
            },
          },
        },
        { components: { headers: { Summary: { 'x-ms-client-name': 'invokeSummary', schema: { type: 'string', contentMediaType: 'application/json', contentSchema: { type: 'object' } } } } } },
      ),
    ).operations;
    expect(operation!.responses[0]!.headers.map(({ schema: _schema, ...rest }) => rest)).toEqual([
      { name: 'X-Cff-Request-Id', outputName: 'requestId', description: undefined, required: false, type: 'string', enum: undefined, contentEncoding: undefined, contentMediaType: undefined },
      { name: 'X-Cff-Function-Log', outputName: 'functionLog', description: undefined, required: false, type: 'string', enum: undefined, contentEncoding: 'base64', contentMediaType: undefined },
      { name: 'X-Cff-Invoke-Summary', outputName: 'invokeSummary', description: undefined, required: false, type: 'string', enum: undefined, contentEncoding: undefined, contentMediaType: 'application/json' },
      { name: 'X-Is-Func-Err', outputName: 'xIsFuncErr', description: undefined, required: true, type: 'boolean', enum: undefined, contentEncoding: undefined, contentMediaType: undefined },
    ]);
  });
});
