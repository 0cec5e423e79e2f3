#!/usr/bin/env node
/**
 * The closing summary of a CI run, from vitest's JSON results (.ci/run calls it after `npm test`):
 * what vitest reported (tests passed, failed, skipped and todo; test files and suites that failed
 * outside any test), then one last line `tests: N passed, N failed, N skipped` (skipped includes
 * todo). It never makes a count up: when there are no results, or only ones older than this run,
 * it says so and exits non-zero.
 *
 * usage: node .ci/test-summary.mjs --results <file> --status <npm test exit status> [--since <epoch ms>]
 * Exit status: the run's status when non-zero; otherwise 1 if vitest reported a failure, 2 if it
 * produced no results, else 0.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { results: { type: 'string' }, status: { type: 'string', default: '0' }, since: { type: 'string' } },
  strict: true,
});
const file = values.results ?? '.vitest/results.json';
const runStatus = Number(values.status);
const since = values.since === undefined ? undefined : Number(values.since);
const counts = ['numTotalTests', 'numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests', 'numTotalTestSuites', 'numFailedTestSuites'];

function noResults(why) {
  console.log(`vitest produced no results: ${why}.`);
  console.log(`It did not run, or stopped before reporting (npm test exited with status ${runStatus}); the log above says why. No test counts to report.`);
  console.log('tests: 0 passed, 0 failed');
  process.exit(runStatus || 2);
}

let results;
try {
  results = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  noResults(error.code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${error.message})`);
}
const missing = counts.filter((key) => !Number.isInteger(results?.[key]));
if (missing.length > 0 || !Array.isArray(results.testResults)) {
  noResults(`${file} is not a vitest JSON report (no ${missing.join(', ') || 'testResults'})`);
}
if (since !== undefined && !(results.startTime >= since)) {
  noResults(`${file} is from an earlier run (started ${new Date(results.startTime).toISOString()}, before this one)`);
}

const { numTotalTests: total, numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numTodoTests: todo } = results;
const files = results.testResults;
const relative = (name) => path.relative(process.cwd(), name) || name;
const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const firstLine = (text) => String(text).split('\n').find((line) => line.trim()) ?? '';

console.log(`vitest: ${count(total, 'test')} in ${count(files.length, 'file')}: ${passed} passed, ${failed} failed, ${skipped} skipped, ${todo} todo`);

const failedTests = files.flatMap((f) => f.assertionResults.filter((t) => t.status === 'failed').map((t) => ({ file: f.name, test: t })));
for (const { file: name, test } of failedTests.slice(0, 50)) {
  console.log(`  failed: ${relative(name)} > ${test.fullName}: ${firstLine(test.failureMessages?.[0] ?? '')}`);
}
if (failedTests.length > 50) console.log(`  … and ${failedTests.length - 50} more failed tests`);

// A file that failed to load, or whose hook failed, has a failed suite but maybe no failed test.
const failedFiles = files.filter((f) => f.status === 'failed' && !f.assertionResults.some((t) => t.status === 'failed'));
if (results.numFailedTestSuites > 0 || failedFiles.length > 0) {
  console.log(`vitest: ${results.numFailedTestSuites} of ${results.numTotalTestSuites} suites (files and describe blocks) failed`);
  for (const f of failedFiles) {
    console.log(`  suite failed without a failed test: ${relative(f.name)}: ${firstLine(f.message) || 'a hook or describe block failed; see the log above'}`);
  }
}
if (results.success !== true) {
  console.log('vitest reported the run as failed.');
} else if (runStatus !== 0) {
  console.log(`vitest reported no failure, but npm test exited with status ${runStatus} (an unhandled error, a type error or a build step); see the log above.`);
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped + todo} skipped`);
process.exit(runStatus || (results.success === true ? 0 : 1));
