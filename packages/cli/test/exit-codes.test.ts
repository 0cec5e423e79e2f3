/**
 * What `fgs invoke` ends with when it does not succeed, installed from the tarballs and run against
 * the fake FunctionGraph: each exit code for what it means (2 refused before sending, 3
 * authentication, 4 other API or network errors; 1 and 5 are in invoke.test.ts and
 * invoke-async.test.ts), an error as a message and a `hint:` line on stderr with nothing on stdout,
 * a stack only with FGS_DEBUG=1, and no key in any of it.
 */
import { describe, expect, it } from 'vitest';
import { closedPort } from '../../client/test/helpers/loopback-server.js';
import { FAKE_KEYS } from './helpers/fake-functiongraph.js';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const t = useFgs();

/** An error as fgs reports it: `error: <message>` (lines), then one `hint: <what to do>` line, and nothing after. */
const reported = /^error: [^\n].*\nhint: [^\n]+\n$/s;
const stackLine = /\n\s+at .+:\d+:\d+\)?\n/;

describe('exit 2: usage or input refused before anything is sent', () => {
  it.each([
    ['an unknown option', ['invoke', URN, '--dta', '{}'], /^error: unknown option --dta for fgs invoke; did you mean --data\?\nhint: see fgs invoke --help\n$/],
    ['no function URN', ['invoke'], /^error: fgs invoke needs <function-urn>\nhint: usage: fgs invoke <function-urn> /],
    ['a second argument', ['invoke', URN, 'extra'], /^error: fgs invoke takes 1 argument, got also "extra"\n/],
    ['a URN that is not one', ['invoke', 'arn:aws:lambda:us-east-1:1:function:x'], /^error: <function-urn> must match urn:fss:<region>:<project_id>:function:<package>:<name>.*got "arn:aws:lambda:us-east-1:1:function:x"\nhint: see fgs invoke --help; nothing was sent\n$/],
    ['--wait without --async', ['invoke', URN, '--wait'], /^error: --wait follows an asynchronous run: add --async\n/],
    ['--logs with --async', ['invoke', URN, '--async', '--logs'], /^error: --logs works with synchronous runs only/],
    ['a --wait-timeout that is not a duration', ['invoke', URN, '--async', '--wait', '--wait-timeout', 'soon'], /^error: --wait-timeout "soon" is not a duration/],
    ['an unknown command', ['invok', URN], /^error: unknown command "invok"; did you mean invoke\?\nhint: run fgs --help for the commands\n$/],
  ])('%s', async (_label, args, message) => {
    const run = await t.fgs.run([...args, ...t.endpoint]);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(reported);
    expect(t.fake.requests).toEqual([]);
  });
});

describe('exit 3: authentication', () => {
  it('no credentials anywhere (no variables, an empty HOME): every place searched is named, nothing is sent', async () => {
    const run = await t.fgs.run(t.invoke(), { env: { HUAWEICLOUD_SDK_AK: undefined, HUAWEICLOUD_SDK_SK: undefined }, timeoutMs: 15_000 });

    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: no credentials found/);
    expect(run.stderr).toContain('HUAWEICLOUD_SDK_AK');
    expect(run.stderr).toContain(`${t.fgs.home}/.huaweicloud/credentials`);
    expect(run.stderr).toContain('169.254.169.254');
    expect(run.stderr).toMatch(/\nhint: fgs takes no keys on its command line .+\n$/);
    expect(t.fake.requests).toEqual([]);
  });

  it('keys the gateway does not know: its 401 refusal of the signature, and neither secret is printed', async () => {
    t.expectRefusedSignatures();
    const wrongSecret = 'wrong-sk-that-must-not-be-printed-93c1';

    const run = await t.fgs.run(t.invoke(), { env: { HUAWEICLOUD_SDK_AK: 'UNKNOWNAKFGSTEST', HUAWEICLOUD_SDK_SK: wrongSecret } });

    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: invokeFunction failed: HTTP 401, application\/json: APIGW\.0301 /);
    expect(run.stderr).toMatch(/\nhint: check the access key pair fgs found .+\n$/);
    expect(run.stderr).not.toContain(wrongSecret);
    expect(t.fake.requests.map((request) => request.verdict.reason)).toEqual(['unknown access key id']);
  });

  it.each([
    [401, 'FSS.0401', 'Unauthorized', /\nhint: check the access key pair fgs found/],
    [403, 'FSS.1126', 'You do not have the permission', /\nhint: the keys were accepted but may not do this/],
  ])('the API answering %i', async (status, errorCode, errorMsg, hint) => {
    t.fake.failWith('invokeFunction', { status, errorCode, errorMsg, requestId: `req-${status}` });

    const run = await t.fgs.run(t.invoke());

    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^error: invokeFunction failed: HTTP ${status}, application/json: ${errorCode} ${errorMsg} \\(request id req-${status}\\)\\n`));
    expect(run.stderr).toMatch(hint);
    expect(run.stderr).toMatch(reported);
  });
});

describe('exit 4: other API and network errors', () => {
  it.each([
    [404, 'FSS.1051', 'Not found the function', /\nhint: check the function URN/],
    [400, 'FSS.1309', 'Invalid function URN', /\nhint: the API refused the request: check the arguments \(see fgs invoke --help\)\n$/],
    [500, 'FSS.0500', 'Internal server error', /\nhint: FunctionGraph failed on its side: try again later/],
  ])('the API answering %i', async (status, errorCode, errorMsg, hint) => {
    t.fake.failWith('invokeFunction', { status, errorCode, errorMsg, requestId: `req-${status}` });

    const run = await t.fgs.run(t.invoke());

    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^error: invokeFunction failed: HTTP ${status}, application/json: ${errorCode} ${errorMsg} \\(request id req-${status}\\)\\n`));
    expect(run.stderr).toMatch(hint);
    expect(run.stderr).toMatch(reported);
    // A synchronous invocation is never repeated on its own: the function might run twice.
    expect(t.fake.requests).toHaveLength(1);
  });

  it('503 (the service refused the work, so nothing ran): tried three times, then exit 4', async () => {
    t.fake.failWith('invokeFunction', { status: 503, errorCode: 'FSS.1115', errorMsg: 'Network unreachable', requestId: 'req-503' });

    const run = await t.fgs.run(t.invoke());

    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: invokeFunction failed after 3 attempts: HTTP 503, application\/json: FSS\.1115 Network unreachable \(request id req-503\)\n/);
    expect(run.stderr).toMatch(reported);
    expect(t.fake.requests).toHaveLength(3);
  });

  it('nothing listening at --endpoint', async () => {
    const port = await closedPort();

    const run = await t.fgs.run(['invoke', URN, '--endpoint', `http://127.0.0.1:${port}`]);

    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^error: invokeFunction: no answer from http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED; request not sent\\)`));
    expect(run.stderr).toMatch(/\nhint: check the network, --endpoint or --region\n$/);
  });
});

describe('FGS_DEBUG', () => {
  it('=1 adds the stack trace after the message and hint', async () => {
    t.fake.failWith('invokeFunction', { status: 404, errorCode: 'FSS.1051', errorMsg: 'Not found the function' });

    const run = await t.fgs.run(t.invoke(), { env: { FGS_DEBUG: '1' } });

    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^error: invokeFunction failed: HTTP 404[^\n]*\nhint: [^\n]+\nNotFoundError: invokeFunction failed: HTTP 404/);
    expect(run.stderr).toMatch(stackLine);
  });

  it.each([
    ['an API error', [], { status: 404, errorCode: 'FSS.1051', errorMsg: 'Not found the function' }],
    ['a usage error', ['--bogus'], undefined],
    ['a refused payload', ['--data', '{oops}'], undefined],
  ] as const)('unset, no stack for %s', async (_label, args, error) => {
    if (error) t.fake.failWith('invokeFunction', error);

    const run = await t.fgs.run(t.invoke(...args));

    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(reported);
    expect(run.stderr).not.toMatch(stackLine);
  });
});

describe('secrets', () => {
  it('the secret key fgs signs with appears in no output, even with FGS_DEBUG=1 and a refused signature', async () => {
    t.expectRefusedSignatures();
    const runs = [
      await t.fgs.run(t.invoke('--logs', '--json'), { env: { FGS_DEBUG: '1' } }),
      await t.fgs.run(t.invoke('--async', '--wait', '--wait-timeout', '1s'), { env: { FGS_DEBUG: '1' } }),
      // The fake's access key id with a wrong secret: the gateway refuses the signature, and the
      // client's message names the key id (to say which key to check), never a secret.
      await t.fgs.run(t.invoke(), { env: { FGS_DEBUG: '1', HUAWEICLOUD_SDK_SK: `${FAKE_KEYS.secretAccessKey}-but-wrong` }, accessKeyIdMayAppear: true }),
    ];

    expect(runs.map((run) => run.code)).toEqual([0, 5, 3]);
    for (const run of runs) {
      for (const text of [run.stdout, run.stderr]) expect(text).not.toContain(FAKE_KEYS.secretAccessKey);
    }
    expect(runs[2]!.stderr).toContain(`access key id ${FAKE_KEYS.accessKeyId}`);
    // The requests carried the key id, signed: fgs had the keys.
    expect(t.fake.requests[0]!.headers.authorization).toContain(`Access=${FAKE_KEYS.accessKeyId}`);
    expect(t.fake.requests.map((request) => request.verdict.accepted).at(-1)).toBe(false);
  });
});
