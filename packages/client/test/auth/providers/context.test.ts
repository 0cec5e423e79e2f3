/**
 * credentialsFromContext: a FunctionGraph function calling another with its own agency's
 * temporary keys, read from the handler's context for every request (the runtime renews them).
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, credentialsFromContext, FunctionGraphCredentialsError, FunctionGraphInputError, type FunctionGraphContext } from '../../../src/index.js';
import { rejection, URN } from '../../helpers/calls.js';
import { json } from '../../helpers/loopback-server.js';
import { startVerifyingServer, type KeyPair, type VerifyingServer } from '../../helpers/verifying-server.js';

const FIRST: KeyPair = { accessKeyId: 'FAKEAKCONTEXT0001', secretAccessKey: 'fake-sk-context-DO-NOT-LOG-1a2b', securityToken: 'fake-st-context-DO-NOT-LOG-3c4d' };
const RENEWED: KeyPair = { accessKeyId: 'FAKEAKCONTEXT0002', secretAccessKey: 'fake-sk-context-DO-NOT-LOG-5e6f', securityToken: 'fake-st-context-DO-NOT-LOG-7a8b' };

/** A handler's context as the Node runtime shapes it, serving `keys` (empty strings: no agency). */
function contextWith(keys: { current: { accessKeyId: string; secretAccessKey: string; securityToken?: string } }): FunctionGraphContext {
  return {
    getSecurityAccessKey: () => keys.current.accessKeyId,
    getSecuritySecretKey: () => keys.current.secretAccessKey,
    getSecurityToken: () => keys.current.securityToken ?? '',
  };
}

let verifier: VerifyingServer;
beforeAll(async () => {
  verifier = await startVerifyingServer({ keys: [FIRST, RENEWED], responder: (_request, res) => json(res, 202, { request_id: 'r-context' }) });
});
afterAll(() => verifier.close());
beforeEach(() => verifier.reset());

describe('credentialsFromContext', () => {
  it("signs with the function's keys, read again for every request, so renewed keys are used at once", async () => {
    const keys = { current: FIRST };
    const client = createFunctionGraphClient({ baseUrl: verifier.url, credentials: credentialsFromContext(contextWith(keys)) });
    await client.asyncInvokeFunction({ functionUrn: URN, body: {} });
    keys.current = RENEWED;
    await client.asyncInvokeFunction({ functionUrn: URN, body: {} });
    expect(verifier.requests.map((request) => [request.verdict.accepted, request.verdict.accessKeyId, request.headers['x-security-token']])).toEqual([
      [true, FIRST.accessKeyId, FIRST.securityToken],
      [true, RENEWED.accessKeyId, RENEWED.securityToken],
    ]);
  });

  it('says the function has no agency when the context has no keys, before anything is sent', async () => {
    const client = createFunctionGraphClient({ baseUrl: verifier.url, credentials: credentialsFromContext(contextWith({ current: { accessKeyId: '', secretAccessKey: '' } })) });
    const error = await rejection(client.asyncInvokeFunction({ functionUrn: URN, body: {} }));
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toMatch(/the function has no agency\. Give it one/);
    expect(verifier.requests).toHaveLength(0);
  });

  it.each([
    ['an access key', { accessKeyId: '', secretAccessKey: FIRST.secretAccessKey, securityToken: FIRST.securityToken }],
    ['a secret key', { accessKeyId: FIRST.accessKeyId, secretAccessKey: '', securityToken: FIRST.securityToken }],
    ['a security token', { accessKeyId: FIRST.accessKeyId, secretAccessKey: FIRST.secretAccessKey, securityToken: '' }],
  ])('refuses keys without %s: temporary keys come whole or not at all', async (_missing, keys) => {
    const provider = credentialsFromContext(contextWith({ current: keys }));
    const error = await rejection(Promise.resolve().then(provider));
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect(error).toMatchObject({ source: 'function context', tryNext: false });
    expect((error as Error).message).toMatch(/the function has no agency/);
  });

  it.each([
    ['nothing', undefined],
    ['an event instead of a context', { body: '{}' }],
    ['a context missing getSecurityToken', { getSecurityAccessKey: () => 'A', getSecuritySecretKey: () => 'S' }],
  ])('refuses %s at once, naming the argument', (_name, value) => {
    expect(() => credentialsFromContext(value as never)).toThrow(FunctionGraphInputError);
    expect(() => credentialsFromContext(value as never)).toThrow(/^context must be the context a FunctionGraph handler receives/);
  });

  it('shows no secret when the provider or the client is inspected', async () => {
    const provider = credentialsFromContext(contextWith({ current: FIRST }));
    const client = createFunctionGraphClient({ baseUrl: verifier.url, credentials: provider });
    await client.asyncInvokeFunction({ functionUrn: URN, body: {} });
    const shown = `${inspect(provider, { showHidden: true, depth: 5 })}\n${inspect(client, { showHidden: true, depth: 5 })}`;
    expect(shown).not.toContain(FIRST.secretAccessKey);
    expect(shown).not.toContain(FIRST.securityToken);
  });
});
