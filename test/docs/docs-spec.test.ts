/**
 * The docs copy of the spec (packages/docs/scripts/docs-spec.ts) on the spec of
 * helpers/sample-spec.ts, with more than one operation and the cases FunctionGraph's own spec does
 * not have: query, header and optional parameters, a token header of another name, no request
 * body, no response body, an error body made of an `allOf`. Nothing in the docs build may be
 * specific to one operation. And `literal`, the TypeScript values the samples are written with.
 */
import { describe, expect, it } from 'vitest';
import { buildDocsSpec } from '../../packages/docs/scripts/docs-spec.js';
import { literal } from '../../packages/docs/scripts/samples/typescript-text.js';
import { client, descriptors, document, operation, samples, spec } from './helpers/sample-spec.js';

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
