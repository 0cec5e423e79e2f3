/**
 * `npm run check`: fails when the output folder is not exactly what the spec would produce, and
 * says which files differ and the command that fixes it. Writes nothing.
 */
import { generate, regenerateCommand } from '../pipeline.js';
import { readOutput } from '../write/write-output.js';
import { parseOptions, runCommand, type CommandIo } from './command-line.js';

const usage = 'usage: npm run check -- [--spec <openapi file>] [--out <folder>]';

export function checkGeneratedCommand(argv: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const options = parseOptions(argv, usage, io);
    if (!options) return 0;
    const { files: expected } = await generate(options);
    const differences = compareOutput(expected, await readOutput(options.out, options.cwd));
    if (differences.length === 0) {
      io.stdout.write(`${options.out}/ is up to date with ${options.spec}\n`);
      return 0;
    }
    io.stderr.write(
      `error: ${options.out}/ is out of date with ${options.spec}:\n${differences.map((d) => `  ${d}`).join('\n')}\nFix: ${regenerateCommand(options)}\n`,
    );
    return 1;
  });
}

/** What differs between the files the spec produces and those in the folder, one line each. */
function compareOutput(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const differences: string[] = [];
  for (const [name, text] of expected) {
    const found = actual.get(name);
    if (found === undefined) differences.push(`${name} is missing`);
    else if (found !== text) differences.push(`${name} differs`);
  }
  for (const name of actual.keys()) if (!expected.has(name)) differences.push(`${name} is not generated from the spec`);
  return differences;
}
