// conventions/pattern-described: a `pattern` comes with `x-pattern-description`, its words for people.

import { isNonEmptyString, isObject } from '../nodes.js';

/**
 * A client refuses a value that misses a `pattern` before sending it, and a raw regular
 * expression is no message for a person: `x-pattern-description` says the pattern in words, and
 * the generated client puts those words in its error. A pattern without them, or words without a
 * pattern, is a mistake either way.
 */
export function PatternDescribed() {
  return {
    Schema: {
      enter(schema, ctx) {
        if (!isObject(schema)) return;
        const hasPattern = Object.hasOwn(schema, 'pattern');
        const hasWords = Object.hasOwn(schema, 'x-pattern-description');
        if (hasPattern && !hasWords) {
          ctx.report({
            message: 'A schema with `pattern` needs `x-pattern-description`: the pattern in words, for the error a caller sees.',
            location: ctx.location.child(['pattern']).key(),
          });
        } else if (hasWords && !hasPattern) {
          ctx.report({
            message: '`x-pattern-description` without a `pattern` describes nothing; remove it or add the pattern.',
            location: ctx.location.child(['x-pattern-description']).key(),
          });
        } else if (hasWords && !isNonEmptyString(schema['x-pattern-description'])) {
          ctx.report({
            message: '`x-pattern-description` must be a non-empty string.',
            location: ctx.location.child(['x-pattern-description']),
          });
        }
      },
    },
  };
}
