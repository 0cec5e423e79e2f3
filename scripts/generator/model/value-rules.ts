/**
 * The constraints of a parameter's value a client can check before sending: JSON Schema's
 * validation keywords for scalars (type, enum, range, lengths, pattern) and our words for the
 * pattern (`x-pattern-description`).
 */
import { isObject, type Json } from '../json.js';
import type { ScalarType, ValueRulesModel } from './api-model.js';
import { scalar, text } from './values.js';

/** The schema's scalar `enum` members; undefined when it lists none. */
export function scalarEnum(schema: Json): (string | number | boolean)[] | undefined {
  const values = Array.isArray(schema.enum) ? schema.enum.map(scalar).filter((value) => value !== undefined) : [];
  return values.length > 0 ? values : undefined;
}

/** The schema's one scalar type (`type: [integer, 'null']` counts as integer); undefined for anything else. */
export function scalarType(schema: Json): ScalarType | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type) => type !== 'null');
  const [type] = types;
  return types.length === 1 && ['string', 'integer', 'number', 'boolean'].includes(type as string) ? (type as ScalarType) : undefined;
}

/** Checks a client can make on a scalar value before sending: type, enum, range, lengths and pattern. */
export function collectValueRules(schema: unknown): ValueRulesModel | undefined {
  if (!isObject(schema)) return undefined;
  const type = scalarType(schema);
  if (schema.type !== undefined && type === undefined) return undefined;
  const count = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined);
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const numeric = type === 'integer' || type === 'number';
  const textual = type === undefined || type === 'string';
  const rules: ValueRulesModel = {
    type: type === 'string' ? undefined : type,
    enum: scalarEnum(schema),
    minimum: numeric ? number(schema.minimum) : undefined,
    maximum: numeric ? number(schema.maximum) : undefined,
    // 3.0 writes exclusiveMinimum as a boolean beside minimum; 3.1 as the bound itself.
    exclusiveMinimum: numeric ? number(schema.exclusiveMinimum) ?? (schema.exclusiveMinimum === true ? number(schema.minimum) : undefined) : undefined,
    exclusiveMaximum: numeric ? number(schema.exclusiveMaximum) ?? (schema.exclusiveMaximum === true ? number(schema.maximum) : undefined) : undefined,
    minLength: textual ? count(schema.minLength) : undefined,
    maxLength: textual ? count(schema.maxLength) : undefined,
    pattern: textual && typeof schema.pattern === 'string' ? schema.pattern : undefined,
    patternDescription: textual ? text(schema['x-pattern-description']) : undefined,
  };
  if (schema.exclusiveMinimum === true) rules.minimum = undefined;
  if (schema.exclusiveMaximum === true) rules.maximum = undefined;
  return Object.values(rules).some((value) => value !== undefined) ? rules : undefined;
}
