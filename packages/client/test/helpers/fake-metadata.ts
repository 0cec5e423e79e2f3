/**
 * A loopback stand-in for the ECS instance metadata API (facts §5c), for the tests of
 * `credentialsFromMetadata` and the chain: `PUT /meta-data/latest/api/token` hands out a session
 * token, `GET /openstack/latest/securitykey` answers the agency's temporary key pair as
 * `{"credential":{"access","secret","securitytoken","expires_at"}}`. The test decides, at any time:
 *
 * - whether the service has session tokens (`sessionTokens: 'issued'`, then the key needs one) or
 *   answers the PUT 404 or 405, as older services do;
 * - what the security key request gets: the key pair the test serves (its `expires_at` written
 *   as the test likes), the 401 of an instance without an agency (with a message body), an answer
 *   whose body stalls or breaks off half-way, or any other status;
 * - how long each answer waits (`delayMs`), to be slower than the provider's timeout.
 *
 * Every request is recorded; `count()` says how many of each kind arrived. Two more ways for the
 * service to be off the cloud: `closedEndpoint()` (nothing listens on the port) and
 * `silentEndpoint()` (a socket that accepts and never says a word, like a black-holed address).
 *
 * 127.0.0.1 only, ports chosen by the OS, closed by the test.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import type { ServerResponse } from 'node:http';
import { closedPort, closeServer, listenOnLoopback, recordingServer, type RecordedRequest } from './loopback-server.js';

export const TOKEN_PATH = '/meta-data/latest/api/token';
export const SECURITY_KEY_PATH = '/openstack/latest/securitykey';
/** What an instance without an agency is told (the live wording is not published; the gist is). */
export const NO_AGENCY_MESSAGE = 'Unauthorized: the ECS instance is not bound to a cloud service agency; configure an agency for it';

/** A temporary key pair as the service writes it; `expires_at` is the exact text sent. */
export interface MetadataKey {
  access: string;
  secret: string;
  securitytoken: string;
  expires_at: string;
}

export type SessionTokens = 'issued' | 404 | 405;
/**
 * `key`: the key pair served; `no-agency`: 401 with a message; `stalled-body`: the headers and the
 * start of the key, then silence; `cut-body`: the same, then the connection is dropped.
 */
export type SecurityKeyAnswer = 'key' | 'no-agency' | 'stalled-body' | 'cut-body' | { status: number; body: string };

export interface FakeMetadata {
  /** `http://127.0.0.1:<port>`: the provider's `endpoint`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Session tokens handed out so far, newest last. */
  readonly sessionTokensIssued: string[];
  /** How the PUT is answered from now on: a token (and the GET then requires it), or 404/405. */
  sessionTokens: SessionTokens;
  /** How the GET is answered from now on. */
  securityKey: SecurityKeyAnswer;
  /** Milliseconds every answer waits before it is written. */
  delayMs: number;
  /** The key pair served from now on. */
  serve(key: MetadataKey): void;
  /** How many requests of each kind have arrived since the start or the last `forget()`. */
  count(): { sessionToken: number; securityKey: number };
  /** Forgets the requests seen so far (not the settings). */
  forget(): void;
  close(): Promise<void>;
}

/** A recognisable fake key pair; `n` tells generations apart. The secret and token say SECRET so a leak is easy to find. */
export function fakeMetadataKey(n: number, expiresAt: Date | string): MetadataKey {
  return {
    access: `FAKEMETAAK${String(n).padStart(6, '0')}`,
    secret: `fake-metadata-sk-SECRET-${n}-${randomBytes(6).toString('hex')}`,
    // Real security tokens are a few KB.
    securitytoken: `fake-metadata-token-SECRET-${n}-`.padEnd(2_000, 'q'),
    expires_at: typeof expiresAt === 'string' ? expiresAt : metadataTime(expiresAt),
  };
}

/** `expires_at` as the service writes it: ISO UTC with microseconds (`2026-12-05T10:00:00.000000Z`). */
export function metadataTime(at: Date): string {
  return at.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** `ms` from now, as a Date. */
export const fromNow = (ms: number): Date => new Date(Date.now() + ms);

export async function startFakeMetadata(initial: { key?: MetadataKey; sessionTokens?: SessionTokens } = {}): Promise<FakeMetadata> {
  const requests: RecordedRequest[] = [];
  const sessionTokensIssued: string[] = [];
  let key = initial.key ?? fakeMetadataKey(1, fromNow(6 * 60 * 60_000));
  const answers = { sessionTokens: initial.sessionTokens ?? ('issued' as SessionTokens), securityKey: 'key' as SecurityKeyAnswer, delayMs: 0 };

  const write = (res: ServerResponse, status: number, body: string, type = 'application/json') => {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) });
      res.end(body);
    };
    if (answers.delayMs > 0) setTimeout(send, answers.delayMs);
    else send();
  };

  const server = recordingServer((recorded, _req, res) => {
    requests.push(recorded);
    const path = recorded.url.split('?')[0];
    if (path === TOKEN_PATH) {
      if (recorded.method !== 'PUT') return write(res, 405, 'method not allowed', 'text/plain');
      if (answers.sessionTokens !== 'issued') return write(res, answers.sessionTokens, answers.sessionTokens === 404 ? 'not found' : 'method not allowed', 'text/plain');
      // The TTL is required by the real service; without it there is no token.
      if (recorded.headers['x-metadata-token-ttl-seconds'] === undefined) return write(res, 400, 'X-Metadata-Token-Ttl-Seconds is required', 'text/plain');
      const token = `fake-session-${sessionTokensIssued.length + 1}-${randomBytes(8).toString('hex')}`;
      sessionTokensIssued.push(token);
      return write(res, 200, token, 'text/plain');
    }
    if (path === SECURITY_KEY_PATH) {
      if (recorded.method !== 'GET') return write(res, 405, 'method not allowed', 'text/plain');
      if (answers.sessionTokens === 'issued' && !sessionTokensIssued.includes(String(recorded.headers['x-metadata-token']))) {
        return write(res, 401, JSON.stringify({ message: 'a valid X-Metadata-Token is required' }));
      }
      const answer = answers.securityKey;
      if (answer === 'no-agency') return write(res, 401, JSON.stringify({ message: NO_AGENCY_MESSAGE }));
      if (answer === 'stalled-body' || answer === 'cut-body') {
        const whole = JSON.stringify({ credential: key });
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(whole)) });
        // Half of the key goes out, secret included: what arrived must not show up in a message.
        res.write(whole.slice(0, Math.floor(whole.length / 2)));
        if (answer === 'cut-body') setTimeout(() => res.destroy(), 20);
        return;
      }
      if (answer !== 'key') return write(res, answer.status, answer.body);
      return write(res, 200, JSON.stringify({ credential: key }));
    }
    write(res, 404, 'not found', 'text/plain');
  });
  const port = await listenOnLoopback(server);

  // The answers object is the fake itself: what a test sets on it, the next answer reads.
  return Object.assign(answers, {
    url: `http://127.0.0.1:${port}`,
    requests,
    sessionTokensIssued,
    serve(next) {
      key = next;
    },
    count: () => ({
      sessionToken: requests.filter((r) => r.url.startsWith(TOKEN_PATH)).length,
      securityKey: requests.filter((r) => r.url.startsWith(SECURITY_KEY_PATH)).length,
    }),
    forget() {
      requests.length = 0;
    },
    close: () => closeServer(server),
  } satisfies Omit<FakeMetadata, keyof typeof answers>);
}

/** An endpoint where nothing listens: a connection is refused at once. */
export async function closedEndpoint(): Promise<string> {
  return `http://127.0.0.1:${await closedPort()}`;
}

/** An endpoint that accepts connections and never answers, like a metadata address nothing routes: only a timeout ends the wait. */
export interface SilentEndpoint {
  readonly url: string;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function silentEndpoint(): Promise<SilentEndpoint> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    // Read and ignore whatever arrives; never write.
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
