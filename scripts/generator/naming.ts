/**
 * Names in generated code. Every name is derived from the spec by a rule a reader can predict, so
 * the same spec always yields the same identifiers.
 */
import { camelCase } from '../shared/camel-case.js';

export { camelCase };

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
