/**
 * `fgs async-config <function-urn>`: shows a function's asynchronous invocation settings, or changes
 * the ones named. A change reads the settings first and sends them back with only the named ones
 * changed, since the reference does not say what the PUT does with a field left out.
 */
import type { FunctionGraphClient } from '@fgs-openapi/client';
import { stringValue, type CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { callOptions, openClient } from '../open-client.js';
import { writeFields, writeJson } from '../output.js';

/** The fields the PUT takes (AsyncInvokeConfigUpdate). */
const updatable = ['max_async_event_age_in_seconds', 'max_async_retry_attempts', 'destination_config', 'enable_async_status_log'] as const;

const wholeNumber = (option: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} must be a whole number, got "${text}"`);
  return Number(text);
};

/** The changes the options ask for, checked; empty when the command only shows. */
function requestedChanges(context: CommandContext): Record<string, unknown> {
  const { values } = context;
  const statusLog = stringValue(values, 'status-log');
  if (statusLog !== undefined && statusLog !== 'on' && statusLog !== 'off') throw new UsageError(`--status-log must be on or off, got "${statusLog}"`);
  const maxAge = wholeNumber('--max-age', stringValue(values, 'max-age'));
  const maxRetries = wholeNumber('--max-retries', stringValue(values, 'max-retries'));
  return {
    ...(statusLog === undefined ? {} : { enable_async_status_log: statusLog === 'on' }),
    ...(maxAge === undefined ? {} : { max_async_event_age_in_seconds: maxAge }),
    ...(maxRetries === undefined ? {} : { max_async_retry_attempts: maxRetries }),
  };
}

async function currentSettings(context: CommandContext, client: FunctionGraphClient, functionUrn: string): Promise<Record<string, unknown>> {
  const { NotFoundError } = await import('@fgs-openapi/client');
  try {
    return ((await client.showFunctionAsyncInvokeConfig({ functionUrn }, callOptions(context))) ?? {}) as Record<string, unknown>;
  } catch (error) {
    // No settings yet: there is nothing to keep. (A function that does not exist fails the PUT the same way.)
    if (error instanceof NotFoundError) return {};
    throw error;
  }
}

const shown = [
  ['status log', 'status_log'],
  ['max age (s)', 'max_async_event_age_in_seconds'],
  ['max retries', 'max_async_retry_attempts'],
  ['on success', 'on_success'],
  ['on failure', 'on_failure'],
  ['modified', 'last_modified'],
] as const;

export async function run(context: CommandContext): Promise<number> {
  const [functionUrn] = context.positionals as [string];
  const changes = requestedChanges(context);
  context.argumentNames
    .set('body.enable_async_status_log', '--status-log')
    .set('body.max_async_event_age_in_seconds', '--max-age')
    .set('body.max_async_retry_attempts', '--max-retries');
  const client = await openClient(context);
  let settings: Record<string, unknown>;
  if (Object.keys(changes).length === 0) {
    settings = ((await client.showFunctionAsyncInvokeConfig({ functionUrn }, callOptions(context))) ?? {}) as Record<string, unknown>;
  } else {
    const current = await currentSettings(context, client, functionUrn);
    const body = Object.fromEntries(updatable.filter((key) => current[key] !== undefined && current[key] !== null).map((key) => [key, current[key]]));
    settings = ((await client.updateFunctionAsyncInvokeConfig({ functionUrn, body: { ...body, ...changes } as never }, callOptions(context))) ?? {}) as Record<string, unknown>;
    context.io.stderr.write(`${context.colors.stderr.green('✓')} updated ${Object.keys(changes).join(', ')}\n`);
  }
  if (context.values.json) {
    writeJson(context.io.stdout, settings);
    return 0;
  }
  const destinations = (settings.destination_config ?? {}) as Record<string, unknown>;
  const view = {
    ...settings,
    status_log: settings.enable_async_status_log === undefined ? undefined : settings.enable_async_status_log ? 'on' : 'off',
    on_success: destinations.on_success,
    on_failure: destinations.on_failure,
  };
  writeFields(context.io.stdout, view, shown, context.colors.stdout);
  return 0;
}
