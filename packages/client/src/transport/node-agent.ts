/**
 * A caller's own Node agent (a custom CA, a proxy, socket limits) and what it can serve. It lives
 * apart from the Node transport so that a client can check the option when it is made, without
 * loading that transport.
 */

/**
 * An `http.Agent` or `https.Agent` from `node:http`/`node:https`, or a subclass such as a proxy
 * agent. Typed by the members every agent has, so the package needs no Node types.
 */
export interface NodeAgent {
  maxSockets: number;
  destroy(): void;
}

/**
 * What is wrong with `agent`, said after its name, or `undefined`; with `protocol` (the URL's,
 * `http:` or `https:`), whether it can carry requests to such a URL. Node's agents say which
 * protocol they serve (`http:` for `http.Agent`, `https:` for `https.Agent`).
 */
export function agentProblem(agent: unknown, protocol?: string): string | undefined {
  if (typeof agent !== 'object' || agent === null || typeof (agent as { addRequest?: unknown }).addRequest !== 'function') {
    return 'must be an http.Agent or https.Agent (from node:http or node:https)';
  }
  const served = (agent as { protocol?: unknown }).protocol;
  if (protocol !== undefined && typeof served === 'string' && served !== protocol) {
    const kind = (p: string) => (p === 'https:' ? 'an https.Agent (node:https)' : 'an http.Agent (node:http)');
    return `is ${kind(served)}, but requests go to an ${protocol}// URL: pass ${kind(protocol)}`;
  }
  return undefined;
}
