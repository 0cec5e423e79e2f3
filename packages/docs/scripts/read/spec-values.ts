/**
 * Reading values out of a bundled OpenAPI 3.x document: internal `$ref`s, and the example a
 * reader should see for a parameter, a media type or a schema.
 *
 * Examples come from the spec in the order OpenAPI gives them weight: the object's own `example`,
 * then the first of its `examples` (a map of Example Objects on parameters and media types,
 * OpenAPI 3.1 §4.8.12.4 and §4.8.14.1; a plain array on schemas, JSON Schema 2020-12 §9.5), then
 * the schema's. Only when the spec states none is a value made up from the schema's type, so that
 * a sample still compiles.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `$ref: '#/…'` (possibly through several hops) inside `document`. */
export function resolveRef(document: JsonObject, node: Json | undefined): Json | undefined {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`only internal $refs are supported, got ${ref}`);
    if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
    seen.add(ref);
    let target: Json | undefined = document;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      target = isObject(target) ? target[key] : Array.isArray(target) ? target[Number(key)] : undefined;
    }
    if (target === undefined) throw new Error(`dangling $ref ${ref}`);
    current = target;
  }
  return current;
}

/** The example of a parameter or media type object, falling back to its schema's. */
export function exampleOf(document: JsonObject, holder: JsonObject): Json | undefined {
  if (holder.example !== undefined) return holder.example;
  if (isObject(holder.examples)) {
    for (const entry of Object.values(holder.examples)) {
      const example = resolveRef(document, entry);
      if (isObject(example) && example.value !== undefined) return example.value;
    }
  }
  return schemaExample(document, holder.schema);
}

/** The example a schema states, or a value of the schema's shape when it states none. */
export function schemaExample(document: JsonObject, node: Json | undefined, depth = 0): Json | undefined {
  const schema = resolveRef(document, node);
  if (!isObject(schema) || depth > 8) return undefined;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const combiner of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = schema[combiner];
    if (!Array.isArray(parts) || parts.length === 0) continue;
    if (combiner !== 'allOf') return schemaExample(document, parts[0], depth + 1);
    const merged: JsonObject = {};
    for (const part of parts) {
      const value = schemaExample(document, part, depth + 1);
      if (isObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const object: JsonObject = {};
      const required = new Set(Array.isArray(schema.required) ? schema.required : []);
      if (isObject(schema.properties)) {
        for (const [name, property] of Object.entries(schema.properties)) {
          if (!required.has(name)) continue;
          const value = schemaExample(document, property, depth + 1);
          if (value !== undefined) object[name] = value;
        }
      }
      return object;
    }
    case 'array': {
      const item = schemaExample(document, schema.items, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return true;
    default:
      return isObject(schema.properties) ? schemaExample(document, { ...schema, type: 'object' }, depth) : undefined;
  }
}
