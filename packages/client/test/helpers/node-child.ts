/**
 * Runs an ES module snippet in a fresh `node` process, usually one that imports the built package
 * (`packages/client/dist/index.js`, made by `npm run build`), for what one process can only show
 * once (a warning per process) or only at its end (what keeps it alive). The child is killed if
 * it outlives `timeoutMs`, and the result says so.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transportEnv } from './transport.js';

export const distEntry = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

export interface ChildRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the child outlived `timeoutMs` and was killed. */
  killed: boolean;
  /** `performance.now()` in the parent when each stdout line first arrived. */
  lineArrivals: Map<string, number>;
  /** `performance.now()` in the parent when the child exited. */
  exitedAt: number;
}

export interface ChildOptions {
  /** Flags for node itself, before `--input-type=module -e`. */
  nodeArgs?: string[];
  /** Variables added to the child's environment; `runDistModule` sets `FGS_DIST` (the dist entry's file URL) too. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export function assertDistBuilt(): void {
  if (!existsSync(distEntry)) throw new Error(`${distEntry} is missing: run \`npm run build\` first (npm test does)`);
}

export function runDistModule(source: string, options: ChildOptions = {}): Promise<ChildRun> {
  assertDistBuilt();
  return runModule(source, { ...options, env: { ...options.env, FGS_DIST: pathToFileURL(distEntry).href } });
}

/** Runs an ES module snippet in a fresh `node` process, as `runDistModule` does, without the built package. */
export function runModule(source: string, options: ChildOptions = {}): Promise<ChildRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...transportEnv, ...options.env };
  // Whatever the parent runs under must not silence or reshape the child's warnings.
  delete env.NODE_OPTIONS;
  delete env.NODE_NO_WARNINGS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--input-type=module', '-e', source], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const lineArrivals = new Map<string, number>();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const now = performance.now();
      for (const line of stdout.split('\n').slice(0, -1)) if (!lineArrivals.has(line)) lineArrivals.set(line, now);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const bound = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.once('error', (error) => {
      clearTimeout(bound);
      reject(error);
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(bound);
      resolve({ exitCode, signal, stdout, stderr, killed, lineArrivals, exitedAt: performance.now() });
    });
  });
}

/** How a run went, for assertion messages. */
export function describeRun(run: ChildRun): string {
  return `exit ${run.exitCode ?? run.signal}${run.killed ? ' (killed at the time bound)' : ''}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}
