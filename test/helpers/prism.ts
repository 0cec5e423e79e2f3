/**
 * Prism mocking a bundled spec with request validation on (`--errors`), on 127.0.0.1 at a port
 * chosen at run time, for the tests that check real requests against our own description: the
 * client's (packages/client/test/prism.test.ts) and the docs page's curl samples
 * (test/docs/docs-curl.test.ts). `stop()` ends Prism and everything it started, and fails if any
 * of it is left. Test files take it with `usePrism`: the run's shared Prism for that spec
 * (test/setup/shared-parts.ts), started once for all of them, or one of their own when the run
 * shares none.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { listenOnLoopback } from '../../packages/client/test/helpers/loopback-server.js';
import { askSharedPart } from './shared-parts.js';

export interface PrismServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly child: ChildProcess;
  /** The last 20,000 characters Prism printed, for failure messages. */
  log(): string;
  /** Ends Prism's process group; rejects if a member outlives it. */
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** The repository root: where `node_modules/.bin/prism` is. */
  readonly repoRoot: string;
  /** The bundled description to mock. */
  readonly specPath: string;
  /** How long Prism may take to answer at all. */
  readonly startupDeadlineMs?: number;
}

/** A port that was free a moment ago: bound, read and released. */
async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function spawnPrism(options: PrismOptions, port: number): PrismServer {
  const cli = realpathSync(join(options.repoRoot, 'node_modules/.bin/prism'));
  let output = '';
  const child = spawn(process.execPath, [cli, 'mock', '-h', '127.0.0.1', '-p', String(port), '--errors', options.specPath], {
    cwd: options.repoRoot,
    // Its own process group, so stop() ends Prism and anything it started with one signal.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { url: `http://127.0.0.1:${port}`, child, log: () => output, stop: () => stopGroup(child) };
}

/** Resolves once Prism answers HTTP at all; rejects with its output if it exits or the deadline passes. */
async function waitUntilAnswering(prism: PrismServer, deadline: number, deadlineMs: number): Promise<void> {
  let exited: string | undefined;
  prism.child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Prism ${exited} before answering:\n${prism.log()}`);
    try {
      await fetch(`${prism.url}/`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`Prism did not answer on ${prism.url} within ${deadlineMs} ms:\n${prism.log()}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000))]);
  if (timedOut) signalGroup('SIGKILL');
  await exited;
  // Whatever Prism forked must be gone too: signalling the group must find no process.
  await new Promise((resolve) => setTimeout(resolve, 100));
  let orphan = true;
  try {
    process.kill(-pid, 0);
  } catch {
    orphan = false;
  }
  if (orphan) {
    signalGroup('SIGKILL');
    throw new Error(`Prism's process group ${pid} still had members after it exited`);
  }
}

/**
 * Starts Prism and waits until it answers. The port is found by binding and releasing it; should
 * something take it in between, Prism is started again on another (three tries).
 */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const deadlineMs = options.startupDeadlineMs ?? 60_000;
  const deadline = Date.now() + deadlineMs;
  const failures: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const candidate = spawnPrism(options, await freePort());
    try {
      await waitUntilAnswering(candidate, deadline, deadlineMs);
      return candidate;
    } catch (error) {
      failures.push((error as Error).message);
      await candidate.stop().catch(() => undefined);
      if (!/EADDRINUSE/.test(candidate.log())) break;
    }
  }
  throw new Error(`could not start Prism:\n${failures.join('\n---\n')}`);
}

/** Prism as a test file uses it: where it answers, what it printed, and `release()` when the file is done. */
export interface PrismInUse {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The last 20,000 characters Prism printed, for failure messages. */
  log(): string;
  /** Stops a Prism of the file's own; leaves the run's shared one to the run. */
  release(): Promise<void>;
}

/** The run's shared Prism for `options.specPath`, or, in a run that shares none, one of this file's own. */
export async function usePrism(options: PrismOptions): Promise<PrismInUse> {
  const shared = await askSharedPart<{ url: string; logFile: string }>('prism', { spec: options.specPath });
  if (shared) {
    return { url: shared.url, log: () => readFileSync(shared.logFile, 'utf8').slice(-20_000), release: async () => undefined };
  }
  const own = await startPrism(options);
  return { url: own.url, log: () => own.log(), release: () => own.stop() };
}
