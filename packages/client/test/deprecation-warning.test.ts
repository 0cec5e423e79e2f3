/**
 * The runtime's deprecation warning, in this process: one Node warning per notice, its type and code,
 * and silence where there is no `process.emitWarning` (browsers). deprecation.test.ts checks the same
 * end to end on the built package, each case in a fresh child process (the only place "once per
 * process" can be seen for a real operation); here each case uses a notice of its own, so the cases
 * do not depend on what ran before them in this process.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createFunctionGraphClient } from '../src/index.js';
import { warnOnce } from '../src/runtime/deprecation.js';
import { behave, DEFAULT_INSTANCE_ID, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { INPUT, PROJECT, TOKEN } from './helpers/calls.js';

let notices = 0;
/** A notice no other case (nor the client) has warned about. */
const freshNotice = () => `test-notice:${process.pid}:${++notices}`;

const seen: Error[] = [];
const listener = (warning: Error) => seen.push(warning);
process.on('warning', listener);
afterEach(() => {
  seen.length = 0;
});
let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ fallback: behave.accepted(DEFAULT_INSTANCE_ID) });
});
afterAll(async () => {
  process.off('warning', listener);
  await server?.close();
});

/** Node emits a warning on the next tick. */
const warnings = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  return seen.filter((warning) => warning.message.startsWith('deprecated in this test'));
};

it('warns once per notice, as a DeprecationWarning with its code', async () => {
  const notice = freshNotice();

  warnOnce(notice, 'deprecated in this test: use the other one', 'FGS_TEST_CODE');
  warnOnce(notice, 'deprecated in this test: use the other one', 'FGS_TEST_CODE');

  const got = await warnings();
  expect(got).toHaveLength(1);
  expect(got[0]).toMatchObject({ name: 'DeprecationWarning', code: 'FGS_TEST_CODE', message: 'deprecated in this test: use the other one' });
});

it('warns about each notice once', async () => {
  const [first, second] = [freshNotice(), freshNotice()];

  for (let i = 0; i < 3; i++) {
    warnOnce(first, 'deprecated in this test: first', 'FGS_TEST_CODE');
    warnOnce(second, 'deprecated in this test: second', 'FGS_TEST_CODE');
  }

  expect((await warnings()).map((warning) => warning.message)).toEqual(['deprecated in this test: first', 'deprecated in this test: second']);
});

it('stays silent, without throwing, where there is no process.emitWarning', async () => {
  const notice = freshNotice();
  const original = Object.getOwnPropertyDescriptor(globalThis, 'process')!;
  // As in a browser. Put back before anything else can run: nothing here awaits in between.
  Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true });
  let thrown: unknown;
  try {
    warnOnce(notice, 'deprecated in this test: no process', 'FGS_TEST_CODE');
  } catch (error) {
    thrown = error;
  } finally {
    Object.defineProperty(globalThis, 'process', original);
  }
  expect(thrown).toBeUndefined();
  expect(await warnings()).toEqual([]);

  const { emitWarning } = process;
  Object.defineProperty(process, 'emitWarning', { value: undefined, configurable: true, writable: true });
  try {
    warnOnce(freshNotice(), 'deprecated in this test: no emitWarning', 'FGS_TEST_CODE');
  } catch (error) {
    thrown = error;
  } finally {
    process.emitWarning = emitWarning;
  }
  expect(thrown).toBeUndefined();
  expect(await warnings()).toEqual([]);
});

it('warns once about a deprecated operation, naming its successor, however often it is called', async () => {
  // The record of what was warned about is process-wide: another file may already have called this
  // operation here. A fresh record for this case, put back after it.
  const record = Symbol.for('@fgs-openapi/client warned');
  const scope = globalThis as { [record]?: Set<string> };
  const before = scope[record];
  scope[record] = new Set();
  try {
    const client = createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN });
    await client.asyncInvokeReservedFunction(INPUT);
    await client.asyncInvokeReservedFunction(INPUT);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    scope[record] = before;
  }

  const deprecations = seen.filter((warning) => (warning as { code?: string }).code === 'FGS_DEPRECATED_OPERATION');
  expect(deprecations).toHaveLength(1);
  expect(deprecations[0]!.name).toBe('DeprecationWarning');
  expect(deprecations[0]!.message).toMatch(/^asyncInvokeReservedFunction is deprecated; use asyncInvokeFunction instead/);
});
