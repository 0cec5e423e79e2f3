/**
 * `iamToken` with an IAM user's password, against a loopback IAM (helpers/fake-iam.ts), through the
 * package entry as users get it: the exact request (facts §5d), the token taken from
 * `X-Subject-Token`, kept until shortly before its `expires_at` and fetched once for any number of
 * concurrent callers; and neither the password nor a token in any message, inspection or output.
 * IAM's refusals: iam-token-refusals.test.ts; agency tokens: iam-token-agency.test.ts.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createFunctionGraphClient, FunctionGraphError, iamToken } from '../../../src/index.js';
import { INPUT, PROJECT, sleep } from '../../helpers/calls.js';
import { iamTime, startFakeIam, TOKEN_MARK, TOKENS_PATH, type FakeIam } from '../../helpers/fake-iam.js';
import { json, startLoopbackServer } from '../../helpers/loopback-server.js';
import { describeRun, runDistModule } from '../../helpers/node-child.js';
import { AGENCY, agencyToken, DOMAIN, failureOf, iam, OTHER_PROJECT, PASSWORD, passwordOptions, secrets, useFakeIam, USER, userToken } from './iam-fixture.js';

useFakeIam();

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
