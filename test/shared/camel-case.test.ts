// The one rule that turns a wire name into an identifier (scripts/shared/camel-case.js): the
// generator names inputs, outputs and methods with it, and the lint rule `client-names` predicts
// those names with it to find clashes with explicit `x-ms-client-name` values. Pinned to literal
// names, so a change to the rule shows here.
import { describe, expect, it } from 'vitest';
import { camelCase, reservedWords } from '../../scripts/shared/camel-case.js';

describe('camelCase', () => {
  it.each([
    ['snake case', { given: 'project_id', want: 'projectId' }],
    ['snake case, two words', { given: 'function_urn', want: 'functionUrn' }],
    ['header name', { given: 'X-Auth-Token', want: 'xAuthToken' }],
    ['header name with an acronym', { given: 'X-CFF-Request-Version', want: 'xCffRequestVersion' }],
    ['already camel', { given: 'asyncInvokeReservedFunction', want: 'asyncInvokeReservedFunction' }],
    ['words with an acronym', { given: 'find pets by ID', want: 'findPetsById' }],
    ['kebab case', { given: 'get-item', want: 'getItem' }],
    ['leading acronym', { given: 'HTTPServer', want: 'httpServer' }],
    ['leading acronym, then words', { given: 'HTTPStatusCode', want: 'httpStatusCode' }],
    ['one word', { given: 'requests', want: 'requests' }],
    ['dotted', { given: 'x.y.z', want: 'xYZ' }],
    ['leading digit', { given: '2fa-code', want: '_2faCode' }],
    ['reserved word', { given: 'delete', want: 'delete_' }],
    ['reserved word, as a parameter name', { given: 'class', want: 'class_' }],
    ['nothing usable', { given: '---', want: 'operation' }],
  ])('%s', (_, { given, want }) => {
    expect(camelCase(given)).toBe(want);
  });

  // The names of our spec's inputs and outputs that carry no x-ms-client-name, and those the lint
  // rule compares explicit names against.
  it.each([
    ['X-Cff-Log-Type', 'xCffLogType'],
    ['X-Cff-Instance-Memory', 'xCffInstanceMemory'],
    ['request_id', 'requestId'],
    ['query_begin_time', 'queryBeginTime'],
    ['X-Is-Func-Err', 'xIsFuncErr'],
    ['petId', 'petId'],
    ['default', 'default_'],
    ['--', 'operation'],
  ])('%s → %s', (wireName, clientName) => {
    expect(camelCase(wireName)).toBe(clientName);
  });

  it('never gives a reserved word', () => {
    for (const word of reservedWords) expect(reservedWords.has(camelCase(word))).toBe(false);
  });
});
