/**
 * `iamToken` against a loopback IAM (helpers/fake-iam.ts), through the package entry as users get
 * it: the exact request for a password token and for an agency token (facts §5d), the token taken
 * from `X-Subject-Token`, kept until shortly before its `expires_at` and fetched once for any
 * number of concurrent callers, a delegating token IAM refuses renewed once, IAM's refusals as
 * errors that name IAM, the user and the domain, and neither the password nor a token in any
 * message, inspection or output.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  AuthenticationError,
  createFunctionGraphClient,
  FunctionGraphApiError,
  FunctionGraphConnectionError,
  FunctionGraphError,
  FunctionGraphTimeoutError,
  iamToken,
  type IamAgencyOptions,
  type IamPasswordOptions,
  type TokenProvider,
  type TokenRequest,
} from '../../../src/index.js';
import { INPUT, PROJECT, rejection, since, sleep } from '../../helpers/calls.js';
import { iamTime, startFakeIam, TOKEN_MARK, TOKENS_PATH, type FakeIam } from '../../helpers/fake-iam.js';
import { closedEndpoint, silentEndpoint } from '../../helpers/fake-metadata.js';
import { json, startLoopbackServer } from '../../helpers/loopback-server.js';
import { describeRun, runDistModule } from '../../helpers/node-child.js';
import { errorViews } from '../../helpers/error-views.js';

/** The error a provider's answer (a value or a promise) rejects with; fails if it resolves. */
const failureOf = (answer: unknown): Promise<unknown> => rejection(Promise.resolve(answer));

const DOMAIN = 'fake-account';
const USER = 'deployer';
const PASSWORD = 'fake-iam-password-SECRET-4f2a';
const AGENCY = { domainName: 'other-account', agencyName: 'fgs-invoker' };
const OTHER_PROJECT = '9f8e7d6c5b4a43210fedcba987654321';

let iam: FakeIam;
beforeEach(async () => {
  iam = await startFakeIam({ users: [{ domainName: DOMAIN, userName: USER, password: PASSWORD, projectIds: [PROJECT, OTHER_PROJECT] }], agencies: [AGENCY] });
});
afterEach(() => iam.close());

const passwordOptions = (options: Partial<IamPasswordOptions> = {}): IamPasswordOptions => ({ endpoint: iam.url, domainName: DOMAIN, userName: USER, password: PASSWORD, projectId: PROJECT, ...options });
const userToken = (options: Partial<IamPasswordOptions> = {}) => iamToken(passwordOptions(options));
const agencyToken = (token: IamAgencyOptions['token'], options: Partial<IamAgencyOptions> = {}) => iamToken({ endpoint: iam.url, agency: AGENCY, token, projectId: PROJECT, ...options });
/** Every secret in play: the password and every token IAM issued. */
const secrets = () => [PASSWORD, ...iam.issued];


describe('password tokens', () => {
  it('sends exactly the documented request and returns the X-Subject-Token', async () => {
    const token = await userToken()();

    expect(iam.requests).toHaveLength(1);
    const [request] = iam.requests;
    expect(request!.method).toBe('password');
    expect(request!.url).toBe(`${TOKENS_PATH}?nocatalog=true`);
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
    expect(request!.headers['x-auth-token']).toBeUndefined();
    expect(request!.json).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: USER, password: PASSWORD, domain: { name: DOMAIN } } } },
        scope: { project: { id: PROJECT } },
      },
    });
    expect(token).toBe(iam.issued[0]);
    expect(token).toContain(TOKEN_MARK);
    expect(token.length).toBeGreaterThan(5_000);
  });

  it('names its project, for the client to use when nothing else names one', () => {
    expect(userToken({ projectId: OTHER_PROJECT }).projectId).toBe(OTHER_PROJECT);
  });

  it('goes to https://iam.<region>.myhuaweicloud.com given a region', async () => {
    const asked: string[] = [];
    const provider = iamToken({
      ...passwordOptions({ endpoint: undefined }),
      region: 'cn-north-4',
      // The real host is not reachable from a test: the request is recorded, then sent to the fake.
      fetch: (url, init) => {
        asked.push(url);
        return fetch(url.replace('https://iam.cn-north-4.myhuaweicloud.com', iam.url), init);
      },
    });
    expect(await provider()).toBe(iam.issued[0]);
    expect(asked).toEqual(['https://iam.cn-north-4.myhuaweicloud.com/v3/auth/tokens?nocatalog=true']);
  });

  it('keeps a 24-hour token: many calls, one request', async () => {
    const provider = userToken();
    const tokens = [await provider(), await provider(), await provider()];
    expect(new Set(tokens).size).toBe(1);
    expect(iam.count().all).toBe(1);
  });

  it('fetches a new one shortly before expires_at: at half of a short life', async () => {
    iam.lifetimeMs = 1_600;
    const provider = userToken();
    const first = await provider();
    expect(await provider()).toBe(first);
    expect(iam.count().all).toBe(1);

    // Renewed with half of its life left (0.8 s), well before it ends.
    await sleep(1_000);
    const second = await provider();
    expect(second).not.toBe(first);
    expect(iam.issued).toEqual([first, second]);
    expect(iam.isValid(first)).toBe(true);
  });

  const spellings: [string, (at: number) => string][] = [
    ['microseconds and Z (as IAM writes it)', iamTime],
    ['nine fraction digits, no Z', (at) => `${new Date(at).toISOString().slice(0, 19)}.987654321`],
    ['no fraction, no Z', (at) => new Date(at).toISOString().slice(0, 19)],
  ];
  it.each(spellings)('reads expires_at with %s: a token valid for hours is kept, an expired one is replaced', async (_label, write) => {
    iam.expiresAtText = write(Date.now() + 3 * 60 * 60_000);
    const keeps = userToken();
    await keeps();
    await keeps();
    expect(iam.count().all).toBe(1);

    iam.expiresAtText = write(Date.now() - 60_000);
    const replaces = userToken();
    await replaces();
    await replaces();
    expect(iam.count().all).toBe(3);
  });

  it('keeps a token whose expires_at is unreadable for the documented 24 hours', async () => {
    iam.expiresAtText = 'tomorrow';
    const provider = userToken();
    await provider();
    await provider();
    expect(iam.count().all).toBe(1);
  });

  it('renews a token whose expires_at is unreadable 10 minutes before its documented 24 hours end, not sooner', async () => {
    // Only Date is faked: the provider and the fake IAM read the moved clock, sockets and timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const t0 = Date.UTC(2026, 11, 5, 9, 0, 0);
    vi.setSystemTime(t0);
    iam.expiresAtText = 'tomorrow';
    const provider = userToken();
    const first = await provider();

    vi.setSystemTime(t0 + 23 * 60 * 60_000 + 49 * 60_000);
    expect(await provider()).toBe(first);
    expect(iam.count().all).toBe(1);

    vi.setSystemTime(t0 + 23 * 60 * 60_000 + 51 * 60_000);
    expect(await provider()).toBe(first);
    await vi.waitFor(() => expect(iam.count().all).toBe(2), { timeout: 5_000 });
  });

  it('accepts an endpoint written with a trailing slash, asking the same URL', async () => {
    expect(await userToken({ endpoint: `${iam.url}/` })()).toBe(iam.issued[0]);
    expect(iam.requests.map((request) => request.url)).toEqual([`${TOKENS_PATH}?nocatalog=true`]);
  });

  it('accepts the longest timeout a timer allows (2^31 - 1 ms)', async () => {
    expect(await userToken({ timeoutMs: 2 ** 31 - 1 })()).toBe(iam.issued[0]);
  });

  it('50 concurrent callers cause one request, and all get its token', async () => {
    iam.delayMs = 100;
    const provider = userToken();
    const tokens = await Promise.all(Array.from({ length: 50 }, () => provider()));
    expect(new Set(tokens)).toEqual(new Set([iam.issued[0]]));
    expect(iam.count().all).toBe(1);
  });

  it('50 concurrent callers whose token was refused cause one new request', async () => {
    const provider = userToken();
    const refused = await provider();
    iam.delayMs = 100;
    const tokens = await Promise.all(Array.from({ length: 50 }, () => provider({ refused })));
    expect(new Set(tokens)).toEqual(new Set([iam.issued[1]]));
    expect(iam.count().all).toBe(2);
    // A refusal of a token already replaced does not ask again.
    expect(await provider({ refused })).toBe(iam.issued[1]);
    expect(iam.count().all).toBe(2);
  });
});

describe("IAM's refusals", () => {
  // [case, options, what IAM said]
  const refused: [string, Partial<IamPasswordOptions>, string][] = [
    ['a wrong password', { password: 'fake-wrong-password-SECRET-0000' }, 'The username or password is wrong.'],
    ['an unknown user', { userName: 'nobody' }, 'The username or password is wrong.'],
    ['a user of another domain', { domainName: 'someone-else' }, 'The username or password is wrong.'],
  ];
  it.each(refused)('%s: an AuthenticationError naming IAM, the user and the domain', async (_label, options, said) => {
    const { userName, domainName } = passwordOptions(options);
    const error = await failureOf(userToken(options)());

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, operationId: 'iamToken', errorCode: '401', errorMsg: said });
    expect((error as Error).message).toBe(`iamToken: IAM refused the credentials of user ${userName} of domain ${domainName}: ${said}`);
    for (const [view, text] of errorViews(error as Error)) {
      for (const secret of [...secrets(), options.password ?? PASSWORD]) expect(text, view).not.toContain(secret);
    }
  });

  it('a refused password is asked again on the next call, not cached', async () => {
    const provider = userToken({ password: 'fake-wrong-password-SECRET-0000' });
    await failureOf(provider());
    await failureOf(provider());
    expect(iam.count().all).toBe(2);
  });

  it('a project the user has no access to: IAM says so, with the user and domain', async () => {
    const error = await failureOf(userToken({ projectId: '11111111111111111111111111111111' })());
    expect(error).toBeInstanceOf(FunctionGraphApiError);
    expect((error as Error).name).toBe('BadRequestError');
    expect((error as Error).message).toMatch(/^iamToken: IAM answered 400 to the token request of user deployer of domain fake-account: Project 1{32} is not a project of the user\.$/);
  });

  it('an outage: a server error naming IAM, whatever the body is', async () => {
    iam.outage = { status: 503, body: '<html>Service Unavailable</html>' };
    const error = await failureOf(userToken()());
    expect((error as Error).name).toBe('ServerError');
    expect((error as Error).message).toBe('iamToken: IAM answered 503 to the token request of user deployer of domain fake-account');
  });

  it('a long error body: its message is read from the whole body, though bodyText keeps only its start', async () => {
    const message = `The request you have made requires authentication. ${'Details follow. '.repeat(60)}`;
    iam.outage = { status: 401, body: JSON.stringify({ error: { code: 401, message, title: 'Unauthorized' } }) };
    const error = await failureOf(userToken()());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).errorMsg).toBe(message);
    expect((error as AuthenticationError).bodyText).toHaveLength(500);
  });

  it.each([
    ['null', 'null'],
    ['a list', '[{"error_code":"IAM.0001","error_msg":"listed"}]'],
    ['a string', '"The request you have made requires authentication."'],
  ])('a refusal whose JSON body is %s: no body or error code is read from it, the text is kept', async (_label, body) => {
    iam.outage = { status: 401, body };
    const error = await failureOf(userToken()());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ body: undefined, errorCode: undefined, errorMsg: undefined, bodyText: body });
    expect((error as Error).message).toBe('iamToken: IAM refused the credentials of user deployer of domain fake-account');
  });

  it('nothing listening: a connection error naming IAM', async () => {
    const endpoint = await closedEndpoint();
    const error = await failureOf(userToken({ endpoint })());
    expect(error).toBeInstanceOf(FunctionGraphConnectionError);
    expect((error as Error).message).toBe(`iamToken: no answer from IAM at ${endpoint} (ECONNREFUSED)`);
    expect(error).toMatchObject({ operationId: 'iamToken', attempts: 1, requestMayHaveBeenSent: true });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  // [what the fetch option rejects with, what the message says of it]
  it.each([
    ['an error with a code in its cause, as Node\'s fetch does', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }), 'ENOTFOUND'],
    ['an error without a cause', new Error('offline'), 'offline'],
    ['something that is not an error', 'offline', 'offline'],
    ['nothing', undefined, 'undefined'],
  ])('a fetch that rejects with %s: a connection error naming IAM and what the fetch said', async (_label, reason, said) => {
    const error = await failureOf(userToken({ fetch: () => Promise.reject(reason) })());
    expect(error).toBeInstanceOf(FunctionGraphConnectionError);
    expect((error as Error).message).toBe(`iamToken: no answer from IAM at ${iam.url} (${said})`);
    expect((error as Error).cause).toBe(reason);
  });

  it('no answer: a timeout within timeoutMs', async () => {
    const silent = await silentEndpoint();
    try {
      const started = performance.now();
      const error = await failureOf(userToken({ endpoint: silent.url, timeoutMs: 300 })());
      expect(since(started)).toBeLessThan(2_000);
      expect(error).toBeInstanceOf(FunctionGraphTimeoutError);
      expect((error as Error).message).toBe(`iamToken: IAM at ${silent.url} did not answer within 300 ms`);
      expect(error).toMatchObject({ operationId: 'iamToken', attempts: 1, timeoutMs: 300, phase: 'response' });
    } finally {
      await silent.close();
    }
  });

  // [how the body goes wrong, the error class, its message]: the body is read under the same deadline as the headers.
  it.each([
    ['never ends', 'FunctionGraphTimeoutError', (url: string) => `iamToken: IAM at ${url} did not finish its answer within 300 ms`],
    ['breaks off', 'FunctionGraphConnectionError', (url: string) => `iamToken: no answer from IAM at ${url} (UND_ERR_SOCKET)`],
  ] as const)('an answer whose body %s: a %s naming IAM, not a stray error', async (how, name, message) => {
    const broken = await startLoopbackServer((_request, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '500', 'X-Subject-Token': `fake-iam-token-broken-${TOKEN_MARK}` });
      res.write('{"token":{"expires_at":');
      if (how === 'breaks off') setTimeout(() => res.destroy(), 20);
    });
    try {
      const error = await failureOf(userToken({ endpoint: broken.url, timeoutMs: 300 })());
      expect((error as Error).name).toBe(name);
      expect((error as Error).message).toBe(message(broken.url));
      expect(error).toMatchObject({ operationId: 'iamToken', attempts: 1 });
      // The headers arrived: the request was sent, and what was awaited was the body.
      if (how === 'breaks off') expect(error).toMatchObject({ requestMayHaveBeenSent: true });
      else expect(error).toMatchObject({ phase: 'body', timeoutMs: 300 });
      for (const [view, text] of errorViews(error as Error)) expect(text, view).not.toContain(TOKEN_MARK);
    } finally {
      await broken.close();
    }
  });

  it('a success without X-Subject-Token: a credentials error naming IAM and the user', async () => {
    const headless = await startLoopbackServer((_request, res) => json(res, 201, { token: { expires_at: iamTime(Date.now() + 60_000) } }));
    try {
      const error = await failureOf(userToken({ endpoint: headless.url })());
      expect((error as Error).name).toBe('FunctionGraphCredentialsError');
      expect((error as Error).message).toBe('IAM answered 201 for user deployer of domain fake-account without an X-Subject-Token header');
      expect(error).toMatchObject({ source: 'IAM' });
    } finally {
      await headless.close();
    }
  });

  const badOptions: [string, Record<string, unknown>, RegExp][] = [
    ['no password', { password: '' }, /^password must be a non-empty string$/],
    ['no domain', { domainName: undefined }, /^domainName must be a non-empty string$/],
    ['no project', { projectId: ' ' }, /^projectId must be a non-empty string$/],
    ['neither region nor endpoint', { endpoint: undefined }, /^region or endpoint is required/],
    ['an endpoint with a path', { endpoint: 'https://iam.example.com/v3' }, /^endpoint must be an http:\/\/ or https:\/\/ origin/],
    ['a timeout of 0', { timeoutMs: 0 }, /^timeoutMs must be a number of milliseconds above 0$/],
    ['a timeout written as a string', { timeoutMs: '500' }, /^timeoutMs must be a number of milliseconds above 0$/],
    ['a timeout longer than a timer can wait (2^31 ms)', { timeoutMs: 2 ** 31 }, /^timeoutMs must be a number of milliseconds above 0$/],
    ['no user name', { userName: '' }, /^userName must be a non-empty string$/],
    ['a fetch that is not a function', { fetch: 'fetch' }, /^fetch must be a function$/],
    ['an endpoint given as a URL object', { endpoint: new URL('https://iam.cn-north-4.myhuaweicloud.com') }, /^endpoint must be an http:\/\/ or https:\/\/ origin/],
    ['an endpoint with a space before the scheme', { endpoint: ' https://iam.cn-north-4.myhuaweicloud.com' }, /^endpoint must be an http:\/\/ or https:\/\/ origin/],
    ['a region that is not a region ID', { endpoint: undefined, region: 'cn north 4' }, /^region must be a region ID such as "cn-south-1"$/],
  ];
  it.each(badOptions)('%s: refused on the first call, nothing sent', async (_label, options, said) => {
    const error = await failureOf(iamToken({ ...passwordOptions(), ...options } as IamPasswordOptions)());
    expect((error as Error).name).toBe('FunctionGraphInputError');
    expect((error as Error).message).toMatch(said);
    expect((error as Error).message).not.toContain(PASSWORD);
    expect(iam.count().all).toBe(0);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'deployer'],
  ])('options that are %s: refused on the first call, naming them', async (_label, options) => {
    // Made without throwing, like every provider: the options are checked when it is first called.
    const provider = iamToken(options as never);
    const error = await failureOf(provider());
    expect((error as Error).name).toBe('FunctionGraphInputError');
    expect((error as Error).message).toBe('options of iamToken must be an object');
  });
});

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

describe('no password or token in any message, inspection or output', () => {
  it('not in an inspection of the providers or of a client, after use', async () => {
    const user = userToken();
    const agency = agencyToken(user);
    const gateway = await startLoopbackServer((_request, res) => json(res, 202, { instance_id: 'i-1' }));
    try {
      const client = createFunctionGraphClient({ baseUrl: gateway.url, token: agency });
      await client.asyncInvokeReservedFunction(INPUT);
      expect(gateway.requests[0]!.headers['x-auth-token']).toBe(iam.issued[1]);
      for (const shown of [inspect(user, { depth: 6, showHidden: true }), inspect(agency, { depth: 6, showHidden: true }), inspect(client, { depth: 6, showHidden: true }), JSON.stringify(client) ?? '']) {
        for (const secret of secrets()) expect(shown).not.toContain(secret);
      }
    } finally {
      await gateway.close();
    }
  });

  it('not in what a process prints when IAM refuses it, or when it works and logs its client', async () => {
    const gateway = await startLoopbackServer((_request, res) => json(res, 202, { instance_id: 'i-1' }));
    try {
      const source = `
const { createFunctionGraphClient, iamToken } = await import(process.env.FGS_DIST);
const { inspect } = await import('node:util');
const common = { endpoint: process.env.FGS_IAM, domainName: 'fake-account', userName: 'deployer', projectId: process.env.FGS_PROJECT };
const input = { functionUrn: process.env.FGS_URN, body: { k: 'v' } };
const good = createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, token: iamToken({ ...common, password: process.env.FGS_PASSWORD }) });
console.log('RESULT', inspect(await good.asyncInvokeReservedFunction(input), { depth: 5 }));
const wrong = createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, token: iamToken({ ...common, password: process.env.FGS_PASSWORD + '-wrong' }) });
try {
  await wrong.asyncInvokeReservedFunction(input);
} catch (error) {
  console.log('ERROR', error.name);
  console.error(error);
  console.warn(inspect(error, { depth: 6, showHidden: true }));
}
console.log(inspect(good, { depth: 6, showHidden: true }), inspect(wrong, { depth: 6, showHidden: true }));
console.log('done');
`;
      const run = await runDistModule(source, {
        env: { FGS_IAM: iam.url, FGS_PASSWORD: PASSWORD, FGS_BASE_URL: gateway.url, FGS_PROJECT: PROJECT, FGS_URN: INPUT.functionUrn },
        timeoutMs: 20_000,
      });

      expect(run.exitCode, describeRun(run)).toBe(0);
      expect(run.stdout).toContain('RESULT');
      expect(run.stdout).toContain('ERROR AuthenticationError');
      expect(run.stderr).toContain('IAM refused the credentials of user deployer of domain fake-account');
      expect(gateway.requests[0]?.headers['x-auth-token']).toBe(iam.issued[0]);
      for (const secret of secrets()) expect(run.stdout + run.stderr).not.toContain(secret);
    } finally {
      await gateway.close();
    }
  });
});

// A sanity check of the fake itself, since the tests above lean on it refusing what IAM refuses.
describe('the fake IAM', () => {
  let other: FakeIam;
  beforeAll(async () => {
    other = await startFakeIam({ users: [{ domainName: DOMAIN, userName: USER, password: PASSWORD, projectIds: [PROJECT] }] });
  });
  afterAll(() => other.close());

  it.each([
    ['a GET', { method: 'GET' }, 404],
    ['a body that is not JSON', { method: 'POST', body: 'auth' }, 400],
    ['a body without a project scope', { method: 'POST', body: JSON.stringify({ auth: { identity: { methods: ['password'] } } }) }, 400],
    ['an unknown method', { method: 'POST', body: JSON.stringify({ auth: { identity: { methods: ['totp'] }, scope: { project: { id: PROJECT } } } }) }, 400],
  ])('refuses %s', async (_label, init, status) => {
    const answer = await fetch(`${other.url}${TOKENS_PATH}?nocatalog=true`, init);
    await answer.arrayBuffer();
    expect(answer.status).toBe(status);
    expect(other.issued).toHaveLength(0);
  });

  it('refuses an expired token as a delegating token', async () => {
    other.lifetimeMs = 1;
    const token = await iamToken({ endpoint: other.url, domainName: DOMAIN, userName: USER, password: PASSWORD, projectId: PROJECT })();
    await sleep(5);
    expect(other.isValid(token)).toBe(false);
    expect(error401(await failureOf(iamToken({ endpoint: other.url, agency: AGENCY, token, projectId: PROJECT })()))).toBe(true);
  });
});

const error401 = (error: unknown) => error instanceof FunctionGraphError && (error as { status?: number }).status === 401;
