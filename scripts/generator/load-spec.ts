/**
 * Reading and bundling: the only module that touches the spec files. It validates the source
 * with Redocly's library (so every problem keeps its file and line) and then bundles the
 * multi-file description into one document whose internal `$ref`s all point inside it.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bundle, createConfig, getLineColLocation, lint } from '@redocly/openapi-core';
import type { Config, NormalizedProblem, Plugin } from '@redocly/openapi-core';
import { SpecError, type SpecProblem } from './errors.js';
import { toDisplayPath } from './paths.js';

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
 * Checks that matter for generation but are not structural: Redocly's `struct` rule accepts an
 * OpenAPI 3.1 operation without responses, yet a client cannot type what such an operation returns.
 */
const generatorRules: Plugin = {
  id: 'generator',
  rules: {
    oas3: {
      // Plugins handed over as objects are not prefixed by Redocly, so the key carries the plugin id.
      'generator/operation-has-responses': () => ({
        Operation(operation: Record<string, unknown>, ctx: { report: (p: object) => void; location: { child: (k: string) => unknown; key: () => unknown } }) {
          const responses = operation.responses;
          const isEmptyObject =
            typeof responses === 'object' && responses !== null && Object.keys(responses).length === 0;
          if (responses === undefined) {
            ctx.report({ message: 'Operation has no `responses`: the generator cannot type its result.', location: ctx.location.key() });
          } else if (isEmptyObject) {
            ctx.report({ message: 'Operation has an empty `responses` object: the generator cannot type its result.', location: ctx.location.child('responses') });
          }
        },
      }),
    },
  },
} as unknown as Plugin;

let validationConfig: Promise<Config> | undefined;

function getValidationConfig(): Promise<Config> {
  validationConfig ??= createConfig(
    {
      rules: {
        struct: 'error',
        'no-unresolved-refs': 'error',
        'operation-operationId-unique': 'error',
        'path-parameters-defined': 'error',
        'generator/operation-has-responses': 'error',
      },
    },
    { plugins: [generatorRules] },
  );
  return validationConfig;
}

/** Redocly's messages may name absolute paths; show them the way the rest of the output does. */
function relativeMessage(message: string): string {
  return message.replace(/'(\/[^']+)'/g, (_, file: string) => `'${toDisplayPath(file)}'`);
}

function problemFromRedocly(problem: NormalizedProblem): SpecProblem {
  const location = problem.location[0];
  const message = relativeMessage(problem.message);
  if (!location) return { message, rule: problem.ruleId };
  const file = toDisplayPath(location.source.absoluteRef);
  try {
    const { start } = getLineColLocation(location);
    return { message, rule: problem.ruleId, location: { file, line: start.line, column: start.col } };
  } catch {
    return { message, rule: problem.ruleId, location: { file, pointer: location.pointer } };
  }
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

function checkVersion(document: Record<string, unknown>, displayPath: string): void {
  const version = document.openapi;
  if (typeof version === 'string' && /^3\.[01]\.\d+/.test(version)) return;
  const found = typeof document.swagger === 'string' ? `Swagger ${document.swagger}` : `openapi: ${JSON.stringify(version)}`;
  throw new SpecError([
    { message: `unsupported description version (${found}); the generator reads OpenAPI 3.0 and 3.1`, location: { file: displayPath, line: 1 } },
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

  const config = await getValidationConfig();
  let problems: NormalizedProblem[];
  try {
    problems = await lint({ ref: absolute, config });
  } catch (error) {
    throw new SpecError([problemFromThrown(error, absolute)]);
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new SpecError(errors.map(problemFromRedocly));

  const result = await bundle({ ref: absolute, config, dereference: false });
  const bundleErrors = result.problems.filter((p) => p.severity === 'error');
  if (bundleErrors.length > 0) throw new SpecError(bundleErrors.map(problemFromRedocly));

  const document = result.bundle.parsed as Record<string, unknown>;
  checkVersion(document, displayPath);
  const sources = await hashSources(absolute, result.fileDependencies);
  return { document, sources, displayPath };
}
