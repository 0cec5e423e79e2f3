/**
 * Problems Redocly's library reports (or throws), as the generator reports them: with the file as
 * a maintainer types it, the line and column, the rule and the clause of the specification.
 */
import { getLineColLocation, type NormalizedProblem } from '@redocly/openapi-core';
import { toDisplayPath } from '../display-path.js';
import { formatProblem, type SpecProblem } from '../errors.js';

/** Redocly's messages may name absolute paths; show them the way the rest of the output does. */
function relativeMessage(message: string, cwd: string): string {
  return message.replace(/'(\/[^']+)'/g, (_, file: string) => `'${toDisplayPath(file, cwd)}'`);
}

export function problemFromRedocly(problem: NormalizedProblem, cwd: string, clause?: string): SpecProblem {
  const location = problem.location[0];
  const message = relativeMessage(problem.message, cwd);
  if (!location) return { message, rule: problem.ruleId, clause };
  const file = toDisplayPath(location.source.absoluteRef, cwd);
  try {
    const { start } = getLineColLocation(location);
    return { message, rule: problem.ruleId, clause, location: { file, line: start.line, column: start.col } };
  } catch {
    return { message, rule: problem.ruleId, clause, location: { file, pointer: location.pointer } };
  }
}

/** One line per kind of warning and file: the first place it occurs and how many more there are. */
export function groupWarnings(warnings: NormalizedProblem[], cwd: string): string[] {
  const groups = new Map<string, { first: NormalizedProblem; count: number }>();
  for (const warning of warnings) {
    const key = `${warning.ruleId}\0${warning.location[0]?.source.absoluteRef ?? ''}\0${warning.message}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: warning, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) => {
    const text = formatProblem(problemFromRedocly(first, cwd));
    return count === 1 ? text : `${text} (and ${count - 1} more like it in this file)`;
  });
}

interface ParseFailure {
  line?: number;
  col?: number;
  source?: { absoluteRef?: string };
  originalError?: { message?: string; code?: string };
}

/** What Redocly throws when a file cannot be read or parsed. */
export function problemFromThrown(error: unknown, specPath: string, cwd: string): SpecProblem {
  const failure = (error ?? {}) as ParseFailure;
  const message = error instanceof Error ? error.message : String(error);
  const file = toDisplayPath(failure.source?.absoluteRef ?? specPath, cwd);
  if (failure.originalError?.code === 'ENOENT') {
    return { message: 'file not found', location: { file } };
  }
  // js-yaml appends " in "<file>" (line:col)"; the location already says that.
  const reason = message.replace(/ in "[^"]*" \(\d+:\d+\)$/, '');
  return { message: `cannot parse: ${reason}`, location: { file, line: failure.line, column: failure.col } };
}
