// Reading the nodes a rule visits. Redocly hands a rule the raw parsed YAML, so a rule checks every
// shape it relies on: it must never throw (Redocly drops every finding for the whole document when
// one rule does), and malformed input is reported, not assumed away.

export const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isRef = (value) => isObject(value) && typeof value.$ref === 'string';
export const isNonEmptyString = (value) => typeof value === 'string' && value.trim() !== '';

/**
 * The node `value` stands for and where it is: itself, or what its `$ref` points to. Extension
 * values are not typed, so the walker never resolves a `$ref` inside them for us. An unresolvable
 * reference gives no node (the built-in `no-unresolved-refs` reports it).
 */
export function resolveIfRef(value, location, ctx) {
  if (!isRef(value)) return { node: value, location };
  // Resolved from the file the value sits in: a `$ref` inside a `$ref`-ed file is relative to that
  // file, not to the node the walker is visiting.
  const resolved = ctx.resolve(value, location?.source?.absoluteRef);
  return resolved.location ? { node: resolved.node, location: resolved.location } : { node: undefined, location };
}
