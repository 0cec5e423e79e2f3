/**
 * createAuthenticator: how an operation's attempts are authenticated, decided from its descriptor
 * and the client's options. The spec's operations all take a token or a signature; the runtime is
 * generic, so the other shapes a spec may give (no security, optional security `[{}]`, a scheme the
 * client cannot apply) are tried here on descriptors made from a real one with its security changed.
 */
import { describe, expect, it } from 'vitest';
import { createAuthenticator, type AttemptRequest } from '../../src/auth/authenticator.js';
import { operationDescriptors, type OperationDescriptor } from '../../src/generated.js';
import { FunctionGraphInputError } from '../../src/index.js';
import { PROJECT, rejection, TOKEN } from '../helpers/calls.js';
import { PERMANENT } from '../helpers/signing-client.js';

const real: OperationDescriptor = operationDescriptors.asyncInvokeFunction;
/** The operation with only `security` (and what follows from it) changed. */
const securedBy = (security: OperationDescriptor['security'], extra: Partial<OperationDescriptor> = {}): OperationDescriptor => {
  const { tokenHeaders: _tokenHeaders, signing: _signing, ...rest } = real;
  return { ...rest, security, ...extra };
};

const attempt = (): AttemptRequest => ({
  method: 'POST',
  url: `https://functiongraph.cn-north-4.myhuaweicloud.com/v2/${PROJECT}/fgs/functions/f/invocations-async`,
  headers: { 'content-type': 'application/json' },
  body: '{}',
  pathValues: { project_id: PROJECT },
});

/** The input error `apply` rejects with, and its argument. */
async function refusal(promise: Promise<unknown>): Promise<{ argument: string; message: string }> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(FunctionGraphInputError);
  return { argument: (error as FunctionGraphInputError).argument, message: (error as Error).message };
}

describe('an operation the spec does not secure', () => {
  it.each([
    ['no security at all', [] as string[][]],
    ['security optional (an empty alternative, `[{}]` in OpenAPI)', [['iamToken'], []]],
    ['only the empty alternative', [[]]],
  ])('%s: sent as it is, by a client with neither token nor credentials', async (_, security) => {
    const request = attempt();
    const auth = createAuthenticator({})(securedBy(security));
    const result = await auth.apply(request);
    expect(result.headers).toEqual({ 'content-type': 'application/json' });
    expect(result.signed).toBeUndefined();
  });
});

describe('an operation secured by a token', () => {
  it("puts the token in the spec's header (lower-cased), fetched from a provider for every attempt", async () => {
    let calls = 0;
    const provider = () => `${TOKEN}-${++calls}`;
    const auth = createAuthenticator({ token: provider })(securedBy([['iamToken']], { tokenHeaders: ['X-Auth-Token'] }));
    expect((await auth.apply(attempt())).headers).toEqual({ 'content-type': 'application/json', 'x-auth-token': `${TOKEN}-1` });
    expect((await auth.apply(attempt())).headers['x-auth-token']).toBe(`${TOKEN}-2`);
    const fixed = createAuthenticator({ token: TOKEN })(securedBy([['iamToken']], { tokenHeaders: ['X-Auth-Token'] }));
    expect((await fixed.apply(attempt())).headers['x-auth-token']).toBe(TOKEN);
  });

  it('is refused before sending, naming credentials, for a client with credentials only', async () => {
    const auth = createAuthenticator({ credentials: PERMANENT })(securedBy([['iamToken']], { tokenHeaders: ['X-Auth-Token'] }));
    expect(await refusal(auth.apply(attempt()))).toEqual({
      argument: 'credentials',
      message: 'credentials cannot authenticate asyncInvokeFunction: the spec secures it with another scheme',
    });
  });

  it('is refused, asking for credentials or a token, for a client with neither', async () => {
    const auth = createAuthenticator({})(securedBy([['iamToken']], { tokenHeaders: ['X-Auth-Token'] }));
    const { argument, message } = await refusal(auth.apply(attempt()));
    expect(argument).toBe('credentials');
    expect(message).toBe('credentials or token is required by asyncInvokeFunction: give the client `credentials` (an access key pair) or `token` (an IAM token)');
  });

  it('is refused, asking for credentials or a token, for a client with only the credentials it found by itself (the default chain signs; this operation cannot be signed)', async () => {
    const auth = createAuthenticator({ credentials: () => PERMANENT, credentialsByDefault: true })(securedBy([['iamToken']], { tokenHeaders: ['X-Auth-Token'] }));
    expect(await refusal(auth.apply(attempt()))).toEqual({
      argument: 'credentials',
      message: 'credentials or token is required by asyncInvokeFunction: give the client `credentials` (an access key pair) or `token` (an IAM token)',
    });
  });
});

describe('an operation secured only by a scheme the client cannot apply', () => {
  const other = securedBy([['oauth']]);
  it.each([
    ['a token', { token: TOKEN }, 'token'],
    ['credentials', { credentials: PERMANENT }, 'credentials'],
  ])('is refused before sending, naming what the client has (%s)', async (_, options, argument) => {
    expect(await refusal(createAuthenticator(options)(other).apply(attempt()))).toEqual({
      argument,
      message: `${argument} cannot authenticate asyncInvokeFunction: the spec secures it with another scheme`,
    });
  });

  it('asks for credentials or a token when the client has neither', async () => {
    expect((await refusal(createAuthenticator({})(other).apply(attempt()))).message).toMatch(/^credentials or token is required by asyncInvokeFunction/);
  });
});

describe("the spec's own operation", () => {
  it('is signed with credentials (the token header left out) and carries a token without them', async () => {
    const signed = await createAuthenticator({ credentials: PERMANENT, token: TOKEN })(real).apply(attempt());
    expect(signed.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=FAKEAK0000000001, SignedHeaders=content-type;host;x-project-id;x-sdk-date, /);
    expect(signed.headers['x-auth-token']).toBeUndefined();
    expect(signed.signed?.details.accessKeyId).toBe(PERMANENT.accessKeyId);
    const withToken = await createAuthenticator({ token: TOKEN })(real).apply(attempt());
    expect(withToken).toEqual({ headers: { 'content-type': 'application/json', 'x-auth-token': TOKEN } });
  });
});
