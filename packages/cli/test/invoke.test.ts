/**
 * `fgs invoke <urn>` (synchronous), installed from the packed tarballs and run as a child process
 * with pipes against the fake FunctionGraph: where the payload comes from, what reaches stdout
 * (the function's result as sent, and nothing else), `--json`, `--logs`, and a function that fails.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const t = useFgs();

/** The bodies of the invocations the fake received. */
const sentBodies = () => t.fake.requests.filter((request) => request.operation === 'invokeFunction').map((request) => request.body);

describe('fgs invoke: the payload', () => {
  it.each([
    ['--data <json>', ['--data', '{"name": "Ada", "n": [1, 2]}'], undefined],
    ['-d <json>', ['-d', '{"name": "Ada", "n": [1, 2]}'], undefined],
    ['--data=<json>', ['--data={"name": "Ada", "n": [1, 2]}'], undefined],
    ['--data - (stdin)', ['--data', '-'], '{\n  "name": "Ada",\n  "n": [1, 2]\n}\n'],
    ['piped stdin without --data', [], '{"name": "Ada", "n": [1, 2]}'],
  ] as const)('from %s is sent as compact JSON', async (_label, args, stdin) => {
    const run = await t.fgs.run(t.invoke(...args), stdin === undefined ? {} : { stdin });

    expect(run.code, run.stderr).toBe(0);
    expect(sentBodies()).toEqual(['{"name":"Ada","n":[1,2]}']);
  });

  it('from --data @<file>, relative to the working folder', async () => {
    writeFileSync(join(t.fgs.scratch, 'event.json'), '{"image": "cat.png",\n "sizes": [64, 128]}\n');

    const run = await t.fgs.run(t.invoke('--data', '@event.json'));

    expect(run.code, run.stderr).toBe(0);
    expect(sentBodies()).toEqual(['{"image":"cat.png","sizes":[64,128]}']);
  });

  it('is {} without --data and with nothing piped', async () => {
    const run = await t.fgs.run(t.invoke());

    expect(run.code, run.stderr).toBe(0);
    expect(sentBodies()).toEqual(['{}']);
  });

  it('--data wins over piped stdin, which is left unread', async () => {
    const run = await t.fgs.run(t.invoke('--data', '{"from":"flag"}'), { stdin: '{"from":"stdin"}' });

    expect(run.code, run.stderr).toBe(0);
    expect(sentBodies()).toEqual(['{"from":"flag"}']);
  });

  it.each([
    ['--data', ['--data', '{"a": 1,}'], undefined, /^error: --data is not JSON: line 1, column 9: .+\nhint: nothing was sent\n$/],
    ['piped stdin', [], '{\n  "a": 1,\n  "b": tru\n}\n', /^error: stdin is not JSON: line 3, column 8: .+\nhint: nothing was sent\n$/],
    ['--data -', ['--data', '-'], '[1, 2\n', /^error: --data - \(stdin\) is not JSON: line 2, column 1: .+\nhint: nothing was sent\n$/],
  ] as const)('that is not JSON (%s) is refused with its line and column, exit 2, nothing sent', async (_label, args, stdin, message) => {
    const run = await t.fgs.run(t.invoke(...args), stdin === undefined ? {} : { stdin });

    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(t.fake.requests).toEqual([]);
  });

  it('in a file that is not JSON is refused naming the file, line and column', async () => {
    writeFileSync(join(t.fgs.scratch, 'broken.json'), '{\n  "ok": true\n  "missing": "comma"\n}\n');

    const run = await t.fgs.run(t.invoke('--data', '@broken.json'));

    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^error: --data @broken\.json is not JSON: line 3, column 3: /);
    expect(t.fake.requests).toEqual([]);
  });

  it.each([
    ['an empty --data', ['--data', ''], /^error: --data is empty: a JSON value is needed/],
    ['a file that does not exist', ['--data', '@missing.json'], /^error: --data @missing\.json: cannot read missing\.json: no such file\n/],
  ] as const)('%s is refused before sending (exit 2)', async (_label, args, message) => {
    const run = await t.fgs.run(t.invoke(...args));

    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(t.fake.requests).toEqual([]);
  });
});

describe('fgs invoke: stdout is the result, as the function sent it, when piped', () => {
  it.each([
    ['JSON with its own spacing, no newline', '{"b": 2,   "a": [1,2], "s": "é \\u00e9 ✓"}'],
    ['text with trailing newlines', 'hello\nworld\n\n'],
    ['a JSON string', '"just a string"'],
    ['nothing', ''],
  ])('%s: byte for byte', async (_label, result) => {
    t.fake.setSync({ result });

    const run = await t.fgs.run(t.invoke());

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(result);
    expect(run.stderr).toMatch(/^✓ done request [0-9a-f-]{36} · /);
  });

  it('through a shell pipe into another program, with the summary on stderr only', async () => {
    const result = '{"items":[{"id":1},{"id":2}],"note":"ünïcödé"}';
    t.fake.setSync({ result, requestId: 'req-pipe-1' });

    const run = await t.fgs.terminal(`"$FGS" invoke '${URN}' --endpoint ${t.fake.url} | cat > piped.txt`);

    expect(run.code).toBe(0);
    expect(t.fgs.readOutputFile('piped.txt')).toBe(result);
    // The terminal (stderr) shows the summaries and never the result.
    expect(run.screen).not.toContain('"items"');
    expect(run.screen).toContain('request req-pipe-1');
  });

  it('a consumer that stops reading early ends nothing badly: no stack, the exit code of the run', async () => {
    t.fake.setSync({ result: 'x'.repeat(512 * 1024), functionError: { code: 200 } });

    await t.fgs.terminal(`{ "$FGS" invoke '${URN}' --endpoint ${t.fake.url} 2> err.txt; echo $? > code.txt; } | head -c 3 > head.txt`);

    expect(t.fgs.readOutputFile('head.txt')).toBe('xxx');
    expect(t.fgs.readOutputFile('code.txt')).toBe('1\n');
    const stderr = t.fgs.readOutputFile('err.txt');
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(stderr).toMatch(/^✗ the function failed \(error code 200\) request /);
  });
});

describe('fgs invoke --json', () => {
  it('prints one line: { requestId, result, functionError, summary, log }, the result parsed', async () => {
    t.fake.setSync({ result: '{"answer": 42}', requestId: 'req-json-1', summary: { duration: 65.8, billingDuration: 66, memorySize: 256, memoryUsed: 21.5 } });

    const run = await t.fgs.run(t.invoke('--json'));

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.endsWith('\n') && run.stdout.indexOf('\n') === run.stdout.length - 1).toBe(true);
    expect(JSON.parse(run.stdout)).toEqual({
      requestId: 'req-json-1',
      result: { answer: 42 },
      functionError: null,
      summary: { durationMs: 65.8, billingDurationMs: 66, memorySizeMb: 256, memoryUsedMb: 21.5 },
      log: null,
    });
    expect(run.stderr).toContain('request req-json-1 · 66 ms (billed 66 ms) · 21.5 MB used of 256 MB');
  });

  it('keeps a result that is not JSON as text, and carries the log and the function error', async () => {
    t.fake.setSync({ result: 'not json at all', requestId: 'req-json-2', functionError: { code: 200 }, log: 'line one\nline two\n', summary: null });

    const run = await t.fgs.run(t.invoke('--json', '--logs'));

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      requestId: 'req-json-2',
      result: 'not json at all',
      functionError: { code: 200, status: 200, result: 'not json at all' },
      summary: null,
      log: 'line one\nline two\n',
    });
  });
});

describe('fgs invoke --logs', () => {
  it("asks for the log tail and shows it decoded on stderr, stdout unchanged", async () => {
    const log = "2024-05-01T10:00:00Z Start invoke request 'r1'\nHello, wörld ✓\n2024-05-01T10:00:00Z Finish invoke request 'r1'";
    t.fake.setSync({ result: '{"ok":true}', log });

    const run = await t.fgs.run(t.invoke('--logs'));

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('{"ok":true}');
    expect(run.stderr).toContain(`── log ──\n${log}\n`);
    expect(run.stderr).not.toContain(Buffer.from(log).toString('base64'));
    expect(t.fake.requests[0]!.headers['x-cff-log-type']).toBe('tail');
  });

  it('without --logs, no log is asked for and none is shown', async () => {
    t.fake.setSync({ result: '{}', log: 'secret-ish log line' });

    const run = await t.fgs.run(t.invoke());

    expect(run.code, run.stderr).toBe(0);
    expect(t.fake.requests[0]!.headers['x-cff-log-type']).toBeUndefined();
    expect(run.stderr).not.toContain('log');
  });
});

describe('fgs invoke: a function that fails', () => {
  it('exits 1 with its result still on stdout and the failure on stderr', async () => {
    const result = '{"errorMessage":"boom","errorType":"Error","stackTrace":[]}';
    t.fake.setSync({ result, functionError: { code: 200 }, requestId: 'req-fail-1' });

    const run = await t.fgs.run(t.invoke());

    expect(run.code).toBe(1);
    expect(run.stdout).toBe(result);
    expect(run.stderr).toMatch(/^✗ the function failed \(error code 200\) request req-fail-1 · /);
  });
});

describe('fgs invoke: the request', () => {
  it('goes to the URN\'s project, signed with the keys from the environment (verified by the official signer)', async () => {
    const run = await t.fgs.run(t.invoke('--data', '{"k":"v"}'));

    expect(run.code, run.stderr).toBe(0);
    const [request] = t.fake.requests;
    expect(request).toMatchObject({ operation: 'invokeFunction', method: 'POST', functionUrn: URN, projectId: URN.split(':')[3], body: '{"k":"v"}' });
    expect(request!.verdict).toMatchObject({ accepted: true, route: 'sign' });
    expect(request!.headers['x-project-id']).toBe(URN.split(':')[3]);
  });
});
