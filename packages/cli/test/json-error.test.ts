/** Where JSON text breaks, named by line and column: every case is text JSON.parse refuses, and JSON it accepts gets no problem. */
import { describe, expect, it } from 'vitest';
import { locateJsonProblem } from '../src/json-error.js';

const broken: [name: string, text: string, want: { line: number; column: number; reason: RegExp }][] = [
  ['a missing value', '{"a":}', { line: 1, column: 6, reason: /expected a value.*found "}"/ }],
  ['a trailing comma', '{"a":1,}', { line: 1, column: 8, reason: /expected a string, found "}"/ }],
  ['a missing comma on line 3', '{\n  "a": 1\n  "b": 2\n}', { line: 3, column: 3, reason: /expected ',' or '}' after a property value/ }],
  ['a missing colon', '{"a" 1}', { line: 1, column: 6, reason: /expected ':' after a property name/ }],
  ['single quotes', "{'a':1}", { line: 1, column: 2, reason: /expected a string/ }],
  ['an unclosed string', '{"a":"b', { line: 1, column: 8, reason: /the closing " of a string, the text ended/ }],
  ['a raw newline in a string', '"a\nb"', { line: 1, column: 3, reason: /no raw control character/ }],
  ['a bad escape', '"\\x"', { line: 1, column: 3, reason: /expected an escape/ }],
  ['a short \\u escape', '"\\u12"', { line: 1, column: 3, reason: /four hex digits/ }],
  ['two values', '{} {}', { line: 1, column: 4, reason: /the end of the text after one JSON value/ }],
  ['an unclosed array', '[1, 2', { line: 1, column: 6, reason: /expected ',' or ']' after an array element, the text ended/ }],
  ['a leading zero', '01', { line: 1, column: 2, reason: /the end of the text/ }],
  ['a bare word', 'hello', { line: 1, column: 1, reason: /expected a value/ }],
  ['NaN', '{"n": NaN}', { line: 1, column: 7, reason: /expected a value/ }],
  ['a column after a multi-line value', '[\n  1,\n  2,,\n]', { line: 3, column: 5, reason: /expected a value/ }],
];

const valid = ['{}', '[]', '"text"', '0', '-1.5e+3', 'true', 'null', ' \n{"a":[1,{"b":"\\u00e9\\n"}],"c":false}\n ', '"a\\"b"'];

describe('locateJsonProblem', () => {
  it.each(broken)('%s', (_name, text, want) => {
    expect(() => JSON.parse(text)).toThrow();
    const problem = locateJsonProblem(text);
    expect(problem).toMatchObject({ line: want.line, column: want.column });
    expect(problem!.reason).toMatch(want.reason);
  });

  it.each(valid)('finds nothing wrong in %j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJsonProblem(text)).toBeUndefined();
  });
});
