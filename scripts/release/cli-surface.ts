/**
 * The published surface of the command line, @fgs-openapi/cli, as a plain JSON value, and the
 * changes between two of them rated by the release policy (bump.ts).
 *
 * The surface is what a script written against `fgs` relies on: the commands, their positional
 * arguments (by place: they are required and in order), their options (name, type, short flag),
 * the global options, the exit codes and the fields `--json` prints. It is read from the data the
 * command line declares (packages/cli/src/commands/catalog.ts and exit-codes.ts), loaded as
 * TypeScript; the catalog loads a command's module only when it runs, so reading it runs nothing.
 * The words of `--help` (summaries, usage lines, notes, examples, a value's placeholder) are not
 * part of it: rewording help changes no script's outcome.
 *
 * What is not here: `fgs call <operationId>` takes one flag per input of the operation it names,
 * from the client's operations; those follow the client's surface and its gate.
 */
import { pathToFileURL } from 'node:url';
import type { CommandSpec, JsonOutput, OptionSpecs } from '../../packages/cli/src/commands/catalog.js';
import type { Level } from './bump.js';
import type { Finding } from './finding.js';

export interface CliOption {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

export interface CliCommand {
  /** The names of its required positional arguments, in order. */
  readonly positionals: readonly string[];
  readonly options: { readonly [name: string]: CliOption };
  /** What `--json` prints, by mode: field names, `items` (a JSON array of items) or `answer` (the API's answer). */
  readonly jsonOutput: { readonly [mode: string]: JsonOutput };
}

export interface CliSurface {
  readonly commands: { readonly [name: string]: CliCommand };
  readonly globalOptions: { readonly [name: string]: CliOption };
  /** Exit code name (as ExitCode names it) → the number the process ends with. */
  readonly exitCodes: { readonly [name: string]: number };
}

/** The entries of `record` sorted by key, so the surface's JSON is the same whatever the source's order. */
function sortedRecord<T, R>(record: { readonly [key: string]: T }, map: (value: T) => R): Record<string, R> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, map(record[key]!)]),
  );
}

function optionsOf(options: OptionSpecs): Record<string, CliOption> {
  return sortedRecord(options, (option) => (option.short === undefined ? { type: option.type } : { type: option.type, short: option.short }));
}

/** The surface of a catalog: a pure function of the command line's declared data, help words left out. */
export function surfaceOf(catalog: {
  readonly commands: readonly CommandSpec[];
  readonly globalOptions: OptionSpecs;
  readonly ExitCode: { readonly [name: string]: number };
}): CliSurface {
  const commands: Record<string, CliCommand> = {};
  for (const command of [...catalog.commands].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (commands[command.name]) throw new Error(`the catalog declares the command ${command.name} twice`);
    commands[command.name] = {
      positionals: command.positionals.map((p) => p.name),
      options: optionsOf(command.options),
      jsonOutput: sortedRecord(command.jsonOutput ?? {}, (shape) => (typeof shape === 'string' ? shape : [...shape])),
    };
  }
  return { commands, globalOptions: optionsOf(catalog.globalOptions), exitCodes: sortedRecord(catalog.ExitCode, (code) => code) };
}

/** Loads the catalog and the exit codes (TypeScript sources: run under tsx or vitest) and returns their surface. */
export async function loadCliSurface(files: { readonly catalog: string; readonly exitCodes: string }): Promise<CliSurface> {
  const catalog = (await import(pathToFileURL(files.catalog).href)) as { commands?: readonly CommandSpec[]; globalOptions?: OptionSpecs };
  const exitCodes = (await import(pathToFileURL(files.exitCodes).href)) as { ExitCode?: { readonly [name: string]: number } };
  if (!Array.isArray(catalog.commands) || !catalog.globalOptions) throw new Error(`${files.catalog} exports no commands and globalOptions`);
  if (!exitCodes.ExitCode) throw new Error(`${files.exitCodes} exports no ExitCode`);
  return surfaceOf({ commands: catalog.commands, globalOptions: catalog.globalOptions, ExitCode: exitCodes.ExitCode });
}

const finding = (level: Level, subject: string, message: string, rule: string): Finding => ({ origin: 'cli', level, subject, message, rule });

const flag = (name: string, option: CliOption | undefined) => `--${name}${option?.short ? ` (-${option.short})` : ''}`;

/**
 * The option changes of one command or of the global options. `accepted` are the options a
 * command also takes (the global ones): a command's option that became global parses the same.
 */
function compareOptions(
  where: string,
  base: CliSurface['globalOptions'],
  current: CliSurface['globalOptions'],
  accepted?: CliSurface['globalOptions'],
): Finding[] {
  const findings: Finding[] = [];
  for (const name of union(base, current)) {
    const before = base[name];
    const after = current[name];
    const subject = `${where} --${name}`;
    if (before && !after) {
      const still = accepted?.[name];
      if (still && still.type === before.type && (before.short === undefined || still.short === before.short)) {
        findings.push(finding('additive', subject, `${flag(name, before)} is now a global option, accepted as before`, 'option-moved-to-global'));
      } else {
        findings.push(finding('breaking', subject, `${flag(name, before)} was removed: a command line that passes it is refused (exit 2)`, 'option-removed'));
      }
      continue;
    }
    if (!before && after) {
      findings.push(finding('additive', subject, `${flag(name, after)} (${after.type}) was added`, 'option-added'));
      continue;
    }
    if (!before || !after) continue;
    if (before.type !== after.type) {
      findings.push(
        finding('breaking', subject, `--${name} takes ${describeType(after.type)} now, not ${describeType(before.type)}: command lines written for it parse differently`, 'option-type-changed'),
      );
    }
    if (before.short !== after.short) {
      if (before.short === undefined) findings.push(finding('additive', subject, `--${name} gained the short flag -${after.short}`, 'short-flag-added'));
      else if (after.short === undefined) findings.push(finding('breaking', subject, `--${name} lost its short flag -${before.short}`, 'short-flag-removed'));
      else findings.push(finding('breaking', subject, `--${name}'s short flag is -${after.short} now, not -${before.short}`, 'short-flag-changed'));
    }
  }
  return findings;
}

const describeType = (type: CliOption['type']) => (type === 'boolean' ? 'no value (a switch)' : 'a value');

function comparePositionals(command: string, base: readonly string[], current: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < Math.max(base.length, current.length); i++) {
    const before = base[i];
    const after = current[i];
    const subject = `fgs ${command} <${after ?? before}>`;
    if (after === undefined) {
      findings.push(finding('breaking', subject, `the argument <${before}> (place ${i + 1}) was removed: a command line that passes it is refused`, 'positional-removed'));
    } else if (before === undefined) {
      findings.push(finding('breaking', subject, `the required argument <${after}> (place ${i + 1}) was added: a command line without it is refused`, 'positional-added'));
    } else if (before !== after) {
      // The same place still takes an argument; only its name (what help and errors call it) changed.
      findings.push(finding('patch', subject, `the argument in place ${i + 1} is called <${after}> now, not <${before}>`, 'positional-renamed'));
    }
  }
  return findings;
}

const describeShape = (shape: JsonOutput) =>
  shape === 'items' ? 'a JSON array of the items' : shape === 'answer' ? "the API's answer as it came" : `an object of { ${shape.join(', ')} }`;

function compareJsonOutput(command: string, base: CliCommand['jsonOutput'], current: CliCommand['jsonOutput']): Finding[] {
  const findings: Finding[] = [];
  for (const mode of union(base, current)) {
    const before = base[mode];
    const after = current[mode];
    const subject = `fgs ${command} --json${mode === 'default' ? '' : ` (${mode})`}`;
    if (before && !after) {
      findings.push(finding('breaking', subject, `prints nothing declared now; it printed ${describeShape(before)}`, 'json-output-removed'));
    } else if (!before && after) {
      findings.push(finding('additive', subject, `prints ${describeShape(after)} (new)`, 'json-output-added'));
    } else if (before && after) {
      if (typeof before === 'string' || typeof after === 'string') {
        if (before !== after) findings.push(finding('breaking', subject, `prints ${describeShape(after)} now, not ${describeShape(before)}`, 'json-shape-changed'));
        continue;
      }
      for (const field of before.filter((f) => !after.includes(f))) {
        findings.push(finding('breaking', `${subject} .${field}`, `the field ${field} was removed: a script that reads it gets nothing`, 'json-field-removed'));
      }
      for (const field of after.filter((f) => !before.includes(f))) {
        findings.push(finding('additive', `${subject} .${field}`, `the field ${field} was added`, 'json-field-added'));
      }
    }
  }
  return findings;
}

/** Every change from `base` (the last release's surface) to `current`, each rated breaking, additive or patch. */
export function compareCliSurfaces(base: CliSurface, current: CliSurface): Finding[] {
  const findings: Finding[] = [];
  for (const name of union(base.commands, current.commands)) {
    const before = base.commands[name];
    const after = current.commands[name];
    if (before && !after) {
      findings.push(finding('breaking', `fgs ${name}`, `the command ${name} was removed: fgs ${name} is refused (exit 2)`, 'command-removed'));
    } else if (!before && after) {
      findings.push(finding('additive', `fgs ${name}`, `the command ${name} was added`, 'command-added'));
    } else if (before && after) {
      findings.push(
        ...comparePositionals(name, before.positionals, after.positionals),
        ...compareOptions(`fgs ${name}`, before.options, after.options, current.globalOptions),
        ...compareJsonOutput(name, before.jsonOutput, after.jsonOutput),
      );
    }
  }
  findings.push(...compareOptions('fgs (global)', base.globalOptions, current.globalOptions));
  for (const name of union(base.exitCodes, current.exitCodes)) {
    const before = base.exitCodes[name];
    const after = current.exitCodes[name];
    const subject = `exit code ${name}`;
    if (after === undefined) {
      findings.push(finding('breaking', subject, `exit code ${before} (${name}) was removed: a script that branches on it never sees it`, 'exit-code-removed'));
    } else if (before === undefined) {
      const shared = Object.entries(base.exitCodes).find(([, code]) => code === after);
      findings.push(
        shared
          ? finding('breaking', subject, `exit code ${after} means ${name} now; it meant ${shared[0]}`, 'exit-code-reused')
          : finding('additive', subject, `exit code ${after} (${name}) was added`, 'exit-code-added'),
      );
    } else if (before !== after) {
      findings.push(finding('breaking', subject, `${name} ends with ${after} now, not ${before}: a script that branches on ${before} misreads it`, 'exit-code-renumbered'));
    }
  }
  return findings;
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
