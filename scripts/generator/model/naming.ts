/**
 * Names in generated code. Every name is derived from the spec by a rule a reader can predict, so
 * the same spec always yields the same identifiers; the word rule itself is camelCase, shared with
 * the lint rules (scripts/shared/camel-case.js).
 */
import { camelCase } from '../../shared/camel-case.js';
import type { Json } from '../json.js';

/** `asyncInvokeReservedFunction` → `AsyncInvokeReservedFunction`. */
export function pascalCase(text: string): string {
  const name = camelCase(text);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A name for an operation that has no `operationId`: the method followed by the path's literal
 * segments, with templated segments as `By<Name>` (`GET /pets/{petId}` → `getPetsByPetId`).
 */
export function deriveOperationName(method: string, path: string): string {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const template = /^\{(.+)\}$/.exec(segment);
      return template ? `by ${template[1]}` : segment;
    });
  return camelCase([method, ...segments].join(' '));
}

/** `x-ms-client-name` (AutoRest): the name a client gives a parameter or header instead of its wire name. */
export function clientName(object: Json): string | undefined {
  const name = object['x-ms-client-name'];
  return typeof name === 'string' && /^[A-Za-z_$][\w$]*$/.test(name) ? name : undefined;
}
