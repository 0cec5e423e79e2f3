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

/** Edits (insertions, deletions, substitutions, swaps of neighbours) that turn `a` into `b`; stops counting past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

/**
 * The name `key` most likely stands for: the one its wire name or loose spelling matches, a longer
 * name it begins (`timeout` → `timeoutMs`), or a name one or two typing slips away (`regoin` → `region`).
 */
function suggestion(key: string, known: KnownKeys): string | undefined {
  const loose = loosely(key);
  const exact = known.meant.get(key) ?? known.meant.get(loose);
  if (exact !== undefined || loose.length < 4) return exact;
  const names = [...known.names];
  return names.find((name) => loosely(name).startsWith(loose)) ?? names.find((name) => editDistance(loose, loosely(name), 2) <= 2);
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
