/**
 * The request body (OpenAPI Request Body Object): its media type, schema type and size limit, and
 * for an object body the top-level properties a client can check before sending (Schema Object
 * `properties` and `required`, each property's scalar type and value rules), and the words the spec
 * gives the body, its schema and each top-level property, for help texts.
 */
import { isObject, type Json } from '../json.js';
import type { BodyFieldModel, RequestBodyModel, ValueRulesModel } from './api-model.js';
import { pickMediaType } from './media-types.js';
import type { Resolve } from './resolve.js';
import { collectValueRules, scalarType } from './value-rules.js';
import { positiveLimit, text } from './values.js';

export function collectRequestBody(resolve: Resolve, raw: unknown): RequestBodyModel | undefined {
  const body = resolve(raw);
  if (!isObject(body)) return undefined;
  const mediaType = pickMediaType(body.content);
  if (!mediaType) return undefined;
  const rawSchema = (body.content as Json)[mediaType] && ((body.content as Json)[mediaType] as Json).schema;
  const schema = resolve(rawSchema);
  const schemaType = isObject(schema) && typeof schema.type === 'string' ? schema.type : undefined;
  const maxBytes = body['x-max-body-bytes'];
  return {
    required: body.required === true,
    mediaType,
    schemaType,
    description: text(body.description),
    schemaDescription: describedAs(resolve, rawSchema),
    maxBytes: positiveLimit(maxBytes),
    fields: schemaType === 'object' ? collectBodyFields(resolve, schema as Json) : undefined,
    propertyDescriptions: schemaType === 'object' ? collectPropertyDescriptions(resolve, schema as Json) : undefined,
  };
}

/**
 * A schema's `description`: the one written beside its `$ref` first (JSON Schema 2020-12 lets a
 * reference carry its own annotations, and the one beside it speaks of this use), else its target's.
 */
function describedAs(resolve: Resolve, raw: unknown): string | undefined {
  const target = resolve(raw);
  return (isObject(raw) ? text(raw.description) : undefined) ?? (isObject(target) ? text(target.description) : undefined);
}

/** Every top-level property that has a description, not only those worth a check: help texts list them all. */
function collectPropertyDescriptions(resolve: Resolve, schema: Json): Record<string, string> | undefined {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const described = Object.entries(properties).flatMap(([name, raw]) => {
    const description = describedAs(resolve, raw);
    return description === undefined ? [] : [[name, description] as const];
  });
  return described.length > 0 ? Object.fromEntries(described) : undefined;
}

/** Rules that say more than the type, which the field states already. */
function beyondType(rules: ValueRulesModel | undefined): ValueRulesModel | undefined {
  return rules && Object.entries(rules).some(([key, value]) => key !== 'type' && value !== undefined) ? rules : undefined;
}

/** The properties worth a check: required ones (their presence), and those of one scalar type (their type and rules). */
function collectBodyFields(resolve: Resolve, schema: Json): BodyFieldModel[] | undefined {
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);
  const properties = isObject(schema.properties) ? schema.properties : {};
  const fields: BodyFieldModel[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    const property = resolve(raw);
    const type = isObject(property) ? scalarType(property) : undefined;
    if (!required.has(name) && type === undefined) continue;
    const types = isObject(property) ? (Array.isArray(property.type) ? property.type : [property.type]) : [];
    fields.push({ name, required: required.has(name), type, nullable: types.includes('null'), rules: type === undefined ? undefined : beyondType(collectValueRules(property)) });
  }
  for (const name of required) if (!(name in properties)) fields.push({ name, required: true, nullable: false });
  return fields.length > 0 ? fields : undefined;
}
