/**
 * An operation's parameters as flags of `fgs call`, from its descriptor: the kebab-case client name
 * (`functionUrn` → `--function-urn`), a placeholder from its type or allowed values, and help from
 * the spec's words; and the flags' values turned back into the client's input. The client checks
 * each value against the spec's rules before sending.
 */
import type { OperationDescriptor, ParameterDescriptor, ValueRules } from '@fgs-openapi/client';
import type { OptionSpec, OptionSpecs } from './commands/catalog.js';
import type { ParsedValues } from './context.js';
import { UsageError } from './exit-codes.js';
import type { OperationDoc } from './generated.js';

export const kebabCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/_/g, '-');

const characters = (count: number) => `${count} character${count === 1 ? '' : 's'}`;

/** What a value may be, in words: allowed values, bounds, lengths, pattern. */
export function describeRules(rules: ValueRules | undefined): string[] {
  if (!rules) return [];
  const words: string[] = [];
  if (rules.enum) words.push(`one of ${rules.enum.map((value) => (value === '' ? '"" (empty)' : String(value))).join(', ')}`);
  const low = rules.minimum ?? rules.exclusiveMinimum;
  const high = rules.maximum ?? rules.exclusiveMaximum;
  if (low !== undefined) words.push(`${rules.exclusiveMinimum === undefined ? 'at least' : 'more than'} ${low}`);
  if (high !== undefined) words.push(`${rules.exclusiveMaximum === undefined ? 'at most' : 'less than'} ${high}`);
  if (rules.minLength !== undefined) words.push(`at least ${characters(rules.minLength)}`);
  if (rules.maxLength !== undefined) words.push(`at most ${characters(rules.maxLength)}`);
  if (rules.pattern !== undefined) words.push(rules.patternDescription ?? `matching ${rules.pattern}`);
  return words;
}

const mustBe = (rules: ValueRules | undefined) => {
  const words = describeRules(rules);
  return words.length > 0 ? `Must be ${words.join(', ')}.` : undefined;
};

function placeholder(parameter: ParameterDescriptor): string {
  const rules = parameter.rules;
  if (rules?.enum) return rules.enum.map((value) => (value === '' ? '""' : String(value))).join('|');
  if (rules?.type === 'boolean') return 'true|false';
  return `<${rules?.type ?? kebabCase(parameter.input)}>`;
}

export interface OperationFlag {
  readonly flag: string;
  readonly parameter: ParameterDescriptor;
  readonly spec: OptionSpec;
}

/**
 * One flag per parameter; a name the command line already uses gets `param-` before it. A
 * parameter the client fills for every call (`projectId`) has none: the global option that sets it
 * (`--project`) is the one way to give it.
 */
export function operationFlags(descriptor: OperationDescriptor, doc: OperationDoc | undefined, taken: OptionSpecs): OperationFlag[] {
  return descriptor.parameters.filter((parameter) => !parameter.clientDefault).map((parameter) => {
    const kebab = kebabCase(parameter.input);
    const flag = Object.hasOwn(taken, kebab) ? `param-${kebab}` : kebab;
    const facts = [
      parameter.required ? 'Required.' : undefined,
      `Sent as the ${parameter.in} parameter ${parameter.name}.`,
      doc?.parameters[parameter.input],
      mustBe(parameter.rules),
      parameter.sentByDefault === undefined ? undefined : `Default: ${String(parameter.sentByDefault)}.`,
    ].filter((fact): fact is string => fact !== undefined && fact !== '');
    return { flag, parameter, spec: { type: 'string', value: placeholder(parameter), help: facts.join(' ').replace(/\s+/g, ' ') } };
  });
}

function convert(flag: string, parameter: ParameterDescriptor, text: string): string | number | boolean {
  const type = parameter.rules?.type;
  if (type === 'integer' || type === 'number') {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) throw new UsageError(`--${flag} must be ${type === 'integer' ? 'a whole number' : 'a number'}, got "${text}"`);
    return value;
  }
  if (type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new UsageError(`--${flag} must be true or false, got "${text}"`);
    return text === 'true';
  }
  return text;
}

/** The client's input from the flags given. */
export function inputFromFlags(flags: readonly OperationFlag[], values: ParsedValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const { flag, parameter } of flags) {
    const text = values[flag];
    if (typeof text === 'string') input[parameter.input] = convert(flag, parameter, text);
  }
  return input;
}
