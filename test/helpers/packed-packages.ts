/**
 * Our packages as a consumer gets them: `npm pack` a workspace package, and install tarballs into a
 * fresh project outside the repo, with npm children that see nothing of the repo's workspace. Used by
 * the client's tarball test (test/package/tarball.test.ts) and by the command line's tests, which
 * run the installed `fgs` (packages/cli/test/helpers/installed-fgs.ts).
 */
import { execFile, type ExecFileException } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProgramRun {
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking the event loop (a loopback server may live in this process); a non-zero exit rejects with both outputs. */
export function runProgram(file: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<ProgramRun> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { cwd: options.cwd, env: options.env ?? childEnv(), timeout: options.timeout ?? 120_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error: ExecFileException | null, stdout: string, stderr: string) => {
        if (error) {
          reject(new Error(`${[file, ...args].join(' ')} failed (${error.code ?? error.signal}) in ${options.cwd}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

/** npm's settings a child keeps: where it finds packages and how it reaches the registry. */
const npmSettingsKept = new Set([
  'npm_config_cache',
  'npm_config_registry',
  'npm_config_userconfig',
  'npm_config_globalconfig',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_strict_ssl',
  'npm_config_cafile',
]);

/**
 * The environment for npm and node children: this process's, minus what `npm run`/`npm test`
 * exported about the repo's workspace, so a child npm sees only the directory it runs in.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !npmSettingsKept.has(key.toLowerCase())) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Parses npm's `--json` output, skipping anything a lifecycle script may have printed first. */
export function npmJson<T>(stdout: string): T {
  const start = stdout.indexOf('[');
  if (start < 0) throw new Error(`no JSON in npm output:\n${stdout}`);
  return JSON.parse(stdout.slice(start)) as T;
}

export interface PackResult {
  filename: string;
  files: { path: string }[];
}

/** `npm pack` of the package in `packageDir` into `destination`; the tarball's path. */
export async function packPackage(packageDir: string, destination: string): Promise<string> {
  const { stdout } = await runProgram('npm', ['pack', '--json', '--pack-destination', destination], { cwd: packageDir });
  const [packed] = npmJson<PackResult[]>(stdout);
  if (!packed) throw new Error(`npm pack in ${packageDir} named no tarball:\n${stdout}`);
  return join(destination, packed.filename);
}

/**
 * A new project in `projectDir` (which must exist) with the tarballs installed, as a consumer
 * would: no lock file, no audit, the npm cache first (dependencies come from there when they can).
 */
export async function installTarballs(projectDir: string, tarballs: readonly string[], name = 'fgs-consumer'): Promise<void> {
  writeFileSync(join(projectDir, 'package.json'), JSON.stringify({ name, version: '0.0.0', private: true, type: 'module' }, null, 2));
  await runProgram('npm', ['install', ...tarballs, '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'], { cwd: projectDir });
}
