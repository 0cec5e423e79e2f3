/**
 * The transport of a client on Node that was given neither `fetch` nor `agent`: Node's own HTTP,
 * for as long as fetch is still Node's own. Loaded with the Node transport, so none of this is in a
 * browser bundle's main chunk.
 *
 * A process whose fetch has been taken over (a test that replaced `globalThis.fetch`: vi.stubGlobal,
 * fetch-mock, msw; or an undici global dispatcher other than Node's default: MockAgent, ProxyAgent,
 * an Agent with its own CA) has said how requests are to be made, and a client that went round it
 * would silently escape the mock, the proxy or the CA. So each request checks, and goes through
 * `globalThis.fetch` while it is not Node's own. The check is two property reads and two comparisons
 * per request: the verdict is kept for the last fetch and dispatcher seen, and worked out again only
 * when either changes. When unsure, it says "taken over": fetch is slower but never wrong.
 */
import { createFetchTransport } from './fetch.js';
import { createNodeTransport } from './node.js';
import type { Transport } from './transport.js';

export function createNodeEnvironmentTransport(): Transport {
  const node = createNodeTransport();
  const globalFetch = createFetchTransport((url, init) => globalThis.fetch(url, init));
  return { send: (request) => (fetchTakenOver() ? globalFetch : node).send(request) };
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
