/**
 * A 401 to a call made with a provider's token, end to end: a client with `token: iamToken(…)`
 * pointed at a loopback IAM (helpers/fake-iam.ts) calls a loopback FunctionGraph that accepts only
 * tokens that IAM issued and has not revoked, as the gateway does. When a token is revoked
 * (a password change, say) the gateway answers 401, the client asks the provider for another
 * token once and repeats the call once; a second 401 is thrown as it came; a fixed token is never
 * repeated. The gateway's 401 means the function did not run, which is why the repeat is safe.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createFunctionGraphClient, iamToken, type FunctionGraphClientOptions, type TokenRequest } from '../../../src/index.js';
import { FAST_BACKOFF, INPUT, PROJECT, rejection } from '../../helpers/calls.js';
import { startFakeIam, type FakeIam } from '../../helpers/fake-iam.js';
import { json, startLoopbackServer, type LoopbackServer, type Responder } from '../../helpers/loopback-server.js';

const DOMAIN = 'fake-account';
const USER = 'deployer';
const PASSWORD = 'fake-iam-password-SECRET-77c1';
/** The gateway's answer to a token it does not accept. */
const TOKEN_REFUSED = { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify token fail' };

let iam: FakeIam;
let gateway: LoopbackServer;

/** The gateway: a token IAM vouches for gets the operation's answer, any other a 401. */
const checksTokens: Responder = (request, res) => {
  if (!iam.isValid(String(request.headers['x-auth-token']))) return json(res, 401, TOKEN_REFUSED);
  json(res, 202, { request_id: 'r-1' });
};
/** A gateway that refuses every token, IAM's included. */
const refusesAll: Responder = (_request, res) => json(res, 401, TOKEN_REFUSED);

beforeAll(async () => {
  gateway = await startLoopbackServer(checksTokens);
});
afterAll(() => gateway.close());
beforeEach(async () => {
  iam = await startFakeIam({ users: [{ domainName: DOMAIN, userName: USER, password: PASSWORD, projectIds: [PROJECT] }] });
  gateway.reset(checksTokens);
});
afterEach(() => iam.close());

const userToken = () => iamToken({ endpoint: iam.url, domainName: DOMAIN, userName: USER, password: PASSWORD, projectId: PROJECT });
const client = (options: Partial<FunctionGraphClientOptions> = {}) => createFunctionGraphClient({ baseUrl: gateway.url, projectId: PROJECT, token: userToken(), backoff: FAST_BACKOFF, ...options });
/** The X-Auth-Token of each request the gateway saw. */
const tokensSent = () => gateway.requests.map((request) => request.headers['x-auth-token']);

describe('a 401 to a provided token', () => {
  it('gets a new token from IAM and succeeds with exactly one repeat', async () => {
    const fgs = client();
    await fgs.asyncInvokeFunction(INPUT);
    // The token stops working between calls.
    iam.revoke();

    await fgs.asyncInvokeFunction(INPUT);

    expect(iam.issued).toHaveLength(2);
    expect(tokensSent()).toEqual([iam.issued[0], iam.issued[0], iam.issued[1]]);
    // The same call, repeated as it was.
    expect(new Set(gateway.requests.map((request) => `${request.method} ${request.url} ${request.body.toString()}`)).size).toBe(1);
    expect(iam.count().password).toBe(2);

    // The new token is kept: the next call goes straight through with it.
    await fgs.asyncInvokeFunction(INPUT);
    expect(tokensSent().at(-1)).toBe(iam.issued[1]);
    expect(iam.count().password).toBe(2);
  });

  it('a second 401 is thrown as an AuthenticationError: no loop', async () => {
    gateway.reset(refusesAll);
    const error = await rejection(client().asyncInvokeFunction(INPUT));

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0301', attempts: 2 });
    expect(tokensSent()).toEqual([iam.issued[0], iam.issued[1]]);
    expect(iam.count().password).toBe(2);
    // Neither token nor the password shows in what a log would print.
    const shown = [(error as Error).message, (error as Error).stack ?? '', inspect(error, { depth: 6, showHidden: true }), JSON.stringify(error)].join('\n');
    for (const secret of [PASSWORD, ...iam.issued]) expect(shown).not.toContain(secret);
    expect(shown).toContain('verify token fail');
  });

  it('the repeat does not use up a retry: a 503 after it is still retried', async () => {
    const fgs = client();
    await fgs.asyncInvokeFunction(INPUT);
    iam.revoke();
    let seen = 0;
    gateway.reset((request, res) => {
      seen += 1;
      // The refused token, then one 503, then the answer.
      if (seen === 2) return json(res, 503, { error_code: 'FSS.0503', error_msg: 'busy' });
      checksTokens(request, res);
    });

    await fgs.asyncInvokeFunction(INPUT, { maxRetries: 1 });

    expect(tokensSent()).toEqual([iam.issued[0], iam.issued[1], iam.issued[1]]);
  });

  it('20 concurrent calls refused together share one new token', async () => {
    const fgs = client();
    await fgs.asyncInvokeFunction(INPUT);
    iam.revoke();
    gateway.reset(checksTokens);
    iam.delayMs = 50;

    await Promise.all(Array.from({ length: 20 }, () => fgs.asyncInvokeFunction(INPUT)));

    expect(iam.issued).toHaveLength(2);
    expect(tokensSent().filter((token) => token === iam.issued[1])).toHaveLength(20);
  });

  it('a fixed token is never repeated', async () => {
    gateway.reset(refusesAll);
    const error = await rejection(client({ token: 'fake-fixed-token-DO-NOT-LOG' }).asyncInvokeFunction(INPUT));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(gateway.requests).toHaveLength(1);
  });

  it("a provider of the user's own is told which token was refused, once per call", async () => {
    gateway.reset(refusesAll);
    const asked: (TokenRequest | undefined)[] = [];
    const provider = (request?: TokenRequest) => {
      asked.push(request);
      return `fake-own-token-${asked.length}`;
    };
    await rejection(client({ token: provider }).asyncInvokeFunction(INPUT));
    expect(asked).toEqual([undefined, { refused: 'fake-own-token-1' }]);
    expect(tokensSent()).toEqual(['fake-own-token-1', 'fake-own-token-2']);
  });

  it('a 403 (the user may not do this) is not a reason for a new token', async () => {
    gateway.reset((_request, res) => json(res, 403, { error_code: 'FSS.0403', error_msg: 'forbidden' }));
    const error = await rejection(client().asyncInvokeFunction(INPUT));
    expect((error as Error).name).toBe('PermissionDeniedError');
    expect(gateway.requests).toHaveLength(1);
    expect(iam.count().password).toBe(1);
  });
});
