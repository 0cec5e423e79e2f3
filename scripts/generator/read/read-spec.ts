/**
 * Reading: the root file and every file it references, each read and parsed once (JSON as JSON,
 * YAML as YAML) and kept by the resolver for the stages after it. Only OpenAPI 3.0 and 3.1 go on.
 */
import { stat } from 'node:fs/promises';
import type { Document } from '@redocly/openapi-core';
import { toDisplayPath } from '../display-path.js';
import { SpecError } from '../errors.js';
import { clauseText } from '../spec-clauses.js';
import { JsonFirstResolver } from './json-first-resolver.js';
import { problemFromThrown } from './redocly-problems.js';

export interface ParsedSpec {
  /** The root document as parsed (before bundling). */
  root: Document;
  /** The resolver that read it: validation and bundling get every file from its cache. */
  resolver: JsonFirstResolver;
  /** The root file's absolute path. */
  absolutePath: string;
  /** The root file as a maintainer would type it (relative to `cwd`). */
  displayPath: string;
  /** The folder paths in messages are shown from. */
  cwd: string;
  /** The root's `openapi` version: 3.0.x or 3.1.x. */
  version: string;
}

export async function readSpec(absolutePath: string, cwd: string): Promise<ParsedSpec> {
  const displayPath = toDisplayPath(absolutePath, cwd);
  const info = await stat(absolutePath).catch(() => undefined);
  if (!info?.isFile()) throw new SpecError([{ message: 'file not found', location: { file: displayPath } }]);

  const resolver = new JsonFirstResolver();
  let root: Document;
  try {
    root = (await resolver.resolveDocument(null, absolutePath, true)) as Document;
  } catch (error) {
    throw new SpecError([problemFromThrown(error, absolutePath, cwd)]);
  }
  const version = checkVersion(root.parsed, displayPath);
  return { root, resolver, absolutePath, displayPath, cwd, version };
}

function checkVersion(document: unknown, displayPath: string): string {
  const root = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  const version = root.openapi;
  if (typeof version === 'string' && /^3\.[01]\.\d+/.test(version)) return version;
  const found = typeof root.swagger === 'string' ? `Swagger ${root.swagger}` : `openapi: ${JSON.stringify(version)}`;
  throw new SpecError([
    {
      message: `unsupported description version (${found}); the generator reads OpenAPI 3.0 and 3.1`,
      location: { file: displayPath, line: 1 },
      clause: typeof root.swagger === 'string' ? undefined : clauseText('3.1.1', 'OpenAPI Object'),
    },
  ]);
}
