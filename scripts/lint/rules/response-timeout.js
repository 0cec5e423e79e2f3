// conventions/response-timeout: `x-response-timeout-ms` is a positive integer.

import { isPositiveInteger } from '../../shared/positive-integer.js';
import { isObject } from '../nodes.js';

/**
 * `x-response-timeout-ms` is how long the server may take to answer; the client derives its
 * default timeout from it, so it must be a positive whole number of milliseconds.
 */
export function ResponseTimeout() {
  return {
    Operation: {
      enter(operation, ctx) {
        if (!isObject(operation) || !Object.hasOwn(operation, 'x-response-timeout-ms')) return;
        const value = operation['x-response-timeout-ms'];
        if (!isPositiveInteger(value)) {
          ctx.report({
            message: `\`x-response-timeout-ms\` must be a positive integer (milliseconds); got ${JSON.stringify(value)}.`,
            location: ctx.location.child(['x-response-timeout-ms']),
          });
        }
      },
    },
  };
}
