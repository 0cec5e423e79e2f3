/**
 * Provenance: manifest.json, written beside the output, says what it was made from and by, so
 * anyone can tell whether generated/ matches spec/: the spec's files and one hash over all of
 * them, the generator's and the tools' versions, the command that regenerates it, and the hash of
 * every file written.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sha256 } from '../shared/sha256.js';
import { generatorRoot } from './generator-root.js';
import type { SpecSource } from './read/bundle-spec.js';

/** The generator's name, as manifest.json records it: write-output.ts replaces only folders it names. */
export const generatorName = 'fgs-openapi generator';

/** The tools whose versions shape the output. */
const tools = ['@redocly/openapi-core', 'openapi-typescript', 'ts-morph', 'typescript'];

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

export interface ManifestInput {
  /** The root spec file as shown, and every file the description is made of with its hash. */
  spec: { displayPath: string; sources: SpecSource[] };
  regenerate: string;
  /** The other output files, by name. */
  files: Map<string, string>;
}

/** The text of manifest.json. */
export function manifestText({ spec, regenerate, files }: ManifestInput): string {
  const manifest = {
    generator: { name: generatorName, version: generatorRoot().version },
    regenerate,
    spec: {
      root: spec.displayPath,
      // One hash over every source file, so any edit anywhere in spec/ changes it.
      sha256: sha256(spec.sources.map((source) => `${source.path}\0${source.sha256}\n`).join('')),
      sources: spec.sources,
    },
    tools: Object.fromEntries(tools.map((name) => [name, installedVersion(name)])),
    files: Object.fromEntries([...files].map(([name, text]) => [name, sha256(text)])),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
