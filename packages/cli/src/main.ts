/**
 * `fgs [global options] <command> [arguments] [options]`: finds the command, reads the command line
 * against its options and the global ones (accepted before or after the command), answers
 * `--help` and `--version` without loading the client, runs the command, and turns any error into
 * a message on stderr and an exit code.
 */
import { firstPositional, parseCommandLine } from './arguments.js';
import { commands, findCommand, globalOptions, type CommandSpec } from './commands/catalog.js';
import { commandContext, type ContextParts } from './context.js';
import { UsageError } from './exit-codes.js';
import { answerHelpOrVersion, commandHelp, topHelp } from './help.js';
import { colorsFor, type Io } from './io.js';
import { reportError } from './report.js';
import { didYouMean } from './suggest.js';

/** How the client's argument names read on the command line, for every command. */
const commonArgumentNames: [string, string][] = [
  ['functionUrn', '<function-urn>'],
  ['projectId', '--project'],
  ['region', '--region'],
  ['baseUrl', '--endpoint'],
  ['timeoutMs', '--timeout'],
  ['body', '--data'],
];

function checkPositionals(command: CommandSpec, positionals: readonly string[]): void {
  const wanted = command.positionals;
  if (positionals.length < wanted.length) {
    const missing = wanted.slice(positionals.length).map((p) => `<${p.name}>`);
    throw new UsageError(`fgs ${command.name} needs ${missing.join(' and ')}`, `usage: ${command.usage[0]}`);
  }
  if (positionals.length > wanted.length) {
    throw new UsageError(`fgs ${command.name} takes ${wanted.length || 'no'} argument${wanted.length === 1 ? '' : 's'}, got also "${positionals[wanted.length]}"`, `usage: ${command.usage[0]}`);
  }
}

async function dispatch(argv: readonly string[], parts: ContextParts): Promise<number> {
  const { io } = parts;
  const at = firstPositional(argv, globalOptions);
  if (at < 0) return answerHelpOrVersion(io, parseCommandLine(argv, globalOptions, 'fgs').values, topHelp, true);
  const name = argv[at]!;
  const command = findCommand(name);
  if (!command) throw new UsageError(`unknown command "${name}"${didYouMean(name, commands.map((c) => c.name))}`, 'run fgs --help for the commands');
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  const where = `fgs ${command.name}`;
  parts.errorsPointAt.where = where;
  if (command.parsesItsArguments) return (await command.load()).run(commandContext(parts, where, {}, rest));

  const { values, positionals } = parseCommandLine(rest, { ...globalOptions, ...command.options }, where);
  const answered = answerHelpOrVersion(io, values, (colors) => commandHelp(command, colors), false);
  if (answered !== undefined) return answered;
  checkPositionals(command, positionals);
  const context = commandContext(parts, where, values, positionals);
  return (await command.load()).run(context);
}

export async function main(argv: readonly string[], io: Io, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const parts: ContextParts = { io, signal, argumentNames: new Map(commonArgumentNames), errorsPointAt: { where: 'fgs' } };
  try {
    return await dispatch(argv, parts);
  } catch (error) {
    return reportError(error, { io, colors: colorsFor(io.stderr, io.env, argv.includes('--no-color')), where: parts.errorsPointAt.where, argumentNames: parts.argumentNames });
  }
}
