/** `fgs records <function-urn>`: a function's asynchronous runs (`listAsyncInvocations`, or `listActiveAsyncInvocations` with `--active`). */
import type { AsyncInvocationRecord } from '@fgs-openapi/client';
import { stringValue, type CommandContext } from '../context.js';
import { readLimit, printListing } from '../list-output.js';
import { callOptions, openClient } from '../open-client.js';
import { statusColor, type Column } from '../output.js';

const columns: Column<AsyncInvocationRecord>[] = [
  { heading: 'REQUEST ID', value: (r) => r.request_id },
  { heading: 'STATUS', value: (r) => r.status, color: (text, r, colors) => statusColor(r.status ?? '', colors)(text) },
  { heading: 'STARTED', value: (r) => r.start_time },
  { heading: 'ENDED', value: (r) => r.end_time },
  { heading: 'ERROR', value: (r) => [r.error_code, r.error_message].filter((part) => part !== undefined && part !== '' && part !== 0).join(' ') },
];

export async function run(context: CommandContext): Promise<number> {
  const { values } = context;
  const [functionUrn] = context.positionals as [string];
  const limit = readLimit(stringValue(values, 'limit'));
  const status = stringValue(values, 'status');
  const requestId = stringValue(values, 'request-id');
  context.argumentNames.set('status', '--status').set('limit', '--limit').set('requestId', '--request-id').set('requestIds', '--request-id');
  const filters = { ...(status === undefined ? {} : { status: status as never }), ...(limit === undefined ? {} : { limit }) };
  const client = await openClient(context);
  const options = callOptions(context);
  const listing = values.active
    ? {
        input: { functionUrn, ...filters, ...(requestId === undefined ? {} : { requestIds: requestId }) },
        page: (input: object) => client.listActiveAsyncInvocations(input as never, options),
        all: (input: object) => client.paginate.listActiveAsyncInvocations(input as never, options),
      }
    : {
        input: { functionUrn, ...filters, ...(requestId === undefined ? {} : { requestId }) },
        page: (input: object) => client.listAsyncInvocations(input as never, options),
        all: (input: object) => client.paginate.listAsyncInvocations(input as never, options),
      };
  await printListing<AsyncInvocationRecord>(
    context,
    {
      async firstPage() {
        const page = await listing.page(listing.input);
        return { items: page?.invocations ?? [], nextMarker: page?.next_marker, count: page?.count };
      },
      everyItem: () => listing.all(listing.input) as AsyncIterable<AsyncInvocationRecord>,
    },
    columns,
    'records',
  );
  return 0;
}
