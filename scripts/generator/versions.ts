import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The installed version of a package, found from its entry point (exports maps hide package.json). */
export function installedVersion(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // no package.json at this level; keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the version of ${name}`);
    dir = parent;
  }
}

/**
 * The generator's own version: the repository's root package.json, the first one up from this
 * module named fgs-openapi (this code also runs bundled from node_modules/.cache; see scripts/run.mjs).
 */
export function generatorVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'fgs-openapi' && manifest.version) return manifest.version;
    } catch {
      // no package.json at this level; keep walking up
    }
    if (path.dirname(dir) === dir) throw new Error('cannot find the root package.json of fgs-openapi');
  }
}
