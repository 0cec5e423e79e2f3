/** The request body (OpenAPI Request Body Object): its media type, schema type and size limit. */
import { isObject, type Json } from '../json.js';
import type { RequestBodyModel } from './api-model.js';
import { pickMediaType } from './media-types.js';
import type { Resolve } from './resolve.js';
import { positiveLimit, text } from './values.js';

export function collectRequestBody(resolve: Resolve, raw: unknown): RequestBodyModel | undefined {
  const body = resolve(raw);
  if (!isObject(body)) return undefined;
  const mediaType = pickMediaType(body.content);
  if (!mediaType) return undefined;
  const schema = resolve((body.content as Json)[mediaType] && ((body.content as Json)[mediaType] as Json).schema);
  const schemaType = isObject(schema) && typeof schema.type === 'string' ? schema.type : undefined;
  const maxBytes = body['x-max-body-bytes'];
  return {
    required: body.required === true,
    mediaType,
    schemaType,
    description: text(body.description),
    maxBytes: positiveLimit(maxBytes),
  };
}
