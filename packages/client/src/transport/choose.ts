/**
 * Which transport a client uses, each in a chunk of its own that starts loading when the client is
 * made (requests sent before it is ready wait for it), so the main chunk carries none of them:
 *
 * - the caller's `fetch`, when given: the fetch transport over it;
 * - the caller's `agent`, when given (Node only): the Node transport with that agent, always, since
 *   an agent is a choice of Node's own HTTP;
 * - otherwise, on Node: Node's own HTTP while fetch is still Node's own, else `globalThis.fetch`
 *   (node-environment.ts says why and how it tells);
 * - elsewhere (browsers, edge runtimes, Deno, Bun): `globalThis.fetch`, looked up per request, so a
 *   fetch replaced later is still used.
 *
 * This module is in the main chunk; so is the check of the `agent` option, made when the client is.
 */
import type { FetchFunction } from './fetch.js';
import { agentProblem, type NodeAgent } from './node-agent.js';
import { TransportError, type Exchange, type Transport } from './transport.js';

export interface TransportOptions {
  fetch?: FetchFunction | undefined;
  agent?: NodeAgent | undefined;
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
export function checkAgentOption({ fetch, agent }: TransportOptions, baseUrl?: string): string | undefined {
  if (agent === undefined) return undefined;
  if (fetch !== undefined) return "cannot be used with fetch: an agent serves Node's own HTTP; give your fetch its own agent or dispatcher instead";
  if (!onNode()) return "needs Node's own HTTP (node:http, Node 20.16 or later), which this runtime does not have: pass fetch instead";
  return agentProblem(agent, baseUrl === undefined ? undefined : new URL(baseUrl).protocol);
}

export function chooseTransport(options: TransportOptions = {}): Transport {
  return lazyTransport(loadTransport(options));
}

function loadTransport({ fetch, agent }: TransportOptions): Promise<Transport> {
  if (fetch) return import('./fetch.js').then((chunk) => chunk.createFetchTransport(fetch));
  if (!onNode()) return import('./fetch.js').then((chunk) => chunk.createFetchTransport((url, init) => globalThis.fetch(url, init)));
  if (agent) return import('./node.js').then((chunk) => chunk.createNodeTransport({ agent }));
  return import('./node-environment.js').then((chunk) => chunk.createNodeEnvironmentTransport());
}

const ignore = (): void => {};

/** A transport that is still loading: requests sent before it is ready wait for it. */
function lazyTransport(loading: Promise<Transport>): Transport {
  let ready: Transport | undefined;
  // A failed load is reported by every request that waits for it.
  loading.then((transport) => (ready = transport), ignore);
  return { send: (request) => ready?.send(request) ?? waitingExchange(loading, request) };
}

/** An attempt that starts once its transport has loaded; aborted before that, it never starts. */
function waitingExchange(loading: Promise<Transport>, request: Parameters<Transport['send']>[0]): Exchange {
  let started: Exchange | undefined;
  let aborted = false;
  const response = loading.then(
    (transport) => {
      if (aborted) throw new TransportError('aborted', false);
      started = transport.send(request);
      return started.response;
    },
    (error: unknown) => {
      throw new TransportError(`the transport could not be loaded (${String(error)})`, false, { cause: error });
    },
  );
  return {
    response,
    abort() {
      aborted = true;
      started?.abort();
      response.catch(ignore);
    },
  };
}
