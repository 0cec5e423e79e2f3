/**
 * The API's error codes and where an error body keeps them: our `x-error-codes` (the known codes,
 * each with its status) and `x-error-message` (the message's property).
 */
import { isObject, type Json } from '../json.js';
import type { ErrorCodeModel, ErrorFieldsModel } from './api-model.js';
import { text } from './values.js';

/** Every `x-error-codes` list in the document, merged by code (first description wins). */
export function collectErrorCodes(document: Json): ErrorCodeModel[] {
  const byCode = new Map<string, ErrorCodeModel>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const list = node['x-error-codes'];
    if (Array.isArray(list)) {
      for (const entry of list) {
        if (!isObject(entry) || typeof entry.code !== 'string' || byCode.has(entry.code)) continue;
        byCode.set(entry.code, {
          code: entry.code,
          status: typeof entry.status === 'number' ? entry.status : undefined,
          description: text(entry.description),
        });
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'x-error-codes') visit(value);
  };
  visit(document);
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The first schema with a property carrying `x-error-codes`: that property is the code, a sibling marked `x-error-message` the message. */
export function collectErrorFields(document: Json): ErrorFieldsModel | undefined {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const name of Object.keys(schemas).sort()) {
    const schema = schemas[name];
    const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
    const code = Object.keys(properties).find((key) => isObject(properties[key]) && Array.isArray((properties[key] as Json)['x-error-codes']));
    if (!code) continue;
    const message = Object.keys(properties).find((key) => isObject(properties[key]) && (properties[key] as Json)['x-error-message'] === true);
    return { code, message };
  }
  return undefined;
}
