/**
 * The closing summary of .ci/run (.ci/test-summary.mjs), against JSON results that vitest itself
 * wrote for a small fixture project (test/ci/fixtures/vitest-run/) with known numbers of passed,
 * failed, skipped and todo tests, a suite whose hook fails and a file that fails to load. The
 * summary must print what vitest reported, never make a count up, say plainly when there are no
 * results (or only stale ones), and end with one `tests: N passed, N failed, N skipped` line.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(repo, 'test/ci/fixtures/vitest-run');
const summaryScript = path.join(repo, '.ci/test-summary.mjs');
/** The closing line a CI reader looks for: at most one word and a colon before the counts. */
const closingLine = /^(?:\w+: )?\d+ passed, \d+ failed(?:, \d+ skipped)?$/;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd = repo): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Runs vitest on the fixture project (some of its files), writing JSON results; returns its exit code. */
async function vitestResults(name: string, files: string[]): Promise<{ file: string; status: number }> {
  const file = path.join(scratch, `${name}.json`);
  const vitest = path.join(repo, 'node_modules/.bin/vitest');
  const { code } = await run(vitest, ['run', '--config', 'vitest.config.mjs', '--reporter=json', `--outputFile=${file}`, ...files], fixture);
  return { file, status: code };
}

function summary(results: string, status: number, since?: number): Promise<Outcome> {
  const args = [summaryScript, '--results', results, '--status', String(status)];
  if (since !== undefined) args.push('--since', String(since));
  return run(process.execPath, args);
}

/** The last line, checked to have the closing shape and to be alone on its line. */
function lastLine(outcome: Outcome): string {
  expect(outcome.stdout.endsWith('\n')).toBe(true);
  const line = outcome.stdout.trimEnd().split('\n').at(-1)!;
  expect(line).toMatch(closingLine);
  return line;
}

let scratch: string;
let all: { file: string; status: number };
let passing: { file: string; status: number };
let brokenHook: { file: string; status: number };

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fgs-ci-summary-'));
  [all, passing, brokenHook] = await Promise.all([
    vitestResults('all', []),
    vitestResults('passing', ['passing.fixture-test.mjs']),
    vitestResults('broken-hook', ['broken-hook.fixture-test.mjs']),
  ]);
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('with results from vitest', () => {
  it('a passing run with a skipped and a todo test: the counts vitest reported, exit 0', async () => {
    expect(passing.status).toBe(0);

    const outcome = await summary(passing.file, passing.status);

    expect(outcome.stdout).toContain('vitest: 4 tests in 1 file: 2 passed, 0 failed, 1 skipped, 1 todo\n');
    expect(lastLine(outcome)).toBe('tests: 2 passed, 0 failed, 2 skipped');
    expect(outcome.code).toBe(0);
  });

  it('a suite whose hook fails: no failed test is made up, the suite is named, exit non-zero', async () => {
    expect(brokenHook.status).not.toBe(0);

    const outcome = await summary(brokenHook.file, brokenHook.status);

    expect(outcome.stdout).toContain('vitest: 1 test in 1 file: 0 passed, 0 failed, 1 skipped, 0 todo\n');
    expect(outcome.stdout).toContain('vitest: 2 of 2 suites (files and describe blocks) failed\n');
    expect(outcome.stdout).toContain('  suite failed without a failed test: test/ci/fixtures/vitest-run/broken-hook.fixture-test.mjs:');
    expect(outcome.stdout).toContain('vitest reported the run as failed.\n');
    expect(lastLine(outcome)).toBe('tests: 0 passed, 0 failed, 1 skipped');
    expect(outcome.code).toBe(brokenHook.status);
  });

  it('a run with a failed test, a failed hook and a file that fails to load: each reported, exit non-zero', async () => {
    expect(all.status).not.toBe(0);

    const outcome = await summary(all.file, all.status);

    expect(outcome.stdout).toContain('vitest: 7 tests in 4 files: 3 passed, 1 failed, 2 skipped, 1 todo\n');
    expect(outcome.stdout).toContain('  failed: test/ci/fixtures/vitest-run/failing.fixture-test.mjs > fails on purpose: AssertionError: expected 1 to be 2');
    expect(outcome.stdout).toContain('  suite failed without a failed test: test/ci/fixtures/vitest-run/broken-import.fixture-test.mjs: this file broke on purpose while loading\n');
    expect(outcome.stdout).toContain('  suite failed without a failed test: test/ci/fixtures/vitest-run/broken-hook.fixture-test.mjs:');
    expect(lastLine(outcome)).toBe('tests: 3 passed, 1 failed, 3 skipped');
    expect(outcome.code).toBe(all.status);
  });

  it('npm test failed although vitest reported no failure: says so and keeps the exit status', async () => {
    const outcome = await summary(passing.file, 3);

    expect(outcome.stdout).toContain('vitest reported no failure, but npm test exited with status 3');
    expect(lastLine(outcome)).toBe('tests: 2 passed, 0 failed, 2 skipped');
    expect(outcome.code).toBe(3);
  });
});

describe('without results from this run', () => {
  it('no results file: says so plainly, counts nothing, exits non-zero even after status 0', async () => {
    const outcome = await summary(path.join(scratch, 'none.json'), 0);

    expect(outcome.stdout).toMatch(/^vitest produced no results: .*none\.json does not exist\.\n/);
    expect(lastLine(outcome)).toBe('tests: 0 passed, 0 failed');
    expect(outcome.code).not.toBe(0);
  });

  it('a results file cut short: says it cannot be read, exits non-zero', async () => {
    const cut = path.join(scratch, 'cut.json');
    const text = await readFile(passing.file, 'utf8');
    await writeFile(cut, text.slice(0, text.length / 2));

    const outcome = await summary(cut, 0);

    expect(outcome.stdout).toMatch(/^vitest produced no results: .*cut\.json cannot be read \(/);
    expect(lastLine(outcome)).toBe('tests: 0 passed, 0 failed');
    expect(outcome.code).not.toBe(0);
  });

  it('a results file from an earlier run (older than --since): not used, exits non-zero', async () => {
    const outcome = await summary(passing.file, 0, Date.now());

    expect(outcome.stdout).toMatch(/^vitest produced no results: .*passing\.json is from an earlier run \(started /);
    expect(outcome.stdout).not.toContain('2 passed');
    expect(lastLine(outcome)).toBe('tests: 0 passed, 0 failed');
    expect(outcome.code).not.toBe(0);
  });

  it('the same file counts when it is from this run', async () => {
    const outcome = await summary(passing.file, 0, Date.now() - 3_600_000);

    expect(lastLine(outcome)).toBe('tests: 2 passed, 0 failed, 2 skipped');
    expect(outcome.code).toBe(0);
  });
});
