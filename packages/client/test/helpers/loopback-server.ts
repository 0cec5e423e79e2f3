/**
 * A real HTTP server on 127.0.0.1 (port chosen by the OS) that records every request exactly as it
 * arrived on the wire and answers with whatever the current test says; HTTPS when given a key and
 * certificate.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Server as NetServer } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** `req.url` as sent: the raw request-target, nothing decoded. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Header names and values exactly as they arrived, casing included: [name, value, name, value, …]. */
  rawHeaders: string[];
  body: Buffer;
}

export type Responder = (request: RecordedRequest, res: ServerResponse) => void;

export interface LoopbackServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Sets how the server answers from now on, and forgets the requests seen so far. */
  reset(responder?: Responder): void;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export const accepted = (instanceId: string): Responder => (_request, res) => json(res, 202, { instance_id: instanceId });

/** A key and certificate (PEM) for an HTTPS server. */
export interface TlsIdentity {
  key: string | Buffer;
  cert: string | Buffer;
}

/** An HTTP (or, with `tls`, HTTPS) server that reads each request whole and hands it on exactly as it arrived. */
export function recordingServer(handle: (recorded: RecordedRequest, req: IncomingMessage, res: ServerResponse) => void, tls?: TlsIdentity): Server {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) }, req, res));
  };
  return tls ? createTlsServer(tls, listener) : createServer(listener);
}

/** Answers with `responder`; one that throws gets a 599 carrying its error, so the test sees it. */
export function respond<T>(responder: (request: T, res: ServerResponse) => void, request: T, res: ServerResponse): void {
  try {
    responder(request, res);
  } catch (error) {
    res.writeHead(599);
    res.end(String(error));
  }
}

/** Listens on 127.0.0.1, on a port the OS picks, and resolves to that port. */
export async function listenOnLoopback(server: NetServer): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export async function startLoopbackServer(initial: Responder = accepted('00000000-0000-4000-8000-000000000000'), tls?: TlsIdentity): Promise<LoopbackServer> {
  let responder = initial;
  const requests: RecordedRequest[] = [];
  const server = recordingServer((recorded, _req, res) => {
    requests.push(recorded);
    respond(responder, recorded, res);
  }, tls);
  const port = await listenOnLoopback(server);
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    reset(next = initial) {
      responder = next;
      requests.length = 0;
    },
    close: () => closeServer(server),
  };
}

/** A loopback port nothing listens on: bound by the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The headers of a recorded request as sent, in order, names with their wire casing; only what fetch itself adds is left out. */
export function sentHeaders(request: RecordedRequest): [string, string][] {
  const fetchOwn = new Set(['host', 'connection', 'accept', 'accept-language', 'sec-fetch-mode', 'user-agent', 'accept-encoding']);
  const pairs: [string, string][] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) pairs.push([request.rawHeaders[i]!, request.rawHeaders[i + 1]!]);
  return pairs.filter(([name]) => !fetchOwn.has(name.toLowerCase()));
}

/** Stops a server now: stops listening and ends every connection, idle or not. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
