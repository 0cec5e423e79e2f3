/**
 * `npm run generate [-- --spec <file> --out <dir>]`: spec → bundled JSON, schema types, typed
 * client and manifest, swapped into the output folder only when every step succeeded.
 */
import { parseOptions, runCommand } from './generator/cli.js';
import { writeOutputAtomically } from './generator/output.js';
import { generate, generatorName } from './generator/pipeline.js';

const usage = 'usage: npm run generate -- [--spec <openapi file>] [--out <folder>]  (defaults: spec/openapi.yaml, generated)';

await runCommand(async () => {
  const options = parseOptions(process.argv.slice(2), usage);
  const { files, warnings } = await generate(options);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  await writeOutputAtomically(options.out, files, generatorName);
  process.stdout.write(`generated ${[...files.keys()].join(', ')} in ${options.out}/ from ${options.spec}\n`);
  return 0;
});
