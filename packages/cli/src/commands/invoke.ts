/**
 * `fgs invoke <function-urn>`: a synchronous run prints the function's result on stdout (as sent
 * when piped, pretty on a terminal) and everything else on stderr; exit 1 when the function failed.
 * `--async` prints the request id; `--wait` then follows the run with the client's waiter.
 */
import type { FunctionGraphClient, SyncInvocation } from '@fgs-openapi/client';
import type { CommandContext } from '../context.js';
import { stringValue } from '../context.js';
import { formatDuration, parseDuration } from '../duration.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import type { Colors, OutputStream } from '../io.js';
import { callOptions, openClient } from '../open-client.js';
import { writeJson } from '../output.js';
import { readPayload } from '../payload.js';
import { statusLine } from '../status-line.js';

const defaultWaitTimeoutMs = 15 * 60_000;

function checkCombination({ values }: CommandContext): void {
  if (values.wait && !values.async) throw new UsageError('--wait follows an asynchronous run: add --async');
  if (values['wait-timeout'] !== undefined && !values.wait) throw new UsageError('--wait-timeout goes with --wait');
  if (values.logs && values.async) throw new UsageError("--logs works with synchronous runs only: an asynchronous run's log is not returned to the caller");
}

/** The result as the function sent it when piped; pretty JSON (or the text and a newline) on a terminal. */
function writeResult(stdout: OutputStream, run: SyncInvocation): void {
  if (run.result === undefined) return;
  if (!stdout.isTTY) stdout.write(run.result);
  else if (run.isJson) stdout.write(`${JSON.stringify(run.json, null, 2)}\n`);
  else stdout.write(run.result.endsWith('\n') ? run.result : `${run.result}\n`);
}

function summaryLine(run: SyncInvocation, colors: Colors): string {
  const parts = [`request ${run.requestId ?? '(no request id)'}`];
  const summary = run.summary;
  if (summary?.durationMs !== undefined) {
    parts.push(`${formatDuration(summary.durationMs)}${summary.billingDurationMs === undefined ? '' : ` (billed ${formatDuration(summary.billingDurationMs)})`}`);
  }
  if (summary?.memoryUsedMb !== undefined) parts.push(`${summary.memoryUsedMb} MB used${summary.memorySizeMb === undefined ? '' : ` of ${summary.memorySizeMb} MB`}`);
  const failed = run.functionError;
  const head = failed ? colors.red(`✗ the function failed${failed.code === undefined ? '' : ` (error code ${failed.code})`}`) : colors.green('✓ done');
  return `${head} ${colors.dim(parts.join(' · '))}\n`;
}

async function invokeSync(context: CommandContext, client: FunctionGraphClient, functionUrn: string, body: unknown): Promise<number> {
  const { io, values, colors } = context;
  const run = await client.invokeFunction(
    { functionUrn, body: body as never, ...(values.logs ? { logType: 'tail' as const } : {}) },
    callOptions(context),
  );
  if (values.json) {
    writeJson(io.stdout, {
      requestId: run.requestId ?? null,
      result: run.isJson ? run.json : (run.result ?? null),
      functionError: run.functionError ?? null,
      summary: run.summary ?? null,
      log: run.log ?? null,
    });
  } else {
    writeResult(io.stdout, run);
  }
  io.stderr.write(summaryLine(run, colors.stderr));
  if (run.problems.length > 0) io.stderr.write(colors.stderr.yellow(`warning: ${run.problems.join('; ')}\n`));
  if (values.logs) io.stderr.write(`${colors.stderr.dim('── log ──')}\n${run.log ?? colors.stderr.dim('(the answer carried no log)')}${run.log?.endsWith('\n') ? '' : '\n'}`);
  return run.functionError ? ExitCode.functionFailed : ExitCode.ok;
}

async function invokeAsync(context: CommandContext, client: FunctionGraphClient, functionUrn: string, body: unknown): Promise<number> {
  const { io, values, colors } = context;
  const waitTimeout = stringValue(values, 'wait-timeout');
  const timeoutMs = waitTimeout === undefined ? defaultWaitTimeoutMs : parseDuration('--wait-timeout', waitTimeout);
  const requestId = await client.asyncInvokeFunction({ functionUrn, body: body as never }, callOptions(context));
  if (!values.wait) {
    if (values.json) writeJson(io.stdout, { requestId });
    else io.stdout.write(`${requestId}\n`);
    io.stderr.write(colors.stderr.dim(`started; follow it with: fgs records ${functionUrn} --request-id ${requestId}\n`));
    return ExitCode.ok;
  }
  // The id first, so a script has it even if the wait is cut short.
  if (!values.json) io.stdout.write(`${requestId}\n`);
  const { waitForAsyncInvocation, FunctionGraphAsyncInvocationError } = await import('@fgs-openapi/client');
  const line = statusLine(io.stderr, colors.stderr, `request ${requestId}`);
  try {
    const record = await waitForAsyncInvocation(client, { functionUrn, requestId }, { timeoutMs, signal: context.signal, onStatus: (status) => line.show(status) });
    line.end(`${colors.stderr.green('✓ SUCCESS')} ${colors.stderr.dim(`request ${requestId}`)}`);
    if (values.json) writeJson(io.stdout, { requestId, record });
    return ExitCode.ok;
  } catch (error) {
    line.end();
    if (values.json) writeJson(io.stdout, { requestId, record: error instanceof FunctionGraphAsyncInvocationError ? error.record : null });
    throw error;
  }
}

export async function run(context: CommandContext): Promise<number> {
  checkCombination(context);
  const [functionUrn] = context.positionals as [string];
  // The payload is read and checked before the client exists: bad input never reaches the network.
  const body = (await readPayload(stringValue(context.values, 'data'), context.io, context.signal))?.value ?? {};
  const client = await openClient(context);
  return context.values.async ? invokeAsync(context, client, functionUrn, body) : invokeSync(context, client, functionUrn, body);
}
