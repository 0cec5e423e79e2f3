/**
 * Validation: the read description linted with the generator's checks (description-checks.ts).
 * A refusal stops generation with every problem found, each with its file, line and clause; what
 * the generator can live with comes back as warnings, one line per kind and file.
 */
import { lintDocument, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { SpecError } from '../errors.js';
import type { ParsedSpec } from '../read/read-spec.js';
import { groupWarnings, problemFromRedocly, problemFromThrown } from '../read/redocly-problems.js';
import { classifyProblems } from './classify-problems.js';

/** The warnings, when the description is good enough to generate from; throws a SpecError otherwise. */
export async function validateSpec(spec: ParsedSpec, config: Config): Promise<string[]> {
  let problems: NormalizedProblem[];
  try {
    problems = await lintDocument({ document: spec.root, config, externalRefResolver: spec.resolver });
  } catch (error) {
    throw new SpecError([problemFromThrown(error, spec.absolutePath, spec.cwd)]);
  }
  const { errors, warnings } = await classifyProblems(problems, spec.root, spec.resolver);
  if (errors.length > 0) throw new SpecError(errors.map(({ problem, clause }) => problemFromRedocly(problem, spec.cwd, clause)));
  return groupWarnings(warnings, spec.cwd);
}
