/** What a command runs with: the parsed command line, the streams, colours, and the interrupt signal. */
import { parseDuration } from './duration.js';
import { colorsFor, type Colors, type Io } from './io.js';

export type ParsedValues = { readonly [name: string]: string | boolean | undefined };

/** What every context of one run shares. */
export interface ContextParts {
  readonly io: Io;
  /** Aborted on Ctrl-C (SIGINT). */
  readonly signal: AbortSignal;
  /**
   * How the client's argument names read on this command line (`functionUrn` → `<function-urn>`),
   * so an input error names what the user typed. A command adds its own.
   */
  readonly argumentNames: Map<string, string>;
  /** The command errors point at for help (`fgs`, `fgs invoke`, `fgs call listFunctions`): the latest context made says. */
  readonly errorsPointAt: { where: string };
}

/** The global options, checked. */
export interface GlobalSettings {
  readonly region: string | undefined;
  readonly project: string | undefined;
  readonly endpoint: string | undefined;
  /** `--timeout`, in milliseconds. */
  readonly timeoutMs: number | undefined;
  readonly noColor: boolean;
}

export interface CommandContext extends ContextParts {
  /** `fgs invoke`, as help and errors name it. */
  readonly where: string;
  readonly values: ParsedValues;
  readonly positionals: readonly string[];
  readonly globals: GlobalSettings;
  readonly colors: { readonly stdout: Colors; readonly stderr: Colors };
}

/** The string value of an option, or undefined. */
export const stringValue = (values: ParsedValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export function readGlobals(values: ParsedValues): GlobalSettings {
  const timeout = stringValue(values, 'timeout');
  return {
    region: stringValue(values, 'region'),
    project: stringValue(values, 'project'),
    endpoint: stringValue(values, 'endpoint'),
    timeoutMs: timeout === undefined ? undefined : parseDuration('--timeout', timeout),
    noColor: values['no-color'] === true,
  };
}

/** A command's context; from now on, errors point at `where` for help. */
export function commandContext(parts: ContextParts, where: string, values: ParsedValues, positionals: readonly string[]): CommandContext {
  parts.errorsPointAt.where = where;
  const globals = readGlobals(values);
  const { io } = parts;
  return {
    ...parts,
    where,
    values,
    positionals,
    globals,
    colors: { stdout: colorsFor(io.stdout, io.env, globals.noColor), stderr: colorsFor(io.stderr, io.env, globals.noColor) },
  };
}
