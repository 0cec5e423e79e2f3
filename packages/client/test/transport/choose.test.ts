/**
 * Which transport carries a client's requests: the caller's fetch; on Node, Node's own HTTP unless
 * fetch has been taken over (a replaced globalThis.fetch, an undici global dispatcher that is not
 * Node's default), checked per request; the checks on the agent option; and a browser bundle that
 * never reaches a `node:` module.
 *
 * Requests are told apart on the server: fetch sends `sec-fetch-mode`, the Node transport does not.
 */
import { build } from 'esbuild';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAgentOption, chooseTransport, isNodeProcess, type TransportOptions } from '../../src/transport/choose.js';
import { fetchTakenOver } from '../../src/transport/node-environment.js';
import type { Transport } from '../../src/transport/transport.js';
import { guardUnhandledRejections, rejection, sleep } from '../helpers/calls.js';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { request } from '../helpers/transports.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => {
  vi.unstubAllGlobals();
});
guardUnhandledRejections();

/** Sends one request and says which transport carried it, as the server saw it. */
async function carrier(transport: Transport): Promise<'fetch' | 'node'> {
  await (await transport.send(request(server.url)).response).text();
  const seen = server.requests.at(-1)!;
  return seen.headers['sec-fetch-mode'] === undefined ? 'node' : 'fetch';
}

const realFetch = globalThis.fetch;
/** A stand-in for a test's mock: it counts, then does what fetch does. */
function countingFetch() {
  return vi.fn((url: string | URL | Request, init?: RequestInit) => realFetch(url, init));
}

describe('chooseTransport', () => {
  it("sends through the caller's fetch when given one", async () => {
    const fetch = countingFetch();

    expect(await carrier(chooseTransport({ fetch }))).toBe('fetch');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("sends through Node's own HTTP on Node", async () => {
    expect(await carrier(chooseTransport())).toBe('node');
  });

  it('sends through a fetch stubbed after the transport was made, and through Node again once it is restored', async () => {
    const transport = chooseTransport();
    expect(await carrier(transport)).toBe('node');
    const stub = countingFetch();

    vi.stubGlobal('fetch', stub);
    expect(await carrier(transport)).toBe('fetch');
    expect(stub).toHaveBeenCalledTimes(1);

    vi.unstubAllGlobals();
    expect(await carrier(transport)).toBe('node');
    expect(stub).toHaveBeenCalledTimes(1);
  });

  it('counts a copy of fetch (bound, wrapped) as taken over', async () => {
    vi.stubGlobal('fetch', realFetch.bind(globalThis));

    expect(await carrier(chooseTransport())).toBe('fetch');
  });

  it("sends through the caller's agent, and so through Node's own HTTP, even when fetch is stubbed", async () => {
    const agent = new HttpAgent({ keepAlive: true });
    vi.stubGlobal('fetch', countingFetch());
    try {
      expect(await carrier(chooseTransport({ agent }))).toBe('node');
      expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);
    } finally {
      agent.destroy();
    }
  });

  it('lets requests sent before the Node transport has loaded share its one load', async () => {
    vi.resetModules();
    const fresh = await import('../../src/transport/choose.js');
    const transport = fresh.chooseTransport();

    const answers = await Promise.all([1, 2, 3].map(() => transport.send(request(server.url)).response.then((response) => response.text())));

    expect(answers).toHaveLength(3);
    expect(server.requests.map((seen) => seen.headers['sec-fetch-mode'])).toEqual([undefined, undefined, undefined]);
  });

  it('never sends a request aborted before the Node transport has loaded', async () => {
    vi.resetModules();
    const fresh = await import('../../src/transport/choose.js');
    const { TransportError } = await import('../../src/transport/transport.js');
    const exchange = fresh.chooseTransport().send(request(server.url));

    exchange.abort();
    const error = await rejection(exchange.response);

    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ reason: 'aborted', requestMayHaveBeenSent: false });
    await sleep(50);
    expect(server.requests).toHaveLength(0);
  });
});

describe('an undici global dispatcher', () => {
  const key = Symbol.for('undici.globalDispatcher.1');
  const globals = globalThis as unknown as Record<symbol, unknown>;
  type Dispatcher = { dispatch(options: unknown, handler: unknown): boolean; close(): Promise<void> };
  let original: unknown;
  let NodeUndiciAgent: new (options?: object) => Dispatcher;
  beforeAll(() => {
    // Node installs its default dispatcher when the first Request is made; its class is the only
    // way to Node's own undici without a dependency.
    new Request('http://127.0.0.1/');
    original = globals[key];
    NodeUndiciAgent = (original as { constructor: typeof NodeUndiciAgent }).constructor;
  });
  afterEach(() => {
    globals[key] = original;
  });

  it("of Node's own (a plain Agent made without options) leaves requests to Node's own HTTP", async () => {
    globals[key] = new NodeUndiciAgent();

    expect(await carrier(chooseTransport())).toBe('node');
  });

  it('installed by a test (MockAgent) gets every request, through fetch', async () => {
    const dispatched: unknown[] = [];
    class MockAgent extends NodeUndiciAgent {
      override dispatch(options: unknown, handler: unknown): boolean {
        dispatched.push(options);
        return super.dispatch(options, handler);
      }
    }
    const transport = chooseTransport();
    globals[key] = new MockAgent();

    expect(await carrier(transport)).toBe('fetch');
    expect(dispatched).toHaveLength(1);
  });

  it('made with options of its own (a CA, timeouts) gets every request, through fetch', async () => {
    const dispatcher = new NodeUndiciAgent({ connect: { timeout: 10_000 } });
    globals[key] = dispatcher;
    try {
      expect(await carrier(chooseTransport())).toBe('fetch');
    } finally {
      await dispatcher.close();
    }
  });
});

describe('a runtime that is not Node (process without getBuiltinModule, as a browser shim has it)', () => {
  /** Runs `body` with globalThis.process replaced by a browser-like shim; synchronous, so nothing else runs meanwhile. */
  function withoutNode<T>(body: () => T): T {
    const host = globalThis as { process?: unknown };
    const own = host.process;
    host.process = { env: {} };
    try {
      return body();
    } finally {
      host.process = own;
    }
  }

  it('refuses the agent option, saying what to pass instead', () => {
    const agent = new HttpAgent();
    expect(withoutNode(() => checkAgentOption({ agent }))).toBe("needs Node's own HTTP (node:http, Node 20.16 or later), which this runtime does not have: pass fetch instead");
    agent.destroy();
  });

  it("sends through globalThis.fetch (even Node's own, which on Node would give way to Node's HTTP), looked up per request", async () => {
    const transport = withoutNode(() => chooseTransport());
    expect(await carrier(transport)).toBe('fetch');

    const stub = countingFetch();
    vi.stubGlobal('fetch', stub);
    expect(await carrier(transport)).toBe('fetch');
    expect(stub).toHaveBeenCalledTimes(1);
  });
});

describe('fetchTakenOver', () => {
  const key = Symbol.for('undici.globalDispatcher.1');
  const globals = globalThis as unknown as Record<symbol, unknown>;
  let original: unknown;
  beforeEach(() => {
    original = globals[key];
  });
  afterEach(() => {
    globals[key] = original;
  });

  it('a process where no dispatcher is installed yet, nor fetch: not taken over', () => {
    globals[key] = undefined;
    expect(fetchTakenOver()).toBe(false);
    vi.stubGlobal('fetch', undefined);
    expect(fetchTakenOver()).toBe(false);
  });

  it.each<[string, () => unknown]>([
    ['a dispatcher of no class', () => Object.create(null)],
    ['a class named Agent whose options cannot be found', () => new (class Agent {})()],
    ['a class named Agent whose options are null', () => Object.assign(new (class Agent {})(), { [Symbol('options')]: null })],
  ])('%s: taken over (when unsure, fetch)', (_label, dispatcher) => {
    globals[key] = dispatcher();
    expect(fetchTakenOver()).toBe(true);
  });
});

describe('checkAgentOption', () => {
  const http = new HttpAgent();
  const https = new HttpsAgent();
  afterAll(() => {
    http.destroy();
    https.destroy();
  });

  it.each<[string, { fetch?: unknown; agent?: unknown }, string | undefined, string | undefined]>([
    ['no agent', {}, 'https://x.example', undefined],
    ['an http.Agent for an http:// base URL', { agent: http }, 'http://x.example', undefined],
    ['an https.Agent for an https:// base URL', { agent: https }, 'https://x.example', undefined],
    ['an https.Agent, the base URL chosen per call', { agent: https }, undefined, undefined],
    ['an https.Agent for an http:// base URL', { agent: https }, 'http://x.example', 'is an https.Agent (node:https), but requests go to an http:// URL: pass an http.Agent (node:http)'],
    ['an http.Agent for an https:// base URL', { agent: http }, 'https://x.example', 'is an http.Agent (node:http), but requests go to an https:// URL: pass an https.Agent (node:https)'],
    ['something else', { agent: { keepAlive: true } }, 'https://x.example', 'must be an http.Agent or https.Agent (from node:http or node:https)'],
    ['null', { agent: null }, 'https://x.example', 'must be an http.Agent or https.Agent (from node:http or node:https)'],
    ['an agent that does not say its protocol (a proxy agent)', { agent: { addRequest() {} } }, 'https://x.example', undefined],
    ['an agent and a fetch', { agent: https, fetch: realFetch }, 'https://x.example', "cannot be used with fetch: an agent serves Node's own HTTP; give your fetch its own agent or dispatcher instead"],
  ])('%s', (_label, options, baseUrl, want) => {
    expect(checkAgentOption(options as TransportOptions, baseUrl)).toBe(want);
  });
});

describe('isNodeProcess', () => {
  it.each<[string, unknown, boolean]>([
    ['Node 20.16 or later', { versions: { node: '20.20.2' }, getBuiltinModule: () => undefined }, true],
    ['an older Node, without getBuiltinModule', { versions: { node: '20.10.0' } }, false],
    ['a browser shim of process', { env: {} }, false],
    ['no process at all', undefined, false],
    ['a shim with getBuiltinModule but no Node version', { getBuiltinModule: () => undefined }, false],
  ])('%s', (_label, process, want) => {
    expect(isNodeProcess(process)).toBe(want);
  });
});

describe('a browser bundle', () => {
  it("never reaches a node: module: Node's HTTP transport is a chunk of its own, loaded only on Node", async () => {
    const entry = fileURLToPath(new URL('../../src/transport/choose.ts', import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, splitting: true, format: 'esm', platform: 'browser', outdir: 'out', write: false, logLevel: 'error' });

    const files = result.outputFiles.map((file) => ({ name: file.path.split('/').at(-1)!, text: file.text }));
    for (const { text } of files) expect(text).not.toMatch(/(from|import\(|require\()\s*["']node:/);
    const main = files.find((file) => file.name === 'choose.js')!;
    const nodeChunks = files.filter((file) => file.text.includes('"node:https"')).map((file) => file.name);
    expect(nodeChunks).toHaveLength(1);
    expect(nodeChunks[0]).not.toBe('choose.js');
    // Not among what the main chunk imports statically (directly or through another chunk): it loads only by import().
    const byName = new Map(files.map((file) => [file.name, file.text]));
    const staticImports = (text: string) => [...text.matchAll(/(?:^|;)import[^;(]*?from\s*"\.\/([^"]+)"/g)].map((match) => match[1]!);
    const loadedAtStart = new Set<string>();
    const visit = (name: string) => {
      if (loadedAtStart.has(name)) return;
      loadedAtStart.add(name);
      for (const imported of staticImports(byName.get(name) ?? '')) visit(imported);
    };
    visit('choose.js');
    expect([...loadedAtStart]).not.toContain(nodeChunks[0]);
    expect(main.text).toMatch(/import\("\.\/[^"]+"\)/);
  });
});
