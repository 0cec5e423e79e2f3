/** `fgs call`'s flags from an operation's descriptor, and the flags' text turned back into the client's input. */
import { operationDescriptors, type OperationDescriptor } from '@fgs-openapi/client';
import { describe, expect, it } from 'vitest';
import { globalOptions } from '../src/commands/catalog.js';
import { UsageError } from '../src/exit-codes.js';
import { operationDocs } from '../src/generated.js';
import { describeRules, inputFromFlags, kebabCase, operationFlags } from '../src/operation-flags.js';

const descriptors = operationDescriptors as unknown as Record<string, OperationDescriptor>;
const flagsOf = (id: string) => operationFlags(descriptors[id]!, operationDocs[id], globalOptions);

describe('kebabCase', () => {
  it.each([
    ['functionUrn', 'function-urn'],
    ['queryBeginTime', 'query-begin-time'],
    ['requestIds', 'request-ids'],
    ['max_items', 'max-items'],
    ['limit', 'limit'],
  ])('%s → --%s', (name, flag) => expect(kebabCase(name)).toBe(flag));
});

describe('operationFlags', () => {
  it("names each of listAsyncInvocations' parameters in kebab-case, with the spec's words and rules", () => {
    const flags = flagsOf('listAsyncInvocations');
    expect(flags.map((f) => f.flag)).toEqual(['function-urn', 'request-id', 'marker', 'limit', 'status', 'query-begin-time', 'query-end-time']);
    const status = flags.find((f) => f.flag === 'status')!;
    expect(status.spec.value).toBe('WAIT|RUNNING|SUCCESS|FAIL|DISCARD');
    expect(status.spec.help).toContain('Sent as the query parameter status.');
    expect(status.spec.help).toContain('Must be one of WAIT, RUNNING, SUCCESS, FAIL, DISCARD.');
    const limit = flags.find((f) => f.flag === 'limit')!;
    expect(limit.spec.value).toBe('<integer>');
    expect(limit.spec.help).toMatch(/Must be at least \d+, at most \d+\./);
    const urn = flags.find((f) => f.flag === 'function-urn')!;
    expect(urn.spec.help).toMatch(/^Required\. Sent as the path parameter function_urn\. Function URN/);
  });

  it('has no flag for a parameter the client fills (--project sets projectId), and shows an empty allowed value as ""', () => {
    expect(flagsOf('invokeFunction').map((f) => f.flag)).toEqual(['function-urn', 'log-type', 'request-version', 'instance-memory']);
    expect(flagsOf('invokeFunction').find((f) => f.flag === 'log-type')!.spec.value).toBe('tail|""');
  });

  it('puts param- before a parameter whose flag the command line already uses', () => {
    const descriptor: OperationDescriptor = { ...descriptors.listFunctions!, parameters: [{ name: 'region', in: 'query', input: 'region' }] };
    expect(operationFlags(descriptor, undefined, globalOptions).map((f) => f.flag)).toEqual(['param-region']);
  });
});

describe('inputFromFlags', () => {
  const flags = flagsOf('listAsyncInvocations');

  it('turns the flags given into the input, numbers as numbers, and leaves out the rest', () => {
    expect(inputFromFlags(flags, { 'function-urn': 'urn:x', limit: '20', status: 'FAIL', json: true })).toEqual({ functionUrn: 'urn:x', limit: 20, status: 'FAIL' });
  });

  it.each([
    ['limit', 'ten', '--limit must be a whole number, got "ten"'],
    ['limit', '', '--limit must be a whole number, got ""'],
  ])('refuses --%s %j before sending', (flag, text, message) => {
    expect(() => inputFromFlags(flags, { [flag]: text })).toThrow(UsageError);
    expect(() => inputFromFlags(flags, { [flag]: text })).toThrow(message);
  });

  it('reads true and false for a boolean parameter, and nothing else', () => {
    const descriptor: OperationDescriptor = { ...descriptors.listFunctions!, parameters: [{ name: 'verbose', in: 'query', input: 'verbose', rules: { type: 'boolean' } }] };
    const booleanFlags = operationFlags(descriptor, undefined, globalOptions);
    expect(booleanFlags[0]!.spec.value).toBe('true|false');
    expect(inputFromFlags(booleanFlags, { verbose: 'false' })).toEqual({ verbose: false });
    expect(() => inputFromFlags(booleanFlags, { verbose: 'yes' })).toThrow('--verbose must be true or false, got "yes"');
  });
});

describe('describeRules', () => {
  it.each([
    [undefined, []],
    [{ minimum: 0, maximum: 3 }, ['at least 0', 'at most 3']],
    [{ exclusiveMinimum: 0 }, ['more than 0']],
    [{ minLength: 1, maxLength: 64 }, ['at least 1 character', 'at most 64 characters']],
    [{ pattern: '^a$', patternDescription: 'the letter a' }, ['the letter a']],
    [{ pattern: '^a$' }, ['matching ^a$']],
  ])('%j reads %j', (rules, words) => expect(describeRules(rules)).toEqual(words));
});
