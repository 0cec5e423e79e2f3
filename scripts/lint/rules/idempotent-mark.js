// conventions/idempotent-mark: `x-idempotent` is a boolean, on a method HTTP does not already make
// idempotent.

import { idempotentMethods } from '../../shared/http-methods.js';
import { isObject } from '../nodes.js';

/**
 * `x-idempotent: true` tells the client that a POST (or PATCH) is safe to repeat, so it may be
 * retried like a GET. On a method HTTP already calls idempotent the mark says nothing, and
 * `false` there would contradict HTTP; either way it only misleads a reader.
 */
export function IdempotentMark() {
  return {
    Operation: {
      enter(operation, ctx) {
        if (!isObject(operation) || !Object.hasOwn(operation, 'x-idempotent')) return;
        const value = operation['x-idempotent'];
        const location = ctx.location.child(['x-idempotent']);
        if (typeof value !== 'boolean') {
          ctx.report({ message: `\`x-idempotent\` must be \`true\` or \`false\`; got ${JSON.stringify(value)}.`, location });
          return;
        }
        const method = typeof ctx.key === 'string' ? ctx.key.toLowerCase() : undefined;
        if (method && idempotentMethods.includes(method)) {
          ctx.report({
            message: `\`x-idempotent\` on a ${method.toUpperCase()} operation: HTTP already makes ${method.toUpperCase()} idempotent; the mark is only for methods that are not (POST, PATCH).`,
            location: location.key(),
          });
        }
      },
    },
  };
}
