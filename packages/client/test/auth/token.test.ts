/** The `token` option: checkToken on every value, resolveToken calling a provider and keeping its error as the cause. */
import { describe, expect, it } from 'vitest';
import { checkToken, resolveToken, type TokenOption } from '../../src/auth/token.js';
import { FunctionGraphInputError } from '../../src/index.js';
import { rejection, TOKEN } from '../helpers/calls.js';

describe('checkToken', () => {
  const refused: [name: string, given: unknown, want: RegExp][] = [
    ['undefined', undefined, /^token must be a non-empty string$/],
    ['an empty string', '', /^token must be a non-empty string$/],
    ['a number', 7, /^token must be a non-empty string$/],
    ['CR LF (a header of its own)', `${TOKEN}\r\nX-Injected: 1`, /^token has characters not allowed in a header \(CR, LF, space, non-ASCII\)$/],
    ['a space', 'a b', /not allowed in a header/],
    ['non-ASCII', 'tökén', /not allowed in a header/],
  ];
  it.each(refused)('refuses %s, never repeating it', (_, given, want) => {
    expect(() => checkToken(given)).toThrow(FunctionGraphInputError);
    expect(() => checkToken(given)).toThrow(want);
  });

  it('accepts visible ASCII, as it is', () => {
    expect(checkToken(TOKEN)).toBe(TOKEN);
    expect(checkToken('MIIxx+/=_-~!')).toBe('MIIxx+/=_-~!');
  });
});

describe('resolveToken', () => {
  const rows: [name: string, given: TokenOption, want: string][] = [
    ['a fixed token', TOKEN, TOKEN],
    ['a provider', () => TOKEN, TOKEN],
    ['an async provider', async () => TOKEN, TOKEN],
  ];
  it.each(rows)('resolves %s', async (_, given, want) => expect(await resolveToken(given)).toBe(want));

  it('calls the provider each time', async () => {
    let calls = 0;
    const provider = () => `${TOKEN}-${++calls}`;
    expect([await resolveToken(provider), await resolveToken(provider)]).toEqual([`${TOKEN}-1`, `${TOKEN}-2`]);
  });

  it('names token when the provider throws, keeping its error as the cause', async () => {
    const vault = new Error('vault sealed');
    const error = await rejection(resolveToken(() => Promise.reject(vault)));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect(String(error)).toMatch(/^FunctionGraphInputError: token provider threw; see `cause`$/);
    expect((error as Error).cause).toBe(vault);
  });

  it('checks what the provider returns', async () => {
    expect(String(await rejection(resolveToken(() => `${TOKEN}\n`)))).toMatch(/token has characters not allowed in a header/);
  });
});
