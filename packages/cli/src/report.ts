/**
 * Errors as people read them, on stderr: what failed, the API's error code and message and the
 * request id (the client's messages carry them), and what to do next, with an exit code per
 * meaning (exit-codes.ts). A stack trace only with FGS_DEBUG=1. The client's errors carry no
 * secret, and nothing here adds one.
 */
import { CliError, ExitCode, type ExitCodeValue } from './exit-codes.js';
import type { Colors, Io } from './io.js';

export interface Described {
  readonly exitCode: ExitCodeValue;
  readonly message: string;
  readonly hint?: string | undefined;
}

export interface ReportSettings {
  readonly io: Io;
  readonly colors: Colors;
  /** `fgs invoke`, for "see fgs invoke --help". */
  readonly where: string;
  readonly argumentNames: ReadonlyMap<string, string>;
}

/** An input error's argument as this command line spells it: `functionUrn` → `<function-urn>`, `body.x` → `--data's "x"`. */
function renameArgument(argument: string, names: ReadonlyMap<string, string>): string {
  const exact = names.get(argument);
  if (exact !== undefined) return exact;
  const field = /^body\.(.+)$/.exec(argument)?.[1];
  if (field !== undefined) return `${names.get('body') ?? '--data'} field "${field}"`;
  return argument;
}

/**
 * The client's input names inside a problem's words (`but functionUrn names project …`) as this
 * command line spells them. Only camelCase names: plain words such as "body" also read as English.
 */
function renameWithin(problem: string, names: ReadonlyMap<string, string>): string {
  let renamed = problem;
  for (const [name, spelled] of names) if (/[A-Z]/.test(name)) renamed = renamed.replace(new RegExp(`\\b${name}\\b`, 'g'), spelled);
  return renamed;
}

type Client = typeof import('@fgs-openapi/client');

/** Refused before sending (2), or by authentication (3). */
function describeRefusal(client: Client, error: Error, settings: ReportSettings): Described | undefined {
  if (error instanceof client.FunctionGraphInputError && error.argument === 'projectId' && /^projectId is required\b/.test(error.message)) {
    return {
      exitCode: ExitCode.usage,
      message: `${settings.where} needs a project: no --project, and neither a function URN nor the credentials name one`,
      hint: 'give --project <id>, or set HUAWEICLOUD_SDK_PROJECT_ID (or project_id in ~/.huaweicloud/credentials)',
    };
  }
  if (error instanceof client.FunctionGraphInputError) {
    const problem = error.message.startsWith(`${error.argument} `) ? error.message.slice(error.argument.length + 1) : error.message;
    const message = `${renameArgument(error.argument, settings.argumentNames)} ${renameWithin(problem, settings.argumentNames)}`;
    return { exitCode: ExitCode.usage, message, hint: `see ${settings.where} --help; nothing was sent` };
  }
  if (error instanceof client.FunctionGraphCredentialsError) {
    // The checklist from the chain's findings; the client's own message ends with advice for code (the client's options).
    const checklist = error.failures.map(({ source, reason }) => `\n  - ${source}: ${reason}`).join('');
    return {
      exitCode: ExitCode.auth,
      message: checklist === '' ? error.message : `no credentials found. Tried, in order:${checklist}`,
      hint: 'fgs takes no keys on its command line (the process list would show them): set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or write ~/.huaweicloud/credentials',
    };
  }
  if (error instanceof client.AuthenticationError) {
    return {
      exitCode: ExitCode.auth,
      message: error.message,
      hint: "check the access key pair fgs found (HUAWEICLOUD_SDK_AK/_SK, ~/.huaweicloud/credentials), that temporary keys have not expired, and that this machine's clock is right",
    };
  }
  if (error instanceof client.PermissionDeniedError) {
    return { exitCode: ExitCode.auth, message: error.message, hint: "the keys were accepted but may not do this: check the user's FunctionGraph permissions in this project" };
  }
  return undefined;
}

/** How a wait for an asynchronous run ended (1, 4, 5), or an interrupt (130). */
function describeWaitEnd(client: Client, error: Error): Described | undefined {
  if (error instanceof client.FunctionGraphWaitTimeoutError) {
    return {
      exitCode: ExitCode.waitTimedOut,
      message: error.message,
      hint: `wait longer with --wait-timeout, or look later: fgs records ${error.functionUrn} --request-id ${error.requestId}`,
    };
  }
  if (error instanceof client.FunctionGraphAsyncRecordNotFoundError) {
    return {
      exitCode: ExitCode.failed,
      message: `no record of request ${error.requestId} appeared in ${Math.round(error.waitedMs / 1_000)} s: records exist only while asynchronous status persistence is on for the function`,
      hint: `turn it on with: fgs async-config ${error.functionUrn} --status-log on  (runs started before that have no record)`,
    };
  }
  if (error instanceof client.FunctionGraphAsyncInvocationError) {
    return { exitCode: ExitCode.functionFailed, message: error.message, hint: `the run's record: fgs records ${error.functionUrn} --request-id ${error.requestId}` };
  }
  if (error instanceof client.FunctionGraphAbortError) {
    return { exitCode: ExitCode.interrupted, message: 'interrupted', hint: 'a function already started keeps running; fgs records and fgs cancel reach an asynchronous one' };
  }
  return undefined;
}

/** Any other failure of the API or the network (4). */
function describeFailure(client: Client, error: Error, settings: ReportSettings): Described | undefined {
  const failed = (hint: string): Described => ({ exitCode: ExitCode.failed, message: error.message, hint });
  if (error instanceof client.NotFoundError) return failed('check the function URN (name, version or alias, region, project): fgs functions --region <region> lists them');
  if (error instanceof client.RateLimitError) return failed('too many requests: try again later');
  if (error instanceof client.FunctionGraphConnectionError) {
    return failed(`check the network, --endpoint or --region${error.requestMayHaveBeenSent ? '; the request may have been sent, so the function may have run' : ''}`);
  }
  if (error instanceof client.FunctionGraphTimeoutError) return failed('allow more time with --timeout; the function may still have run');
  if (error instanceof client.FunctionGraphApiError && error.status >= 500) return failed('FunctionGraph failed on its side: try again later (a synchronous function may have run)');
  if (error instanceof client.FunctionGraphApiError) return failed(`the API refused the request: check the arguments (see ${settings.where} --help)`);
  if (error instanceof client.FunctionGraphError) return failed('run again with FGS_DEBUG=1 for the details');
  return undefined;
}

/** The client's errors, by meaning. The client is imported only when the error may be one of its own. */
async function describeClientError(error: Error, settings: ReportSettings): Promise<Described | undefined> {
  const client = await import('@fgs-openapi/client');
  return describeRefusal(client, error, settings) ?? describeWaitEnd(client, error) ?? describeFailure(client, error, settings);
}

export async function describeError(error: unknown, settings: ReportSettings): Promise<Described> {
  if (error instanceof CliError) {
    // Every error ends with what to do: a refusal of the command line without its own hint points at the command's help.
    return { exitCode: error.exitCode, message: error.message, hint: error.hint ?? (error.exitCode === ExitCode.usage ? `see ${settings.where} --help; nothing was sent` : undefined) };
  }
  if (error instanceof Error) {
    const described = await describeClientError(error, settings).catch(() => undefined);
    if (described) return described;
  }
  return {
    exitCode: ExitCode.failed,
    message: `fgs failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'run again with FGS_DEBUG=1 for the stack trace, and please report it',
  };
}

/** The stack, and each cause's, for FGS_DEBUG=1. */
function debugTrace(error: unknown): string {
  const lines: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    lines.push(depth === 0 ? '' : 'caused by:', current instanceof Error ? (current.stack ?? current.message) : String(current));
  }
  return `${lines.join('\n').trim()}\n`;
}

export async function reportError(error: unknown, settings: ReportSettings): Promise<ExitCodeValue> {
  const { exitCode, message, hint } = await describeError(error, settings);
  const { colors, io } = settings;
  io.stderr.write(`${colors.red(colors.bold('error:'))} ${message}\n${hint ? `${colors.dim(`hint: ${hint}`)}\n` : ''}`);
  if (io.env.FGS_DEBUG === '1') io.stderr.write(colors.dim(debugTrace(error)));
  return exitCode;
}
