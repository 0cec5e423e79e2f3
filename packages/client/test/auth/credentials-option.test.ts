/** The `credentials` option at construction: one or the other of credentials and token, an object or a provider. */
import { describe, expect, it } from 'vitest';
import { checkCredentialsOption } from '../../src/auth/credentials-option.js';
import { createFunctionGraphClient, FunctionGraphInputError } from '../../src/index.js';
import { INPUT, rejection, TOKEN } from '../helpers/calls.js';
import { PERMANENT, useSigningLoopback } from '../helpers/signing-client.js';

const loopback = useSigningLoopback();

describe('checkCredentialsOption', () => {
  const accepted: [name: string, given: { credentials: unknown; token: unknown }][] = [
    ['neither', { credentials: undefined, token: undefined }],
    ['a token alone (checked elsewhere)', { credentials: undefined, token: TOKEN }],
    ['a pair', { credentials: PERMANENT, token: undefined }],
    ['a provider', { credentials: () => PERMANENT, token: undefined }],
    ["an object whose fields the signer checks later", { credentials: {}, token: undefined }],
  ];
  it.each(accepted)('accepts %s', (_, { credentials, token }) => expect(() => checkCredentialsOption(credentials, token)).not.toThrow());

  const refused: [name: string, given: { credentials: unknown; token: unknown }, want: RegExp][] = [
    ['both', { credentials: PERMANENT, token: TOKEN }, /^credentials and token were both given: a request is either signed or sent with a token; give one$/],
    ['null', { credentials: null, token: undefined }, /^credentials must be an object with accessKeyId and secretAccessKey, or a function returning one$/],
    ['a string', { credentials: 'AK:SK', token: undefined }, /^credentials must be an object/],
  ];
  it.each(refused)('refuses %s, naming credentials', (_, { credentials, token }, want) => {
    expect(() => checkCredentialsOption(credentials, token)).toThrow(FunctionGraphInputError);
    expect(() => checkCredentialsOption(credentials, token)).toThrow(want);
  });
});

describe('the client refuses, at construction', () => {
  it('refuses credentials together with a token at construction', () => {
    const error = (() => {
      try {
        createFunctionGraphClient({ baseUrl: loopback.server.url, credentials: PERMANENT, token: TOKEN });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('credentials');
    expect(String(error)).toMatch(/credentials and token were both given/);
  });

  it.each([
    ['a string', 'AK:SK'],
    ['null', null],
    ['a number', 7],
  ])('refuses %s as credentials at construction', (_label, value) => {
    expect(() => createFunctionGraphClient({ baseUrl: loopback.server.url, credentials: value as never })).toThrow(/credentials must be an object with accessKeyId and secretAccessKey/);
  });

  it('builds a client with neither where there is no file system to search (a browser), and a secured call fails before sending, naming both options', async () => {
    // On Node such a client uses the default chain (auth/providers/default-chain.test.ts); without
    // Node's process it has nowhere to look. Taken away only while the client is made: synchronous.
    const host = globalThis as { process?: unknown };
    const own = host.process;
    let unauthenticated: ReturnType<typeof createFunctionGraphClient>;
    host.process = undefined;
    try {
      unauthenticated = createFunctionGraphClient({ baseUrl: loopback.server.url });
    } finally {
      host.process = own;
    }
    const error = await rejection(unauthenticated.asyncInvokeFunction(INPUT));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('credentials');
    expect(String(error)).toMatch(/credentials or token is required by asyncInvokeFunction: give the client `credentials` \(an access key pair\) or `token` \(an IAM token\)/);
    expect(loopback.server.requests).toHaveLength(0);
  });
});
