/**
 * The packages this repository releases, @fgs-openapi/client and the command line on it,
 * @fgs-openapi/cli: their names, versions and the files the gate reads, and where the release
 * machinery keeps the baselines and reads the changesets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const clientPackageName = '@fgs-openapi/client';
export const clientDir = join(repoRoot, 'packages/client');
/** The public declarations the build writes: what the gate compares and the baseline keeps. */
export const clientDeclarations = join(clientDir, 'dist/index.d.ts');
/** The bundled spec the generator writes: what the spec diff compares. */
export const bundledSpec = join(repoRoot, 'generated/openapi.json');
export const baselineDir = join(repoRoot, 'release/baseline');
export const changesetDir = join(repoRoot, '.changeset');

/** The version in packages/client/package.json. */
export function clientVersion(): string {
  return (JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8')) as { version: string }).version;
}

export const cliPackageName = '@fgs-openapi/cli';
export const cliDir = join(repoRoot, 'packages/cli');
/** Where the command line declares its surface: the commands and options, and the exit codes. */
export const cliSurfaceFiles = { catalog: join(cliDir, 'src/commands/catalog.ts'), exitCodes: join(cliDir, 'src/exit-codes.ts') } as const;
/** The command line's baseline, beside the client's (each folder holds one package's last release). */
export const cliBaselineDir = join(repoRoot, 'release/cli-baseline');

/** The version in packages/cli/package.json. */
export function cliVersion(): string {
  return (JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { version: string }).version;
}
