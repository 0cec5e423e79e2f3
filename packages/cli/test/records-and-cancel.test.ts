/**
 * `fgs records` and `fgs cancel`, installed from the tarballs, against the fake FunctionGraph:
 * tables on a pipe (tab-separated, no header) and JSON arrays, one page or all of them, filters sent
 * as the spec names them, and a cancel that sends the type asked for.
 */
import { describe, expect, it } from 'vitest';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const fixture = useFgs();

/** Starts `count` asynchronous runs through fgs itself; their request ids in order. */
async function startRuns(count: number, statuses: ('WAIT' | 'RUNNING' | 'SUCCESS' | 'FAIL')[] = ['SUCCESS']): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    fixture.fake.queueAsyncRun({ requestId: `run-${index}`, statuses });
    const { code, stdout } = await fixture.fgs.run(fixture.invoke('--async', '--data', '{}'));
    expect(code).toBe(0);
    ids.push(stdout.trim());
  }
  return ids;
}

const records = (...rest: string[]) => ['records', URN, ...fixture.endpoint, ...rest];

describe('fgs records', () => {
  it('prints one tab-separated line per record when piped, with no header', async () => {
    await startRuns(2, ['FAIL']);
    const { code, stdout, stderr } = await fixture.fgs.run(records());
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(lines.map((cells) => cells.slice(0, 2))).toEqual([
      ['run-0', 'FAIL'],
      ['run-1', 'FAIL'],
    ]);
    expect(lines[0]![4]).toBe('4207 the function ran out of time');
    expect(stderr).toBe('');
  });

  it('--json prints the records as a JSON array, as the API lists them', async () => {
    await startRuns(1);
    const { stdout } = await fixture.fgs.run(records('--json'));
    const parsed = JSON.parse(stdout) as Record<string, unknown>[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ request_id: 'run-0', status: 'SUCCESS' });
  });

  it('one page by default, saying more are left; --all follows next_marker to the end', async () => {
    await startRuns(5);
    const first = await fixture.fgs.run(records('--limit', '2', '--json'));
    expect((JSON.parse(first.stdout) as unknown[]).length).toBe(2);
    expect(first.stderr).toContain('more records on further pages: add --all');
    fixture.fake.reset();
    await startRuns(5);
    const all = await fixture.fgs.run(records('--limit', '2', '--all', '--json'));
    expect((JSON.parse(all.stdout) as { request_id: string }[]).map((r) => r.request_id)).toEqual(['run-0', 'run-1', 'run-2', 'run-3', 'run-4']);
    expect(all.stderr).toBe('');
    const pages = fixture.fake.requests.filter((request) => request.operation === 'listAsyncInvocations');
    expect(pages.map((request) => request.query.marker)).toEqual([undefined, '2', '4']);
  });

  it('sends --status and --request-id as the query parameters status and request_id', async () => {
    await startRuns(1);
    await fixture.fgs.run(records('--status', 'SUCCESS', '--request-id', 'run-0'));
    const request = fixture.fake.requests.find((r) => r.operation === 'listAsyncInvocations')!;
    expect(request.query).toMatchObject({ status: 'SUCCESS', request_id: 'run-0' });
  });

  it('--active lists the runs not yet ended, asking for the ids as requests', async () => {
    await startRuns(1, ['RUNNING']);
    const { stdout } = await fixture.fgs.run(records('--active', '--request-id', 'run-0', '--json'));
    expect(JSON.parse(stdout)).toMatchObject([{ request_id: 'run-0', status: 'RUNNING' }]);
    expect(fixture.fake.requests.at(-1)).toMatchObject({ operation: 'listActiveAsyncInvocations', query: { requests: 'run-0' } });
  });

  it.each([
    [['--status', 'DONE'], /error: --status must be one of WAIT, RUNNING, SUCCESS, FAIL, DISCARD/],
    [['--limit', 'ten'], /error: --limit must be a whole number of at least 1, got "ten"/],
  ])('refuses %j before sending (exit 2)', async (rest, message) => {
    const { code, stderr } = await fixture.fgs.run(records(...rest));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(fixture.fake.requests).toEqual([]);
  });

  it('says so on stderr when there is no record, and prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await fixture.fgs.run(records());
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toContain('no records');
  });
});

describe('fgs cancel', () => {
  it.each([
    [[], undefined],
    [['--force'], 'force'],
    [['--recursive'], 'recursive'],
  ])('with %j sends request_id and type %s, and prints nothing on stdout', async (rest, type) => {
    const [id] = await startRuns(1, ['RUNNING']);
    const { code, stdout, stderr } = await fixture.fgs.run(['cancel', URN, id!, ...rest, ...fixture.endpoint]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`asked to stop request ${id}`);
    const request = fixture.fake.requests.find((r) => r.operation === 'cancelAsyncInvocation')!;
    expect(JSON.parse(request.body)).toEqual(type ? { request_id: id, type } : { request_id: id });
  });

  it('refuses --force with --recursive, and a missing request id, before sending (exit 2)', async () => {
    const both = await fixture.fgs.run(['cancel', URN, 'run-0', '--force', '--recursive', ...fixture.endpoint]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--force and --recursive are two ways to stop a run: choose one');
    const missing = await fixture.fgs.run(['cancel', URN, ...fixture.endpoint]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('fgs cancel needs <request-id>');
    expect(fixture.fake.requests).toEqual([]);
  });

  it("names the API's refusal of an unknown request id, with exit 4", async () => {
    const { code, stderr } = await fixture.fgs.run(['cancel', URN, 'no-such-run', ...fixture.endpoint]);
    expect(code).toBe(4);
    expect(stderr).toMatch(/error: cancelAsyncInvocation failed: HTTP 400.*FSS\.0400 Invalid RequestId \(request id \w+\)/);
  });
});
