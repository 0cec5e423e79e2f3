/**
 * The frame most fault tests share: one fault server per file, answering 202 again before each
 * test and closed after the file; unhandled rejections fail the test that caused them; and a
 * client bound to the server, with backoff short enough for tests.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFunctionGraphClient, type FunctionGraphClient, type FunctionGraphClientOptions } from '../../src/index.js';
import { behave, DEFAULT_INSTANCE_ID, startFaultServer, type FaultServer } from './fault-server.js';
import { FAST_BACKOFF, guardUnhandledRejections, PROJECT, TOKEN } from './calls.js';
import { transportOptions } from './transport.js';

export interface FaultSuite {
  /** The file's server; available inside tests and hooks. */
  readonly server: FaultServer;
  client(options?: Partial<FunctionGraphClientOptions>): FunctionGraphClient;
}

export function faultSuite(): FaultSuite {
  let started: FaultServer | undefined;
  beforeAll(async () => {
    started = await startFaultServer();
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    started!.script();
    started!.fallback(behave.accepted(DEFAULT_INSTANCE_ID));
  });
  guardUnhandledRejections();
  const suite: FaultSuite = {
    get server() {
      if (!started) throw new Error('the fault server starts in beforeAll; use it inside tests and hooks');
      return started;
    },
    client: (options = {}) =>
      createFunctionGraphClient({ baseUrl: suite.server.url, projectId: PROJECT, token: TOKEN, backoff: FAST_BACKOFF, ...transportOptions(), ...options }),
  };
  return suite;
}
