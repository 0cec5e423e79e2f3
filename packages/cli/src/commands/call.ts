/**
 * `fgs call <operationId>`: any operation of the spec, with no code of its own. Its flags, their
 * help and allowed values come from the operation's descriptor (the client's
 * `operationDescriptors`) and the spec's words (generated/operation-docs.gen.ts), so an operation
 * added to the spec is here after `npm run build`.
 */
import type { OperationDescriptor } from '@fgs-openapi/client';
import { firstPositional, parseCommandLine } from '../arguments.js';
import { commandContext, stringValue, type CommandContext } from '../context.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import { operationDocs } from '../generated.js';
import { answerHelpOrVersion, commandHelp, optionRows, paragraph, sections, twoColumns, usageLines } from '../help.js';
import type { Colors } from '../io.js';
import { callOptions, openClient, requireRegion } from '../open-client.js';
import { describeRules, inputFromFlags, operationFlags, type OperationFlag } from '../operation-flags.js';
import { writeJson } from '../output.js';
import { readPayload } from '../payload.js';
import { didYouMean } from '../suggest.js';
import { findCommand, globalOptions, type OptionSpecs } from './catalog.js';

const callSpec = findCommand('call')!;
const fixedOptions: OptionSpecs = { ...globalOptions, ...callSpec.options };

type Descriptors = Readonly<Record<string, OperationDescriptor>>;

function operationList(descriptors: Descriptors): string {
  return twoColumns(
    Object.values(descriptors).map((d) => [d.id, `${operationDocs[d.id]?.summary ?? `${d.method.toUpperCase()} ${d.path}`}${d.deprecated ? ' (deprecated)' : ''}`]),
  );
}

const callHelp = (descriptors: Descriptors) => (colors: Colors) => commandHelp(callSpec, colors, [['operations:', operationList(descriptors)]]);

function bodyHelp(descriptor: OperationDescriptor): string {
  const body = descriptor.requestBody;
  if (!body) return '';
  const doc = operationDocs[descriptor.id];
  const head = paragraph(`${body.required ? 'Required' : 'Optional'}: ${body.mediaType}${body.schemaType ? ` (a JSON ${body.schemaType})` : ''}, given with --data.${doc?.body ? ` ${doc.body}` : ''}`).replace(/^/gm, '  ');
  const fields = (body.fields ?? []).map((field): [string, string] => {
    const words = [field.required ? 'Required.' : undefined, field.type ? `A ${field.type}${field.nullable ? ' or null' : ''}.` : undefined, doc?.bodyFields?.[field.name]];
    const rules = describeRules(field.rules);
    if (rules.length > 0) words.push(`Must be ${rules.join(', ')}.`);
    return [field.name, words.filter(Boolean).join(' ').replace(/\s+/g, ' ')];
  });
  return fields.length > 0 ? `${head}\n${twoColumns(fields)}` : head;
}

/** The parameters the client fills, which have no flag of their own. */
function clientFilled(descriptor: OperationDescriptor): string {
  const names = descriptor.parameters.filter((parameter) => parameter.clientDefault).map((parameter) => `${parameter.in} parameter ${parameter.name}`);
  return names.length > 0 ? `The ${names.join(' and ')}: --project, else the function URN's project, else the credentials' (HUAWEICLOUD_SDK_PROJECT_ID, the profile's project_id).` : '';
}

function operationHelp(descriptor: OperationDescriptor, flags: readonly OperationFlag[], colors: CommandContext['colors']['stdout']): string {
  const doc = operationDocs[descriptor.id];
  const required = flags.filter((f) => f.parameter.required && !f.parameter.clientDefault).map((f) => `--${f.flag} ${f.spec.value}`);
  const usage = usageLines(`fgs call ${descriptor.id} ${[...required, '[options]', ...(descriptor.requestBody ? ['--data <json>'] : [])].join(' ')}`);
  return sections(colors, [
    [undefined, `fgs call ${descriptor.id}: ${doc?.summary ?? `${descriptor.method.toUpperCase()} ${descriptor.path}`}${descriptor.deprecated ? ' (deprecated)' : ''}`],
    ['usage:', usage],
    [undefined, `${descriptor.method.toUpperCase()} ${descriptor.path}`],
    [undefined, paragraph(descriptor.deprecation ?? '')],
    [undefined, (doc?.description ?? '').split(/\n\s*\n/).map(paragraph).join('\n\n')],
    ['parameters:', twoColumns(flags.map((f) => [`--${f.flag} ${f.spec.value}`, f.spec.help]))],
    [undefined, paragraph(clientFilled(descriptor))],
    ['request body:', bodyHelp(descriptor)],
    ['options:', twoColumns(optionRows(callSpec.options))],
    ['global options:', twoColumns(optionRows(globalOptions))],
  ]);
}

async function send(context: CommandContext, descriptor: OperationDescriptor, input: Record<string, unknown>): Promise<number> {
  const { io, values } = context;
  if (!descriptor.parameters.some((parameter) => parameter.input === 'functionUrn')) requireRegion(context);
  const client = await openClient(context);
  const options = callOptions(context);
  if (values.all) {
    if (!descriptor.paging) throw new UsageError(`--all: ${descriptor.id} is not a list operation (the spec declares no paging for it)`);
    const pages = (client.paginate as unknown as Record<string, (input: object, options: object) => AsyncIterable<unknown>>)[descriptor.id]!;
    const items: unknown[] = [];
    for await (const item of pages(input, options)) items.push(item);
    writeJson(io.stdout, items);
    return ExitCode.ok;
  }
  // The client's methods are named by operationId, which the spec's lint holds to camelCase.
  const operation = (client.withResponse as unknown as Record<string, (input: object, options: object) => Promise<{ status: number; requestId?: string; responseHeaders: unknown; data: unknown }>>)[descriptor.id];
  if (!operation) throw new Error(`the client has no method ${descriptor.id} for operation ${descriptor.id}`);
  const answer = await operation(input, options);
  if (values.json) writeJson(io.stdout, { status: answer.status, requestId: answer.requestId ?? null, responseHeaders: answer.responseHeaders, data: answer.data ?? null });
  else if (typeof answer.data === 'string') io.stdout.write(io.stdout.isTTY && !answer.data.endsWith('\n') ? `${answer.data}\n` : answer.data);
  else if (answer.data !== undefined) writeJson(io.stdout, answer.data);
  return ExitCode.ok;
}

export async function run(base: CommandContext): Promise<number> {
  const argv = base.positionals;
  const { operationDescriptors } = await import('@fgs-openapi/client');
  const descriptors = operationDescriptors as unknown as Descriptors;
  const at = firstPositional(argv, fixedOptions);
  if (at < 0) return answerHelpOrVersion(base.io, parseCommandLine(argv, fixedOptions, 'fgs call').values, callHelp(descriptors), true);
  const id = argv[at]!;
  const descriptor = Object.hasOwn(descriptors, id) ? descriptors[id]! : undefined;
  if (!descriptor) throw new UsageError(`fgs call: no operation "${id}"${didYouMean(id, Object.keys(descriptors))}`, 'fgs call --help lists the operations');
  const where = `fgs call ${id}`;
  const flags = operationFlags(descriptor, operationDocs[id], fixedOptions);
  const { values, positionals } = parseCommandLine([...argv.slice(0, at), ...argv.slice(at + 1)], { ...fixedOptions, ...Object.fromEntries(flags.map((f) => [f.flag, f.spec])) }, where);
  const context = commandContext(base, where, values, positionals);
  if (values.help) {
    base.io.stdout.write(operationHelp(descriptor, flags, context.colors.stdout));
    return ExitCode.ok;
  }
  if (positionals.length > 0) throw new UsageError(`${where} takes flags only, got "${positionals[0]}"`, `see ${where} --help`);
  for (const { flag, parameter } of flags) context.argumentNames.set(parameter.input, `--${flag}`);
  const input = inputFromFlags(flags, values);
  const data = stringValue(values, 'data');
  if (descriptor.requestBody) {
    const payload = await readPayload(data, base.io, base.signal);
    if (payload) input.body = payload.value;
  } else if (data !== undefined) {
    throw new UsageError(`--data: ${id} takes no request body`, `see ${where} --help`);
  }
  return send(context, descriptor, input);
}
