/** Where the release machinery finds things in this repository. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const clientDir = join(repoRoot, 'packages/client');
export const clientPackageName = '@fgs-openapi/client';
export const baselineDir = join(repoRoot, 'release/baseline');
export const changesetDir = join(repoRoot, '.changeset');
export const bundledSpec = join(repoRoot, 'generated/openapi.json');
export const clientDeclarations = join(clientDir, 'dist/index.d.ts');
