/**
 * The exit codes of `fgs`, documented in docs/cli.md: a script branches on them, so each means one
 * thing. A signal (Ctrl-C) ends the process with 130, as shells expect.
 */
export const ExitCode = {
  /** Done; a synchronous function returned, an asynchronous run ended SUCCESS. */
  ok: 0,
  /** The function failed: a synchronous function error, or an asynchronous run that ended FAIL or DISCARD. */
  functionFailed: 1,
  /** Usage or input refused before anything was sent. */
  usage: 2,
  /** Authentication: no credentials found, or the API answered 401 or 403. */
  auth: 3,
  /** Any other API or network error. */
  failed: 4,
  /** `--wait` ran out of time (`--wait-timeout`). */
  waitTimedOut: 5,
  /** Interrupted (SIGINT). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the command line raises itself, with the exit code it ends with and what to do about it. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;

  constructor(message: string, exitCode: ExitCodeValue, hint?: string) {
    super(message);
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Usage or input refused before anything was sent (exit 2). */
export class UsageError extends CliError {
  override name = 'UsageError';

  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
  }
}
