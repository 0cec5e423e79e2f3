/**
 * `npm run check`: fails when the output folder is not exactly what the spec would produce, and
 * says which files differ and the command that fixes it. Writes nothing.
 */
import { parseOptions, runCommand } from './generator/cli.js';
import { readOutput } from './generator/output.js';
import { generate, regenerateCommand } from './generator/pipeline.js';

const usage = 'usage: npm run check -- [--spec <openapi file>] [--out <folder>]';

await runCommand(async () => {
  const options = parseOptions(process.argv.slice(2), usage);
  const { files: expected } = await generate(options);
  const actual = await readOutput(options.out);
  const differences: string[] = [];
  for (const [name, text] of expected) {
    const found = actual.get(name);
    if (found === undefined) differences.push(`${name} is missing`);
    else if (found !== text) differences.push(`${name} differs`);
  }
  for (const name of actual.keys()) if (!expected.has(name)) differences.push(`${name} is not generated from the spec`);
  if (differences.length === 0) {
    process.stdout.write(`${options.out}/ is up to date with ${options.spec}\n`);
    return 0;
  }
  process.stderr.write(
    `error: ${options.out}/ is out of date with ${options.spec}:\n${differences.map((d) => `  ${d}`).join('\n')}\nFix: ${regenerateCommand(options)}\n`,
  );
  return 1;
});
