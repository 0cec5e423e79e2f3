/**
 * The one package this repository releases, @fgs-openapi/client: its name, version and built
 * declarations, and where the release machinery keeps the baseline and reads the changesets.
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
