/**
 * The command-line edge: argument parsing, and failures turned into messages and exit codes.
 * Commands write to the streams they are given and return their exit code, so a test runs them
 * in its own process exactly as scripts/generate.ts and scripts/check-generated.ts do.
 *
 * Exit codes: 0 done; 1 the spec has problems, the output is out of date, or an unexpected
 * failure; 2 the command line (or the output folder it names) is wrong.
 */
import { parseArgs } from 'node:util';
import { toDisplayPath } from '../display-path.js';
import { SpecError, UsageError } from '../errors.js';
import { defaultOut, defaultSpec, type GenerateOptions } from '../pipeline.js';

/** Where a command runs: its working directory, and where data and messages go. */
export interface CommandIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The process's own, for the scripts that run a command. */
export function processIo(): CommandIo {
  return { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };
}

/** The options, or undefined when `--help` asked for the usage (printed). */
export function parseOptions(argv: string[], usage: string, io: CommandIo): Required<GenerateOptions> | undefined {
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
    io.stdout.write(`${usage}\n`);
    return undefined;
  }
  return {
    spec: values.spec ? toDisplayPath(values.spec, io.cwd) : defaultSpec,
    out: values.out ? toDisplayPath(values.out, io.cwd) : defaultOut,
    cwd: io.cwd,
  };
}

/** Runs a command, printing expected failures as one clear message; resolves to the exit code. */
export async function runCommand(io: CommandIo, main: () => Promise<number>): Promise<number> {
  try {
    return await main();
  } catch (error) {
    if (error instanceof SpecError || error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    io.stderr.write(`error: unexpected failure; nothing was written.\n${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}
