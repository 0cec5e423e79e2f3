/**
 * Checks a parameter value against the rules the spec gives it (JSON Schema `type`, `enum`,
 * `minimum`/`maximum`, lengths, `pattern`) and turns it into the text sent on the wire. Every
 * refusal names the argument and the rule, before anything is sent.
 *
 * The rules of each parameter are compiled once, when a client is made: a call only runs the
 * checks (the pattern already a RegExp, the enum already a set of wire texts).
 */
import { fail } from '../errors.js';
import type { ValueRules } from '../generated.js';

/** Checks one value and returns its wire text; throws a `FunctionGraphInputError` naming `argument`. */
export type ValueCheck = (argument: string, value: unknown) => string;

/** Checks one text against length and pattern rules. */
export type TextCheck = (argument: string, text: string) => void;

const wholeNumber = /^-?\d+$/;
const passText: TextCheck = () => {};

/** The length and pattern rules of `rules` as one check. Lengths count code points, as JSON Schema does. */
export function textCheck(rules: ValueRules | undefined): TextCheck {
  if (!rules || (rules.minLength === undefined && rules.maxLength === undefined && rules.pattern === undefined)) return passText;
  const { minLength = 0, maxLength = Infinity } = rules;
  const pattern = rules.pattern === undefined ? undefined : new RegExp(rules.pattern, 'u');
  const shown = rules.patternDescription ?? rules.pattern;
  return (argument, text) => {
    // A text of n UTF-16 units has n/2 to n code points: they are counted only when that range crosses a bound.
    const surelyWithin = text.length <= maxLength && text.length / 2 >= minLength;
    const length = surelyWithin ? undefined : [...text].length;
    if (length !== undefined && (length < minLength || length > maxLength)) fail(argument, `must be ${minLength} to ${maxLength} characters long, got ${length}`);
    if (pattern && !pattern.test(text)) fail(argument, `must match ${shown}, got ${JSON.stringify(text.slice(0, 80))}`);
  };
}

/** The range rules of `rules` as one check of a number, or undefined when there are none. */
function rangeCheck(rules: ValueRules): ((argument: string, n: number) => void) | undefined {
  const { minimum = -Infinity, maximum = Infinity, exclusiveMinimum = -Infinity, exclusiveMaximum = Infinity } = rules;
  if ([rules.minimum, rules.maximum, rules.exclusiveMinimum, rules.exclusiveMaximum].every((bound) => bound === undefined)) return undefined;
  const low = rules.exclusiveMinimum !== undefined ? `above ${exclusiveMinimum}` : rules.minimum !== undefined ? `at least ${minimum}` : '';
  const high = rules.exclusiveMaximum !== undefined ? `below ${exclusiveMaximum}` : rules.maximum !== undefined ? `at most ${maximum}` : '';
  const rule = `must be ${[low, high].filter(Boolean).join(' and ')}`;
  return (argument, n) => {
    if (n < minimum || n > maximum || n <= exclusiveMinimum || n >= exclusiveMaximum) fail(argument, `${rule}, got ${n}`);
  };
}

/** Whether `text` (of a value of JavaScript type `kind`) is of the schema's non-string `type`. */
function isOfType(type: NonNullable<ValueRules['type']>, kind: string, text: string): boolean {
  if (type === 'boolean') return text === 'true' || text === 'false';
  if (kind === 'boolean') return false;
  return type === 'integer' ? wholeNumber.test(text) : text.trim() !== '' && Number.isFinite(Number(text));
}

/** A type as a refusal names it. */
export const typeWords = { string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false' } as const;

/** A value as a refusal shows it: text quoted, a number as written (JSON would show Infinity and NaN as null). */
const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** Every rule of `rules` as one check that returns the value's wire text. */
export function valueCheck(rules: ValueRules | undefined): ValueCheck {
  const type = rules?.type;
  const allowed = rules?.enum && new Set(rules.enum.map(String));
  const allowedText = rules?.enum?.join(', ');
  const range = rules && (type === 'integer' || type === 'number') ? rangeCheck(rules) : undefined;
  const text = textCheck(rules);
  return (argument, value) => {
    const kind = typeof value;
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') {
      fail(argument, `must be a string, number or boolean, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : kind}`);
    }
    const wire = String(value);
    if (type && !isOfType(type, kind, wire)) fail(argument, `must be ${typeWords[type]}, got ${shown(value)}`);
    if (allowed && !allowed.has(wire)) fail(argument, `must be one of ${allowedText}, got ${shown(value)}`);
    range?.(argument, Number(wire));
    text(argument, wire);
    return wire;
  };
}
