// conventions/encoded-string-schema: the content keywords (`contentEncoding`, `contentMediaType`,
// `contentSchema`) sit on string schemas and hold values a decoder knows.

import { isObject } from '../nodes.js';

// JSON Schema 2020-12 §8.3 names the encodings from RFC 4648 and RFC 2045.
const CONTENT_ENCODINGS = new Set(['base64', 'base64url', 'base32', 'base32hex', 'base16', '7bit', '8bit', 'binary', 'quoted-printable']);

/**
 * `contentEncoding`, `contentMediaType` and `contentSchema` describe what a string holds (an
 * encoded header, a JSON document in a header). JSON Schema ignores them on anything but a
 * string, so a decoder driven by them would silently do nothing; `contentSchema` means nothing
 * without `contentMediaType` (JSON Schema 2020-12 §8.5).
 */
export function EncodedStringSchema() {
  return {
    Schema: {
      enter(schema, ctx) {
        if (!isObject(schema)) return;
        const keywords = ['contentEncoding', 'contentMediaType', 'contentSchema'].filter((k) => Object.hasOwn(schema, k));
        if (keywords.length === 0) return;
        const type = schema.type;
        const isString = type === 'string' || (Array.isArray(type) && type.length > 0 && type.every((t) => t === 'string' || t === 'null'));
        if (!isString) {
          ctx.report({
            message: `\`${keywords[0]}\` applies only to strings; this schema must say \`type: string\`.`,
            location: ctx.location.child([type === undefined ? keywords[0] : 'type']).key(),
          });
        }
        if (Object.hasOwn(schema, 'contentEncoding') && !CONTENT_ENCODINGS.has(schema.contentEncoding)) {
          ctx.report({
            message: `\`contentEncoding\` must be one of ${[...CONTENT_ENCODINGS].join(', ')}; got ${JSON.stringify(schema.contentEncoding)}.`,
            location: ctx.location.child(['contentEncoding']),
          });
        }
        if (Object.hasOwn(schema, 'contentMediaType') && !(typeof schema.contentMediaType === 'string' && /^[\w.+-]+\/[\w.+-]+$/.test(schema.contentMediaType))) {
          ctx.report({
            message: `\`contentMediaType\` must be a media type such as \`application/json\`; got ${JSON.stringify(schema.contentMediaType)}.`,
            location: ctx.location.child(['contentMediaType']),
          });
        }
        if (Object.hasOwn(schema, 'contentSchema') && !Object.hasOwn(schema, 'contentMediaType')) {
          ctx.report({
            message: '`contentSchema` needs `contentMediaType` beside it; JSON Schema ignores it otherwise.',
            location: ctx.location.child(['contentSchema']).key(),
          });
        }
      },
    },
  };
}
