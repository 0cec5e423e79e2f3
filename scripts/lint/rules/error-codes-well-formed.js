// conventions/error-codes-well-formed: every `x-error-codes` entry is a {code, status, description}
// with a code of its own.

import { isNonEmptyString, isObject, resolveIfRef } from '../nodes.js';

/**
 * `x-error-codes` feeds generated error-code unions and the docs' error tables, so a typo there
 * (a numeric code, a status of 4040, two entries with one code) ends up in the client's types.
 */
export function ErrorCodesWellFormed() {
  return {
    Schema: {
      enter(schema, ctx) {
        if (!isObject(schema) || !Object.hasOwn(schema, 'x-error-codes')) return;
        const { node: codes, location } = resolveIfRef(schema['x-error-codes'], ctx.location.child(['x-error-codes']), ctx);
        if (!Array.isArray(codes)) {
          ctx.report({ message: '`x-error-codes` must be an array of {code, status, description} objects.', location });
          return;
        }
        const firstIndexOf = new Map();
        codes.forEach((entry, index) => {
          const at = location.child([index]);
          if (!isObject(entry)) {
            ctx.report({ message: `\`x-error-codes[${index}]\` must be an object with \`code\`, \`status\` and \`description\`.`, location: at });
            return;
          }
          const check = (name, valid, expectation) => {
            if (entry[name] === undefined) {
              ctx.report({ message: `\`x-error-codes[${index}]\` is missing \`${name}\` (${expectation}).`, location: at });
              return false;
            }
            if (!valid(entry[name])) {
              ctx.report({ message: `\`x-error-codes[${index}].${name}\` must be ${expectation}.`, location: at.child([name]) });
              return false;
            }
            return true;
          };
          const codeOk = check('code', isNonEmptyString, 'a non-empty string');
          check('status', (v) => Number.isInteger(v) && v >= 100 && v <= 599, 'an integer HTTP status from 100 to 599');
          check('description', isNonEmptyString, 'a non-empty string');
          if (!codeOk) return;
          if (firstIndexOf.has(entry.code)) {
            ctx.report({
              message: `Error code \`${entry.code}\` is listed twice in \`x-error-codes\` (first at index ${firstIndexOf.get(entry.code)}).`,
              location: at.child(['code']),
            });
          } else {
            firstIndexOf.set(entry.code, index);
          }
        });
      },
    },
  };
}
