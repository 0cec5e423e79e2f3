/**
 * The INI dialect of the profile file: what is read, and every line refused by its number alone
 * (the line itself may hold a secret, so it is never quoted).
 */
import { describe, expect, it } from 'vitest';
import { IniSyntaxError, parseIni } from '../../../src/auth/providers/ini.js';

const read = (text: string) => Object.fromEntries([...parseIni(text)].map(([name, keys]) => [name, Object.fromEntries(keys)]));

describe('parseIni reads', () => {
  it.each([
    ['a section and keys', '[basic]\nak = A\nsk = S\n', { basic: { ak: 'A', sk: 'S' } }],
    ['comments, blank lines, CRLF and a BOM', '\uFEFF# comment\r\n; another\r\n\r\n[basic]\r\nak=A\r\n', { basic: { ak: 'A' } }],
    ['keys and section names in any case', '[Basic]\nAK = A\n', { basic: { ak: 'A' } }],
    ['a value holding =, trimmed', '[basic]\nsk =  a=b==  \n', { basic: { sk: 'a=b==' } }],
    ['an empty value', '[basic]\nsecurity_token =\n', { basic: { security_token: '' } }],
    ['sections written twice, merged', '[basic]\nak = A\n[global]\nak = G\n[basic]\nsk = S\n', { basic: { ak: 'A', sk: 'S' }, global: { ak: 'G' } }],
    ['spaces inside the brackets', '[ basic ]\nak = A\n', { basic: { ak: 'A' } }],
    ['indented lines', '  [basic]\n\tak = A\n  # a note\n', { basic: { ak: 'A' } }],
    // Only a BOM that starts the file is an encoding mark; one inside a value is part of it (and the profile then refuses it).
    ['a BOM inside a value, kept', '[basic]\nak = A\uFEFFB\n', { basic: { ak: 'A\uFEFFB' } }],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('parseIni refuses, naming the line', () => {
  it.each([
    ['a line with no =', '[basic]\nak = A\nthis-is-the-secret\n', 3, /expected `key = value`/],
    ['a key before any section', 'ak = A\n', 1, /before any \[section\]/],
    ['an unclosed section header', '\n[basic\n', 2, /must end with \]/],
    ['a section with no name', '[]\n', 1, /needs a name/],
    ['a line that starts with =', '[basic]\n= value\n', 2, /expected `key = value`/],
    ['a section header with text after it', '[basic] # the keys\nak = A\n', 1, /must end with \]/],
    ['a section header with text before it', 'the [basic]\nak = A\n', 1, /expected `key = value`/],
  ])('%s', (_name, text, line, problem) => {
    let error: unknown;
    try {
      parseIni(text);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(IniSyntaxError);
    expect((error as IniSyntaxError).line).toBe(line);
    expect((error as IniSyntaxError).message).toMatch(problem);
    expect((error as IniSyntaxError).message).not.toContain('secret');
  });
});
