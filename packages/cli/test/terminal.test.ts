/**
 * `fgs invoke` on a terminal, through util-linux `script` (a pseudo-terminal for stdin, stdout and
 * stderr; a redirection in the command takes one of them off it): the result pretty-printed, colour
 * only where a terminal shows it and never with NO_COLOR or --no-color, stdin on a terminal never
 * read, and the live status line of --wait.
 */
import { describe, expect, it } from 'vitest';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const t = useFgs();

const ESC = '\x1b';
/** The screen without colours and with the terminal's `\r\n` line ends as `\n`. */
const plain = (screen: string) => screen.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r\n/g, '\n');
const fgs = (...rest: string[]) => `"$FGS" invoke '${URN}' --endpoint ${t.fake.url} ${rest.join(' ')}`;

describe('stdout on a terminal', () => {
  it('shows a JSON result pretty-printed, and the summary after it', async () => {
    t.fake.setSync({ result: '{"a":1,"b":[true,null]}', requestId: 'req-tty-1' });

    const run = await t.fgs.terminal(fgs());

    expect(run.code).toBe(0);
    expect(plain(run.screen)).toMatch(/^\{\n {2}"a": 1,\n {2}"b": \[\n {4}true,\n {4}null\n {2}\]\n\}\n✓ done request req-tty-1 · .+\n$/);
  });

  it('ends a text result with a newline', async () => {
    t.fake.setSync({ result: 'plain words' });

    const run = await t.fgs.terminal(fgs('--no-color'));

    expect(plain(run.screen)).toMatch(/^plain words\n✓ done /);
  });

  it('--json is pretty too, and never coloured', async () => {
    t.fake.setSync({ result: '{"x":1}', requestId: 'req-tty-json', summary: null });

    const run = await t.fgs.terminal(`${fgs('--json')} 2> /dev/null`);

    expect(run.screen.replace(/\r\n/g, '\n')).toBe('{\n  "requestId": "req-tty-json",\n  "result": {\n    "x": 1\n  },\n  "functionError": null,\n  "summary": null,\n  "log": null\n}\n');
  });
});

describe('stdin on a terminal', () => {
  it('is not read: without --data the event is {}', async () => {
    const run = await t.fgs.terminal(fgs(), { timeoutMs: 10_000 });

    expect(run.code).toBe(0);
    expect(t.fake.requests.map((request) => request.body)).toEqual(['{}']);
  });

  it('--data - refuses it (exit 2) instead of waiting for typing', async () => {
    const run = await t.fgs.terminal(fgs('--data', '-'), { timeoutMs: 10_000 });

    expect(run.code).toBe(2);
    expect(plain(run.screen)).toMatch(/^error: --data - reads stdin, but stdin is a terminal\nhint: pipe the JSON in/);
    expect(t.fake.requests).toEqual([]);
  });

  it('a pipe into fgs on a terminal is read as the event', async () => {
    const run = await t.fgs.terminal(`printf '{"piped": true}' | ${fgs()}`);

    expect(run.code).toBe(0);
    expect(t.fake.requests.map((request) => request.body)).toEqual(['{"piped":true}']);
  });
});

describe('colour', () => {
  it('on a terminal: the summary and errors are coloured', async () => {
    const ok = await t.fgs.terminal(fgs());
    t.fake.failWith('invokeFunction', { status: 404, errorCode: 'FSS.1051', errorMsg: 'Not found the function' });
    const failed = await t.fgs.terminal(fgs());

    expect(ok.screen).toContain(`${ESC}[32m✓ done${ESC}[39m`);
    expect(failed.code).toBe(4);
    expect(failed.screen).toMatch(new RegExp(`^${ESC}\\[31m${ESC}\\[1merror:`));
  });

  it.each([
    ['NO_COLOR=1', [], { NO_COLOR: '1' }],
    ['--no-color', ['--no-color'], {}],
    ['--no-color before the command', [], {}, ['--no-color']],
  ] as const)('none with %s, on the terminal or in an error', async (_label, flags, env, before: readonly string[] = []) => {
    const command = (rest: string) => `"$FGS" ${before.join(' ')} invoke '${URN}' --endpoint ${t.fake.url} ${flags.join(' ')} ${rest}`;
    t.fake.setSync({ result: '{"a":1}', log: 'a log line' });
    const ok = await t.fgs.terminal(command('--logs'), { env });
    t.fake.failWith('invokeFunction', { status: 500, errorCode: 'FSS.0500', errorMsg: 'Internal error' });
    const failed = await t.fgs.terminal(command(''), { env });

    expect([ok.code, failed.code]).toEqual([0, 4]);
    expect(ok.screen).not.toContain(ESC);
    expect(failed.screen).not.toContain(ESC);
    expect(plain(ok.screen)).toContain('── log ──\na log line\n');
  });

  it('never on stdout when it is piped, while stderr on the terminal keeps its colour', async () => {
    const result = '{"compact":true,"n":[1,2]}';
    t.fake.setSync({ result, requestId: 'req-split' });

    const run = await t.fgs.terminal(fgs('> result.json'));

    expect(run.code).toBe(0);
    expect(t.fgs.readOutputFile('result.json')).toBe(result);
    expect(run.screen).toContain(`${ESC}[32m✓ done${ESC}[39m`);
    expect(run.screen).not.toContain('compact');
  });

  it('never on stderr when it is piped, while stdout is the terminal', async () => {
    t.fake.setSync({ result: '{"a":1}' });

    const run = await t.fgs.terminal(fgs('2> stderr.txt'));

    expect(run.code).toBe(0);
    expect(plain(run.screen)).toBe('{\n  "a": 1\n}\n');
    expect(t.fgs.readOutputFile('stderr.txt')).toMatch(/^✓ done request [^\x1b]+\n$/);
  });
});

describe('--async --wait on a terminal', () => {
  it('shows the status on one live line, rewritten with \\r ESC[2K, then the outcome', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-live', statuses: ['RUNNING', 'SUCCESS'] });

    const run = await t.fgs.terminal(fgs('--async', '--wait', '--wait-timeout', '20s'));

    expect(run.code).toBe(0);
    const screen = plain(run.screen);
    expect(screen.startsWith('req-live\n')).toBe(true);
    // After the id, no newline until the outcome: every update rewrites the same line.
    const live = screen.slice('req-live\n'.length);
    expect(live).toMatch(/^request req-live: waiting for the first record \(\d+ ms\)\r\x1b\[2K/);
    expect(live).toContain('\r\x1b[2Krequest req-live: RUNNING (');
    expect(live).toMatch(/\r\x1b\[2K✓ SUCCESS request req-live\n$/);
    expect(live.indexOf('\n')).toBe(live.length - 1);
    // The status is coloured on the terminal.
    expect(run.screen).toContain(`${ESC}[33mRUNNING${ESC}[39m`);
  });

  it('writes plain status lines when stderr is redirected, even though stdout is the terminal', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-plain', statuses: ['RUNNING', 'SUCCESS'] });

    const run = await t.fgs.terminal(fgs('--async', '--wait', '--wait-timeout', '20s', '2> status.txt'));

    expect(run.code).toBe(0);
    expect(plain(run.screen)).toBe('req-plain\n');
    expect(t.fgs.readOutputFile('status.txt')).toMatch(/^request req-plain: RUNNING after \d+ ms\nrequest req-plain: SUCCESS after [\d.]+ m?s\n✓ SUCCESS request req-plain\n$/);
  });

  it('clears the live line before an error: a run that ends FAIL', async () => {
    t.fake.queueAsyncRun({ requestId: 'req-live-fail', statuses: ['FAIL'], errorCode: 4207, errorMessage: 'timed out' });

    const run = await t.fgs.terminal(fgs('--async', '--wait', '--wait-timeout', '20s', '--no-color'));

    expect(run.code).toBe(1);
    expect(plain(run.screen)).toMatch(/\r\x1b\[2Kerror: .*req-live-fail.* ended FAIL: 4207 timed out\nhint: /);
  });
});
