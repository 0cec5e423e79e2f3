// conventions/deprecated-names-successor: a deprecated operation names its replacement, in
// `x-successor` and in its description.

import { httpMethodsWithQuery } from '../../shared/http-methods.js';
import { isNonEmptyString, isObject, resolveIfRef } from '../nodes.js';

/**
 * A deprecated operation is only useful to a client author if it says what to call instead.
 * `x-successor` makes that machine-readable (docs and generated JSDoc can link it); the
 * description must say it in words too, because most renderers ignore extensions. Whether the
 * successor exists is `successor-exists`'s business.
 */
export function DeprecatedNamesSuccessor() {
  // Only path operations: a successor is named by its path, which webhooks and callbacks lack.
  return {
    Paths: {
      Operation: {
        enter(operation, ctx) {
          if (operation.deprecated !== true) return;
          const raw = operation['x-successor'];
          if (raw === undefined) {
            ctx.report({
              message: 'Deprecated operation must name its replacement in an `x-successor` object ({operationId, method, path}).',
              location: ctx.location.child(['deprecated']).key(),
            });
            return;
          }
          const { node: successor, location } = resolveIfRef(raw, ctx.location.child(['x-successor']), ctx);
          if (!isObject(successor)) {
            ctx.report({ message: '`x-successor` must be an object with `operationId`, `method` and `path`.', location });
            return;
          }
          checkFields(successor, location, ctx);
          if (isNonEmptyString(successor.operationId) && successor.operationId === operation.operationId) {
            ctx.report({
              message: '`x-successor.operationId` names the deprecated operation itself.',
              location: location.child(['operationId']),
            });
          }
          checkDescriptionMentions(operation, successor, ctx);
        },
      },
    },
  };
}

/** `operationId`, `method` and `path`, each present and of its shape. */
function checkFields(successor, location, ctx) {
  const field = (name, valid, expectation) => {
    const value = successor[name];
    if (value === undefined) {
      ctx.report({ message: `\`x-successor\` is missing \`${name}\` (${expectation}).`, location: location.key() });
    } else if (!valid(value)) {
      ctx.report({ message: `\`x-successor.${name}\` must be ${expectation}.`, location: location.child([name]) });
    }
  };
  field('operationId', isNonEmptyString, 'a non-empty string');
  // Lower case, like the keys of a path item, so tools can look the successor up verbatim.
  field('method', (v) => typeof v === 'string' && httpMethodsWithQuery.includes(v), `a lower-case HTTP method (${httpMethodsWithQuery.join(', ')})`);
  field('path', (v) => typeof v === 'string' && v.startsWith('/'), 'a path template starting with `/`');
}

/** The description must name the successor by its operationId or its path. */
function checkDescriptionMentions(operation, successor, ctx) {
  const tokens = [successor.operationId, successor.path].filter(isNonEmptyString);
  if (tokens.length === 0) return; // already reported by checkFields; nothing to look for
  const description = operation.description;
  if (!isNonEmptyString(description) || !tokens.some((token) => mentions(description, token))) {
    ctx.report({
      message: `Deprecated operation's \`description\` must mention its successor (${tokens.map((t) => `\`${t}\``).join(' or ')}).`,
      location: description === undefined ? ctx.location.key() : ctx.location.child(['description']),
    });
  }
}

// A plain substring test would let `invoke` count as a mention of `invokeAsync`, or `/v2/jobs`
// of `/v2/jobs/{id}`; the neighbours of a real mention are never identifier or path characters.
function mentions(text, token) {
  const inside = /[A-Za-z0-9_{}\/-]/;
  for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
    const before = text[at - 1];
    const after = text[at + token.length];
    if ((before === undefined || !inside.test(before)) && (after === undefined || !inside.test(after))) return true;
  }
  return false;
}
