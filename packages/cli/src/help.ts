/**
 * The `--help` texts, rendered from the command catalog (and, for `fgs call <operationId>`, from
 * the spec's words). Plain text, so docs/cli.md can show it as printed; headings are bold only on
 * a terminal.
 */
import { commands, globalOptions, type CommandSpec, type OptionSpecs, type PositionalSpec } from './commands/catalog.js';
import type { ParsedValues } from './context.js';
import { ExitCode } from './exit-codes.js';
import { colorsFor, type Colors, type Io } from './io.js';
import { cliVersion } from './version.js';

/** Help is laid out for this many columns, whatever the terminal: the same text on every machine, so the docs can show it. */
export const helpWidth = 100;

/** Words of `text` (spaces and line breaks alike) in lines of at most `width` characters; a longer word keeps its own line. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return line === '' ? lines : [...lines, line];
}

/** Rows of two columns, the first padded to the widest, the second wrapped beside it. */
export function twoColumns(rows: readonly (readonly [string, string])[]): string {
  const width = Math.min(36, Math.max(0, ...rows.map(([left]) => left.length)));
  const indent = ' '.repeat(2 + width + 3);
  return rows
    .map(([left, right]) => {
      const [first = '', ...more] = wrap(right, Math.max(40, helpWidth - indent.length));
      const head = left.length > width ? `  ${left}\n${indent}${first}` : `  ${left.padEnd(width)}   ${first}`;
      return [head.trimEnd(), ...more.map((line) => `${indent}${line}`)].join('\n');
    })
    .join('\n');
}

/** A usage line wrapped to the help width, its continuation indented under the command. */
export const usageLines = (line: string) => wrap(line, helpWidth - 2).map((part, index) => `${index === 0 ? '  ' : '      '}${part}`).join('\n');

/** A paragraph wrapped to the help width. */
export const paragraph = (text: string) => wrap(text, helpWidth).join('\n');

export function optionRows(options: OptionSpecs): [string, string][] {
  return Object.entries(options).map(([name, spec]) => {
    const flag = `--${name}${spec.short ? `, -${spec.short}` : ''}${spec.value ? ` ${spec.value}` : ''}`;
    return [flag, spec.help];
  });
}

const positionalRows = (positionals: readonly PositionalSpec[]): [string, string][] => positionals.map((p) => [`<${p.name}>`, p.help]);

type Section = readonly [heading: string | undefined, body: string];

/** Sections under bold headings, separated by blank lines; empty sections are left out. */
export function sections(colors: Colors, parts: readonly Section[]): string {
  const shown = parts.filter(([, body]) => body !== '');
  return `${shown.map(([heading, body]) => (heading ? `${colors.bold(heading)}\n${body}` : body)).join('\n\n')}\n`;
}

const credentialsNote =
  'Credentials come from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (with HUAWEICLOUD_SDK_SECURITY_TOKEN), ' +
  'then ~/.huaweicloud/credentials, then the ECS instance metadata; never from the command line, where the process list would show them.';

export const exitCodeRows: [string, string][] = [
  ['0', 'success'],
  ['1', 'the function failed (an error from a synchronous run, or an asynchronous run that ended FAIL or DISCARD)'],
  ['2', 'usage or input refused before anything was sent'],
  ['3', 'authentication: no credentials found, or the API answered 401 or 403'],
  ['4', 'any other API or network error'],
  ['5', '--wait ran out of time'],
  ['130', 'interrupted (Ctrl-C); a function already started keeps running'],
];

export function topHelp(colors: Colors): string {
  return sections(colors, [
    [undefined, 'fgs: invoke Huawei Cloud FunctionGraph functions from a terminal or a script.'],
    ['usage:', '  fgs <command> [arguments] [options]'],
    ['commands:', twoColumns(commands.map((command) => [command.name, command.summary]))],
    ['global options (before or after the command):', twoColumns(optionRows(globalOptions))],
    ['exit codes:', twoColumns(exitCodeRows)],
    [undefined, paragraph(credentialsNote)],
    [undefined, 'Run fgs <command> --help for the options of a command.'],
  ]);
}

/** A command's help; `listed` goes after its usage (`fgs call` lists the operations there). */
export function commandHelp(command: CommandSpec, colors: Colors, listed: readonly Section[] = []): string {
  return sections(colors, [
    [undefined, `fgs ${command.name}: ${command.summary}`],
    ['usage:', command.usage.map(usageLines).join('\n')],
    ...listed,
    ['arguments:', twoColumns(positionalRows(command.positionals))],
    ['options:', twoColumns(optionRows(command.options))],
    ['global options:', twoColumns(optionRows(globalOptions))],
    ...(command.notes ?? []).map((note) => [undefined, paragraph(note)] as const),
    ['examples:', command.examples.map((line) => `  $ ${line}`).join('\n')],
  ]);
}

/**
 * `--version`, `--help` (on stdout), or, when nothing at all was asked (`fgs`, `fgs call`), the
 * help on stderr with exit 2: the exit code, or undefined when the command line asks for more.
 */
export function answerHelpOrVersion(io: Io, values: ParsedValues, help: (colors: Colors) => string, nothingAsked: true): number;
export function answerHelpOrVersion(io: Io, values: ParsedValues, help: (colors: Colors) => string, nothingAsked: false): number | undefined;
export function answerHelpOrVersion(io: Io, values: ParsedValues, help: (colors: Colors) => string, nothingAsked: boolean): number | undefined {
  const noColor = values['no-color'] === true;
  if (values.version) io.stdout.write(`${cliVersion()}\n`);
  else if (values.help) io.stdout.write(help(colorsFor(io.stdout, io.env, noColor)));
  else if (nothingAsked) {
    io.stderr.write(help(colorsFor(io.stderr, io.env, noColor)));
    return ExitCode.usage;
  } else return undefined;
  return ExitCode.ok;
}
