// camelCase itself, shared with the lint rules, is pinned in test/shared/camel-case.test.ts.
import { describe, expect, it } from 'vitest';
import { deriveOperationName, pascalCase } from '../../../scripts/generator/model/naming.js';

describe('pascalCase', () => {
  it.each([
    ['operation id', { given: 'asyncInvokeReservedFunction', want: 'AsyncInvokeReservedFunction' }],
    ['kebab case', { given: 'get-item', want: 'GetItem' }],
  ])('%s', (_, { given, want }) => {
    expect(pascalCase(given)).toBe(want);
  });
});

describe('deriveOperationName', () => {
  it.each([
    ['collection', { method: 'get', path: '/items', want: 'getItems' }],
    ['templated segment', { method: 'get', path: '/pets/{petId}', want: 'getPetsByPetId' }],
    ['deep path', { method: 'post', path: '/v2/{project_id}/fgs/functions/{function_urn}/invocations', want: 'postV2ByProjectIdFgsFunctionsByFunctionUrnInvocations' }],
    ['root', { method: 'head', path: '/', want: 'head' }],
  ])('%s', (_, { method, path, want }) => {
    expect(deriveOperationName(method, path)).toBe(want);
  });
});
