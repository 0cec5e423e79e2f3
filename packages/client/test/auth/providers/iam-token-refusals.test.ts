/**
 * `iamToken` when IAM refuses or fails: errors that name IAM, the user and the domain (an
 * `AuthenticationError` for a 401), the options refused before anything is sent, and the network's
 * failures (nothing listening, no answer, a body that stalls or breaks off) as the client's errors.
 */
import { describe, expect, it } from 'vitest';
import { AuthenticationError, FunctionGraphApiError, FunctionGraphConnectionError, FunctionGraphTimeoutError, iamToken, type IamPasswordOptions } from '../../../src/index.js';
import { since } from '../../helpers/calls.js';
import { iamTime, TOKEN_MARK } from '../../helpers/fake-iam.js';
import { closedEndpoint, silentEndpoint } from '../../helpers/fake-metadata.js';
import { json, startLoopbackServer } from '../../helpers/loopback-server.js';
import { errorViews } from '../../helpers/error-views.js';
import { failureOf, iam, PASSWORD, passwordOptions, secrets, useFakeIam, userToken } from './iam-fixture.js';

useFakeIam();

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
