/**
 * Function URNs, the way FunctionGraph's documented examples write them:
 * `urn:fss:<region>:<project_id>:function:<package>:<function_name>[:<version> | :!<alias>]`.
 * No formal grammar is published; the rules here are the spec's (`x-pattern-description`).
 */
import { fail } from './errors.js';
import { checkRules } from './runtime/value-rules.js';
import { operationDescriptors, type ValueRules } from './generated.js';

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
  for (const descriptor of Object.values(operationDescriptors)) {
    const parameter = descriptor.parameters.find((p) => p.input === 'functionUrn');
    if (parameter && 'rules' in parameter) return parameter.rules as ValueRules;
  }
  return undefined;
}

/** What each part may hold; a part that breaks its rule is named in the error. */
const partRules: Record<string, [RegExp, string]> = {
  region: [/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a region ID such as "cn-south-1"'],
  name: [/^[A-Za-z](?:[A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/, 'must be 1-60 letters, digits, "-" or "_", starting with a letter and ending with a letter or digit'],
  version: [/^[^:!/?#%\s]+$/, 'must not contain ":", "!", "/", "?", "#", "%" or whitespace'],
  alias: [/^[^:!/?#%\s]+$/, 'must not contain ":", "!", "/", "?", "#", "%" or whitespace (the "!" is added for you)'],
};
const anyPart: [RegExp, string] = [/^[^:/?#%\s]+$/, 'must not contain ":", "/", "?", "#", "%" or whitespace'];

function part(argument: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') fail(argument, 'is required and must be a non-empty string');
  try {
    encodeURIComponent(value);
  } catch {
    fail(argument, 'has a lone surrogate');
  }
  const [pattern, rule] = partRules[argument] ?? anyPart;
  if (!pattern.test(value)) fail(argument, `${JSON.stringify(value)} ${rule}`);
  return value;
}

/** Builds a function URN and checks it against the spec's rules; the error names the part at fault. */
export function functionUrn(parts: FunctionUrnParts): string {
  if (typeof parts !== 'object' || parts === null) fail('functionUrn', 'needs { region, projectId, name }');
  if (parts.version !== undefined && parts.alias !== undefined) fail('version', 'and alias cannot both be given');
  const tail =
    parts.version !== undefined ? `:${part('version', parts.version)}` : parts.alias !== undefined ? `:!${part('alias', parts.alias)}` : '';
  const urn = `urn:fss:${part('region', parts.region)}:${part('projectId', parts.projectId)}:function:${part('package', parts.package ?? 'default')}:${part('name', parts.name)}${tail}`;
  checkRules('functionUrn', urn, urnRules());
  return urn;
}

/** Splits a function URN into its parts; throws a `FunctionGraphInputError` when it does not have the documented shape. */
export function parseFunctionUrn(urn: string): FunctionUrnParts {
  if (typeof urn !== 'string') fail('functionUrn', 'must be a string');
  checkRules('functionUrn', urn, urnRules());
  const [, , region, projectId, , pkg, name, qualifier] = urn.split(':') as string[];
  const parts: FunctionUrnParts = { region: region!, projectId: projectId!, package: pkg!, name: name! };
  if (qualifier?.startsWith('!')) parts.alias = qualifier.slice(1);
  else if (qualifier !== undefined) parts.version = qualifier;
  return parts;
}
