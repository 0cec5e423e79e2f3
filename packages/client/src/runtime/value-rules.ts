/**
 * Checks a parameter value against the rules the spec gives it (JSON Schema `type`, `enum`,
 * `minimum`/`maximum`, lengths, `pattern`) and turns it into the text sent on the wire. Every
 * refusal names the argument and the rule, before anything is sent.
 */
import { fail } from '../errors.js';
import type { ValueRules } from '../generated.js';

const compiled = new Map<string, RegExp>();
const whole = /^-?\d+$/;

/** Checks one string value against the spec's length and pattern rules. */
export function checkRules(argument: string, text: string, rules: ValueRules | undefined): void {
  if (!rules) return;
  // Lengths count code points, as JSON Schema does.
  const length = [...text].length;
  const { minLength = 0, maxLength = Infinity, pattern } = rules;
  if (length < minLength || length > maxLength) fail(argument, `must be ${minLength} to ${maxLength} characters long, got ${length}`);
  // Compiled once per pattern: this runs on every call.
  const regex = pattern === undefined ? undefined : (compiled.get(pattern) ?? compiled.set(pattern, new RegExp(pattern, 'u')).get(pattern)!);
  if (regex && !regex.test(text)) {
    fail(argument, `must match ${rules.patternDescription ?? rules.pattern}, got ${JSON.stringify(text.slice(0, 80))}`);
  }
}

function numberIn(argument: string, n: number, rules: ValueRules): void {
  const { minimum = -Infinity, maximum = Infinity, exclusiveMinimum = -Infinity, exclusiveMaximum = Infinity } = rules;
  if (n < minimum || n > maximum || n <= exclusiveMinimum || n >= exclusiveMaximum) {
    const low = rules.exclusiveMinimum !== undefined ? `above ${exclusiveMinimum}` : rules.minimum !== undefined ? `at least ${minimum}` : '';
    const high = rules.exclusiveMaximum !== undefined ? `below ${exclusiveMaximum}` : rules.maximum !== undefined ? `at most ${maximum}` : '';
    fail(argument, `must be ${[low, high].filter(Boolean).join(' and ')}, got ${n}`);
  }
}

/** The wire text of a scalar value, after every rule the spec gives it. */
export function checkValue(argument: string, value: unknown, rules: ValueRules | undefined): string {
  const kind = typeof value;
  if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') {
    fail(argument, `must be a string, number or boolean, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : kind}`);
  }
  const text = String(value);
  if (!rules) return text;
  const type = rules.type;
  if (type === 'boolean' ? !/^(true|false)$/.test(text) : type && (kind === 'boolean' || !(type === 'integer' ? whole.test(text) : text.trim() !== '' && Number.isFinite(Number(text))))) {
    fail(argument, `must be ${type === 'integer' ? 'a whole number' : type === 'number' ? 'a number' : 'true or false'}, got ${JSON.stringify(value)}`);
  }
  if (rules.enum && !rules.enum.some((allowed) => String(allowed) === text)) {
    fail(argument, `must be one of ${rules.enum.join(', ')}, got ${JSON.stringify(value)}`);
  }
  if (type === 'integer' || type === 'number') numberIn(argument, Number(text), rules);
  checkRules(argument, text, rules);
  return text;
}
