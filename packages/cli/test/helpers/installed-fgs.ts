/**
 * `fgs` as a user gets it: the built client and command line packed with `npm pack` and both
 * tarballs installed into a fresh project outside the repo, so the tests run
 * `node_modules/.bin/fgs` with exactly the files and dependencies a user's install has.
 *
 * Packing and installing take a few seconds, so a run does it once: the install is one of the
 * run's shared parts (test/setup/shared-parts.ts), made when the first file asks and removed when
 * the run ends; run-fgs.ts asks for it. A file run without the shared parts (another config)
 * installs its own. This module imports nothing of vitest: the shared parts run in vitest's main
 * process.
 *
 * Both packages must be built (`npx turbo run build`, which CI runs before the tests); a missing
 * dist/ is built here, but a stale one is not noticed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installTarballs, packPackage, runProgram } from '../../../../test/helpers/packed-packages.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const packages = [
  { name: '@fgs-openapi/client', dir: join(repoRoot, 'packages/client'), built: 'dist/index.js' },
  { name: '@fgs-openapi/cli', dir: join(repoRoot, 'packages/cli'), built: 'dist/fgs.js' },
] as const;

export interface InstalledFgs {
  /** `<project>/node_modules/.bin/fgs`. */
  readonly bin: string;
  /** The project both tarballs are installed in. */
  readonly projectDir: string;
}

/** Packs both packages and installs them into a new project under `workDir`. */
export async function installFgs(workDir: string): Promise<InstalledFgs> {
  for (const { name, dir, built } of packages) {
    if (!existsSync(join(dir, built))) await runProgram('npm', ['run', 'build', '-w', name], { cwd: repoRoot });
  }
  const tarballs: string[] = [];
  // One after the other: both packs write into the npm cache.
  for (const { dir } of packages) tarballs.push(await packPackage(dir, workDir));
  const projectDir = join(workDir, 'fgs-user');
  mkdirSync(projectDir);
  await installTarballs(projectDir, tarballs, 'fgs-user');
  const bin = join(projectDir, 'node_modules/.bin/fgs');
  if (!existsSync(bin)) throw new Error(`installing ${tarballs.join(' and ')} made no ${bin}`);
  return { bin, projectDir };
}
