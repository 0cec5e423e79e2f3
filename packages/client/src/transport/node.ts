/**
 * The Node transport: Node's own HTTP (`node:http`, `node:https`) over keep-alive agents. On Node it
 * is several times cheaper per request than fetch, whose WHATWG streams and Request/Response
 * objects cost more than the request itself on a fast network.
 *
 * The runtime loads this module with a dynamic `import()` only on Node, and it reaches Node's
 * modules with `process.getBuiltinModule` rather than a static `node:` import, so a browser bundle
 * never contains or reaches it.
 *
 * What a caller observes is what the fetch transport gives: redirects are never followed (node:http
 * never does), compressed answers are asked for and decoded to the same text, TLS is verified (the
 * default), the same header values arrive in a `Headers` (filled only when first needed), and "not
 * sent" is told apart from "may have been sent" by the same rule, with what only this transport
 * knows added: whether the socket had finished connecting when the attempt failed.
 */
import { nodeBuiltin } from '../runtime/node-builtin.js';
import { agentProblem, type NodeAgent } from './node-agent.js';
import { decodeBody, type BodyDecoder } from './node-decoding.js';
import { RawHeaders } from './node-headers.js';
import { describeNetworkFailure } from './network-failure.js';
import { TransportError, type Exchange, type Transport, type TransportRequest, type TransportResponse } from './transport.js';

export interface NodeTransportOptions {
  /**
   * The agent for every request, used as given (a custom CA, a proxy, socket limits). It must serve
   * the base URL's protocol: an `http.Agent` for `http:`, an `https.Agent` for `https:`. Default:
   * the shared keep-alive agents below.
   */
  agent?: NodeAgent;
}

/** The parts of `node:http` and `node:https` used here. */
interface NodeHttp {
  request(options: { agent: NodeAgent; hostname: string; port: string; method: string; path: string; headers: string[] }): NodeRequest;
  Agent: new (options: Record<string, unknown>) => NodeAgent;
}

interface NodeRequest {
  on(event: 'socket', listener: (socket: NodeSocket) => void): unknown;
  on(event: 'response', listener: (response: NodeResponse) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(body?: Uint8Array): unknown;
  destroy(): unknown;
}

interface NodeSocket {
  /** True while the TCP connection (DNS lookup included) is being made. */
  readonly connecting: boolean;
  /** True for a TLS socket. */
  readonly encrypted?: boolean;
  once(event: 'connect' | 'secureConnect', listener: () => void): unknown;
}

interface NodeResponse {
  readonly statusCode?: number;
  /** Names and values as they arrived: [name, value, name, value, …]. */
  readonly rawHeaders: string[];
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * The agents every client shares, one per protocol, made on first use:
 * - keep-alive: a call reuses an idle connection instead of paying for a TCP (and TLS) handshake;
 * - idle connections close after 4 s, before the server's own idle timeout can close one under a
 *   request being written on it (Node's http server waits 5 s, gateways usually 60 s), which would
 *   fail a call that may not be retried; a server that announces a shorter `Keep-Alive: timeout` is
 *   honoured by Node's agent, 1 s early;
 * - 'lifo': the most recently used connection goes first, so the extra connections of a burst go
 *   idle and close instead of being kept warm in turn;
 * - no cap on connections (fetch has none either): concurrency is the caller's to bound, and a
 *   caller who wants a cap passes an agent with `maxSockets`.
 * Idle connections never keep the process alive: Node's agent unrefs a socket while it is idle.
 */
const sharedAgentOptions = { keepAlive: true, timeout: 4_000, scheduling: 'lifo', noDelay: true };
let sharedAgents: Record<string, NodeAgent> | undefined;

function nodeHttp(protocol: string): NodeHttp {
  const http = nodeBuiltin<NodeHttp>(protocol === 'https:' ? 'node:https' : 'node:http');
  if (!http) throw new Error("the Node transport needs Node's process.getBuiltinModule (Node 20.16 or later)");
  return http;
}

function sharedAgent(protocol: string): NodeAgent {
  sharedAgents ??= {
    'http:': new (nodeHttp('http:').Agent)(sharedAgentOptions),
    'https:': new (nodeHttp('https:').Agent)(sharedAgentOptions),
  };
  return sharedAgents[protocol]!;
}

/** Where requests to one origin go: parsed once, then looked up by the origin's text. */
interface Target {
  readonly http: NodeHttp;
  readonly agent: NodeAgent;
  /** Without the brackets of an IPv6 literal, as `node:net` wants it. */
  readonly hostname: string;
  readonly port: string;
  /** The `Host` header: the URL's host, as fetch sends it (no default port). */
  readonly host: string;
  /** Why no request can go there with this transport's agent. */
  readonly problem: string | undefined;
}

/** Origins remembered per transport; a client that varies its base URL without end forgets the oldest. */
const maxTargets = 64;

/**
 * Characters the WHATWG URL parser (fetch's) leaves unchanged in a path and query. A request target
 * made only of these, with no `.` segment, goes on the wire as given; any other is first
 * normalised the way fetch would, so both transports send the same bytes (and a signature made
 * from `new URL(url)` matches).
 */
const plainTarget = /^\/[\w\-.~!$&()*+,;=:@/?%]*$/;
const dotSegment = /\/\.|%2e/i;

/** Headers this transport writes itself, whatever the request says (fetch does the same). */
const framingHeaders = new Set(['host', 'content-length']);
/** Headers fetch refuses, since they would change how the message is framed; refused here too. */
const refusedHeaders = new Set(['transfer-encoding', 'upgrade', 'expect', 'keep-alive']);

/** Methods that node:http (like fetch) sends a `Content-Length: 0` for when there is no body. */
const bodilessWithLength = new Set(['POST', 'PUT', 'PATCH']);

export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const targets = new Map<string, Target>();

  function target(origin: string, url: URL): Target {
    let found = targets.get(origin);
    if (!found) {
      const agent = options.agent ?? sharedAgent(url.protocol);
      const problem = options.agent === undefined ? undefined : agentProblem(agent, url.protocol);
      found = {
        http: nodeHttp(url.protocol),
        agent,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || (url.protocol === 'https:' ? '443' : '80'),
        host: url.host,
        problem: problem && `agent ${problem}`,
      };
      if (targets.size >= maxTargets) targets.delete(targets.keys().next().value!);
      targets.set(origin, found);
    }
    return found;
  }

  /** The target and the request-target (path and query) of `url`, or why it cannot be sent. */
  function locate(url: string): { target: Target; path: string } | TransportError {
    const slash = url.indexOf('/', url.indexOf('//') + 2);
    const path = slash < 0 ? '' : url.slice(slash);
    const known = targets.get(slash < 0 ? url : url.slice(0, slash));
    if (known && plainTarget.test(path) && !dotSegment.test(path)) return known.problem ? new TransportError(known.problem, false) : { target: known, path };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      // Not echoed: whatever it is, it may carry something secret.
      return new TransportError('the request URL is not a valid URL', false);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return new TransportError(`${parsed.protocol} URLs are not supported, only http: and https:`, false);
    // fetch refuses these too: user:password@ in a URL would otherwise be dropped without a word.
    if (parsed.username || parsed.password) return new TransportError('the URL includes credentials (user:password@), which are never sent', false);
    const found = target(`${parsed.protocol}//${parsed.host}`, parsed);
    return found.problem ? new TransportError(found.problem, false) : { target: found, path: parsed.pathname + parsed.search };
  }

  return {
    send(request) {
      const located = locate(request.url);
      return located instanceof TransportError ? new FailedExchange(located) : new NodeExchange(located.target, located.path, request);
    },
  };
}

/** The header lines to send, as node:http takes them ([name, value, …]), or why the request is refused. */
function headerLines(target: Target, request: TransportRequest): string[] | TransportError {
  const lines = ['host', target.host];
  const { headers, body } = request;
  for (const name in headers) {
    if (refusedHeaders.has(name)) return new TransportError(`the ${name} header cannot be set: the transport frames the message itself`, false);
    if (!framingHeaders.has(name)) lines.push(name, headers[name]!);
  }
  // Compressed answers are decoded below, so the runtime reads the same text as through fetch.
  if (headers['accept-encoding'] === undefined) lines.push('accept-encoding', 'gzip, deflate, br');
  if (body) lines.push('content-length', String(body.byteLength));
  else if (bodilessWithLength.has(request.method)) lines.push('content-length', '0');
  return lines;
}

/** An attempt refused before anything was sent. */
class FailedExchange implements Exchange {
  readonly response: Promise<TransportResponse>;
  constructor(error: TransportError) {
    this.response = Promise.reject(error);
  }
  abort(): void {
    this.response.catch(() => {});
  }
}

const ignore = (): void => {};

class NodeExchange implements Exchange {
  readonly response: Promise<TransportResponse>;
  #request: NodeRequest | undefined;
  #resolve!: (response: TransportResponse) => void;
  #reject!: (error: TransportError) => void;
  #body: NodeBody | undefined;
  /** A socket was given to the request; from then on bytes may go out. */
  #socket = false;
  /** The socket is new and still connecting (or in its TLS handshake): nothing has been written. */
  #connecting = false;
  /** Nothing more can happen: the body was read whole, or the attempt failed or was aborted. */
  #done = false;

  constructor(target: Target, path: string, request: TransportRequest) {
    this.response = new Promise<TransportResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    const headers = headerLines(target, request);
    if (headers instanceof TransportError) {
      this.#fail(headers);
      return;
    }
    let sent: NodeRequest;
    try {
      sent = target.http.request({ agent: target.agent, hostname: target.hostname, port: target.port, method: request.method, path, headers });
    } catch (error) {
      this.#fail(new TransportError(describeNetworkFailure(error).reason, false, { cause: error }));
      return;
    }
    this.#request = sent;
    sent.on('socket', (socket) => this.#onSocket(socket));
    sent.on('response', (response) => this.#onResponse(response));
    sent.on('error', (error) => this.#onError(error));
    sent.end(request.body);
  }

  #onSocket(socket: NodeSocket): void {
    this.#socket = true;
    // A reused socket is connected; a new one writes the request only once it is (TLS: once the handshake is done).
    if (!socket.connecting) return;
    this.#connecting = true;
    socket.once(socket.encrypted ? 'secureConnect' : 'connect', () => (this.#connecting = false));
  }

  #onResponse(response: NodeResponse): void {
    const headers = new RawHeaders(response.rawHeaders);
    const body = (this.#body = new NodeBody(response.statusCode ?? 0, headers));
    const chunks: Uint8Array[] = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => {
      this.#done = true;
      decodeBody(chunks, headers.get('content-encoding'), body);
    });
    response.on('error', (error) => this.#onError(error));
    // 'close' follows 'end' too; only a close before it means the body broke off.
    response.on('close', () => this.#done || this.#onError(new Error('the connection closed before the body was complete')));
    this.#resolve(body);
  }

  #onError(error: Error): void {
    if (this.#done) return;
    const failure = describeNetworkFailure(error);
    // Headers arrived, so the request was received; before that, a socket still connecting wrote nothing.
    const maySent = this.#body !== undefined || (failure.requestMayHaveBeenSent && this.#socket && !this.#connecting);
    this.#fail(new TransportError(failure.reason, maySent, { cause: error }));
  }

  #fail(error: TransportError): void {
    this.#done = true;
    if (this.#body) this.#body.failed(error);
    else this.#reject(error);
  }

  abort(): void {
    if (this.#done) return;
    this.#request?.destroy();
    this.#fail(new TransportError('aborted', this.#body !== undefined || (this.#socket && !this.#connecting)));
    // Nobody need await an attempt that was given up: its rejections are handled here.
    this.response.catch(ignore);
    this.#body?.text().catch(ignore);
  }
}

/** The answer: status and headers at once, the body's text once it has arrived whole. */
class NodeBody implements TransportResponse, BodyDecoder {
  #outcome: string | TransportError | undefined;
  #text: Promise<string> | undefined;
  #waiting: { resolve: (text: string) => void; reject: (error: TransportError) => void } | undefined;

  constructor(
    readonly status: number,
    readonly headers: Headers,
  ) {}

  text(): Promise<string> {
    if (this.#text) return this.#text;
    const outcome = this.#outcome;
    if (outcome === undefined) return (this.#text = new Promise((resolve, reject) => (this.#waiting = { resolve, reject })));
    return (this.#text = typeof outcome === 'string' ? Promise.resolve(outcome) : Promise.reject(outcome));
  }

  decoded(text: string): void {
    this.#settle(text);
  }

  failed(error: TransportError): void {
    this.#settle(error);
  }

  #settle(outcome: string | TransportError): void {
    if (this.#outcome !== undefined) return;
    this.#outcome = outcome;
    if (typeof outcome === 'string') this.#waiting?.resolve(outcome);
    else this.#waiting?.reject(outcome);
  }
}
