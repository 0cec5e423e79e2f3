/**
 * Reading a command line with `node:util` `parseArgs` (strict: an unknown option is refused), and
 * turning its errors into usage errors that name the option, suggest the one meant, and point at
 * the command's help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { OptionSpecs } from './commands/catalog.js';
import type { ParsedValues } from './context.js';
import { UsageError } from './exit-codes.js';
import { didYouMean } from './suggest.js';

export interface ParsedCommandLine {
  readonly values: ParsedValues;
  readonly positionals: string[];
}

/** The option an argument names (`--data=x` → `data`, `-d` → `data`), or undefined for a positional. */
function optionOf(argument: string, options: OptionSpecs): string | undefined {
  if (argument.startsWith('--')) return argument.slice(2).split('=')[0];
  if (argument.length === 2 && argument.startsWith('-') && argument !== '--') {
    return Object.keys(options).find((name) => options[name]!.short === argument[1]) ?? argument;
  }
  return undefined;
}

/**
 * Where the first positional argument is, stepping over options and the values of the options
 * that take one: a command (`fgs --region r invoke …`), or `call`'s operation. -1 when none.
 */
export function firstPositional(argv: readonly string[], options: OptionSpecs): number {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') return index + 1 < argv.length ? index + 1 : -1;
    const option = optionOf(argument, options);
    if (option === undefined) return index;
    if (options[option]?.type === 'string' && !argument.includes('=')) index++;
  }
  return -1;
}

function usageError(error: unknown, options: OptionSpecs, where: string): unknown {
  const code = (error as { code?: string }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return error;
  // Node quotes the option as typed ('--zz'), or as declared ('-d, --data <value>'): the long name reads best.
  const named = /'([^']*)'/.exec((error as Error).message)?.[1]?.match(/-{1,2}[\w-]+/g) ?? [];
  const quoted = named.find((option) => option.startsWith('--')) ?? named[0] ?? '';
  const name = quoted.replace(/^-+/, '');
  const hint = `see ${where} --help`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(options).map((option) => `--${option}`);
    return new UsageError(`unknown option ${quoted} for ${where}${didYouMean(quoted, known)}`, hint);
  }
  const spec = options[name] ?? Object.values(options).find((option) => option.short === name);
  if (spec?.type === 'boolean') return new UsageError(`${quoted} takes no value`, hint);
  return new UsageError(`${quoted} needs a value${spec?.value ? ` (${spec.value})` : ''}; a value that starts with - is written ${quoted}=<value>`, hint);
}

export function parseCommandLine(argv: readonly string[], options: OptionSpecs, where: string): ParsedCommandLine {
  const config: ParseArgsConfig['options'] = {};
  for (const [name, spec] of Object.entries(options)) config[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
    return { values: values as ParsedValues, positionals };
  } catch (error) {
    throw usageError(error, options, where);
  }
}
