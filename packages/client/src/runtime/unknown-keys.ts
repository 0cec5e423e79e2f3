/**
 * Refusing keys a call or a client does not know, before anything is sent: a misspelt filter
 * (`Status`) or a wire name (`request_id`) would otherwise be dropped in silence and the request
 * sent without it. The error names the key and suggests the name meant.
 */
import { fail } from '../errors.js';
import type { OperationDescriptor } from '../generated.js';

/** The names an object may have, and the name each near miss stands for. */
export interface KnownKeys {
  readonly names: ReadonlySet<string>;
  /** Wire names and loosely written names (lower case, no `_` or `-`) → the name meant. */
  readonly meant: ReadonlyMap<string, string>;
}

const loosely = (name: string) => name.toLowerCase().replace(/[_\-\s]/g, '');

/** Known keys from the names and, for each, the wire name it is sent under (when it has one). */
export function knownKeys(entries: readonly (readonly [name: string, wireName?: string])[]): KnownKeys {
  const meant = new Map<string, string>();
  for (const [name, wireName] of entries) {
    meant.set(loosely(name), name);
    if (wireName !== undefined) {
      meant.set(wireName, name);
      meant.set(loosely(wireName), name);
    }
  }
  return { names: new Set(entries.map(([name]) => name)), meant };
}

/** The input names of an operation: each parameter's client name (suggested for its wire name), and `body` when it has one. */
export function inputNames(descriptor: OperationDescriptor): KnownKeys {
  const entries: [string, string?][] = descriptor.parameters.map((parameter) => [parameter.input, parameter.name]);
  if (descriptor.requestBody) entries.push(['body']);
  return knownKeys(entries);
}

/** The name `key` most likely stands for: the one its wire name or loose spelling matches (`request_id`, `Status`), or a longer name it begins (`timeout` → `timeoutMs`). */
function suggestion(key: string, known: KnownKeys): string | undefined {
  const loose = loosely(key);
  const exact = known.meant.get(key) ?? known.meant.get(loose);
  if (exact !== undefined || loose.length < 4) return exact;
  return [...known.names].find((name) => loosely(name).startsWith(loose));
}

/** Throws for the first key of `object` that `known` does not list, naming it, what it likely meant, and every name accepted. */
export function refuseUnknownKeys(object: object, known: KnownKeys, kind: 'input' | 'option', owner: string): void {
  for (const key in object) {
    if (known.names.has(key)) continue;
    const meant = suggestion(key, known);
    const hint = meant === undefined ? '' : ` (did you mean ${meant}?)`;
    fail(key, `is not ${kind === 'input' ? 'an input' : 'an option'} of ${owner}${hint}: the ${kind}s are ${[...known.names].join(', ') || 'none'}`);
  }
}
