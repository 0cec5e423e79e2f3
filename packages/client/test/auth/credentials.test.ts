/**
 * Access key pairs: checkCredentials field by field, and the source a signer gets its pair from
 * (a fixed pair, or a provider called per attempt and shared while pending), unit by unit and on a
 * loopback server: what is refused before anything is sent, and when the provider is called.
 * Whether the signature itself is right is proven elsewhere, against the official signer
 * (signing.differential.test.ts) and a server that verifies every request with it
 * (signed-calls.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkCredentials, credentialsSource } from '../../src/auth/credentials.js';
import { FunctionGraphInputError, type Credentials } from '../../src/index.js';
import { INPUT, rejection, sleep } from '../helpers/calls.js';
import { PERMANENT, TEMPORARY, useSigningLoopback } from '../helpers/signing-client.js';

const loopback = useSigningLoopback();
const { client } = loopback;

/** The input error `run` throws: its argument and message. */
function refusal(run: () => unknown): { argument: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    return { argument: (error as FunctionGraphInputError).argument, message: (error as Error).message };
  }
  throw new Error('expected an input error, but nothing was thrown');
}

describe('checkCredentials', () => {
  const accepted: [name: string, given: unknown, want: Credentials][] = [
    ['a permanent pair', PERMANENT, PERMANENT],
    ['a temporary pair', TEMPORARY, TEMPORARY],
    ['an empty security token: permanent', { ...PERMANENT, securityToken: '' }, PERMANENT],
    ['a null security token: permanent', { ...PERMANENT, securityToken: null }, PERMANENT],
    ['other fields dropped', { ...PERMANENT, region: 'cn-north-4' }, PERMANENT],
  ];
  it.each(accepted)('accepts %s', (_, given, want) => expect(checkCredentials(given)).toEqual(want));

  const refused: [name: string, given: unknown, want: { argument: string; message: RegExp }][] = [
    ['undefined', undefined, { argument: 'credentials', message: /^credentials must be an object with accessKeyId and secretAccessKey, got undefined$/ }],
    ['null', null, { argument: 'credentials', message: /got null$/ }],
    ['a string', 'AK:SK', { argument: 'credentials', message: /got string$/ }],
    ['no access key id', { secretAccessKey: 'sk' }, { argument: 'credentials.accessKeyId', message: /must be a non-empty string/ }],
    ['a numeric secret', { accessKeyId: 'AK', secretAccessKey: 7 }, { argument: 'credentials.secretAccessKey', message: /must be a non-empty string/ }],
    ['a space in the access key id', { accessKeyId: 'A K', secretAccessKey: 'sk' }, { argument: 'credentials.accessKeyId', message: /CR, LF, space, non-ASCII/ }],
    ['a tab in the secret', { accessKeyId: 'AK', secretAccessKey: 's\tk' }, { argument: 'credentials.secretAccessKey', message: /CR, LF, space, non-ASCII/ }],
    ['a numeric security token', { ...PERMANENT, securityToken: 7 }, { argument: 'credentials.securityToken', message: /must be a non-empty string/ }],
  ];
  it.each(refused)('refuses %s, naming the field', (_, given, want) => {
    const { argument, message } = refusal(() => checkCredentials(given));
    expect(argument).toBe(want.argument);
    expect(message).toMatch(want.message);
  });

  it('names the field under the name it is given, and never repeats a value', () => {
    const { argument, message } = refusal(() => checkCredentials({ accessKeyId: 'AK', secretAccessKey: 'secret with spaces' }, 'credentials provider result'));
    expect(argument).toBe('credentials provider result.secretAccessKey');
    expect(message).not.toContain('secret with spaces');
  });
});

describe('credentialsSource', () => {
  it('checks a fixed pair when made, and gives it to every call', async () => {
    expect(refusal(() => credentialsSource({ accessKeyId: 'AK' } as Credentials)).argument).toBe('credentials.secretAccessKey');
    const source = credentialsSource(PERMANENT);
    expect(await source()).toEqual(PERMANENT);
    expect(await source()).toBe(await source());
  });

  it('calls a provider for each call once the last one settled, sharing a pending one', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const source = credentialsSource(async () => {
      calls++;
      await new Promise<void>((resolve) => (release = resolve));
      return { ...PERMANENT, accessKeyId: `AK-${calls}` };
    });
    const concurrent = [source(), source(), source()];
    release();
    expect((await Promise.all(concurrent)).map((pair) => pair.accessKeyId)).toEqual(['AK-1', 'AK-1', 'AK-1']);
    const next = source();
    release();
    expect((await next).accessKeyId).toBe('AK-2');
  });
});

describe('when credentials are checked and the provider is called', () => {
  it.each([
    ['no secretAccessKey', { accessKeyId: 'AK' }, 'credentials.secretAccessKey', /must be a non-empty string/],
    ['an empty accessKeyId', { accessKeyId: '', secretAccessKey: 'sk' }, 'credentials.accessKeyId', /must be a non-empty string/],
    ['a security token with CR LF', { ...PERMANENT, securityToken: 'tok\r\nX-Injected: 1' }, 'credentials.securityToken', /CR, LF/],
    ['a secret key with non-ASCII', { ...PERMANENT, secretAccessKey: 'skÄ' }, 'credentials.secretAccessKey', /non-ASCII/],
  ])('refuses fixed credentials with %s before the first request is sent', async (_label, credentials, argument, rule) => {
    const error = await rejection(client({ credentials: credentials as Credentials }).asyncInvokeFunction(INPUT));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe(argument);
    expect(String(error)).toMatch(rule);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('calls the provider for every attempt, so a retry is signed with what it returns then', async () => {
    let calls = 0;
    loopback.server.reset(loopback.busyOnce);
    const rotating = () => ({ ...TEMPORARY, accessKeyId: `FAKEAK-ROTATION-${++calls}` });
    await client({ credentials: rotating }).asyncInvokeFunction(INPUT);
    expect(calls).toBe(2);
    expect(loopback.server.requests.map((request) => /Access=([^,]+)/.exec(request.headers.authorization!)?.[1])).toEqual(['FAKEAK-ROTATION-1', 'FAKEAK-ROTATION-2']);
  });

  it('shares one pending provider call among concurrent requests', async () => {
    let calls = 0;
    const slow = async () => {
      calls++;
      await sleep(50);
      return TEMPORARY;
    };
    const signing = client({ credentials: slow });
    await Promise.all(Array.from({ length: 8 }, () => signing.asyncInvokeFunction(INPUT)));
    expect(calls).toBe(1);
    expect(loopback.server.requests).toHaveLength(8);
    // Once settled, the next request calls the provider again.
    await signing.asyncInvokeFunction(INPUT);
    expect(calls).toBe(2);
  });

  it('fails the call naming credentials when the provider throws, keeping its error as the cause, and sends nothing', async () => {
    const vault = new Error('vault sealed');
    const error = await rejection(client({ credentials: () => Promise.reject(vault) }).asyncInvokeFunction(INPUT));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('credentials');
    expect(String(error)).toMatch(/provider threw; see `cause`/);
    expect((error as Error).cause).toBe(vault);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('fails the call when the provider returns something malformed, saying which field', async () => {
    const error = await rejection(client({ credentials: async () => ({ accessKeyId: 'AK' }) as Credentials }).asyncInvokeFunction(INPUT));
    expect((error as FunctionGraphInputError).argument).toBe('credentials provider result.secretAccessKey');
    expect(loopback.server.requests).toHaveLength(0);
    const notAnObject = await rejection(client({ credentials: (() => 'AK:SK') as never }).asyncInvokeFunction(INPUT));
    expect(String(notAnObject)).toMatch(/credentials provider result must be an object with accessKeyId and secretAccessKey, got string/);
  });
});
