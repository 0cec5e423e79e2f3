/**
 * What the loopback tests of the `credentials` option share: fake key pairs, and a server that
 * answers asyncInvokeFunction, started and stopped around the file's tests, with a client that
 * signs its requests to it.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFunctionGraphClient, type Credentials, type FunctionGraphClient, type FunctionGraphClientOptions } from '../../src/index.js';
import { json, startLoopbackServer, type LoopbackServer, type Responder } from './loopback-server.js';
import { FAST_BACKOFF } from './calls.js';

export const PERMANENT: Credentials = { accessKeyId: 'FAKEAK0000000001', secretAccessKey: 'fake-sk-0000000000000001' };
export const TEMPORARY: Credentials = { ...PERMANENT, securityToken: 'fake-security-token-0001' };

/** asyncInvokeFunction's answer. */
export const ok: Responder = (_request, res) => json(res, 202, { request_id: 'r-1' });

export interface SigningLoopback {
  /** The file's server: answers `ok` unless reset, and forgets its requests before each test. */
  readonly server: LoopbackServer;
  /** A client with temporary credentials (unless `options` says otherwise) sending to the server. */
  client(options?: Partial<FunctionGraphClientOptions>): FunctionGraphClient;
  /** 503 to the first request, then `ok`. */
  readonly busyOnce: Responder;
}

/** Starts the file's loopback server before its tests and stops it after them. Call at the top of a test file. */
export function useSigningLoopback(): SigningLoopback {
  let started: LoopbackServer | undefined;
  beforeAll(async () => {
    started = await startLoopbackServer(ok);
  });
  afterAll(() => started?.close());
  beforeEach(() => started?.reset());
  const server = () => {
    if (!started) throw new Error('the loopback server is not started yet: use it inside a test');
    return started;
  };
  return {
    get server() {
      return server();
    },
    client: (options = {}) => createFunctionGraphClient({ baseUrl: server().url, credentials: TEMPORARY, backoff: FAST_BACKOFF, ...options }),
    busyOnce: (request, res) => (server().requests.length === 1 ? json(res, 503, { error_code: 'FSS.0503', error_msg: 'busy' }) : ok(request, res)),
  };
}
