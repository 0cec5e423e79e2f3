/**
 * The workaround for openapi-typescript's `$ref`s into `#/paths/…` (see schema-types.ts): the
 * corpus test shows the generated file compiles; these show what the reference becomes.
 */
import { describe, expect, it } from 'vitest';
import { emitSchemaTypes } from '../../../scripts/generator/emit/schema-types.js';

const body = (schema: unknown) => ({ requestBody: { content: { 'application/json': { schema } } }, responses: { '200': { description: 'ok' } } });

describe('emitSchemaTypes: references to schemas inside operations', () => {
  it('writes the schema the reference points to, not an indexed access into paths', () => {
    const output = emitSchemaTypes({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': {
          post: body({ type: 'object', properties: { inner: { $ref: '#/components/schemas/Thing' } } }),
          put: body({ type: 'object', properties: { same: { $ref: '#/paths/~1a/post/requestBody/content/application~1json/schema/properties/inner' } } }),
        },
      },
      components: { schemas: { Thing: { type: 'string' } } },
    });
    expect(output).toContain('same?: components["schemas"]["Thing"];');
    expect(output).not.toContain('paths["/a"]');
  });

  it('leaves references to whole path items as they are', () => {
    const output = emitSchemaTypes({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } }, '/b': { $ref: '#/paths/~1a' } },
    });
    expect(output).toContain('"/b": paths["/a"];');
  });

  it('leaves the document it is given as it was', () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': {
          post: body({ type: 'object', properties: { inner: { $ref: '#/components/schemas/Pet' } } }),
          put: body({ $ref: '#/paths/~1a/post/requestBody/content/application~1json/schema' }),
        },
      },
      components: {
        schemas: {
          // openapi-typescript patches a discriminator's targets (the enum of `kind`) in place.
          Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind' } },
          Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
        },
      },
    };
    const before = structuredClone(document);
    const output = emitSchemaTypes(document);
    expect(output).toContain('kind: "Cat"');
    expect(document).toEqual(before);
  });

  it('makes a chain of such references that comes back to itself an unconstrained schema', () => {
    const output = emitSchemaTypes({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': {
          post: body({ $ref: '#/paths/~1a/put/requestBody/content/application~1json/schema' }),
          put: body({ $ref: '#/paths/~1a/post/requestBody/content/application~1json/schema' }),
        },
      },
    });
    expect(output).not.toContain('paths["/a"]');
    expect(output).toMatch(/"application\/json": unknown;/);
  });
});
