// conventions/response-header-schema: every response header has a scalar `schema` the client reads
// it by.

import { isObject, resolveIfRef } from '../nodes.js';

const HEADER_TYPES = ['string', 'integer', 'boolean'];

/**
 * The generated client reads response headers by their schema: it turns a header's text into the
 * schema's type (and decodes it per the content keywords). A header described by `content`
 * instead of `schema`, or typed as an object or array, leaves it nothing to read by.
 */
export function ResponseHeaderSchema() {
  return {
    Response: {
      enter(response, ctx) {
        const { node: headers, location } = resolveIfRef(response?.headers, ctx.location.child(['headers']), ctx);
        if (!isObject(headers)) return;
        for (const [name, raw] of Object.entries(headers)) {
          const { node: header, location: at } = resolveIfRef(raw, location.child([name]), ctx);
          if (!isObject(header)) continue;
          if (!Object.hasOwn(header, 'schema')) {
            ctx.report({
              message: `Response header \`${name}\` needs a \`schema\` (of type ${HEADER_TYPES.join(', ')}); the client reads headers by it.`,
              location: at.key(),
            });
            continue;
          }
          const { node: schema, location: schemaAt } = resolveIfRef(header.schema, at.child(['schema']), ctx);
          const type = isObject(schema) ? schema.type : undefined;
          if (!HEADER_TYPES.includes(type)) {
            ctx.report({
              message: `Response header \`${name}\` must have a schema of type ${HEADER_TYPES.join(', ')}; got ${JSON.stringify(type)}.`,
              location: isObject(schema) && Object.hasOwn(schema, 'type') ? schemaAt.child(['type']) : schemaAt.key(),
            });
          }
        }
      },
    },
  };
}
