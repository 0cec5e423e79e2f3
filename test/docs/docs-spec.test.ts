/**
 * The docs copy of the spec (packages/docs/scripts/docs-spec.ts) on a spec written here, with
 * more than one operation and the cases FunctionGraph's own spec does not have: query, header and
 * optional parameters, a bearer scheme, no request body, no response body, error codes nested in
 * an `allOf`. Nothing in the docs build may be specific to one operation.
 */
import { describe, expect, it } from 'vitest';
import type { DescribedOperation } from '../../packages/docs/scripts/call-plan.js';
import { curlSample, literal, typescriptSample } from '../../packages/docs/scripts/code-samples.js';
import { buildDocsSpec } from '../../packages/docs/scripts/docs-spec.js';
import { findErrorCodeTables } from '../../packages/docs/scripts/landing.js';
import type { JsonObject } from '../../packages/docs/scripts/spec-values.js';

const spec: JsonObject = {
  openapi: '3.1.0',
  info: { title: 'Pet Store', version: '2.0.0', description: 'Pets, as a service.' },
  servers: [{ url: 'https://{env}.pets.example/api', variables: { env: { default: 'eu' } } }],
  paths: {
    '/stores/{store_id}/pets': {
      parameters: [{ $ref: '#/components/parameters/StoreId' }],
      get: {
        operationId: 'listPets',
        summary: 'List pets',
        parameters: [
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer' }, example: 20 },
          { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' }, examples: { one: { value: "it's me" } } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
          },
        },
      },
      post: {
        operationId: 'addPet',
        summary: 'Add a pet',
        deprecated: true,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } },
        },
        responses: {
          '201': {
            description: 'created',
            content: { 'application/json': { schema: { type: 'object' }, example: { 'pet-id': 'x', id: 7 } } },
          },
          default: {
            description: 'error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      },
    },
    '/pets/{pet_id}': {
      delete: {
        operationId: 'deletePet',
        parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'gone' } },
      },
    },
  },
  components: {
    parameters: {
      StoreId: { name: 'store_id', in: 'path', required: true, schema: { type: 'string' }, example: 'store 9/1', 'x-client-default': true },
    },
    schemas: {
      NewPet: {
        type: 'object',
        required: ['name', 'tags'],
        properties: { name: { type: 'string', examples: ["Rex's"] }, tags: { type: 'array', items: { type: 'string' } }, age: { type: 'integer' } },
      },
      Problem: {
        allOf: [
          { type: 'object', properties: { detail: { type: 'string' } } },
          {
            type: 'object',
            properties: {
              code: { type: 'string', 'x-error-codes': [{ code: 'P2', status: 409, description: 'Taken | gone.' }, { code: 'P1', status: 400, description: 'Bad.' }] },
            },
          },
        ],
      },
    },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  },
};

const descriptors: DescribedOperation[] = [
  {
    id: 'listPets',
    method: 'get',
    path: '/stores/{store_id}/pets',
    parameters: [
      { name: 'store_id', in: 'path', input: 'storeId', required: true, clientDefault: true },
      { name: 'limit', in: 'query', input: 'limit', required: false },
      { name: 'cursor', in: 'query', input: 'cursor', required: false },
      { name: 'X-Trace', in: 'header', input: 'xTrace', required: true },
    ],
    responses: [{ status: '200', mediaType: 'application/json' }],
    security: [['bearer']],
  },
  {
    id: 'addPet',
    method: 'post',
    path: '/stores/{store_id}/pets',
    parameters: [{ name: 'store_id', in: 'path', input: 'storeId', required: true, clientDefault: true }],
    requestBody: { mediaType: 'application/json', required: true },
    responses: [{ status: '201', mediaType: 'application/json' }, { status: 'default', mediaType: 'application/json' }],
    security: [['bearer']],
    deprecated: true,
    deprecation: 'addPet is deprecated; use adoptPet instead.',
  },
  {
    id: 'deletePet',
    method: 'delete',
    path: '/pets/{pet_id}',
    parameters: [{ name: 'pet_id', in: 'path', input: 'petId', required: true }],
    responses: [{ status: '204' }],
    security: [],
  },
];
const schemes = { bearer: { type: 'http', scheme: 'bearer' } };

const { document, samples } = buildDocsSpec(spec, descriptors, schemes);
const operation = (path: string, method: string): any => (document.paths as any)[path][method];

describe('the docs copy of a spec with several operations', () => {
  it('leaves the input spec untouched', () => {
    expect((spec.paths as any)['/pets/{pet_id}'].delete['x-codeSamples']).toBeUndefined();
    expect((spec.info as any).description).toBe('Pets, as a service.');
  });

  it.each([
    ['/stores/{store_id}/pets', 'get', 'listPets'],
    ['/stores/{store_id}/pets', 'post', 'addPet'],
    ['/pets/{pet_id}', 'delete', 'deletePet'],
  ])('%s %s gets a TypeScript and a curl sample', (path, method, id) => {
    const codeSamples = operation(path, method)['x-codeSamples'];
    expect(codeSamples.map((s: any) => [s.lang, s.label])).toEqual([
      ['TypeScript', '@fgs-openapi/client'],
      ['Shell', 'curl'],
    ]);
    expect(codeSamples[0].source).toBe(samples.get(id));
    expect(codeSamples[0].source).toContain(`client.${id}(`);
    expect(codeSamples[1].source).toMatch(new RegExp(`^curl -X ${method.toUpperCase()} `));
  });

  it.each([
    // [what, operationId, expected fragments]
    ['server variables and client defaults go to the factory', 'listPets', ["  env: 'eu',\n  storeId: 'store 9/1',\n"]],
    ['the token comes from the environment', 'listPets', ['token: process.env.HUAWEICLOUD_TOKEN!,']],
    ['a parameter with an example is passed, one without is left out', 'listPets', ['    limit: 20,\n', "    xTrace: 'it\\'s me',\n"]],
    ['a body comes from its schema when no example is stated', 'addPet', ["body: { name: 'Rex\\'s', tags: ['string'] },"]],
    ['the printed result property is one that is an identifier', 'addPet', ['console.log(result.id);']],
    ['a deprecated operation says so', 'addPet', ['  // addPet is deprecated; use adoptPet instead.\n']],
    ['an answer without a body is awaited, not printed', 'deletePet', ["  await client.deletePet({\n    petId: 'string',\n  });"]],
  ])('TypeScript: %s', (_, id, fragments) => {
    const source = samples.get(id)!;
    for (const fragment of fragments) expect(source).toContain(fragment);
  });

  it('TypeScript: optional parameters without an example are left out; no factory token when the operation has no security', () => {
    expect(samples.get('listPets')).not.toContain('cursor');
    expect(samples.get('deletePet')).not.toContain('token:');
    expect(samples.get('deletePet')).not.toContain('console.log(result');
  });

  it('curl: URL from the server template and examples, credential and headers, quoted for the shell', () => {
    expect(operation('/stores/{store_id}/pets', 'get')['x-codeSamples'][1].source).toBe(
      [
        "curl -X GET 'https://eu.pets.example/api/stores/store%209%2F1/pets?limit=20'",
        '-H "Authorization: Bearer $HUAWEICLOUD_TOKEN"',
        "-H 'X-Trace: it'\\''s me'",
      ].join(' \\\n  ') + '\n',
    );
    expect(operation('/stores/{store_id}/pets', 'post')['x-codeSamples'][1].source).toContain(
      `-d '{"name":"Rex'\\''s","tags":["string"]}'`,
    );
  });

  it('the landing sections link every operation and list the error codes, sorted, escaped', () => {
    const description = (document.info as any).description as string;
    expect(description.startsWith('Pets, as a service.\n\n# About this API and client\n')).toBe(true);
    expect(description).toContain('npm install @fgs-openapi/client');
    // The first call shown is an operation that is not deprecated.
    expect(description).toContain(`\`\`\`ts\n${samples.get('listPets')!.trimEnd()}\n\`\`\``);
    for (const id of ['listPets', 'addPet', 'deletePet']) expect(description).toContain(`(#operation/${id})`);
    expect(description).toContain('# Authentication');
    expect(description).toContain('# Errors');
    expect(description).toMatch(/\| P1 \| 400 \| Bad\. \|\n\| P2 \| 409 \| Taken \\\| gone\. \|/);
  });

  it('finds x-error-codes wherever a schema nests them', () => {
    expect(findErrorCodeTables(spec).map((t) => [t.schema, t.property, t.codes.length])).toEqual([['Problem', 'code', 2]]);
  });

  it('refuses a spec and descriptors that do not match (generated/ out of date)', () => {
    expect(() => buildDocsSpec(spec, descriptors.slice(1), schemes)).toThrow(/npm run generate/);
    expect(() =>
      buildDocsSpec(spec, [...descriptors, { ...descriptors[2]!, id: 'ghost', path: '/ghost' }], schemes),
    ).toThrow(/ghost/);
  });
});

describe('literal', () => {
  it.each<[string, Parameters<typeof literal>[0], string]>([
    ['a string with a quote', "it's", "'it\\'s'"],
    ['an object with a key that is not an identifier', { 'a-b': 1, c: null }, "{ 'a-b': 1, c: null }"],
    ['an empty object', {}, '{}'],
    ['a long array, one item per line', ['x'.repeat(50), 'y'.repeat(50)], `[\n  '${'x'.repeat(50)}',\n  '${'y'.repeat(50)}',\n]`],
  ])('%s', (_, value, want) => {
    expect(literal(value)).toBe(want);
  });
});

describe('the client release on the landing text', () => {
  const changelog = '# @fgs-openapi/client\n\n## 3.1.0\n\n### Minor Changes\n\n- Add pets.\n\n## 3.0.0\n\nFirst.\n';

  it('names the version documented, links the changelog and ends with it, its title dropped', () => {
    const description = (buildDocsSpec(spec, descriptors, schemes, { version: '3.1.0', changelog }).document.info as any).description as string;
    expect(description.startsWith('Pets, as a service.\n\nThis page documents `@fgs-openapi/client` **3.1.0**. What changed in each version is in the [changelog](#section/Changelog).\n\n# About this API and client\n')).toBe(true);
    expect(description.endsWith('\n\n# Changelog\n\n## 3.1.0\n\n### Minor Changes\n\n- Add pets.\n\n## 3.0.0\n\nFirst.\n')).toBe(true);
  });

  it('says nothing about versions without a release', () => {
    const description = (buildDocsSpec(spec, descriptors, schemes).document.info as any).description as string;
    expect(description).not.toMatch(/This page documents|# Changelog/);
  });
});

describe('samples of a bare plan', () => {
  const plan = {
    operationId: 'ping',
    method: 'get',
    path: '/ping',
    summary: undefined,
    deprecation: undefined,
    serverUrl: 'http://localhost/',
    serverVariables: [],
    parameters: [],
    body: undefined,
    credential: undefined,
    result: undefined,
  };
  it('has no options, no input and no credential', () => {
    expect(typescriptSample(plan)).toContain('const client = createFunctionGraphClient();');
    expect(typescriptSample(plan)).toContain('  await client.ping({});');
    expect(curlSample(plan)).toBe("curl -X GET 'http://localhost/ping'\n");
  });
});
