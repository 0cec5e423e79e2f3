/**
 * `iamToken` assuming an agency with another token: the documented `assume_role` request sent with
 * the delegating token, both tokens kept, and a delegating token IAM refuses renewed once.
 */
import { describe, expect, it } from 'vitest';
import { AuthenticationError, FunctionGraphApiError, iamToken, type IamAgencyOptions, type TokenProvider, type TokenRequest } from '../../../src/index.js';
import { PROJECT } from '../../helpers/calls.js';
import { TOKEN_MARK, TOKENS_PATH } from '../../helpers/fake-iam.js';
import { errorViews } from '../../helpers/error-views.js';
import { AGENCY, agencyToken, failureOf, iam, useFakeIam, userToken } from './iam-fixture.js';

useFakeIam();

describe('agency tokens', () => {
  it('sends the documented assume_role request with the delegating token', async () => {
    const delegating = await userToken()();
    iam.forget();

    const token = await agencyToken(delegating)();

    expect(iam.requests).toHaveLength(1);
    const [request] = iam.requests;
    expect(request!.url).toBe(`${TOKENS_PATH}?nocatalog=true`);
    expect(request!.headers['x-auth-token']).toBe(delegating);
    expect(request!.json).toEqual({
      auth: {
        identity: { methods: ['assume_role'], assume_role: { domain_name: AGENCY.domainName, xrole_name: AGENCY.agencyName } },
        scope: { project: { id: PROJECT } },
      },
    });
    expect(token).toBe(iam.issued[1]);
    expect(token).toMatch(/^fake-iam-token-agency-/);
  });

  it('with a delegating provider: one request each, then both kept', async () => {
    const provider = agencyToken(userToken());
    const first = await provider();
    expect(await provider()).toBe(first);
    expect(iam.count()).toEqual({ password: 1, assumeRole: 1, all: 2 });
  });

  it('a delegating token IAM refuses is renewed once, and the agency request repeated', async () => {
    const delegating = userToken();
    const provider = agencyToken(delegating);
    await provider();
    // The user's token is revoked (a password change, say) and the agency token must be renewed.
    iam.revoke();

    const renewed = await provider({ refused: iam.issued[1]! });

    expect(iam.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['password 201', 'assume_role 201', 'assume_role 401', 'password 201', 'assume_role 201']);
    expect(renewed).toBe(iam.issued.at(-1));
    expect(iam.requests.at(-1)!.headers['x-auth-token']).toBe(iam.issued[2]);
  });

  it('a delegating provider whose new token is refused too: an AuthenticationError after one renewal', async () => {
    const asked: (TokenRequest | undefined)[] = [];
    const delegating: TokenProvider = (request) => {
      asked.push(request);
      return `fake-delegating-token-${asked.length}-${TOKEN_MARK}`;
    };
    const error = await failureOf(agencyToken(delegating)());

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ attempts: 2, status: 401 });
    expect((error as Error).message).toBe('iamToken: IAM refused the credentials of agency fgs-invoker of domain other-account: The request you have made requires authentication.');
    // Asked first as the client asks (no request), then with the token IAM refused.
    expect(asked).toEqual([undefined, { refused: `fake-delegating-token-1-${TOKEN_MARK}` }]);
    expect(iam.count().assumeRole).toBe(2);
    for (const [view, text] of errorViews(error as Error)) expect(text, view).not.toContain(TOKEN_MARK);
  });

  it('a fixed delegating token that is refused is not asked again', async () => {
    const error = await failureOf(agencyToken(`fake-delegating-token-${TOKEN_MARK}`)());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(iam.count().assumeRole).toBe(1);
  });

  it('an agency the user may not assume: IAM says so, naming the agency', async () => {
    const error = await failureOf(agencyToken(userToken(), { agency: { domainName: AGENCY.domainName, agencyName: 'admin' } })());
    expect(error).toBeInstanceOf(FunctionGraphApiError);
    expect(error).toMatchObject({ status: 403, attempts: 1 });
    expect((error as Error).message).toBe('iamToken: IAM answered 403 to the token request of agency admin of domain other-account: You have no permission to assume this agency.');
    // Only a 401 means the delegating token was refused: a 403 is not retried with a new one.
    expect(iam.count()).toEqual({ password: 1, assumeRole: 1, all: 2 });
  });

  it.each([
    ['null', null, 'agency.domainName'],
    ['without its domainName', { agencyName: AGENCY.agencyName }, 'agency.domainName'],
    ['without its agencyName', { domainName: AGENCY.domainName }, 'agency.agencyName'],
  ])('an agency that is %s is refused on the first call, naming the field', async (_label, agency, argument) => {
    const error = await failureOf(iamToken({ endpoint: iam.url, agency, token: 'fake-delegating-token', projectId: PROJECT } as unknown as IamAgencyOptions)());
    expect((error as Error).name).toBe('FunctionGraphInputError');
    expect((error as Error).message).toBe(`${argument} must be a non-empty string`);
    expect(iam.count().all).toBe(0);
  });

  it('an agency without a delegating token is refused on the first call', async () => {
    const error = await failureOf(iamToken({ endpoint: iam.url, agency: AGENCY, projectId: PROJECT } as unknown as IamAgencyOptions)());
    expect((error as Error).message).toBe('token is required with agency: the token of the user who assumes it');
    expect(iam.count().all).toBe(0);
  });
});
