/**
 * Expensive real parts that test files share, each started once per run, when the first file asks
 * for it, and stopped when the run ends: Prism mocking a spec (test/helpers/prism.ts), Chromium
 * (test/helpers/chromium.ts), and `fgs` installed from the packed client and command line
 * (packages/cli/test/helpers/installed-fgs.ts). Files run in workers of their own and a part must
 * outlive each of them, so the part lives here, in vitest's main process, and a file asks for it over HTTP on
 * 127.0.0.1 (test/helpers/shared-parts.ts). A run whose files ask for nothing starts nothing.
 *
 * A part that does not stop cleanly (a Prism process left behind) fails the run: vitest only logs
 * an error thrown here, so the exit code is set too.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { installFgs } from '../../packages/cli/test/helpers/installed-fgs.js';
import { listenOnLoopback } from '../../packages/client/test/helpers/loopback-server.js';
import { launchChromiumServer } from '../helpers/chromium.js';
import { startPrism } from '../helpers/prism.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Started {
  /** What a file needs to reach the part, sent to it as JSON. */
  readonly value: unknown;
  stop(): Promise<void>;
}

type Starter = (query: URLSearchParams, scratch: string) => Promise<Started>;

const starters: Record<string, Starter> = {
  /** Prism mocking `?spec=<absolute path>`; its output is kept in a file the asking files read. */
  async prism(query, scratch) {
    const specPath = query.get('spec');
    if (!specPath) throw new Error('prism needs ?spec=<absolute path of the description>');
    const prism = await startPrism({ repoRoot, specPath });
    const logFile = join(scratch, `prism-${prism.child.pid}.log`);
    appendFileSync(logFile, prism.log());
    const keep = (chunk: Buffer) => appendFileSync(logFile, chunk);
    prism.child.stdout!.on('data', keep);
    prism.child.stderr!.on('data', keep);
    return { value: { url: prism.url, logFile }, stop: () => prism.stop() };
  },
  async chromium() {
    const server = await launchChromiumServer('the browser tests');
    return { value: { wsEndpoint: server.wsEndpoint() }, stop: () => server.close() };
  },
  /** The packed client and command line installed into a project in the scratch folder: `{ bin, projectDir }`. */
  async fgs(_query, scratch) {
    const workDir = mkdtempSync(join(scratch, 'fgs-'));
    return { value: await installFgs(workDir), stop: async () => rmSync(workDir, { recursive: true, force: true }) };
  },
};

/** The broker and the parts it started: one per vitest process, however many projects list this setup. */
interface Broker {
  readonly url: string;
  /** Projects whose teardown has not run yet; the last one stops everything. */
  users: number;
  stop(): Promise<void>;
}

const brokerKey = Symbol.for('fgs-openapi.shared-parts');

async function startBroker(): Promise<Broker> {
  const scratch = mkdtempSync(join(tmpdir(), 'fgs-shared-parts-'));
  const started = new Map<string, Promise<Started>>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const name = url.pathname.slice(1);
    const starter = Object.hasOwn(starters, name) ? starters[name] : undefined;
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (!starter) return answer(404, { error: `no shared part named ${JSON.stringify(name)}: ${Object.keys(starters).join(', ')}` });
    const key = `${name}?${url.searchParams}`;
    if (!started.has(key)) started.set(key, starter(url.searchParams, scratch));
    started.get(key)!.then(
      (part) => answer(200, { value: part.value }),
      (error: Error) => answer(500, { error: error.message }),
    );
  });
  const port = await listenOnLoopback(server);

  const stop = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    const stops = await Promise.allSettled([...started.values()].map(async (part) => (await part.catch(() => undefined))?.stop()));
    rmSync(scratch, { recursive: true, force: true });
    const failures = stops.flatMap((stop) => (stop.status === 'rejected' ? [stop.reason as Error] : []));
    if (failures.length > 0) {
      process.exitCode = 1;
      throw new AggregateError(failures, `shared parts did not stop cleanly: ${failures.map((failure) => failure.message).join('; ')}`);
    }
  };
  return { url: `http://127.0.0.1:${port}`, users: 0, stop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const processWide = globalThis as { [brokerKey]?: Promise<Broker> };
  processWide[brokerKey] ??= startBroker();
  const broker = await processWide[brokerKey];
  broker.users += 1;
  project.provide('sharedParts', broker.url);
  return async () => {
    broker.users -= 1;
    if (broker.users > 0) return;
    delete processWide[brokerKey];
    await broker.stop();
  };
}
