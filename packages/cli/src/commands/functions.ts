/** `fgs functions`: the functions of a project (`listFunctions`), filtered by package or name. */
import type { ListFunctionsResult } from '@fgs-openapi/client';
import { stringValue, type CommandContext } from '../context.js';
import { printListing } from '../list-output.js';
import { callOptions, openClient, requireRegion } from '../open-client.js';
import type { Column } from '../output.js';

type FunctionItem = NonNullable<NonNullable<ListFunctionsResult>['functions']>[number];

const columns: Column<FunctionItem>[] = [
  { heading: 'NAME', value: (f) => f.func_name },
  { heading: 'PACKAGE', value: (f) => f.package },
  { heading: 'RUNTIME', value: (f) => f.runtime },
  { heading: 'MEMORY', value: (f) => (f.memory_size === undefined ? undefined : `${f.memory_size} MB`) },
  { heading: 'TIMEOUT', value: (f) => (f.timeout === undefined ? undefined : `${f.timeout} s`) },
  { heading: 'MODIFIED', value: (f) => f.last_modified },
  { heading: 'URN', value: (f) => f.func_urn },
];

export async function run(context: CommandContext): Promise<number> {
  const { values } = context;
  const packageName = stringValue(values, 'package');
  const functionName = stringValue(values, 'name');
  context.argumentNames.set('packageName', '--package').set('functionName', '--name');
  const input = { ...(packageName === undefined ? {} : { packageName }), ...(functionName === undefined ? {} : { functionName }) };
  requireRegion(context);
  const client = await openClient(context);
  const options = callOptions(context);
  await printListing<FunctionItem>(
    context,
    {
      async firstPage() {
        const page = await client.listFunctions(input, options);
        return { items: page?.functions ?? [], nextMarker: page?.next_marker, count: page?.count };
      },
      everyItem: () => client.paginate.listFunctions(input, options) as AsyncIterable<FunctionItem>,
    },
    columns,
    'functions',
  );
  return 0;
}
