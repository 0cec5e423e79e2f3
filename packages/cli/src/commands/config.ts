/** `fgs config <function-urn>`: a function's settings (`showFunctionConfig`). */
import { type CommandContext } from '../context.js';
import { callOptions, openClient } from '../open-client.js';
import { writeFields, writeJson } from '../output.js';

/** The settings people look for first, in the order they read them; `--json` has the rest. */
const shown = [
  ['name', 'func_name'],
  ['urn', 'func_urn'],
  ['package', 'package'],
  ['runtime', 'runtime'],
  ['handler', 'handler'],
  ['memory (MB)', 'memory_size'],
  ['timeout (s)', 'timeout'],
  ['version', 'version'],
  ['code type', 'code_type'],
  ['code size (bytes)', 'code_size'],
  ['agency', 'xrole'],
  ['modified', 'last_modified'],
  ['description', 'description'],
] as const;

export async function run(context: CommandContext): Promise<number> {
  const [functionUrn] = context.positionals as [string];
  const client = await openClient(context);
  const config = await client.showFunctionConfig({ functionUrn }, callOptions(context));
  if (context.values.json) writeJson(context.io.stdout, config);
  else writeFields(context.io.stdout, (config ?? {}) as Record<string, unknown>, shown, context.colors.stdout);
  return 0;
}
