/**
 * Reading and bundling: the only module that touches the spec files. Each file is read and parsed
 * once (JSON as JSON, YAML as YAML), validated with Redocly's library (so every problem keeps its
 * file and line; see spec-checks.ts for what is checked) and then bundled into one document whose
 * internal `$ref`s all point inside it. Nothing downstream parses, validates or bundles again.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BaseResolver, bundle, getLineColLocation, lintDocument, type Document, type NormalizedProblem, type Source } from '@redocly/openapi-core';
import { formatProblem, SpecError, type SpecProblem } from './errors.js';
import { toDisplayPath } from './paths.js';
import { classifyProblems, clauseText, validationConfig } from './spec-checks.js';

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
  /** What OpenAPI allows but the generator cannot use, one line each (same problems in one file grouped). */
  warnings: string[];
}

/**
 * Redocly's resolver parses every file as YAML. A JSON file is parsed as JSON, several times
 * faster on a large description; if that fails the YAML parser reads it, so a syntax error still
 * gets its line and column.
 */
class JsonFirstResolver extends BaseResolver {
  override parseDocument(source: Source, isRoot?: boolean): Document {
    if (/\.json$/i.test(source.absoluteRef) || /^\s*\{/.test(source.body.slice(0, 64))) {
      try {
        return { source, parsed: JSON.parse(source.body) as unknown };
      } catch {
        // fall through to the YAML parser, which says where the syntax breaks
      }
    }
    return super.parseDocument(source, isRoot);
  }
}

/** Redocly's messages may name absolute paths; show them the way the rest of the output does. */
function relativeMessage(message: string): string {
  return message.replace(/'(\/[^']+)'/g, (_, file: string) => `'${toDisplayPath(file)}'`);
}

function problemFromRedocly(problem: NormalizedProblem, clause?: string): SpecProblem {
  const location = problem.location[0];
  const message = relativeMessage(problem.message);
  if (!location) return { message, rule: problem.ruleId, clause };
  const file = toDisplayPath(location.source.absoluteRef);
  try {
    const { start } = getLineColLocation(location);
    return { message, rule: problem.ruleId, clause, location: { file, line: start.line, column: start.col } };
  } catch {
    return { message, rule: problem.ruleId, clause, location: { file, pointer: location.pointer } };
  }
}

/** One line per kind of warning and file: the first place it occurs and how many more there are. */
function groupWarnings(warnings: NormalizedProblem[]): string[] {
  const groups = new Map<string, { first: NormalizedProblem; count: number }>();
  for (const warning of warnings) {
    const key = `${warning.ruleId}\0${warning.location[0]?.source.absoluteRef ?? ''}\0${warning.message}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: warning, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) => {
    const text = formatProblem(problemFromRedocly(first));
    return count === 1 ? text : `${text} (and ${count - 1} more like it in this file)`;
  });
}

interface ParseFailure {
  line?: number;
  col?: number;
  source?: { absoluteRef?: string };
  originalError?: { message?: string; code?: string };
}

function problemFromThrown(error: unknown, specPath: string): SpecProblem {
  const failure = (error ?? {}) as ParseFailure;
  const message = error instanceof Error ? error.message : String(error);
  const file = toDisplayPath(failure.source?.absoluteRef ?? specPath);
  if (failure.originalError?.code === 'ENOENT') {
    return { message: 'file not found', location: { file } };
  }
  // js-yaml appends " in "<file>" (line:col)"; the location already says that.
  const reason = message.replace(/ in "[^"]*" \(\d+:\d+\)$/, '');
  return { message: `cannot parse: ${reason}`, location: { file, line: failure.line, column: failure.col } };
}

function checkVersion(document: unknown, displayPath: string): void {
  const root = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  const version = root.openapi;
  if (typeof version === 'string' && /^3\.[01]\.\d+/.test(version)) return;
  const found = typeof root.swagger === 'string' ? `Swagger ${root.swagger}` : `openapi: ${JSON.stringify(version)}`;
  throw new SpecError([
    {
      message: `unsupported description version (${found}); the generator reads OpenAPI 3.0 and 3.1`,
      location: { file: displayPath, line: 1 },
      clause: typeof root.swagger === 'string' ? undefined : clauseText('3.1.1', 'OpenAPI Object'),
    },
  ]);
}

async function hashSources(rootFile: string, files: Iterable<string>): Promise<SpecSource[]> {
  const rootDir = path.dirname(rootFile);
  const others = [...new Set(files)].filter((file) => file !== rootFile).sort();
  return Promise.all(
    [rootFile, ...others].map(async (file) => ({
      path: path.relative(rootDir, file).split(path.sep).join('/'),
      sha256: createHash('sha256').update(await readFile(file)).digest('hex'),
    })),
  );
}

export async function bundleSpec(specPath: string): Promise<BundledSpec> {
  const absolute = path.resolve(specPath);
  const displayPath = toDisplayPath(absolute);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) throw new SpecError([{ message: 'file not found', location: { file: displayPath } }]);

  const config = await validationConfig();
  // One resolver for validation and bundling: each file is read and parsed once, then served from its cache.
  const resolver = new JsonFirstResolver(config.resolve);
  let root: Document;
  try {
    root = (await resolver.resolveDocument(null, absolute, true)) as Document;
  } catch (error) {
    throw new SpecError([problemFromThrown(error, absolute)]);
  }
  checkVersion(root.parsed, displayPath);

  let problems: NormalizedProblem[];
  try {
    problems = await lintDocument({ document: root, config, externalRefResolver: resolver });
  } catch (error) {
    throw new SpecError([problemFromThrown(error, absolute)]);
  }
  const { errors, warnings } = await classifyProblems(problems, root, resolver);
  if (errors.length > 0) throw new SpecError(errors.map(({ problem, clause }) => problemFromRedocly(problem, clause)));

  const version = String((root.parsed as Record<string, unknown>).openapi);
  const result = await bundle({ doc: root, config, externalRefResolver: resolver, dereference: false });
  const bundleErrors = result.problems.filter((p) => p.severity === 'error');
  if (bundleErrors.length > 0) throw new SpecError(bundleErrors.map((p) => problemFromRedocly(p, clauseText(version, 'Reference Object'))));

  const document = result.bundle.parsed as Record<string, unknown>;
  const sources = await hashSources(absolute, result.fileDependencies);
  return { document, sources, displayPath, warnings: groupWarnings(warnings) };
}
