/** JSON pointers as `$ref`s write them (`#/paths/~1pets/get`), URI-decoded then `~` escapes. */

/** One encoded pointer segment as the key it names: `~1pets` → `/pets`. */
export function decodeKey(raw: string): string {
  return decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The keys of a `#/…` pointer: `#/paths/~1pets` → `['paths', '/pets']`. */
export function pointerKeys(pointer: string): string[] {
  return pointer.slice(2).split('/').map(decodeKey);
}

/** The value the keys lead to from `document`; undefined where they leave it. */
export function valueAtKeys(document: unknown, keys: string[]): unknown {
  let node = document;
  for (const key of keys) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}
