/**
 * Which transport this test run exercises: vitest's `node` project runs every client test with the
 * default (Node's own HTTP), its `fetch` project runs the wire and fault tests again with the client
 * given a fetch (vitest.config.ts). Clients in those tests take `transportOptions()`.
 */
import { inject } from 'vitest';

export type TransportName = 'node' | 'fetch';

declare module 'vitest' {
  export interface ProvidedContext {
    transport: TransportName;
  }
}

export const transportName: TransportName = inject('transport') ?? 'node';

/** Client options that select this run's transport: none for Node's own HTTP (the default on Node), a fetch for the fetch transport. */
export function transportOptions(): { fetch?: (url: string, init: RequestInit) => Promise<Response> } {
  return transportName === 'fetch' ? { fetch: (url, init) => fetch(url, init) } : {};
}

/** The same, as an environment variable for a child process that builds its own client (`FGS_TRANSPORT`). */
export const transportEnv = { FGS_TRANSPORT: transportName };

/**
 * The same choice inside a child process's source (helpers/node-child.ts passes `FGS_TRANSPORT`):
 * spread it into the options of a client the child builds.
 */
export const childTransportOptions = "...(process.env.FGS_TRANSPORT === 'fetch' ? { fetch: (url, init) => fetch(url, init) } : {})";
