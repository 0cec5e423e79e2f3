/**
 * A fault-injection HTTP server on 127.0.0.1 (port chosen by the OS). Each request takes the next
 * behaviour from a script, then the default one: a JSON answer, an HTML error page, a body cut
 * short, a body that dribbles or stalls, a socket held open or reset, a redirect elsewhere.
 *
 * It can also answer compressed (gzip, deflate, raw deflate or br), when the request asks for the
 * coding or regardless.
 *
 * Everything it does is bounded: it closes itself after `maxLifetimeMs`, every timer it starts is
 * cleared on close, and a dribbled body has a fixed number of chunks. Every answer carries
 * `Connection: close`, so each attempt of the client opens a fresh connection and a behaviour that
 * acts on the connection (`resetOnConnect`) meets the attempt it was scripted for.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';

export interface FaultRequest {
  method: string;
  /** `req.url` as sent: the raw request-target, nothing decoded. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `performance.now()` when the request had been read in full. */
  at: number;
}

type Headers = Record<string, string>;

export type Behaviour =
  /** A complete answer: status, headers and body, with a correct Content-Length. */
  | { kind: 'answer'; status: number; headers: Headers; body: string }
  /** Headers promising `declaredLength` bytes, then `body` (shorter), then the socket is destroyed. */
  | { kind: 'short-body'; status: number; headers: Headers; body: string; declaredLength: number }
  /** Headers at once, then one chunk every `intervalMs`; with `stallAfter`, nothing more after that many chunks. */
  | { kind: 'dribble'; status: number; headers: Headers; chunks: string[]; intervalMs: number; stallAfter?: number }
  /** Reads the request and never answers; the socket stays open until the client or `close()` ends it. */
  | { kind: 'hold' }
  /** Resets the TCP connection as soon as it is accepted, before any request is read. */
  | { kind: 'reset-on-connect' }
  /** Reads the whole request, then destroys the socket without answering. */
  | { kind: 'destroy-after-request' }
  /** Reads the whole request, then resets the socket (RST) without answering. */
  | { kind: 'reset-after-request' }
  /** Waits, then behaves as `then`. */
  | { kind: 'delay'; ms: number; then: Behaviour }
  /**
   * `body` compressed with `coding` (sent as `Content-Encoding: deflate` for `deflate-raw`) when the
   * request's Accept-Encoding names it, or whatever it says with `always`; otherwise sent plain.
   */
  | { kind: 'compressed'; status: number; headers: Headers; body: string; coding: Coding; always: boolean };

export type Coding = 'gzip' | 'deflate' | 'deflate-raw' | 'br';

const compressors: Record<Coding, (text: string) => Buffer> = {
  gzip: (text) => gzipSync(text),
  deflate: (text) => deflateSync(text),
  'deflate-raw': (text) => deflateRawSync(text),
  br: (text) => brotliCompressSync(text),
};

const body = (status: number, contentType: string | undefined, text: string, headers: Headers = {}): Behaviour => ({
  kind: 'answer',
  status,
  headers: contentType === undefined ? headers : { 'Content-Type': contentType, ...headers },
  body: text,
});

/** Builders for every behaviour the client's tests need, named after what the client meets. */
export const behave = {
  json: (status: number, value: unknown, headers: Headers = {}): Behaviour => body(status, 'application/json', JSON.stringify(value), headers),
  accepted: (instanceId: string, headers: Headers = {}): Behaviour => body(202, 'application/json', JSON.stringify({ instance_id: instanceId }), headers),
  /** A gateway's error page, as a load balancer in front of the service sends it. */
  html: (status: number, page: string, headers: Headers = {}): Behaviour => body(status, 'text/html; charset=utf-8', page, headers),
  /** A status with no body at all (Content-Length: 0), with the given content type or none. */
  empty: (status: number, contentType?: string, headers: Headers = {}): Behaviour => body(status, contentType, '', headers),
  /** A JSON text cut in half, sent with a Content-Length that matches what was sent. */
  cutJson: (status: number, value: unknown, headers: Headers = {}): Behaviour => {
    const text = JSON.stringify(value);
    return body(status, 'application/json', text.slice(0, Math.ceil(text.length / 2)), headers);
  },
  /** A JSON text whose Content-Length promises more than is sent before the connection drops. */
  shortBody: (status: number, value: unknown, headers: Headers = {}): Behaviour => {
    const text = JSON.stringify(value);
    return { kind: 'short-body', status, headers: { 'Content-Type': 'application/json', ...headers }, body: text.slice(0, Math.ceil(text.length / 2)), declaredLength: Buffer.byteLength(text) };
  },
  /** 202 `{}`: a success answer without the `instance_id` the spec requires. */
  acceptedWithoutInstanceId: (headers: Headers = {}): Behaviour => body(202, 'application/json', '{}', headers),
  /** API Gateway refusing the token, in the gateway's own error format. */
  apigwUnauthorized: (headers: Headers = {}): Behaviour =>
    body(401, 'application/json', JSON.stringify({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' }), headers),
  redirect: (status: number, location: string): Behaviour => body(status, undefined, '', { Location: location }),
  /** 429 or 503 with a Retry-After header (seconds or an HTTP date). */
  retryAfter: (status: number, retryAfter: string, value: unknown = { error_code: `FSS.0${status}`, error_msg: 'try again later' }): Behaviour =>
    body(status, 'application/json', JSON.stringify(value), { 'Retry-After': retryAfter }),
  /** Headers at once, then the body one chunk every `intervalMs`. */
  dribble: (status: number, chunks: string[], intervalMs: number, headers: Headers = {}): Behaviour => ({
    kind: 'dribble',
    status,
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(chunks.join(''))), ...headers },
    chunks,
    intervalMs,
  }),
  /** Headers at once, the first bytes of the body, then nothing: the body stalls until the socket closes. */
  stalledBody: (status: number, firstBytes: string, headers: Headers = {}): Behaviour => ({
    kind: 'dribble',
    status,
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(firstBytes) + 100), ...headers },
    chunks: [firstBytes],
    intervalMs: 0,
    stallAfter: 1,
  }),
  hold: (): Behaviour => ({ kind: 'hold' }),
  resetOnConnect: (): Behaviour => ({ kind: 'reset-on-connect' }),
  destroyAfterRequest: (): Behaviour => ({ kind: 'destroy-after-request' }),
  resetAfterRequest: (): Behaviour => ({ kind: 'reset-after-request' }),
  delay: (ms: number, then: Behaviour): Behaviour => ({ kind: 'delay', ms, then }),
  /** A JSON answer compressed with `coding` when asked for it, or with `always` whatever the request says. */
  compressed: (status: number, value: unknown, coding: Coding, { always = false, headers = {} }: { always?: boolean; headers?: Headers } = {}): Behaviour => ({
    kind: 'compressed',
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(value),
    coding,
    always,
  }),
};

export interface FaultServerOptions {
  /** What to do once the script is used up. Default: 202 with an instance_id. */
  fallback?: Behaviour;
  /** The server closes itself after this long, whatever the test does. Default 30 s. */
  maxLifetimeMs?: number;
  /** Pending-connection queue length, for tests that open many connections at once. */
  backlog?: number;
}

export interface FaultServer {
  readonly url: string;
  readonly port: number;
  /** Every request read in full, in order. */
  readonly requests: FaultRequest[];
  /** Connections reset on accept (`resetOnConnect`), which never became a request. */
  readonly resetConnections: number;
  /** Requests plus connections reset on accept: what the client counts as attempts. */
  readonly attempts: number;
  /** Resolves when the connection that carried `request` has closed: a client that gave up on it has let it go. */
  connectionClosed(request: FaultRequest): Promise<void>;
  /** True once the lifetime bound closed the server: a test that relied on it should fail. */
  readonly expired: boolean;
  /** Replaces the script (behaviours used in order, one per request) and forgets what was seen. */
  script(...behaviours: Behaviour[]): void;
  /** Sets what happens once the script is used up. */
  fallback(behaviour: Behaviour): void;
  /**
   * Resolves when the next request has been read in full: the moment to act "while the server
   * holds it". Rejects if none comes within `withinMs`.
   */
  nextRequest(withinMs?: number): Promise<FaultRequest>;
  close(): Promise<void>;
}

export const DEFAULT_INSTANCE_ID = '048bad9b-96ae-45ad-8f12-4061a744ef9d';

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  let fallback = options.fallback ?? behave.accepted(DEFAULT_INSTANCE_ID);
  let queue: Behaviour[] = [];
  const requests: FaultRequest[] = [];
  let resetConnections = 0;
  let expired = false;
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const carriers = new WeakMap<FaultRequest, Socket>();
  let waiters: ((request: FaultRequest) => void)[] = [];

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  const next = (): Behaviour => queue.shift() ?? fallback;

  function perform(behaviour: Behaviour, socket: Socket, res: ServerResponse, request: FaultRequest): void {
    switch (behaviour.kind) {
      case 'answer':
        res.writeHead(behaviour.status, { 'Content-Length': String(Buffer.byteLength(behaviour.body)), Connection: 'close', ...behaviour.headers });
        res.end(behaviour.body);
        return;
      case 'short-body':
        res.writeHead(behaviour.status, { ...behaviour.headers, 'Content-Length': String(behaviour.declaredLength), Connection: 'close' });
        res.write(behaviour.body, () => later(20, () => socket.destroy()));
        return;
      case 'dribble': {
        res.writeHead(behaviour.status, { Connection: 'close', ...behaviour.headers });
        res.flushHeaders();
        const limit = Math.min(behaviour.stallAfter ?? behaviour.chunks.length, behaviour.chunks.length);
        const send = (index: number) => {
          if (index >= limit) {
            // Stalled: the socket stays open until the client gives up or the server closes.
            if (behaviour.stallAfter === undefined) res.end();
            return;
          }
          res.write(behaviour.chunks[index]);
          later(behaviour.intervalMs, () => send(index + 1));
        };
        send(0);
        return;
      }
      case 'hold':
        return;
      case 'destroy-after-request':
        socket.destroy();
        return;
      case 'reset-after-request':
        socket.resetAndDestroy();
        return;
      case 'reset-on-connect':
        // Scripted for a connection, but the connection already carried a request: reset it now.
        socket.resetAndDestroy();
        return;
      case 'delay':
        later(behaviour.ms, () => perform(behaviour.then, socket, res, request));
        return;
      case 'compressed': {
        const wire = behaviour.coding === 'deflate-raw' ? 'deflate' : behaviour.coding;
        const asked = String(request.headers['accept-encoding'] ?? '').split(',').some((coding) => coding.trim() === wire);
        const compress = behaviour.always || asked;
        const bytes = compress ? compressors[behaviour.coding](behaviour.body) : Buffer.from(behaviour.body);
        res.writeHead(behaviour.status, { ...behaviour.headers, ...(compress ? { 'Content-Encoding': wire } : {}), 'Content-Length': String(bytes.byteLength), Connection: 'close' });
        res.end(bytes);
        return;
      }
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: FaultRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), at: performance.now() };
      requests.push(request);
      carriers.set(request, req.socket);
      perform(next(), req.socket, res, request);
      const waiting = waiters;
      waiters = [];
      for (const resolve of waiting) resolve(request);
    });
  });
  server.on('connection', (socket: Socket) => {
    if (queue[0]?.kind === 'reset-on-connect') {
      queue.shift();
      resetConnections++;
      socket.resetAndDestroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', backlog: options.backlog }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      clearTimeout(lifetime);
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    }));

  const lifetime = setTimeout(() => {
    expired = true;
    void close();
  }, options.maxLifetimeMs ?? 30_000);
  lifetime.unref();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get resetConnections() {
      return resetConnections;
    },
    connectionClosed: (request) =>
      new Promise<void>((resolve) => {
        const socket = carriers.get(request);
        if (!socket || socket.destroyed) resolve();
        else socket.once('close', () => resolve());
      }),
    get attempts() {
      return requests.length + resetConnections;
    },
    get expired() {
      return expired;
    },
    script(...behaviours) {
      queue = [...behaviours];
      requests.length = 0;
      resetConnections = 0;
    },
    fallback(behaviour) {
      fallback = behaviour;
    },
    nextRequest: (withinMs = 10_000) =>
      new Promise<FaultRequest>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no request reached the fault server within ${withinMs} ms`)), withinMs);
        waiters.push((request) => {
          clearTimeout(timer);
          resolve(request);
        });
      }),
    close,
  };
}
