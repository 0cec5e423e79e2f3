/**
 * The docs copy of the spec (packages/docs/scripts/docs-spec.ts) on a spec written here, with
 * more than one operation and the cases FunctionGraph's own spec does not have: query, header and
 * optional parameters, a token header of another name, no request body, no response body, an
 * error body made of an `allOf`. Nothing in the docs build may be specific to one operation.
 */
import { operationDescriptors, type OperationDescriptor } from '@fgs-openapi/client';
import { describe, expect, it } from 'vitest';
import type { CallPlan } from '../../packages/docs/scripts/plan/call-plan.js';
import { buildDocsSpec } from '../../packages/docs/scripts/docs-spec.js';
import type { DocsInputs } from '../../packages/docs/scripts/read/docs-inputs.js';
import type { JsonObject } from '../../packages/docs/scripts/read/spec-values.js';
import { CONVENIENCES, type RequestIdConvenience, type SyncResultConvenience } from '../../packages/docs/scripts/samples/conveniences.js';
import { curlSample } from '../../packages/docs/scripts/samples/curl.js';
import { typescriptSample } from '../../packages/docs/scripts/samples/typescript.js';
import { literal, typeOf } from '../../packages/docs/scripts/samples/typescript-text.js';

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
          { name: 'X-Version', in: 'header', required: false, schema: { type: 'string', enum: ['v1', 'v2'] }, example: 'v2', 'x-ms-client-name': 'version', 'x-ms-client-default': 'v2' },
          { name: 'X-Shape', in: 'header', required: false, schema: { type: 'string' }, 'x-ms-client-name': 'shape', 'x-ms-client-default': 'round' },
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
        description: 'Adds one pet.',
        deprecated: true,
        'x-successor': { operationId: 'listPets', method: 'get', path: '/stores/{store_id}/pets' },
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
    '/pets/{pet_id}/touch': {
      post: {
        operationId: 'touchPet',
        parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' }, example: 'p1' }],
        responses: { '200': { description: 'null', content: { 'application/json': { schema: { type: 'null' }, example: null } } } },
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
          { type: 'object', required: ['detail'], properties: { detail: { type: 'string' } } },
          {
            type: 'object',
            properties: {
              code: { type: 'string', 'x-error-codes': [{ code: 'P2', status: 409, description: 'Taken | gone.' }, { code: 'P1', status: 400, description: 'Bad.' }] },
            },
          },
        ],
      },
    },
    securitySchemes: { petKey: { type: 'apiKey', in: 'header', name: 'X-Pet-Key', description: 'A key from the pet office.' } },
  },
};

const descriptors: OperationDescriptor[] = [
  {
    id: 'listPets',
    method: 'get',
    path: '/stores/{store_id}/pets',
    parameters: [
      { name: 'store_id', in: 'path', input: 'storeId', required: true, clientDefault: true },
      { name: 'limit', in: 'query', input: 'limit', required: false },
      { name: 'cursor', in: 'query', input: 'cursor', required: false },
      { name: 'X-Trace', in: 'header', input: 'xTrace', required: true },
      { name: 'X-Version', in: 'header', input: 'version', required: false, sentByDefault: 'v2' },
      { name: 'X-Shape', in: 'header', input: 'shape', required: false, sentByDefault: 'round' },
    ],
    responses: [{ status: '200', mediaType: 'application/json' }],
    security: [['petKey']],
    tokenHeaders: ['X-Pet-Key'],
  },
  {
    id: 'addPet',
    method: 'post',
    path: '/stores/{store_id}/pets',
    parameters: [{ name: 'store_id', in: 'path', input: 'storeId', required: true, clientDefault: true }],
    requestBody: { mediaType: 'application/json', required: true, json: true },
    responses: [{ status: '201', mediaType: 'application/json' }],
    security: [['petKey']],
    tokenHeaders: ['X-Pet-Key'],
    deprecated: true,
    deprecation: 'addPet is deprecated; use adoptPet instead.',
  },
  {
    id: 'touchPet',
    method: 'post',
    path: '/pets/{pet_id}/touch',
    parameters: [{ name: 'pet_id', in: 'path', input: 'petId', required: true }],
    responses: [{ status: '200', mediaType: 'application/json', schemaType: 'null' }],
    security: [],
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
const client: DocsInputs['client'] = {
  operations: descriptors,
  knownErrorCodes: { P2: { status: 409, description: 'Taken | gone.' }, P1: { status: 400, description: 'Bad.' } },
  credentialVariables: { accessKeyId: 'PET_AK', secretAccessKey: 'PET_SK', securityToken: 'PET_TOKEN', projectId: 'PET_PROJECT', credentialsFile: 'PET_CREDENTIALS_FILE' },
};

const { document, samples } = buildDocsSpec({ spec, client });
const operation = (path: string, method: string): any => (document.paths as any)[path][method];

describe('the docs copy of a spec with several operations', () => {
  it('leaves the input spec untouched', () => {
    expect((spec.paths as any)['/pets/{pet_id}'].delete['x-codeSamples']).toBeUndefined();
    expect((spec.info as any).description).toBe('Pets, as a service.');
  });

  it.each([
    ['/stores/{store_id}/pets', 'get', 'listPets'],
    ['/stores/{store_id}/pets', 'post', 'addPet'],
    ['/pets/{pet_id}/touch', 'post', 'touchPet'],
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
    ['an answer that is the JSON null is awaited, not printed', 'touchPet', ["  await client.touchPet({\n    petId: 'p1',\n  });"]],
    ['a value the client sends by default is not passed again, and says so', 'listPets', [
      "    // version: 'v2' is sent when the call gives none.\n",
      "    // shape: 'round' is sent when the call gives none.\n",
    ]],
    ['an API error is handled and anything else rethrown', 'deletePet', [
      '  if (error instanceof FunctionGraphApiError) {\n',
      '    console.error(error.status, error.errorCode, error.errorMsg, error.requestId);\n  } else {\n    throw error;\n  }\n',
    ]],
  ])('TypeScript: %s', (_, id, fragments) => {
    const source = samples.get(id)!;
    for (const fragment of fragments) expect(source).toContain(fragment);
  });

  it('TypeScript: optional parameters without an example are left out; no factory token when the operation has no security', () => {
    expect(samples.get('listPets')).not.toContain('cursor');
    expect(samples.get('deletePet')).not.toContain('token:');
    expect(samples.get('deletePet')).not.toContain('console.log(result');
    expect(samples.get('touchPet')).not.toContain('console.log(result');
    expect(samples.get('listPets')).not.toMatch(/^\s*(version|shape):/m);
  });

  it('curl: URL from the server template and examples, credential and headers, quoted for the shell', () => {
    expect(operation('/stores/{store_id}/pets', 'get')['x-codeSamples'][1].source).toBe(
      [
        "curl -X GET 'https://eu.pets.example/api/stores/store%209%2F1/pets?limit=20'",
        // The token in the header the descriptor names, as the client sends it.
        '-H "X-Pet-Key: $HUAWEICLOUD_TOKEN"',
        "-H 'X-Trace: it'\\''s me'",
        // What the client sends by default is on the wire, so curl sends it too.
        "-H 'X-Version: v2'",
        "-H 'X-Shape: round'",
      ].join(' \\\n  ') + '\n',
    );
    expect(operation('/stores/{store_id}/pets', 'post')['x-codeSamples'][1].source).toContain(
      `-d '{"name":"Rex'\\''s","tags":["string"]}'`,
    );
  });

  it('the landing sections link every operation, describe the error body and list the error codes, sorted, escaped', () => {
    const description = (document.info as any).description as string;
    expect(description.startsWith('Pets, as a service.\n\n# About this API and client\n')).toBe(true);
    expect(description).toContain('npm install @fgs-openapi/client');
    // The first call shown is an operation that is not deprecated.
    expect(description).toContain(`\`\`\`ts\n${samples.get('listPets')!.trimEnd()}\n\`\`\``);
    for (const id of ['listPets', 'addPet', 'touchPet', 'deletePet']) expect(description).toContain(`(#operation/${id})`);
    // The deprecated operation's line names its successor, linked.
    expect(description).toContain('client method `addPet` (deprecated; use [`listPets`](#operation/listPets))');
    // No convenience of the FunctionGraph client applies to these operations.
    expect(description).not.toContain('reads some answers for you');
    expect(description).toContain('# Authentication');
    expect(description).toContain('# Errors');
    // The body of the error answers, found at the `default` answer, with its example.
    expect(description).toContain('An error answer has the body `Problem`.\n\n```json\n{\n  "detail": "string"\n}\n```');
    expect(description).toMatch(/\| P1 \| 400 \| Bad\. \|\n\| P2 \| 409 \| Taken \\\| gone\. \|/);
    // The token's scheme as the spec describes it.
    expect(description).toContain('in `X-Pet-Key`.\n\nA key from the pet office.\n');
  });

  it('a deprecated operation opens with a link to its successor and gets a sidebar badge; others do not', () => {
    const addPet = operation('/stores/{store_id}/pets', 'post');
    expect(addPet.description).toBe(
      "> **Deprecated: use [List pets](#operation/listPets) instead** (`listPets`, `GET /stores/{store_id}/pets`).\n\nAdds one pet.\n",
    );
    expect(addPet['x-badges']).toEqual([{ name: 'Deprecated' }]);
    expect(operation('/stores/{store_id}/pets', 'get')['x-badges']).toBeUndefined();
    expect(operation('/stores/{store_id}/pets', 'get').description).toBeUndefined();
  });

  it('refuses a successor that is not an operation of the spec', () => {
    const broken = structuredClone(spec);
    (broken.paths as any)['/stores/{store_id}/pets'].post['x-successor'] = { operationId: 'adoptPet', method: 'post', path: '/adopt' };
    expect(() => buildDocsSpec({ spec: broken, client })).toThrow(
      'addPet: x-successor names adoptPet (POST /adopt), which is not an operation of the spec',
    );
    // Named right but at another route: also refused.
    (broken.paths as any)['/stores/{store_id}/pets'].post['x-successor'] = { operationId: 'listPets', method: 'get', path: '/pets' };
    expect(() => buildDocsSpec({ spec: broken, client })).toThrow(/x-successor names listPets \(GET \/pets\)/);
  });

  it('refuses a spec and descriptors that do not match (generated/ out of date)', () => {
    expect(() => buildDocsSpec({ spec, client: { ...client, operations: descriptors.slice(1) } })).toThrow(
      'GET /stores/{store_id}/pets: no operation descriptor in the client: generated/ is out of date (npm run generate)',
    );
    expect(() =>
      buildDocsSpec({ spec, client: { ...client, operations: [...descriptors, { ...descriptors[2]!, id: 'ghost', path: '/ghost' }] } }),
    ).toThrow('ghost: POST /ghost is not in the spec: generated/ is out of date (npm run generate)');
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
  const describedWith = (release: DocsInputs['release']) => (buildDocsSpec({ spec, client, release }).document.info as any).description as string;

  it('released: names the version plainly, links the changelog and ends with it, its title dropped', () => {
    const description = describedWith({ packageName: '@fgs-openapi/client', released: '3.1.0', changelog });
    expect(description.startsWith('Pets, as a service.\n\nThis page documents `@fgs-openapi/client` **3.1.0**. What changed in each version is in the [changelog](#section/Changelog).\n\n# About this API and client\n')).toBe(true);
    expect(description.endsWith('\n\n# Changelog\n\n## 3.1.0\n\n### Minor Changes\n\n- Add pets.\n\n## 3.0.0\n\nFirst.\n')).toBe(true);
    expect(description).not.toMatch(/unreleased/i);
  });

  it('unreleased: says so, names the version the pending changes produce, and lists them first in the changelog', () => {
    const description = describedWith({
      packageName: '@fgs-openapi/client',
      released: '3.1.0',
      changelog,
      pending: {
        version: '3.2.0',
        changes: [
          { bump: 'patch', summary: 'Fix the leash.' },
          { bump: 'minor', summary: '**New: cats.**\n\n- `adoptCat` adopts one.\n- Two lines\n  of it.' },
        ],
      },
    });
    expect(description).toContain(
      'Pets, as a service.\n\n> **Unreleased.** This page documents `@fgs-openapi/client` **3.2.0**, the version its pending changes will be released as. ' +
        'The latest release is 3.1.0, which does not have them: see 3.2.0 (unreleased) in the [changelog](#section/Changelog).\n\n# About this API and client\n',
    );
    expect(description).not.toContain('**3.1.0**');
    // Minor before patch, as `changeset version` writes them; a summary's later lines stay inside its item.
    expect(description.endsWith(
      '\n\n# Changelog\n\n## 3.2.0 (unreleased)\n\n### Minor Changes\n\n- **New: cats.**\n\n  - `adoptCat` adopts one.\n  - Two lines\n    of it.\n\n' +
        '### Patch Changes\n\n- Fix the leash.\n\n## 3.1.0\n\n### Minor Changes\n\n- Add pets.\n\n## 3.0.0\n\nFirst.\n',
    )).toBe(true);
  });

  it('says nothing about versions without a release', () => {
    expect(describedWith(undefined)).not.toMatch(/This page documents|# Changelog/);
  });
});

describe('authentication on the landing text', () => {
  it('without a signing scheme: the token how-to only, and no landing samples', () => {
    const built = buildDocsSpec({ spec, client });
    const description = (built.document.info as any).description as string;
    expect(description).toContain('# Authentication\n\nThe operations that take a token carry an IAM token in `X-Pet-Key`.');
    expect(description).toContain('/v3/auth/tokens');
    expect(description).not.toMatch(/AK\/SK|credentialsFromEnv|`credentials`/);
    expect([...built.landingSamples.keys()]).toEqual([]);
  });

  it('with a signing scheme (x-signing): both ways side by side and a signed first call; no function-to-function sample without a sync-result operation', () => {
    const signedSpec = structuredClone(spec);
    const signing = { algorithm: 'PET-HMAC', dateHeader: 'X-Pet-Date', securityTokenHeader: 'X-Pet-Token', rejectionCode: 'PET.401', clockSkewMinutes: 5 };
    (signedSpec.components as any).securitySchemes.keys = {
      type: 'http',
      scheme: 'PET-HMAC',
      description: 'Signing with a key pair.\n\nThe algorithm, at length.',
      'x-signing': signing,
    };
    const signedDescriptors = descriptors.map((d) => (d.security.length > 0 ? { ...d, security: [['petKey'], ['keys']], signing: { scheme: 'keys', ...signing } } : d));
    const built = buildDocsSpec({ spec: signedSpec, client: { ...client, operations: signedDescriptors } });
    const description = (built.document.info as any).description as string;
    expect(description).toContain('The operations that name `keys` accept either of two security schemes');
    expect(description).toContain('| | IAM token (`petKey`) | AK/SK signing (`keys`) |');
    expect(description).toContain('`Authorization: PET-HMAC Access=<AK>, SignedHeaders=…, Signature=…` and `X-Pet-Date` (the signing time), `X-Pet-Token` (with temporary credentials)');
    expect(description).toContain('a clock within 5 minutes');
    expect(description).toContain('(401 `PET.401`)');
    // The signing scheme's own summary (its first paragraph), and the client's variables.
    expect(description).toContain('## AK/SK signing\n\nSigning with a key pair.\n\n');
    expect(description).not.toContain('The algorithm, at length.');
    expect(description).toContain('(`PET_AK`, `PET_SK`,\n`PET_TOKEN`, and `PET_PROJECT` for `projectId`)');
    expect([...built.landingSamples.keys()]).toEqual(['signed-client']);
    const signed = built.landingSamples.get('signed-client')!;
    expect(description).toContain(`\`\`\`ts\n${signed.trimEnd()}\n\`\`\``);
    expect(signed).toContain('  // The access key pair from PET_AK and PET_SK (with PET_TOKEN for temporary\n');
    expect(signed).toContain('  ...credentialsFromEnv(),\n');
    expect(signed).toContain('await client.listPets(');
    expect(signed).not.toContain('token:');
    expect(signed).toContain('if (error instanceof AuthenticationError && error.signing) {');
    expect(signed).toContain('// The gateway rejected the signature (PET.401)');
    // The operations' own samples keep the token and point to signing.
    expect(built.samples.get('listPets')).toContain('token: process.env.HUAWEICLOUD_TOKEN!,');
    expect(built.samples.get('listPets')).toMatch(/credentials: an access key pair that signs each\n {2}\/\/ request \(PET-HMAC; see Authentication\)/);
    expect(built.samples.get('deletePet')).not.toContain('credentials');
    expect(description).not.toContain('## Calling a function from a function');
  });
});

/** A plan with only what a call needs, for the samples' own cases. */
function bare(operation: Partial<OperationDescriptor>, plan: Partial<CallPlan> = {}): CallPlan {
  return {
    operation: { id: 'ping', method: 'get', path: '/ping', parameters: [], responses: [], security: [], ...operation },
    summary: undefined,
    deprecation: undefined,
    server: { url: 'http://localhost/', variables: [] },
    parameters: [],
    body: undefined,
    result: undefined,
    successor: undefined,
    ...plan,
  };
}

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
