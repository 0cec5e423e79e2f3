/**
 * Errors the generator reports to a maintainer. Each one names where the problem is (file, line,
 * column when known) so the message can be acted on without a debugger.
 */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer inside the file, for problems found after bundling. */
  pointer?: string;
}

export interface SpecProblem {
  message: string;
  location?: SourceLocation;
  /** The validation rule that found it, when one did. */
  rule?: string;
  /** The part of the specification the problem breaks, e.g. `OpenAPI 3.0.3, Operation Object (<link>)`. */
  clause?: string;
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.pointer !== undefined && location.line === undefined) text += ` (at ${location.pointer || '#'})`;
  return text;
}

export function formatProblem(problem: SpecProblem): string {
  const where = problem.location ? `${formatLocation(problem.location)}: ` : '';
  const rule = problem.rule ? ` [${problem.rule}]` : '';
  const clause = problem.clause ? ` (breaks ${problem.clause})` : '';
  return `${where}${problem.message}${rule}${clause}`;
}

/** The spec cannot be turned into output; nothing was written. */
export class SpecError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`the spec has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'SpecError';
    this.problems = problems;
  }
}

/** The command line was wrong; the message says how to call it. */
export class UsageError extends Error {
  override name = 'UsageError';
}
