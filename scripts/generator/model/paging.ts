/**
 * `x-paging` (our extension on an Operation Object): how the pages of a list operation chain, as a
 * paginator needs it. The declaration names query parameters by wire name and answer fields by
 * name; the model keeps the parameters' input names. A declaration that names what the operation
 * does not have is refused here, whoever wrote the spec: a paginator built from it could never turn
 * a page, and its types would not compile.
 */
import { SpecError } from '../errors.js';
import { isObject, type Json } from '../json.js';
import type { PagingModel, ParameterModel } from './api-model.js';
import { pickMediaType } from './media-types.js';
import type { Resolve } from './resolve.js';
import { text } from './values.js';

export function collectPaging(resolve: Resolve, operation: Json, parameters: ParameterModel[], where: string): PagingModel | undefined {
  const raw = operation['x-paging'];
  if (raw === undefined) return undefined;
  const refuse = (message: string): never => {
    throw new SpecError([{ message: `${where}: x-paging${message}` }]);
  };
  if (!isObject(raw)) return refuse(' must be an object { marker, nextMarker, items, pageSize?, count? }');
  const query = (key: string) => {
    const name = text(raw[key]);
    if (name === undefined) return undefined;
    return parameters.find((parameter) => parameter.in === 'query' && parameter.name === name)?.inputName ?? refuse(`.${key} names the query parameter "${name}", which the operation does not have`);
  };
  const fields = successFields(resolve, operation);
  const field = (key: string, types: string[]) => {
    const name = text(raw[key]);
    if (name === undefined) return undefined;
    const schema = fields[name];
    if (!isObject(schema)) return refuse(`.${key} names the answer field "${name}", which the success answer's schema does not have`);
    if (typeof schema.type === 'string' && !types.includes(schema.type)) refuse(`.${key} names "${name}", a ${schema.type}; it must be ${types.join(' or ')}`);
    return name;
  };
  const marker = query('marker') ?? refuse(' needs marker (the query parameter that asks for a page)');
  const nextMarker = field('nextMarker', ['string', 'integer', 'number']) ?? refuse(' needs nextMarker (the answer field with the next marker)');
  const items = field('items', ['array']) ?? refuse(' needs items (the answer field with the items)');
  return { marker, nextMarker, items, pageSize: query('pageSize'), count: field('count', ['integer', 'number']) };
}

/** The properties (resolved) of the JSON body of the first 2xx answer. */
function successFields(resolve: Resolve, operation: Json): Record<string, unknown> {
  const responses = resolve(operation.responses);
  if (!isObject(responses)) return {};
  const status = Object.keys(responses).find((code) => code.startsWith('2'));
  const response = status === undefined ? undefined : resolve(responses[status]);
  const content = isObject(response) && isObject(response.content) ? response.content : undefined;
  const mediaType = pickMediaType(content);
  const schema = mediaType && content && isObject(content[mediaType]) ? resolve((content[mediaType] as Json).schema) : undefined;
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, resolve(value)]));
}
