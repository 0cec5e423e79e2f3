/**
 * The client a command calls, from the global options: `--endpoint` as the base URL, `--region`,
 * `--project`, `--timeout`. No credentials option: the client's default chain finds them
 * (environment, profile file, instance metadata), so no secret is ever an argument.
 */
import type { FunctionGraphClient } from '@fgs-openapi/client';
import type { CommandContext } from './context.js';
import { UsageError } from './exit-codes.js';

export async function openClient({ globals }: CommandContext): Promise<FunctionGraphClient> {
  const { createFunctionGraphClient } = await import('@fgs-openapi/client');
  return createFunctionGraphClient({
    ...(globals.endpoint === undefined ? {} : { baseUrl: globals.endpoint }),
    ...(globals.region === undefined ? {} : { region: globals.region }),
    ...(globals.project === undefined ? {} : { projectId: globals.project }),
    ...(globals.timeoutMs === undefined ? {} : { timeoutMs: globals.timeoutMs }),
  });
}

/** For an operation that takes no function URN to read the region from: `--region` or `--endpoint` is needed. */
export function requireRegion({ globals, where }: CommandContext): void {
  if (globals.region === undefined && globals.endpoint === undefined) {
    throw new UsageError(`${where} needs --region (or --endpoint): there is no function URN to read the region from`, 'e.g. --region cn-north-4');
  }
}

/** The options every call of a command takes: Ctrl-C cancels it. */
export const callOptions = (context: CommandContext) => ({ signal: context.signal });
