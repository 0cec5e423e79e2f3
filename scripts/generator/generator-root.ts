/**
 * The generator's own files, found from this module: the repository's root is the first folder up
 * with a package.json named fgs-openapi. The code also runs bundled from node_modules/.cache
 * (scripts/run.mjs), which lies inside the repository too, so the search finds the same root
 * either way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GeneratorRoot {
  /** The repository's root folder. */
  dir: string;
  /** The version in its package.json: the generator's version. */
  version: string;
}

let found: GeneratorRoot | undefined;

export function generatorRoot(): GeneratorRoot {
  found ??= findRoot();
  return found;
}

function findRoot(): GeneratorRoot {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'fgs-openapi' && manifest.version) return { dir, version: manifest.version };
    } catch {
      // no package.json at this level; keep walking up
    }
    if (path.dirname(dir) === dir) throw new Error('cannot find the root package.json of fgs-openapi');
  }
}
