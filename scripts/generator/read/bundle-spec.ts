/**
 * Bundling: the validated description as one document whose `$ref`s all point inside it (what
 * generated/openapi.json holds, and what the model is built from), with the hash of every file it
 * was made of.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundle, type Config } from '@redocly/openapi-core';
import { sha256 } from '../../shared/sha256.js';
import { SpecError } from '../errors.js';
import { clauseText } from '../spec-clauses.js';
import type { ParsedSpec } from './read-spec.js';
import { problemFromRedocly } from './redocly-problems.js';

export interface SpecSource {
  /** Path relative to the root spec's folder, with forward slashes. */
  path: string;
  sha256: string;
}

export interface BundledSpec {
  /** The bundled OpenAPI document (plain JSON data). */
  document: Record<string, unknown>;
  /** Every file the description is made of, root first, then sorted. */
  sources: SpecSource[];
  /** The root file as a maintainer would type it (relative to the working directory). */
  displayPath: string;
}

/**
 * `config` is the one the description was validated with: its types (validate/description-checks.ts)
 * decide which nodes the bundler reads as what, so both see the same document.
 */
export async function bundleSpec(spec: ParsedSpec, config: Config): Promise<BundledSpec> {
  const result = await bundle({ doc: spec.root, config, externalRefResolver: spec.resolver, dereference: false });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new SpecError(errors.map((p) => problemFromRedocly(p, spec.cwd, clauseText(spec.version, 'Reference Object'))));

  const document = result.bundle.parsed as Record<string, unknown>;
  const sources = await hashSources(spec.absolutePath, result.fileDependencies);
  return { document, sources, displayPath: spec.displayPath };
}

async function hashSources(rootFile: string, files: Iterable<string>): Promise<SpecSource[]> {
  const rootDir = path.dirname(rootFile);
  const others = [...new Set(files)].filter((file) => file !== rootFile).sort();
  return Promise.all(
    [rootFile, ...others].map(async (file) => ({
      path: path.relative(rootDir, file).split(path.sep).join('/'),
      sha256: sha256(await readFile(file)),
    })),
  );
}
