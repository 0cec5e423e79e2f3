/**
 * The value rules the runtime checks a parameter against, one rule at a time. The client's own tests
 * (input-checks) reach them through the spec, whose parameters use only some of them (integers with
 * both bounds, strings with both lengths and a pattern); the runtime is generic, so a rule the spec
 * could start using tomorrow (booleans, numbers, exclusive bounds, a lone bound) is tried here, on
 * the check the generated descriptors are compiled into.
 */
import { describe, expect, it } from 'vitest';
import { FunctionGraphInputError } from '../src/index.js';
import type { ValueRules } from '../src/generated.js';
import { textCheck, valueCheck } from '../src/runtime/value-rules.js';

/** The wire text `value` passes as, or the refusal's message. */
function check(rules: ValueRules | undefined, value: unknown): { wire: string } | { refused: string } {
  try {
    return { wire: valueCheck(rules)('arg', value) };
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('arg');
    return { refused: (error as Error).message };
  }
}

describe('types', () => {
  it.each([
    ['a string', 'text', 'text'],
    ['a number', 12.5, '12.5'],
    ['a boolean', false, 'false'],
  ])('passes %s with no rules as its text', (_label, value, wire) => {
    expect(check(undefined, value)).toEqual({ wire });
  });

  it.each([
    ['an array', [1], 'arg must be a string, number or boolean, got an array'],
    ['null', null, 'arg must be a string, number or boolean, got null'],
    ['an object', { a: 1 }, 'arg must be a string, number or boolean, got object'],
    ['undefined', undefined, 'arg must be a string, number or boolean, got undefined'],
  ])('refuses %s, naming what it got', (_label, value, refused) => {
    expect(check(undefined, value)).toEqual({ refused });
  });

  it.each([
    ['a boolean', true, { wire: 'true' }],
    ['the text false', 'false', { wire: 'false' }],
    ['the text yes', 'yes', { refused: 'arg must be true or false, got "yes"' }],
    ['1', 1, { refused: 'arg must be true or false, got 1' }],
  ])('type boolean: %s', (_label, value, want) => {
    expect(check({ type: 'boolean' }, value)).toEqual(want);
  });

  it.each([
    ['a number', 2.5, { wire: '2.5' }],
    ['a number as text', '-1e3', { wire: '-1e3' }],
    ['a word', 'two', { refused: 'arg must be a number, got "two"' }],
    ['blank text (Number() reads it as 0)', '  ', { refused: 'arg must be a number, got "  "' }],
    ['Infinity', Number.POSITIVE_INFINITY, { refused: 'arg must be a number, got Infinity' }],
    ['NaN', Number.NaN, { refused: 'arg must be a number, got NaN' }],
    ['a boolean', true, { refused: 'arg must be a number, got true' }],
  ])('type number: %s', (_label, value, want) => {
    expect(check({ type: 'number' }, value)).toEqual(want);
  });

  it.each([
    ['a whole number', 42, { wire: '42' }],
    ['a negative one as text', '-7', { wire: '-7' }],
    ['a fraction', 1.5, { refused: 'arg must be a whole number, got 1.5' }],
    ['a boolean', false, { refused: 'arg must be a whole number, got false' }],
  ])('type integer: %s', (_label, value, want) => {
    expect(check({ type: 'integer' }, value)).toEqual(want);
  });

  it('passes a whole number of any size when no bound is set (JSON Schema integers have no size)', () => {
    const huge = '9'.repeat(400);
    expect(check({ type: 'integer' }, huge)).toEqual({ wire: huge });
  });
});

describe('enum', () => {
  it('compares wire texts, whatever the JavaScript type', () => {
    expect(check({ type: 'integer', enum: [1, 2] }, '2')).toEqual({ wire: '2' });
    expect(check({ enum: ['v0', 'v1'] }, 'v2')).toEqual({ refused: 'arg must be one of v0, v1, got "v2"' });
  });
});

describe('ranges', () => {
  it.each([
    ['at the minimum', { minimum: 1, maximum: 500 }, 1, { wire: '1' }],
    ['below the minimum', { minimum: 1, maximum: 500 }, 0, { refused: 'arg must be at least 1 and at most 500, got 0' }],
    ['above the maximum', { minimum: 1, maximum: 500 }, 501, { refused: 'arg must be at least 1 and at most 500, got 501' }],
    ['within a lone maximum', { maximum: 10 }, -50, { wire: '-50' }],
    ['past a lone maximum', { maximum: 10 }, 11, { refused: 'arg must be at most 10, got 11' }],
    ['within a lone minimum', { minimum: -5 }, 1e9, { wire: '1000000000' }],
    ['past a lone minimum', { minimum: -5 }, -6, { refused: 'arg must be at least -5, got -6' }],
    ['at an exclusive minimum', { exclusiveMinimum: 0 }, 0, { refused: 'arg must be above 0, got 0' }],
    ['just above an exclusive minimum', { exclusiveMinimum: 0 }, 1, { wire: '1' }],
    ['at an exclusive maximum', { exclusiveMaximum: 10 }, 10, { refused: 'arg must be below 10, got 10' }],
    ['just below an exclusive maximum', { exclusiveMaximum: 10 }, 9, { wire: '9' }],
    ['outside both exclusive bounds', { exclusiveMinimum: 0, exclusiveMaximum: 10 }, 10, { refused: 'arg must be above 0 and below 10, got 10' }],
  ])('integer %s', (_label, bounds, value, want) => {
    expect(check({ type: 'integer', ...bounds }, value)).toEqual(want);
  });

  it('applies to numbers as to integers', () => {
    expect(check({ type: 'number', maximum: 1.5 }, 1.75)).toEqual({ refused: 'arg must be at most 1.5, got 1.75' });
    expect(check({ type: 'number', exclusiveMinimum: 0.5 }, '0.5')).toEqual({ refused: 'arg must be above 0.5, got 0.5' });
  });

  it('does not apply to a value whose rules name no numeric type (JSON Schema bounds only numbers)', () => {
    expect(check({ minimum: 10, maximum: 20 }, '5')).toEqual({ wire: '5' });
  });
});

describe('lengths and patterns', () => {
  it.each([
    ['shorter than a lone minLength', { minLength: 3 }, 'ab', { refused: 'arg must be 3 to Infinity characters long, got 2' }],
    ['as long as a lone minLength', { minLength: 3 }, 'abc', { wire: 'abc' }],
    ['longer than a lone maxLength', { maxLength: 3 }, 'abcd', { refused: 'arg must be 0 to 3 characters long, got 4' }],
    ['as long as a lone maxLength', { maxLength: 3 }, 'abc', { wire: 'abc' }],
    ['empty under minLength 1', { minLength: 1, maxLength: 64 }, '', { refused: 'arg must be 1 to 64 characters long, got 0' }],
    // Code points, not UTF-16 units: each emoji is one character of two units.
    ['of three emoji under maxLength 3', { maxLength: 3 }, '😀😀😀', { wire: '😀😀😀' }],
    ['of four emoji under maxLength 3', { maxLength: 3 }, '😀😀😀😀', { refused: 'arg must be 0 to 3 characters long, got 4' }],
    ['of two emoji under minLength 3', { minLength: 3 }, '😀😀', { refused: 'arg must be 3 to Infinity characters long, got 2' }],
    ['of three emoji under minLength 3', { minLength: 3 }, '😀😀😀', { wire: '😀😀😀' }],
  ])('a text %s', (_label, rules, value, want) => {
    expect(check(rules, value)).toEqual(want);
  });

  it('matches a pattern by code points', () => {
    expect(check({ pattern: '^.{2}$' }, '😀😀')).toEqual({ wire: '😀😀' });
    expect(check({ pattern: '^\\p{Lu}+$' }, 'ABC')).toEqual({ wire: 'ABC' });
  });

  it('names the pattern by its description, else by itself, and shows at most 80 characters of the text', () => {
    const long = `${'x'.repeat(100)}/`;
    expect(check({ pattern: '^[^/]+$', patternDescription: 'no /' }, 'a/b')).toEqual({ refused: 'arg must match no /, got "a/b"' });
    expect(check({ pattern: '^[^/]+$' }, long)).toEqual({ refused: `arg must match ^[^/]+$, got "${'x'.repeat(80)}"` });
  });

  it('textCheck passes anything when there are no rules', () => {
    expect(() => textCheck(undefined)('arg', '')).not.toThrow();
    expect(() => textCheck({ type: 'integer' })('arg', '')).not.toThrow();
  });
});
