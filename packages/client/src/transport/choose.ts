/**
 * Which transport a client uses:
 *
 * - the caller's `fetch`, when given: the fetch transport over it;
 * - the caller's `agent`, when given (Node only): the Node transport with that agent, always, since
 *   an agent is a choice of Node's own HTTP;
 * - otherwise, on Node: the Node transport, loaded on first use, for as long as fetch is still
 *   Node's own. A process whose fetch has been taken over (a test that replaced
 *   `globalThis.fetch`: vi.stubGlobal, fetch-mock, msw; or an undici global dispatcher other than
 *   Node's default: MockAgent, ProxyAgent, an Agent with its own CA) has said how requests are to be
 *   made, and a client that went round it would silently escape the mock, the proxy or the CA. So
 *   each request checks, and goes through `globalThis.fetch` while it is not Node's own. The check
 *   is two property reads and two comparisons per request: the verdict is kept for the last fetch
 *   and dispatcher seen, and worked out again only when either changes. When unsure, it says "taken
 *   over": fetch is slower but never wrong;
 * - elsewhere (browsers, edge runtimes, Deno, Bun): `globalThis.fetch`, looked up per request, so a
 *   fetch replaced later is still used.
 *
 * This module is in the main chunk: it reaches the Node transport only by a dynamic `import()`.
 */
import { createFetchTransport, type FetchFunction } from './fetch.js';
import { agentProblem, type NodeAgent } from './node-agent.js';
import { TransportError, type Exchange, type Transport, type TransportRequest, type TransportResponse } from './transport.js';

export interface TransportOptions {
  fetch?: FetchFunction;
  agent?: NodeAgent;
}

/** Node 20.16 or later, by its `process`: Node's own HTTP can be reached without a static import. */
export function isNodeProcess(process: unknown): boolean {
  const node = process as { getBuiltinModule?: unknown; versions?: { node?: unknown } } | undefined;
  return typeof node?.getBuiltinModule === 'function' && typeof node.versions?.node === 'string';
}

const onNode = (): boolean => isNodeProcess((globalThis as { process?: unknown }).process);

/**
 * What is wrong with the `agent` option, said after its name (`agent …`), or `undefined`. `baseUrl`,
 * when known, is checked against the agent's protocol too; a base URL chosen per call is checked by
 * the Node transport before each request.
 */
export function checkAgentOption({ fetch, agent }: { fetch?: unknown; agent?: unknown }, baseUrl?: string): string | undefined {
  if (agent === undefined) return undefined;
  if (fetch !== undefined) return "cannot be used with fetch: an agent serves Node's own HTTP; give your fetch its own agent or dispatcher instead";
  if (!onNode()) return "needs Node's own HTTP (node:http, Node 20.16 or later), which this runtime does not have: pass fetch instead";
  let protocol: string | undefined;
  try {
    protocol = baseUrl === undefined ? undefined : new URL(baseUrl).protocol;
  } catch {
    // The base URL has its own check; the agent is judged by what it is.
  }
  return agentProblem(agent, protocol);
}

export function chooseTransport({ fetch, agent }: TransportOptions = {}): Transport {
  if (fetch) return createFetchTransport(fetch);
  const globalFetch = createFetchTransport((url, init) => globalThis.fetch(url, init));
  if (!onNode()) return globalFetch;
  const node = lazyNodeTransport(agent);
  if (agent) return node;
  return { send: (request) => (fetchTakenOver() ? globalFetch : node).send(request) };
}

/** Loaded once per process, on the first request (or the first client) that needs it. */
let nodeChunk: Promise<typeof import('./node.js')> | undefined;

/** The Node transport, loaded now; a request sent before it is ready waits for it. */
function lazyNodeTransport(agent: NodeAgent | undefined): Transport {
  let ready: Transport | undefined;
  const loading = (nodeChunk ??= import('./node.js')).then((chunk) => (ready = chunk.createNodeTransport({ agent })));
  // A failed load is reported by every request that waits for it.
  loading.catch(() => {});
  return { send: (request) => ready?.send(request) ?? new WaitingExchange(loading, request) };
}

/** An attempt that starts once the Node transport has loaded; aborted before that, it never starts. */
class WaitingExchange implements Exchange {
  readonly response: Promise<TransportResponse>;
  #started: Exchange | undefined;
  #aborted = false;
  #reject!: (error: TransportError) => void;

  constructor(loading: Promise<Transport>, request: TransportRequest) {
    this.response = new Promise<TransportResponse>((resolve, reject) => {
      this.#reject = reject;
      loading.then(
        (transport) => {
          if (this.#aborted) return;
          this.#started = transport.send(request);
          this.#started.response.then(resolve, reject);
        },
        (error: unknown) => reject(new TransportError(`Node's HTTP transport could not be loaded (${String(error)})`, false, { cause: error })),
      );
    });
  }

  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    if (this.#started) return this.#started.abort();
    this.#reject(new TransportError('aborted', false));
    this.response.catch(() => {});
  }
}

const dispatcherKey = Symbol.for('undici.globalDispatcher.1');
let seenFetch: unknown;
let seenDispatcher: unknown;
let takenOver = false;

/** Whether `globalThis.fetch` or the undici global dispatcher is no longer Node's own. */
export function fetchTakenOver(): boolean {
  const current = globalThis.fetch as unknown;
  const dispatcher = (globalThis as Record<symbol, unknown>)[dispatcherKey];
  if (current !== seenFetch || dispatcher !== seenDispatcher) {
    seenFetch = current;
    seenDispatcher = dispatcher;
    takenOver = !isNodesOwnFetch(current) || !isNodesDefaultDispatcher(dispatcher);
  }
  return takenOver;
}

/**
 * Node's own fetch is a small function in Node's source that loads the bundled undici, named by a
 * path only Node's internals can require. Any other function (a mock, a wrapper, a bound copy,
 * Deno's or Bun's native fetch) is someone else's. A Node without fetch has nothing to take over.
 */
function isNodesOwnFetch(fetch: unknown): boolean {
  return fetch === undefined || (typeof fetch === 'function' && Function.prototype.toString.call(fetch).includes('internal/deps/undici'));
}

/**
 * Node installs a plain undici `Agent` made without options the first time fetch runs. Anything
 * else (MockAgent, ProxyAgent, an Agent given a CA or timeouts) was installed by someone who wants
 * requests to go through it. The options are read where undici keeps them; if they cannot be found
 * the dispatcher counts as someone else's.
 */
function isNodesDefaultDispatcher(dispatcher: unknown): boolean {
  if (dispatcher === undefined) return true;
  if ((dispatcher as { constructor?: { name?: unknown } }).constructor?.name !== 'Agent') return false;
  const key = Object.getOwnPropertySymbols(dispatcher).find((symbol) => symbol.description === 'options');
  const options = key && (dispatcher as Record<symbol, unknown>)[key];
  return typeof options === 'object' && options !== null && Object.values(options).every((value) => value === undefined);
}
