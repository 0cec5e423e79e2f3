/**
 * The runtime's deprecation warning, in this process: one Node warning per notice, its type and code,
 * and silence where there is no `process.emitWarning` (browsers). deprecation.test.ts checks the same
 * end to end on the built package, each case in a fresh child process (the only place "once per
 * process" can be seen for a real operation); here each case uses a notice of its own, so the cases
 * do not depend on what ran before them in this process.
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { warnOnce } from '../src/runtime/deprecation.js';

let notices = 0;
/** A notice no other case (nor the client) has warned about. */
const freshNotice = () => `test-notice:${process.pid}:${++notices}`;

const seen: Error[] = [];
const listener = (warning: Error) => seen.push(warning);
process.on('warning', listener);
afterEach(() => {
  seen.length = 0;
});
afterAll(() => {
  process.off('warning', listener);
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
