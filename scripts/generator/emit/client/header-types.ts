/**
 * The TypeScript type of a response header's value once decoded (OpenAPI 3.1 Header Object,
 * JSON Schema 2020-12 §8 "content" keywords): Base64 text is text, a JSON document has the type
 * of its `contentSchema`, and `integer`/`number`/`boolean` headers are parsed. Header schemas are
 * small, so this covers plain JSON Schema (scalars, enums, objects, arrays) and answers `unknown`
 * for anything it does not read, rather than guessing.
 */
import { isObject, type Json } from '../../json.js';
import type { ResponseHeaderModel } from '../../model/api-model.js';
import { propertyKey, quote } from '../literal.js';

function literal(value: unknown): string | undefined {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A JSON Schema as a TypeScript type, for the shapes header documents use. */
export function schemaType(schema: unknown, depth = 0): string {
  if (!isObject(schema) || depth > 8) return 'unknown';
  if (Array.isArray(schema.enum)) {
    const members = schema.enum.map(literal);
    if (members.every((member): member is string => member !== undefined) && members.length > 0) return members.join(' | ');
  }
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type): type is string => typeof type === 'string');
  if (types.length === 0) return isObject(schema.properties) ? objectType(schema, depth) : 'unknown';
  return types
    .map((type) => {
      switch (type) {
        case 'string':
          return 'string';
        case 'integer':
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array':
          return `${wrap(schemaType(schema.items, depth + 1))}[]`;
        case 'object':
          return objectType(schema, depth);
        default:
          return 'unknown';
      }
    })
    .join(' | ');
}

function wrap(type: string): string {
  return type.includes(' ') ? `(${type})` : type;
}

function objectType(schema: Json, depth: number): string {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const members = Object.keys(properties).map(
    (name) => `${propertyKey(name)}${required.has(name) ? '' : '?'}: ${schemaType(properties[name], depth + 1)}`,
  );
  // Unlisted keys stay readable unless the schema closes the object.
  if (schema.additionalProperties !== false) members.push('[key: string]: unknown');
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

/** What a caller reads for the header after the runtime decoded it. */
export function decodedHeaderType(header: ResponseHeaderModel): string {
  const schema = isObject(header.schema) ? header.schema : {};
  if (header.contentMediaType && /^application\/(?:[\w.+-]+\+)?json$/i.test(header.contentMediaType)) {
    return schemaType(schema.contentSchema);
  }
  if (header.contentEncoding) return 'string';
  const type = schemaType(schema);
  return type === 'unknown' ? 'string' : type;
}
