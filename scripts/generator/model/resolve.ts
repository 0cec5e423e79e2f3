/** Following `$ref`s inside the bundled document, where every reference is internal. */
import { SpecError } from '../errors.js';
import { pointerKeys, valueAtKeys } from '../json-pointer.js';
import { isObject, type Json } from '../json.js';

/** What a reference stands for: the value itself, or what its `$ref` (followed to the end) points to. */
export type Resolve = (value: unknown) => unknown;

/** Follows internal references (`#/components/...`), which is all a bundled document has. */
export function createResolver(document: Json): Resolve {
  return function resolve(value: unknown, seen: string[] = []): unknown {
    if (!isObject(value) || typeof value.$ref !== 'string') return value;
    const ref = value.$ref;
    if (!ref.startsWith('#/')) throw new SpecError([{ message: `external $ref left after bundling: ${ref}` }]);
    if (seen.includes(ref)) throw new SpecError([{ message: `$ref cycle: ${[...seen, ref].join(' → ')}` }]);
    const target = valueAtKeys(document, pointerKeys(ref));
    if (target === undefined) throw new SpecError([{ message: `dangling $ref after bundling: ${ref}` }]);
    return resolve(target, [...seen, ref]);
  };
}

/** A schema with every reference inside it followed (to a bounded depth), for emitters that type it inline. */
export function resolveDeep(resolve: Resolve, value: unknown, depth = 0): unknown {
  const resolved = resolve(value);
  if (depth > 16) return {};
  if (Array.isArray(resolved)) return resolved.map((item) => resolveDeep(resolve, item, depth + 1));
  if (!isObject(resolved)) return resolved;
  return Object.fromEntries(Object.entries(resolved).map(([key, item]) => [key, resolveDeep(resolve, item, depth + 1)]));
}
