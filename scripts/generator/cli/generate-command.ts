/**
 * `npm run generate [-- --spec <file> --out <dir>]`: spec → bundled JSON, schema types, typed
 * client and manifest, swapped into the output folder only when every step succeeded.
 */
import { generate } from '../pipeline.js';
import { generatorName } from '../provenance.js';
import { writeOutputAtomically } from '../write/write-output.js';
import { parseOptions, runCommand, type CommandIo } from './command-line.js';

const usage = 'usage: npm run generate -- [--spec <openapi file>] [--out <folder>]  (defaults: spec/openapi.yaml, generated)';

export function generateCommand(argv: string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const options = parseOptions(argv, usage, io);
    if (!options) return 0;
    const { files, warnings } = await generate(options);
    for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
    await writeOutputAtomically(options.out, files, generatorName, { cwd: options.cwd });
    io.stdout.write(`generated ${[...files.keys()].join(', ')} in ${options.out}/ from ${options.spec}\n`);
    return 0;
  });
}
