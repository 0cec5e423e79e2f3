/**
 * Idle keep-alive connections never keep a finished Node process alive: a script whose last call
 * is done exits at once, though its connection is still open and would stay open for seconds (4 s
 * for the shared agents, 60 s for the agent below, 5 s for the server). The transports run
 * bundled, in a child process, against a loopback server in this one.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { describeRun, runModule } from '../helpers/node-child.js';

/** Far below every idle timeout above, far above what a process needs to exit. */
const EXIT_BOUND_MS = 2_000;

let outdir: string;
let server: LoopbackServer;
beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'fgs-transport-exit-'));
  const source = (name: string) => fileURLToPath(new URL(`../../src/transport/${name}.ts`, import.meta.url));
  await build({ entryPoints: [source('node'), source('fetch')], bundle: true, format: 'esm', platform: 'neutral', outdir, logLevel: 'error' });
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

const script = `
const { createNodeTransport } = await import(process.env.NODE_TRANSPORT);
const { createFetchTransport } = await import(process.env.FETCH_TRANSPORT);
const { Agent } = await import('node:http');
const agent = new Agent({ keepAlive: true, timeout: 60_000 });
const transport = {
  node: () => createNodeTransport(),
  'node with its own agent': () => createNodeTransport({ agent }),
  fetch: () => createFetchTransport((url, init) => fetch(url, init)),
}[process.env.TRANSPORT]();
for (let i = 0; i < 3; i++) {
  const response = await transport.send({ method: 'POST', url: process.env.URL, headers: {}, body: new TextEncoder().encode('{}') }).response;
  await response.text();
}
if (process.env.TRANSPORT === 'node with its own agent') console.log('idle sockets ' + Object.values(agent.freeSockets).flat().length);
console.log('last call done');
`;

it.each(['node', 'node with its own agent', 'fetch'])('a script using the %s transport exits at once after its last call', async (transport) => {
  const run = await runModule(script, {
    env: {
      TRANSPORT: transport,
      URL: server.url,
      NODE_TRANSPORT: pathToFileURL(join(outdir, 'node.js')).href,
      FETCH_TRANSPORT: pathToFileURL(join(outdir, 'fetch.js')).href,
    },
    timeoutMs: 20_000,
  });

  expect(run.exitCode, describeRun(run)).toBe(0);
  expect(server.requests).toHaveLength(3);
  // The connection is still open, waiting in the pool, when the process exits without it.
  if (transport === 'node with its own agent') expect(run.stdout).toContain('idle sockets 1');
  const doneAt = run.lineArrivals.get('last call done');
  expect(doneAt, describeRun(run)).toBeDefined();
  expect(run.exitedAt - doneAt!, describeRun(run)).toBeLessThan(EXIT_BOUND_MS);
  server.reset();
});
