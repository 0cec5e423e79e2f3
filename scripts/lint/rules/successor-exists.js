// conventions/successor-exists: the operation `x-successor` names is one this description has, under
// that operationId, and not deprecated itself.

import { httpMethodsWithQuery } from '../../shared/http-methods.js';
import { isNonEmptyString, isObject, resolveIfRef } from '../nodes.js';

/**
 * `x-successor` is read by the generated client (its deprecation warning) and the docs (a link),
 * so it must name an operation a reader can actually call: one this description has, at that
 * method and path, under that operationId, and not itself deprecated. The shape of the object is
 * deprecated-names-successor's business; this rule only looks up what a well-formed one names.
 */
export function SuccessorExists() {
  // `METHOD path` → what the description has there; built from the root before any operation.
  let operations = new Map();

  return {
    Root: {
      enter(root, ctx) {
        operations = operationsByMethodAndPath(root, ctx);
      },
    },
    Paths: {
      Operation: {
        enter(operation, ctx) {
          if (operation.deprecated !== true) return;
          const { node: successor, location } = resolveIfRef(operation['x-successor'], ctx.location.child(['x-successor']), ctx);
          if (!isObject(successor)) return;
          const { operationId, method, path } = successor;
          if (!isNonEmptyString(method) || !isNonEmptyString(path)) return;
          const target = operations.get(`${method} ${path}`);
          const named = `\`${method.toUpperCase()} ${path}\``;
          if (!target) {
            ctx.report({
              message: `\`x-successor\` names ${named}, which this description does not have; add that operation or name one it has.`,
              location: location.child(['path']),
            });
            return;
          }
          if (isNonEmptyString(operationId) && target.operationId !== operationId) {
            ctx.report({
              message: `\`x-successor.operationId\` is \`${operationId}\`, but the operation at ${named} is ${isNonEmptyString(target.operationId) ? `\`${target.operationId}\`` : 'unnamed'}.`,
              location: location.child(['operationId']),
            });
          }
          if (target.deprecated) {
            ctx.report({
              message: `\`x-successor\` names ${named}, which is deprecated too; name the operation callers should move to.`,
              location: location.child(['path']),
            });
          }
        },
      },
    },
  };
}

/** Every operation of the description, by `method path`, with its operationId and whether it is deprecated. */
function operationsByMethodAndPath(root, ctx) {
  const operations = new Map();
  const paths = resolveIfRef(root.paths, ctx.location.child(['paths']), ctx).node;
  if (!isObject(paths)) return operations;
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolveIfRef(rawItem, ctx.location.child(['paths', path]), ctx).node;
    if (!isObject(item)) continue;
    for (const method of httpMethodsWithQuery) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      operations.set(`${method} ${path}`, { operationId: operation.operationId, deprecated: operation.deprecated === true });
    }
  }
  return operations;
}
