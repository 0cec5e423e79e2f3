/**
 * `credentialsFromMetadata` against a loopback ECS metadata service (helpers/fake-metadata.ts),
 * through the package entry as users get it: the exchange the official SDKs make (session token,
 * then the security key; 404/405 means no session token), the answers an instance can get (no
 * agency, a broken answer, `expires_at` in its several spellings), and no secret in any message.
 * Renewal and signed calls: metadata-renewal.test.ts; off the cloud: metadata-off-cloud.test.ts.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFunctionGraphClient, credentialsFromMetadata, FunctionGraphCredentialsError } from '../../../src/index.js';
import { INPUT, PROJECT } from '../../helpers/calls.js';
import { fakeMetadataKey, fromNow, metadataTime, NO_AGENCY_MESSAGE, SECURITY_KEY_PATH, startFakeMetadata, TOKEN_PATH, type FakeMetadata } from '../../helpers/fake-metadata.js';
import { describeRun, runDistModule } from '../../helpers/node-child.js';
import { startVerifyingServer } from '../../helpers/verifying-server.js';
import { json } from '../../helpers/loopback-server.js';
import { errorViews } from '../../helpers/error-views.js';
import { credentialsOf, failureOf, HOUR, keyPairOf, secretsOf, service, useMetadataService } from './metadata-fixture.js';

useMetadataService();

describe('the exchange, as the official SDKs make it', () => {
  it('asks for a session token (6 h), then for the security key with that token', async () => {
    const key = fakeMetadataKey(1, fromNow(6 * HOUR));
    service.serve(key);

    const credentials = await credentialsFromMetadata({ endpoint: service.url })();

    expect(credentials).toEqual(credentialsOf(key));
    expect(service.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`PUT ${TOKEN_PATH}`, `GET ${SECURITY_KEY_PATH}`]);
    const [put, get] = service.requests;
    expect(put!.headers['x-metadata-token-ttl-seconds']).toBe('21600');
    expect(service.sessionTokensIssued).toHaveLength(1);
    expect(get!.headers['x-metadata-token']).toBe(service.sessionTokensIssued[0]);
  });

  it.each([404, 405] as const)('goes on without a session token when the PUT is answered %i', async (status) => {
    service.sessionTokens = status;
    const key = fakeMetadataKey(2, fromNow(6 * HOUR));
    service.serve(key);

    const credentials = await credentialsFromMetadata({ endpoint: service.url })();

    expect(credentials).toEqual(credentialsOf(key));
    expect(service.count()).toEqual({ sessionToken: 1, securityKey: 1 });
    expect(service.requests[1]!.headers['x-metadata-token']).toBeUndefined();
  });

  it('accepts an endpoint written with a trailing slash', async () => {
    await credentialsFromMetadata({ endpoint: `${service.url}/` })();
    expect(service.requests.map((r) => r.url)).toEqual([TOKEN_PATH, SECURITY_KEY_PATH]);
  });

  // [the service's answer, what the error must say]
  const refusals: [string, (s: FakeMetadata) => void, RegExp[]][] = [
    [
      'a 401 to an instance without an agency',
      (s) => (s.securityKey = 'no-agency'),
      [/answered 401 to the security key request/, new RegExp(NO_AGENCY_MESSAGE.slice(0, 40)), /no agency is bound to this instance/, /bind one in the ECS console/],
    ],
    ['a 404 to the security key, as some services answer without an agency', (s) => (s.securityKey = { status: 404, body: 'agency not found' }), [/answered 404/, /no agency is bound/]],
    ['a 500 to the security key', (s) => (s.securityKey = { status: 500, body: 'metadata service busy' }), [/answered 500 to the security key request \(metadata service busy\)/]],
    ['a 403 to the session token request', (s) => (s.sessionTokens = 403 as never), [/answered 403 to the session token request/]],
    ['a 403 to the security key', (s) => (s.securityKey = { status: 403, body: 'forbidden' }), [/answered 403 to the security key request \(forbidden\): no agency is bound/]],
  ];
  it.each(refusals)('reports %s as a credentials error of the instance metadata, naming the endpoint', async (_label, arrange, said) => {
    arrange(service);
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url })());

    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect(error).toMatchObject({ source: 'instance metadata', tryNext: true });
    expect((error as Error).message).toContain(service.url);
    for (const pattern of said) expect((error as Error).message).toMatch(pattern);
  });

  // [the service's answer, the whole message after the endpoint]: the no-agency hint only where it applies; the body's text shortened, on one line.
  const exactly: [string, (s: FakeMetadata) => void, string][] = [
    ['a 500 to the security key', (s) => (s.securityKey = { status: 500, body: 'metadata service busy' }), 'answered 500 to the security key request (metadata service busy)'],
    ['a 403 to the session token request', (s) => (s.sessionTokens = 403 as never), 'answered 403 to the session token request (method not allowed)'],
    ['a body on several lines', (s) => (s.securityKey = { status: 503, body: '  service busy,\n\n  try again later\n' }), 'answered 503 to the security key request (service busy, try again later)'],
    ['an empty body', (s) => (s.securityKey = { status: 500, body: '' }), 'answered 500 to the security key request'],
    ['a long body, cut at 200 characters', (s) => (s.securityKey = { status: 502, body: 'b'.repeat(500) }), `answered 502 to the security key request (${'b'.repeat(200)})`],
  ];
  it.each(exactly)('reports %s in so many words', async (_label, arrange, said) => {
    arrange(service);
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url })());
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toBe(`the metadata service at ${service.url} ${said}`);
  });

  // A broken answer: the key's values may be in it, and none may appear in the message.
  const key = fakeMetadataKey(3, fromNow(HOUR));
  const broken: [string, string, RegExp][] = [
    ['not JSON', `{"credential": {"secret": "${key.secret}"`, /is not JSON/],
    ['no credential object', JSON.stringify({ access: key.access, secret: key.secret }), /has no credential object/],
    ['null', 'null', /has no credential object/],
    ['a null credential', JSON.stringify({ credential: null }), /has no credential object/],
    ['no security token', JSON.stringify({ credential: { ...key, securitytoken: '' } }), /has no credential\.securitytoken/],
    ['no secret', JSON.stringify({ credential: { ...key, secret: undefined } }), /has no credential\.secret/],
    ['an unreadable expires_at', JSON.stringify({ credential: { ...key, expires_at: 'in six hours' } }), /has no readable credential\.expires_at/],
  ];
  it.each(broken)('refuses an answer with %s, naming what is wrong and no value', async (_label, body, said) => {
    service.securityKey = { status: 200, body };
    const error = await failureOf(credentialsFromMetadata({ endpoint: service.url })());

    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toMatch(said);
    // Broken is not absent: a chain must stop here rather than hide it.
    expect(error).toMatchObject({ source: 'instance metadata', tryNext: false });
    for (const [view, text] of errorViews(error as Error)) for (const secret of secretsOf(key)) expect(text, view).not.toContain(secret);
  });
});

describe('expires_at, read leniently', () => {
  // With an offset far from UTC, a time without a zone read as local time would be hours off.
  const savedZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterAll(() => {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
  });

  const iso = (at: Date) => at.toISOString().slice(0, 19);
  // [spelling, how a time is written]
  const spellings: [string, (at: Date) => string][] = [
    ['microseconds and Z (as the service writes it)', metadataTime],
    ['milliseconds and Z', (at) => at.toISOString()],
    ['no fraction', (at) => `${iso(at)}Z`],
    ['one fraction digit', (at) => `${iso(at)}.5Z`],
    ['nine fraction digits, no Z', (at) => `${iso(at)}.123456789`],
    ['six fraction digits, no Z', (at) => `${iso(at)}.000000`],
    ['no fraction, no Z', iso],
  ];

  it.each(spellings)('reads %s: a key valid for hours is kept, an expired one is asked for again', async (_label, write) => {
    const later = fakeMetadataKey(4, write(fromNow(2 * HOUR)));
    service.serve(later);
    const keeps = credentialsFromMetadata({ endpoint: service.url });
    expect(await keeps()).toEqual(credentialsOf(later));
    await keeps();
    expect(service.count().securityKey).toBe(1);

    // Two hours ago (in UTC): already over, so every call asks again, and still gets it.
    service.forget();
    const over = fakeMetadataKey(5, write(fromNow(-2 * HOUR)));
    service.serve(over);
    const asksAgain = credentialsFromMetadata({ endpoint: service.url });
    expect(await asksAgain()).toEqual(credentialsOf(over));
    await asksAgain();
    expect(service.count().securityKey).toBe(2);
  });
});

describe('no secret in any message, inspection or output', () => {
  it('not in the errors of a failing renewal, nor in an inspection of the provider or the client', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.UTC(2026, 11, 5, 9, 0, 0);
    vi.setSystemTime(t0);
    const key = fakeMetadataKey(40, new Date(t0 + HOUR));
    service.serve(key);
    const provider = credentialsFromMetadata({ endpoint: service.url });
    const gateway = await startVerifyingServer({ keys: [keyPairOf(key)] });
    try {
      const client = createFunctionGraphClient({ baseUrl: gateway.url, projectId: PROJECT, credentials: provider });
      await client.asyncInvokeReservedFunction(INPUT);
      expect(gateway.requests[0]!.verdict.accepted).toBe(true);

      service.securityKey = { status: 500, body: 'internal error' };
      vi.setSystemTime(t0 + 2 * HOUR);
      const errors = [await failureOf(provider()), await failureOf(client.asyncInvokeReservedFunction(INPUT))];
      service.securityKey = 'no-agency';
      errors.push(await failureOf(credentialsFromMetadata({ endpoint: service.url })()));

      for (const error of errors) {
        expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
        for (const [view, text] of errorViews(error as Error)) for (const secret of secretsOf(key)) expect(text, view).not.toContain(secret);
      }
      for (const shown of [inspect(provider, { depth: 6, showHidden: true }), inspect(client, { depth: 6, showHidden: true }), JSON.stringify(client) ?? '']) {
        for (const secret of secretsOf(key)) expect(shown).not.toContain(secret);
      }
    } finally {
      await gateway.close();
    }
  });

  it('not in what a process prints while it signs with them, fails and logs its errors and client', async () => {
    const key = fakeMetadataKey(41, fromNow(6 * HOUR));
    service.serve(key);
    const gateway = await startVerifyingServer({ keys: [keyPairOf(key)], responder: (_request, res) => json(res, 202, { instance_id: 'i-1' }) });
    const broken = await startFakeMetadata();
    broken.securityKey = { status: 200, body: JSON.stringify({ credential: { ...key, expires_at: 'soon' } }) };
    try {
      const source = `
const { createFunctionGraphClient, credentialsFromMetadata } = await import(process.env.FGS_DIST);
const { inspect } = await import('node:util');
const provider = credentialsFromMetadata({ endpoint: process.env.FGS_METADATA });
const client = createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, projectId: process.env.FGS_PROJECT, credentials: provider });
const input = { functionUrn: process.env.FGS_URN, body: { k: 'v' } };
console.log('RESULT', inspect(await client.asyncInvokeReservedFunction(input), { depth: 5 }));
for (const provider of [credentialsFromMetadata({ endpoint: process.env.FGS_BROKEN }), credentialsFromMetadata({ endpoint: process.env.FGS_BROKEN + '/', timeoutMs: 100 })]) {
  try {
    await createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, projectId: process.env.FGS_PROJECT, credentials: provider }).asyncInvokeReservedFunction(input);
  } catch (error) {
    console.log('ERROR', error.name);
    console.error(error);
    console.warn(inspect(error, { depth: 6, showHidden: true }));
  }
}
console.log(inspect(provider, { showHidden: true }), inspect(client, { depth: 6, showHidden: true }));
console.log('done');
`;
      const run = await runDistModule(source, {
        env: { FGS_METADATA: service.url, FGS_BROKEN: broken.url, FGS_BASE_URL: gateway.url, FGS_PROJECT: PROJECT, FGS_URN: INPUT.functionUrn },
        timeoutMs: 20_000,
      });

      expect(run.exitCode, describeRun(run)).toBe(0);
      expect(run.stdout).toContain('RESULT');
      expect(run.stdout.match(/^ERROR FunctionGraphCredentialsError$/gm)).toHaveLength(2);
      expect(run.stdout).toContain('done');
      expect(gateway.requests[0]?.headers['x-security-token']).toBe(key.securitytoken);
      for (const secret of secretsOf(key)) expect(run.stdout + run.stderr).not.toContain(secret);
    } finally {
      await Promise.all([gateway.close(), broken.close()]);
    }
  });
});
