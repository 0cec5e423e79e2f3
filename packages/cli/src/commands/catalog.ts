/**
 * Every command of `fgs`: its name, arguments, options and words for `--help`, and the module that
 * runs it, loaded only when it runs. This file imports no command and no client, so `fgs --help`
 * and `fgs <command> --help` load nothing beyond what they print.
 */
import type { CommandContext } from '../context.js';

/** An option as `node:util` `parseArgs` takes it, with its words for `--help`. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The placeholder of its value in help (`<json>`); string options only. */
  readonly value?: string;
  readonly help: string;
}

export type OptionSpecs = { readonly [name: string]: OptionSpec };

export interface PositionalSpec {
  readonly name: string;
  readonly help: string;
}

export interface CommandModule {
  run(context: CommandContext): Promise<number>;
}

/**
 * What `--json` prints in one mode of a command: the field names of one object, `items` for a JSON
 * array of a list's items, or `answer` for the API's answer as it came. Part of the published
 * surface: scripts read these.
 */
export type JsonOutput = readonly string[] | 'items' | 'answer';

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** The lines after `usage:` in help. */
  readonly usage: readonly string[];
  /** Required, in order; `call` reads the rest itself. */
  readonly positionals: readonly PositionalSpec[];
  readonly options: OptionSpecs;
  /** Paragraphs after the options in help. */
  readonly notes?: readonly string[];
  readonly examples: readonly string[];
  /** What `--json` prints, by mode (`default`, or the options that select another shape). */
  readonly jsonOutput?: { readonly [mode: string]: JsonOutput };
  /**
   * The command reads its own command line: `call`, whose options come from the operation it names.
   * Its `run` gets the arguments after the command, unread, as the context's `positionals`.
   */
  readonly parsesItsArguments?: boolean;
  load(): Promise<CommandModule>;
}

/** Accepted before or after the command. */
export const globalOptions: OptionSpecs = {
  region: { type: 'string', value: '<region>', help: 'Region ID (cn-north-4, ap-southeast-1, …). Default: the region the function URN names; needed where no URN is given.' },
  project: {
    type: 'string',
    value: '<id>',
    help: "Project ID. Default: the function URN's, else HUAWEICLOUD_SDK_PROJECT_ID or the profile's project_id.",
  },
  endpoint: { type: 'string', value: '<url>', help: 'Full base URL of the API, for private endpoints and tests; instead of the regional one.' },
  timeout: { type: 'string', value: '<duration>', help: 'Time each request may take: 90s, 15m, 1h, or milliseconds. Default 60s (100s for invoke).' },
  'no-color': { type: 'boolean', help: 'No colour (also off with NO_COLOR, and whenever output is not a terminal).' },
  help: { type: 'boolean', short: 'h', help: 'Show help: for fgs, or for the command before it.' },
  version: { type: 'boolean', help: 'Show the version of fgs.' },
};

const urn: PositionalSpec = {
  name: 'function-urn',
  help: 'The function: urn:fss:<region>:<project_id>:function:<package>:<name>[:<version or !alias>]',
};
const json = (what: string): OptionSpec => ({ type: 'boolean', help: `Print ${what}, for scripts.` });

export const commands: readonly CommandSpec[] = [
  {
    name: 'invoke',
    summary: 'Invoke a function and print its result',
    usage: [
      'fgs invoke <function-urn> [--data <json> | --data @<file> | --data -] [--logs] [--json]',
      'fgs invoke <function-urn> --async [--wait [--wait-timeout <duration>]] [--json]',
    ],
    positionals: [urn],
    options: {
      data: {
        type: 'string',
        short: 'd',
        value: '<json>',
        help: 'The event: JSON text, @<file> to read a file, or - for stdin. Without it, piped stdin is read; else {}.',
      },
      logs: { type: 'boolean', help: "Show the end of the function's log (decoded) on stderr." },
      async: { type: 'boolean', help: 'Start an asynchronous run and print its request id.' },
      wait: { type: 'boolean', help: 'With --async: wait until the run ends, showing its status on stderr.' },
      'wait-timeout': { type: 'string', value: '<duration>', help: 'With --wait: the longest to wait. Default 15m.' },
      json: json('{ requestId, result, functionError, summary, log } as JSON (with --async: { requestId }; with --wait: { requestId, record })'),
    },
    notes: [
      "stdout carries the function's result and nothing else: as the function sent it when piped, pretty-printed on a terminal. The summary, the log and errors go to stderr. The exit code is 1 when the function failed (fgs --help lists them all).",
    ],
    examples: [
      `fgs invoke "$URN" --data '{"name":"Ada"}'`,
      'fgs invoke "$URN" --data @event.json --logs',
      'echo \'{"n":1}\' | fgs invoke "$URN" | jq .',
      'fgs invoke "$URN" --async --wait --wait-timeout 5m',
    ],
    jsonOutput: {
      default: ['requestId', 'result', 'functionError', 'summary', 'log'],
      '--async': ['requestId'],
      '--async --wait': ['requestId', 'record'],
    },
    load: () => import('./invoke.js'),
  },
  {
    name: 'records',
    summary: "List a function's asynchronous runs",
    usage: ['fgs records <function-urn> [--active] [--status <S>] [--request-id <id>] [--limit <n>] [--all] [--json]'],
    positionals: [urn],
    options: {
      active: { type: 'boolean', help: 'Only runs that have not ended (WAIT, RUNNING).' },
      status: { type: 'string', value: '<S>', help: 'Only runs with this status: WAIT, RUNNING, SUCCESS, FAIL, DISCARD.' },
      'request-id': { type: 'string', value: '<id>', help: 'Only the run with this request id.' },
      limit: { type: 'string', value: '<n>', help: 'Runs per page (per request).' },
      all: { type: 'boolean', help: 'Every page, not just the first.' },
      json: json('the records as a JSON array'),
    },
    notes: ['Records exist only while status persistence is on for the function: fgs async-config <function-urn> --status-log on.'],
    examples: ['fgs records "$URN" --status FAIL', 'fgs records "$URN" --all --json | jq length'],
    jsonOutput: { default: 'items' },
    load: () => import('./records.js'),
  },
  {
    name: 'cancel',
    summary: 'Stop an asynchronous run',
    usage: ['fgs cancel <function-urn> <request-id> [--force | --recursive]'],
    positionals: [urn, { name: 'request-id', help: 'The run to stop, as fgs invoke --async printed it.' }],
    options: {
      force: { type: 'boolean', help: 'Stop the run at once.' },
      recursive: { type: 'boolean', help: 'Also stop the runs this run started.' },
    },
    examples: ['fgs cancel "$URN" 2f1c…'],
    load: () => import('./cancel.js'),
  },
  {
    name: 'functions',
    summary: 'List the functions of a project',
    usage: ['fgs functions [--package <name>] [--name <filter>] [--all] [--json]'],
    positionals: [],
    options: {
      package: { type: 'string', value: '<name>', help: 'Only functions of this package.' },
      name: { type: 'string', value: '<filter>', help: 'Only functions whose name contains this.' },
      all: { type: 'boolean', help: 'Every page, not just the first.' },
      json: json('the functions as a JSON array'),
    },
    notes: ['Needs --region (or --endpoint): there is no function URN to read it from.'],
    examples: ['fgs functions --region cn-north-4', 'fgs functions --region cn-north-4 --all --json | jq -r ".[].func_urn"'],
    jsonOutput: { default: 'items' },
    load: () => import('./functions.js'),
  },
  {
    name: 'config',
    summary: "Show a function's settings",
    usage: ['fgs config <function-urn> [--json]'],
    positionals: [urn],
    options: { json: json("the API's whole answer as JSON") },
    examples: ['fgs config "$URN"', 'fgs config "$URN" --json | jq .memory_size'],
    jsonOutput: { default: 'answer' },
    load: () => import('./config.js'),
  },
  {
    name: 'async-config',
    summary: "Show or change a function's asynchronous invocation settings",
    usage: ['fgs async-config <function-urn> [--status-log on|off] [--max-age <seconds>] [--max-retries <n>] [--json]'],
    positionals: [urn],
    options: {
      'status-log': { type: 'string', value: 'on|off', help: 'Keep a record of each asynchronous run (what fgs records and --wait read).' },
      'max-age': { type: 'string', value: '<seconds>', help: 'The longest an event may wait to run before it is discarded.' },
      'max-retries': { type: 'string', value: '<n>', help: 'How many times a failed asynchronous run is retried.' },
      json: json("the API's whole answer as JSON"),
    },
    notes: ['Without an option it shows the settings. With one it changes only what you name: the rest is read first and sent unchanged.'],
    examples: ['fgs async-config "$URN" --status-log on', 'fgs async-config "$URN" --max-retries 0 --max-age 300'],
    jsonOutput: { default: 'answer' },
    load: () => import('./async-config.js'),
  },
  {
    name: 'call',
    summary: 'Call any operation of the API by its name',
    usage: ['fgs call <operationId> [--<parameter> <value> …] [--data <json> | @<file> | -] [--all] [--json]', 'fgs call --help   (lists the operations)'],
    positionals: [],
    options: {
      data: { type: 'string', short: 'd', value: '<json>', help: 'The request body: JSON text, @<file>, or - for stdin.' },
      all: { type: 'boolean', help: 'For a list operation: every item of every page, as one JSON array.' },
      json: json('{ status, requestId, responseHeaders, data } as JSON'),
    },
    notes: ["Each parameter of the operation is a flag in kebab-case (--function-urn, --request-id); fgs call <operationId> --help lists them with the spec's words."],
    examples: ['fgs call listFunctions --region cn-north-4 --limit 5', 'fgs call showFunctionConfig --function-urn "$URN"'],
    jsonOutput: { default: ['status', 'requestId', 'responseHeaders', 'data'], '--all': 'items' },
    parsesItsArguments: true,
    load: () => import('./call.js'),
  },
];

export const findCommand = (name: string) => commands.find((command) => command.name === name);
