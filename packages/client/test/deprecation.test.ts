/**
 * Deprecation notices. A deprecated operation warns once per process (DeprecationWarning, code
 * FGS_DEPRECATED_OPERATION, naming the successor), even when a process loads both the ESM and
 * the CJS build; `Deprecation` and `Sunset` response headers show on ApiResponse. "Once per
 * process" is only observable in a fresh process, so each case runs the built package in a child
 * `node` that calls a loopback server in this process.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, operationDescriptors } from '../src/index.js';
import { behave, DEFAULT_INSTANCE_ID, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { describeRun, runDistModule, type ChildRun } from './helpers/node-child.js';
import { INPUT, PROJECT, TOKEN, URN } from './helpers/calls.js';

const DEPRECATION = '@1688169599';
const SUNSET = 'Wed, 31 Dec 2026 23:59:59 GMT';

/** Calls the operation FGS_CALLS times, printing each answer's deprecation facts and every warning as JSON. */
const childSource = `
process.on('warning', (w) => console.log('WARNING ' + JSON.stringify({ name: w.name, code: w.code, message: w.message })));
const { createFunctionGraphClient } = await import(process.env.FGS_DIST);
const client = createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, projectId: process.env.FGS_PROJECT, token: process.env.FGS_TOKEN, maxRetries: 0 });
for (let i = 0; i < Number(process.env.FGS_CALLS); i++) {
  const res = await client.withResponse.asyncInvokeReservedFunction({ functionUrn: process.env.FGS_URN, body: { i } });
  console.log('ANSWER ' + JSON.stringify({ status: res.status, deprecation: res.deprecation ?? null, sunset: res.sunset ?? null }));
}
console.log('done');
`;

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer({ maxLifetimeMs: 60_000 });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.script();
  server.fallback(behave.accepted(DEFAULT_INSTANCE_ID));
});

function runCalls(calls: number, nodeArgs: string[] = []): Promise<ChildRun> {
  return runDistModule(childSource, {
    nodeArgs,
    env: { FGS_BASE_URL: server.url, FGS_PROJECT: PROJECT, FGS_TOKEN: TOKEN, FGS_URN: URN, FGS_CALLS: String(calls) },
    timeoutMs: 20_000,
  });
}

/** Node's stderr lines for warnings with `code`: `(node:PID) [CODE] DeprecationWarning: message`. */
function stderrWarnings(run: ChildRun, code: string): string[] {
  return run.stderr.split('\n').filter((line) => line.includes(`[${code}] DeprecationWarning: `));
}

function listenedWarnings(run: ChildRun): { name: string; code: string; message: string }[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('WARNING '))
    .map((line) => JSON.parse(line.slice('WARNING '.length)) as { name: string; code: string; message: string });
}

function answers(run: ChildRun): { status: number; deprecation: string | null; sunset: string | null }[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('ANSWER '))
    .map((line) => JSON.parse(line.slice('ANSWER '.length)) as { status: number; deprecation: string | null; sunset: string | null });
}

function expectCompleted(run: ChildRun, calls: number): void {
  expect(run.exitCode, describeRun(run)).toBe(0);
  expect(run.stdout).toContain('done');
  expect(answers(run)).toHaveLength(calls);
  expect(server.requests).toHaveLength(calls);
}

describe('a deprecated operation', () => {
  it('warns exactly once per process, naming the operation and its successor asyncInvokeFunction', async () => {
    const run = await runCalls(3);

    expectCompleted(run, 3);
    const lines = stderrWarnings(run, 'FGS_DEPRECATED_OPERATION');
    expect(lines, describeRun(run)).toHaveLength(1);
    expect(lines[0]).toContain('asyncInvokeReservedFunction');
    expect(lines[0]).toContain('asyncInvokeFunction');
    const warnings = listenedWarnings(run);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ name: 'DeprecationWarning', code: 'FGS_DEPRECATED_OPERATION' });
    expect(warnings[0]!.message).toMatch(/asyncInvokeReservedFunction.*asyncInvokeFunction/);
    // No header came, so no header warning.
    expect(stderrWarnings(run, 'FGS_DEPRECATION_HEADER')).toHaveLength(0);
  });

  it('names a successor the client has: a method on every client, with an operation of its own', () => {
    const client = createFunctionGraphClient({ baseUrl: 'http://127.0.0.1:1', token: TOKEN });
    const successor = operationDescriptors.asyncInvokeReservedFunction.deprecation.match(/use (\w+) instead/)?.[1];

    expect(successor).toBe('asyncInvokeFunction');
    expect(typeof (client as unknown as Record<string, unknown>)[successor!]).toBe('function');
    expect(Object.keys(operationDescriptors)).toContain(successor);
  });

  it('warns once even when the process loads both the ESM and the CJS build', async () => {
    const bothBuilds = `
process.on('warning', (w) => console.log('WARNING ' + JSON.stringify({ name: w.name, code: w.code, message: w.message })));
const { createRequire } = await import('node:module');
const esm = await import(process.env.FGS_DIST);
const cjs = createRequire(import.meta.url)(new URL('index.cjs', process.env.FGS_DIST).pathname);
if (esm.createFunctionGraphClient === cjs.createFunctionGraphClient) throw new Error('expected two module instances');
for (const build of [esm, cjs]) {
  const client = build.createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, projectId: process.env.FGS_PROJECT, token: process.env.FGS_TOKEN });
  const res = await client.withResponse.asyncInvokeReservedFunction({ functionUrn: process.env.FGS_URN, body: {} });
  console.log('ANSWER ' + JSON.stringify({ status: res.status, deprecation: null, sunset: null }));
}
console.log('done');
`;
    const run = await runDistModule(bothBuilds, {
      env: { FGS_BASE_URL: server.url, FGS_PROJECT: PROJECT, FGS_TOKEN: TOKEN, FGS_URN: URN },
      timeoutMs: 20_000,
    });

    expectCompleted(run, 2);
    expect(stderrWarnings(run, 'FGS_DEPRECATED_OPERATION'), describeRun(run)).toHaveLength(1);
  });

  it('stays silent under --no-deprecation', async () => {
    const run = await runCalls(2, ['--no-deprecation']);

    expectCompleted(run, 2);
    expect(run.stderr).not.toContain('DeprecationWarning');
    expect(run.stderr).not.toContain('FGS_DEPRECATED_OPERATION');
  });
});

describe('Deprecation and Sunset response headers', () => {
  it('show on every ApiResponse, in a fresh process as in this one', async () => {
    server.fallback(behave.accepted(DEFAULT_INSTANCE_ID, { Deprecation: DEPRECATION, Sunset: SUNSET }));

    const run = await runCalls(3);

    expectCompleted(run, 3);
    expect(answers(run)).toEqual(Array.from({ length: 3 }, () => ({ status: 202, deprecation: DEPRECATION, sunset: SUNSET })));
    // The operation's own notice is still given once.
    expect(stderrWarnings(run, 'FGS_DEPRECATED_OPERATION')).toHaveLength(1);
  });

  it('are on ApiResponse.deprecation and .sunset (in this process too)', async () => {
    server.fallback(behave.accepted(DEFAULT_INSTANCE_ID, { Deprecation: DEPRECATION, Sunset: SUNSET }));
    const client = createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN });

    const result = await client.withResponse.asyncInvokeReservedFunction(INPUT);

    expect(result.deprecation).toBe(DEPRECATION);
    expect(result.sunset).toBe(SUNSET);
  });

  it('give no extra warning: they are data on ApiResponse and error headers, not process warnings', async () => {
    server.fallback(behave.accepted(DEFAULT_INSTANCE_ID, { Deprecation: DEPRECATION, Sunset: SUNSET }));

    const run = await runCalls(2);

    expectCompleted(run, 2);
    expect(listenedWarnings(run).map((w) => w.code)).toEqual(['FGS_DEPRECATED_OPERATION']);
  });

  it('give no header warning under --no-deprecation', async () => {
    server.fallback(behave.accepted(DEFAULT_INSTANCE_ID, { Deprecation: DEPRECATION, Sunset: SUNSET }));

    const run = await runCalls(2, ['--no-deprecation']);

    expectCompleted(run, 2);
    expect(run.stderr).not.toContain('DeprecationWarning');
  });
});
