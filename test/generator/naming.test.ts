import { describe, expect, it } from 'vitest';
import { camelCase, deriveOperationName, pascalCase } from '../../scripts/generator/naming.js';

describe('camelCase', () => {
  it.each([
    ['snake case', { given: 'project_id', want: 'projectId' }],
    ['header name', { given: 'X-Auth-Token', want: 'xAuthToken' }],
    ['already camel', { given: 'asyncInvokeReservedFunction', want: 'asyncInvokeReservedFunction' }],
    ['words with an acronym', { given: 'find pets by ID', want: 'findPetsById' }],
    ['kebab case', { given: 'get-item', want: 'getItem' }],
    ['leading acronym', { given: 'HTTPServer', want: 'httpServer' }],
    ['leading digit', { given: '2fa-code', want: '_2faCode' }],
    ['reserved word', { given: 'delete', want: 'delete_' }],
    ['nothing usable', { given: '---', want: 'operation' }],
  ])('%s', (_, { given, want }) => {
    expect(camelCase(given)).toBe(want);
  });
});

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
