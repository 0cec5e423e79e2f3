// conventions/max-body-bytes: `x-max-body-bytes` is a positive integer, on a request body.

import { isPositiveInteger } from '../../shared/positive-integer.js';
import { isObject } from '../nodes.js';

/**
 * `x-max-body-bytes` is the largest request body, in bytes sent, that the client lets through.
 * It means something only on a Request Body Object; anywhere else the runtime never reads it, so
 * a limit put on the operation or the media type would silently not apply.
 */
export function MaxBodyBytes() {
  const misplaced = (where) => ({
    enter(node, ctx) {
      if (!isObject(node) || !Object.hasOwn(node, 'x-max-body-bytes')) return;
      ctx.report({
        message: `\`x-max-body-bytes\` on ${where} is never read; put it on the operation's \`requestBody\`.`,
        location: ctx.location.child(['x-max-body-bytes']).key(),
      });
    },
  });
  return {
    RequestBody: {
      enter(body, ctx) {
        if (!isObject(body) || !Object.hasOwn(body, 'x-max-body-bytes')) return;
        const value = body['x-max-body-bytes'];
        if (!isPositiveInteger(value)) {
          ctx.report({
            message: `\`x-max-body-bytes\` must be a positive integer (bytes); got ${JSON.stringify(value)}.`,
            location: ctx.location.child(['x-max-body-bytes']),
          });
        }
      },
    },
    Operation: misplaced('an operation'),
    MediaType: misplaced('a media type'),
  };
}
