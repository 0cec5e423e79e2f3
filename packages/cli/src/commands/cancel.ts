/** `fgs cancel <function-urn> <request-id>`: stops an asynchronous run (`cancelAsyncInvocation`). */
import type { CommandContext } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { callOptions, openClient } from '../open-client.js';

export async function run(context: CommandContext): Promise<number> {
  const { values, io, colors } = context;
  const [functionUrn, requestId] = context.positionals as [string, string];
  if (values.force && values.recursive) throw new UsageError('--force and --recursive are two ways to stop a run: choose one');
  const type = values.force ? 'force' : values.recursive ? 'recursive' : undefined;
  context.argumentNames.set('body.request_id', '<request-id>');
  const client = await openClient(context);
  await client.cancelAsyncInvocation({ functionUrn, body: { request_id: requestId, ...(type ? { type } : {}) } }, callOptions(context));
  io.stderr.write(`${colors.stderr.green('✓')} asked to stop request ${requestId}${type ? ` (${type})` : ''}; fgs records ${functionUrn} --request-id ${requestId} shows its status\n`);
  return 0;
}
