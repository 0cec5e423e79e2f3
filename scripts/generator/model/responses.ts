/**
 * Responses (OpenAPI Responses and Response Objects) ordered by status, each with its body's media
 * type and schema type and its documented headers (Header Object, decoded by their schema's
 * JSON Schema content keywords).
 */
import { camelCase } from '../../shared/camel-case.js';
import { isObject, type Json } from '../json.js';
import type { ResponseHeaderModel, ResponseModel } from './api-model.js';
import { pickMediaType } from './media-types.js';
import { clientName } from './naming.js';
import { resolveDeep, type Resolve } from './resolve.js';
import { scalarEnum, scalarType } from './value-rules.js';
import { text } from './values.js';

export function collectResponses(resolve: Resolve, raw: unknown): ResponseModel[] {
  if (!isObject(raw)) return [];
  return Object.keys(raw)
    .sort((a, b) => statusOrder(a) - statusOrder(b))
    .map((status) => {
      const response = resolve(raw[status]);
      const content = isObject(response) ? response.content : undefined;
      const mediaType = pickMediaType(content);
      const schema = mediaType && isObject(content) && isObject(content[mediaType]) ? resolve((content[mediaType] as Json).schema) : undefined;
      const required = isObject(schema) && Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : [];
      return {
        status,
        description: isObject(response) ? text(response.description) : undefined,
        mediaType,
        schemaType: isObject(schema) && typeof schema.type === 'string' ? schema.type : undefined,
        requiredProperties: required.length > 0 ? required : undefined,
        mediaTypes: isObject(content) && Object.keys(content).length > 1 ? Object.keys(content) : undefined,
        headers: isObject(response) ? collectResponseHeaders(resolve, response.headers) : [],
      };
    });
}

function statusOrder(status: string): number {
  if (status === 'default') return 1000;
  // A range (`4XX`) sorts after every exact code it covers.
  const numeric = Number.parseInt(status.replace(/X/gi, '9'), 10);
  return Number.isNaN(numeric) ? 999 : numeric + (/X/i.test(status) ? 0.5 : 0);
}

/** A Response Object's `headers`, each with its schema's type, enum and encoding keywords. */
function collectResponseHeaders(resolve: Resolve, raw: unknown): ResponseHeaderModel[] {
  if (!isObject(raw)) return [];
  return Object.keys(raw)
    // Content-Type is described by `content`, and OpenAPI says to ignore it here.
    .filter((name) => name.toLowerCase() !== 'content-type')
    .flatMap((name): ResponseHeaderModel[] => {
      const header = resolve(raw[name]);
      if (!isObject(header)) return [];
      const schema = resolveDeep(resolve, header.schema);
      const json = isObject(schema) ? schema : {};
      return [
        {
          name,
          outputName: clientName(header) ?? camelCase(name),
          description: text(header.description),
          required: header.required === true,
          type: scalarType(json),
          enum: scalarEnum(json),
          contentEncoding: text(json.contentEncoding),
          contentMediaType: text(json.contentMediaType),
          schema: isObject(schema) ? schema : undefined,
        },
      ];
    });
}
