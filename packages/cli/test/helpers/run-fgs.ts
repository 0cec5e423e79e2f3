/**
 * Running the installed `fgs` (installed-fgs.ts) as a child process, the way people and scripts
 * do: with pipes (`run`), or on a terminal (`terminal`), through util-linux `script`, which gives
 * the command a pseudo-terminal for stdin, stdout and stderr; a redirection inside the command
 * (`> out.json`, `2> err.txt`, `printf … |`) takes one of them off the terminal.
 *
 * Each runner has its own HOME (an empty temporary folder: no real profile is read), the fake's key
 * pair in HUAWEICLOUD_SDK_AK/_SK, no proxy, no NO_COLOR, no FGS_DEBUG, unless a test says otherwise.
 * Every output of every run (stdout, stderr, the terminal, files the test reads through
 * `readOutputFile`) is checked for the fake keys: one found fails the run, without printing it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askSharedPart } from '../../../../test/helpers/shared-parts.js';
import { childEnv } from '../../../../test/helpers/packed-packages.js';
import { installFgs, type InstalledFgs } from './installed-fgs.js';
import { FAKE_KEYS } from './fake-functiongraph.js';

export interface FgsRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TerminalRun {
  readonly code: number;
  /** Everything the terminal showed, as it came: `\r\n` line ends, escape sequences, `\r\x1b[2K` rewrites. */
  readonly screen: string;
}

export interface RunOptions {
  /** Written to stdin, which is then closed. Default: nothing (an empty pipe). */
  readonly stdin?: string;
  /** Added to the runner's environment; `undefined` removes a variable. */
  readonly env?: Record<string, string | undefined>;
  /** Default: the runner's scratch folder. */
  readonly cwd?: string;
  /** Default 20 s: a run that takes longer is killed and fails the test. */
  readonly timeoutMs?: number;
  /**
   * The fake's access key id may be printed (the secret key never): the client names the key id
   * of a signature the gateway refused, to say which key to check.
   */
  readonly accessKeyIdMayAppear?: boolean;
}

export interface FgsRunner {
  readonly bin: string;
  /** The runner's HOME: empty, removed by `close`. */
  readonly home: string;
  /** A scratch folder, the default working folder: payload files, redirected outputs. */
  readonly scratch: string;
  /** `fgs <args>` with stdin, stdout and stderr pipes. */
  run(args: readonly string[], options?: RunOptions): Promise<FgsRun>;
  /** `command` (sh) on a terminal; `$FGS` in it is the binary. Exit code as the command ended. */
  terminal(command: string, options?: RunOptions): Promise<TerminalRun>;
  /** A file a run wrote (in `scratch` unless absolute), checked for secrets like any output. */
  readOutputFile(name: string): string;
  close(): void;
}

/** The run's installed `fgs` (a shared part), or one installed for this file when the run shares none. */
async function installedFgs(): Promise<InstalledFgs> {
  const shared = await askSharedPart<InstalledFgs>('fgs');
  if (shared) return shared;
  const workDir = mkdtempSync(join(tmpdir(), 'fgs-installed-'));
  process.once('exit', () => rmSync(workDir, { recursive: true, force: true }));
  return installFgs(workDir);
}

/** Fails when `text` holds a fake key; names where, never the key. */
export function checkNoSecret(where: string, text: string, accessKeyIdMayAppear = false): void {
  if (text.includes(FAKE_KEYS.secretAccessKey)) throw new Error(`${where} contains the fake secret access key`);
  if (!accessKeyIdMayAppear && text.includes(FAKE_KEYS.accessKeyId)) throw new Error(`${where} contains the fake access key id`);
}

const proxyVariables = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy'];

function baseEnv(home: string): NodeJS.ProcessEnv {
  const env = childEnv({ HOME: home, HUAWEICLOUD_SDK_AK: FAKE_KEYS.accessKeyId, HUAWEICLOUD_SDK_SK: FAKE_KEYS.secretAccessKey, TERM: 'xterm-256color', SHELL: '/bin/sh' });
  for (const name of [...proxyVariables, 'NO_COLOR', 'FORCE_COLOR', 'FGS_DEBUG', 'NODE_OPTIONS']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('HUAWEICLOUD_SDK_') && name !== 'HUAWEICLOUD_SDK_AK' && name !== 'HUAWEICLOUD_SDK_SK') delete env[name];
  return env;
}

function withChanges(env: NodeJS.ProcessEnv, changes: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const result = { ...env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result;
}

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

function spawnAndWait(file: string, args: readonly string[], options: RunOptions & { env: NodeJS.ProcessEnv; cwd: string }, what: string): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A child that exits without reading its stdin closes the pipe under us: not an error here.
    child.stdin.on('error', () => undefined);
    const timeoutMs = options.timeoutMs ?? 20_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not end within ${timeoutMs} ms\n--- stdout\n${Buffer.concat(stdout).toString()}\n--- stderr\n${Buffer.concat(stderr).toString()}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : -1), stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** A runner of the installed `fgs`, with its own HOME and scratch folder; `close` removes both. */
export async function fgsRunner(): Promise<FgsRunner> {
  const { bin } = await installedFgs();
  const home = mkdtempSync(join(tmpdir(), 'fgs-home-'));
  const scratch = mkdtempSync(join(tmpdir(), 'fgs-scratch-'));
  const env = baseEnv(home);
  return {
    bin,
    home,
    scratch,
    async run(args, options = {}) {
      const result = await spawnAndWait(bin, args, { ...options, env: withChanges(env, options.env), cwd: options.cwd ?? scratch }, `fgs ${args.join(' ')}`);
      checkNoSecret(`stdout of fgs ${args.join(' ')}`, result.stdout, options.accessKeyIdMayAppear);
      checkNoSecret(`stderr of fgs ${args.join(' ')}`, result.stderr, options.accessKeyIdMayAppear);
      return result;
    },
    async terminal(command, options = {}) {
      const result = await spawnAndWait(
        'script',
        ['-qec', command, '/dev/null'],
        { ...options, env: withChanges({ ...env, FGS: bin }, options.env), cwd: options.cwd ?? scratch },
        `script -qec '${command}'`,
      );
      if (result.stderr !== '') throw new Error(`script wrote to its own stderr: ${result.stderr}`);
      checkNoSecret(`the terminal of ${command}`, result.stdout, options.accessKeyIdMayAppear);
      return { code: result.code, screen: result.stdout };
    },
    readOutputFile(name) {
      const text = readFileSync(name.startsWith('/') ? name : join(scratch, name), 'utf8');
      checkNoSecret(name, text);
      return text;
    },
    close() {
      rmSync(home, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
