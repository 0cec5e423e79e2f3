/**
 * Parameters (OpenAPI Parameter Object): path-level and operation-level merged, ordered by
 * location (path parameters in template order), each with the name it takes in the method's
 * input object.
 */
import { camelCase } from '../../shared/camel-case.js';
import { SpecError } from '../errors.js';
import { isObject, type Json } from '../json.js';
import type { ParameterLocation, ParameterModel } from './api-model.js';
import { clientName } from './naming.js';
import type { Resolve } from './resolve.js';
import { collectValueRules } from './value-rules.js';
import { scalar, text } from './values.js';

const locationOrder: Record<ParameterLocation, number> = { path: 0, query: 1, header: 2, cookie: 3 };

export function collectParameters(
  resolve: Resolve,
  pathLevel: unknown,
  operationLevel: unknown,
  path: string,
): ParameterModel[] {
  // Operation-level parameters override path-level ones with the same name and location.
  const byKey = new Map<string, Json>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = resolve(entry);
      if (!isObject(parameter) || typeof parameter.name !== 'string') continue;
      byKey.set(`${String(parameter.in)}:${parameter.name}`, parameter);
    }
  }
  const templateOrder = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const parameters = [...byKey.values()].map((parameter): ParameterModel => {
    const schema = resolve(parameter.schema);
    return {
      name: parameter.name as string,
      in: parameter.in as ParameterLocation,
      inputName: clientName(parameter) ?? camelCase(parameter.name as string),
      required: parameter.in === 'path' || parameter.required === true,
      description: text(parameter.description),
      deprecated: parameter.deprecated === true,
      clientDefault: parameter['x-client-default'] === true,
      sentByDefault: scalar(parameter['x-ms-client-default']),
      rules: collectValueRules(schema),
    };
  });
  parameters.sort(
    (a, b) =>
      locationOrder[a.in] - locationOrder[b.in] ||
      (a.in === 'path' ? templateOrder.indexOf(a.name) - templateOrder.indexOf(b.name) : 0),
  );
  // Two parameters may share a camelCase name (`id` in path and query); the later gets its location as a prefix.
  // A name the spec chose (`x-ms-client-name`) is never changed: a clash there is the spec's to fix.
  const taken = new Set(['body']);
  const explicit = new Set([...byKey.values()].map(clientName).filter((name): name is string => name !== undefined));
  for (const parameter of parameters) {
    if (taken.has(parameter.inputName)) {
      if (explicit.has(parameter.inputName)) {
        throw new SpecError([{ message: `${path}: two parameters take the client name "${parameter.inputName}" (x-ms-client-name); give them different names` }]);
      }
      parameter.inputName = camelCase(`${parameter.in} ${parameter.name}`);
    }
    taken.add(parameter.inputName);
  }
  return parameters;
}
