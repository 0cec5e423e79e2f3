/**
 * Function URNs, the way FunctionGraph's documented examples write them:
 * `urn:fss:<region>:<project_id>:function:<package>:<function_name>[:<version> | :!<alias>]`.
 * No formal grammar is published; the rules here are the spec's (`x-pattern-description`). The one
 * place a URN is split: the client reads a call's region and project here too.
 */
import { fail } from './errors.js';
import { operationDescriptors, type OperationDescriptor, type ValueRules } from './generated.js';
import { isRegionId, regionRule } from './runtime/server-url.js';
import { textCheck } from './runtime/value-rules.js';

export interface FunctionUrnParts {
  region: string;
  projectId: string;
  /** Function name: 1-60 letters, digits, `-` or `_`, starting with a letter and ending with a letter or digit. */
  name: string;
  /** The package; `default` in every documented example. */
  package?: string;
  /** A version such as `latest` or `v1`. Give at most one of `version` and `alias`. */
  version?: string;
  /** An alias such as `prod`, written `:!prod` in the URN. */
  alias?: string;
}

/** The spec's rules for a function URN, read from the generated descriptors. */
function urnRules(): ValueRules | undefined {
  for (const descriptor of Object.values(operationDescriptors) as OperationDescriptor[]) {
    const parameter = descriptor.parameters.find((p) => p.input === 'functionUrn');
    if (parameter?.rules) return parameter.rules;
  }
  return undefined;
}

/** The spec's rules for a function URN as one check, made on first use. */
let urnCheck: ReturnType<typeof textCheck> | undefined;
const checkUrn = (text: string) => (urnCheck ??= textCheck(urnRules()))('functionUrn', text);

/** What each part may hold; a part that breaks its rule is named in the error. */
const partRules: Record<string, [(value: string) => boolean, string]> = {
  region: [isRegionId, regionRule],
  name: [(value) => /^[A-Za-z](?:[A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/.test(value), 'must be 1-60 letters, digits, "-" or "_", starting with a letter and ending with a letter or digit'],
  version: [(value) => /^[^:!/?#%\s]+$/.test(value), 'must not contain ":", "!", "/", "?", "#", "%" or whitespace'],
  alias: [(value) => /^[^:!/?#%\s]+$/.test(value), 'must not contain ":", "!", "/", "?", "#", "%" or whitespace (the "!" is added for you)'],
};
const anyPart: [(value: string) => boolean, string] = [(value) => /^[^:/?#%\s]+$/.test(value), 'must not contain ":", "/", "?", "#", "%" or whitespace'];

function part(argument: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') fail(argument, 'is required and must be a non-empty string');
  try {
    encodeURIComponent(value);
  } catch {
    fail(argument, 'has a lone surrogate');
  }
  const [allowed, rule] = partRules[argument] ?? anyPart;
  if (!allowed(value)) fail(argument, `${JSON.stringify(value)} ${rule}`);
  return value;
}

/** Builds a function URN and checks it against the spec's rules; the error names the part at fault. */
export function functionUrn(parts: FunctionUrnParts): string {
  if (typeof parts !== 'object' || parts === null) fail('functionUrn', 'needs { region, projectId, name }');
  if (parts.version !== undefined && parts.alias !== undefined) fail('version', 'and alias cannot both be given');
  const tail =
    parts.version !== undefined ? `:${part('version', parts.version)}` : parts.alias !== undefined ? `:!${part('alias', parts.alias)}` : '';
  const urn = `urn:fss:${part('region', parts.region)}:${part('projectId', parts.projectId)}:function:${part('package', parts.package ?? 'default')}:${part('name', parts.name)}${tail}`;
  checkUrn(urn);
  return urn;
}

/**
 * The region and project a text names if it has a URN's shape (`urn:fss:<region>:<project>:function:…`),
 * without checking the rest: what the client needs to route a call. `undefined` for anything else.
 */
export function urnScope(urn: unknown): { region: string; projectId: string } | undefined {
  if (typeof urn !== 'string' || !urn.startsWith('urn:fss:')) return undefined;
  const [, , region, projectId, kind] = urn.split(':', 5);
  return region && projectId && kind === 'function' ? { region, projectId } : undefined;
}

/**
 * Splits a function URN into its parts; throws a `FunctionGraphInputError` when it does not have the
 * documented shape, naming the part at fault (`name`, `region`, `version`, …) as `functionUrn` does,
 * or `functionUrn` when the frame (`urn:fss:…:function:…`, the number of parts, the length) is wrong.
 */
export function parseFunctionUrn(urn: string): FunctionUrnParts {
  if (typeof urn !== 'string') fail('functionUrn', 'must be a string');
  const pieces = urn.split(':');
  const [urnWord, fss, region, projectId, kind, pkg, name, qualifier] = pieces;
  // A wrong frame fails the spec's whole pattern, whose words say what a URN looks like.
  if (urnWord !== 'urn' || fss !== 'fss' || kind !== 'function' || name === undefined || pieces.length > 8) checkUrn(urn);
  const parts: FunctionUrnParts = { region: part('region', region), projectId: part('projectId', projectId), package: part('package', pkg), name: part('name', name) };
  if (qualifier?.startsWith('!')) parts.alias = part('alias', qualifier.slice(1));
  else if (qualifier !== undefined) parts.version = part('version', qualifier);
  checkUrn(urn);
  return parts;
}
