/**
 * `fgs invoke <urn> --async [--wait]` against the fake FunctionGraph, whose run records go through
 * a status sequence on successive polls. The client's waiter polls at least a second apart, so each
 * sequence is short and each --wait-timeout small. stderr is a pipe here: status lines are plain
 * (the live line on a terminal is in terminal.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const t = useFgs();

const polls = () => t.fake.requests.filter((request) => request.operation === 'listAsyncInvocations');

describe('fgs invoke --async', () => {
  it('prints the request id alone on stdout, and how to follow the run on stderr', async () => {
    t.fake.queueAsyncRun({ requestId: 'a1b2c3d4-0000-4000-8000-000000000001' });

    const run = await t.fgs.run(t.invoke('--async', '--data', '{"n":1}'));

    expect(run).toEqual({
      code: 0,
      stdout: 'a1b2c3d4-0000-4000-8000-000000000001\n',
      stderr: `started; follow it with: fgs records ${URN} --request-id a1b2c3d4-0000-4000-8000-000000000001\n`,
    });
    expect(t.fake.requests.map((request) => [request.operation, request.body])).toEqual([['asyncInvokeFunction', '{"n":1}']]);
  });

  it('--json prints { requestId }', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-async-json' });

    const run = await t.fgs.run(t.invoke('--async', '--json'));

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('{"requestId":"req-async-json"}\n');
  });

  it('sends piped stdin as the event', async () => {
    const run = await t.fgs.run(t.invoke('--async'), { stdin: '{"from": "a pipe"}' });

    expect(run.code, run.stderr).toBe(0);
    expect(t.fake.requests[0]!.body).toBe('{"from":"a pipe"}');
  });
});

describe('fgs invoke --async --wait', () => {
  it('follows WAIT → RUNNING → SUCCESS with one plain status line each when stderr is a pipe, exit 0', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-wait-ok', statuses: ['WAIT', 'RUNNING', 'SUCCESS'] });

    const run = await t.fgs.run(t.invoke('--async', '--wait', '--wait-timeout', '20s'), { stdin: '{"n":2}' });

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('req-wait-ok\n');
    expect(run.stderr).toMatch(
      /^request req-wait-ok: WAIT after \d+ ms\nrequest req-wait-ok: RUNNING after [\d.]+ m?s\nrequest req-wait-ok: SUCCESS after [\d.]+ m?s\n✓ SUCCESS request req-wait-ok\n$/,
    );
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('\x1b');
    // The payload piped in was read whole and sent; the polls ask for this request by id.
    expect(t.fake.requests[0]!.body).toBe('{"n":2}');
    expect(polls().map((poll) => poll.query.request_id)).toEqual(['req-wait-ok', 'req-wait-ok', 'req-wait-ok']);
  });

  it('--json prints { requestId, record } with the final record, and nothing else on stdout', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-wait-json', statuses: ['RUNNING', 'SUCCESS'] });

    const run = await t.fgs.run(t.invoke('--async', '--wait', '--json', '--wait-timeout', '20s'));

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(run.stdout)).toEqual({
      requestId: 'req-wait-json',
      record: expect.objectContaining({ request_id: 'req-wait-json', status: 'SUCCESS', error_code: 0 }),
    });
  });

  it.each(['FAIL', 'DISCARD'] as const)('a run that ends %s exits 1 and says how it ended', async (status) => {
    t.fake.queueAsyncRun({ requestId: `req-${status}`, statuses: [status], errorCode: 4207, errorMessage: 'the function timed out' });

    const run = await t.fgs.run(t.invoke('--async', '--wait', '--wait-timeout', '20s'));

    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`req-${status}\n`);
    expect(run.stderr).toContain(`request req-${status}: ${status} after`);
    expect(run.stderr).toMatch(new RegExp(`\\nerror: .*req-${status}.* ended ${status}: 4207 the function timed out\\n`));
  });

  it('--json of a failed run still prints the record', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-fail-json', statuses: ['FAIL'], errorCode: 4208, errorMessage: 'cancelled' });

    const run = await t.fgs.run(t.invoke('--async', '--wait', '--json', '--wait-timeout', '20s'));

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      requestId: 'req-fail-json',
      record: expect.objectContaining({ status: 'FAIL', error_code: 4208, error_message: 'cancelled' }),
    });
  });

  it('a run stuck RUNNING past --wait-timeout exits 5 naming the last status and where to look later', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-stuck', statuses: ['RUNNING'] });

    const started = Date.now();
    const run = await t.fgs.run(t.invoke('--async', '--wait', '--wait-timeout', '2s'));

    expect(run.code, run.stderr).toBe(5);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(run.stdout).toBe('req-stuck\n');
    expect(run.stderr).toMatch(/\nerror: .*req-stuck.* still RUNNING after \d+ ms/);
    expect(run.stderr).toContain(`hint: wait longer with --wait-timeout, or look later: fgs records ${URN} --request-id req-stuck\n`);
  });

  it('no record ever appearing says to turn status persistence on with fgs async-config', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-norecord', statuses: 'no-record' });

    const run = await t.fgs.run(t.invoke('--async', '--wait', '--wait-timeout', '2s'));

    expect(run.code).toBe(4);
    expect(run.stdout).toBe('req-norecord\n');
    expect(run.stderr).toMatch(/^error: no record of request req-norecord appeared in 2 s: /);
    expect(run.stderr).toContain(`hint: turn it on with: fgs async-config ${URN} --status-log on`);
    expect(polls().length).toBeGreaterThanOrEqual(2);
  });
});
