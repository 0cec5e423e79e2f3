/** The command-line edge: argument parsing and turning failures into messages and exit codes. */
import { parseArgs } from 'node:util';
import { SpecError, UsageError } from './errors.js';
import { defaultOut, defaultSpec, type GenerateOptions } from './pipeline.js';
import { toDisplayPath } from './paths.js';

export function parseOptions(argv: string[], usage: string): GenerateOptions {
  let values: { spec?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { spec: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return {
    spec: values.spec ? toDisplayPath(values.spec) : defaultSpec,
    out: values.out ? toDisplayPath(values.out) : defaultOut,
  };
}

/** Runs a command, printing expected failures as one clear message and exiting non-zero. */
export async function runCommand(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof SpecError || error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
      return;
    }
    process.stderr.write(`error: unexpected failure; nothing was written.\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
