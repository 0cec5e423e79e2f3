// conventions/operation-secured-by: every operation must accept the security scheme the option names.

import { isNonEmptyString, isObject, resolveIfRef } from '../nodes.js';

/**
 * Generated clients send whatever credentials the description asks for, so an operation that
 * forgets `security` (or inherits an empty root default) becomes an unauthenticated call in the
 * client. Option `scheme`: the security scheme every operation must accept.
 */
export function OperationSecuredBy(options) {
  const scheme = options?.scheme;
  let rootSecurity;

  return {
    Root: {
      enter(root, ctx) {
        rootSecurity = root.security;
        if (!isNonEmptyString(scheme)) {
          ctx.report({
            message: 'Rule option `scheme` must name a security scheme (a non-empty string).',
            location: ctx.location.child(['openapi']).key(),
          });
          return;
        }
        checkSchemeDefined(root, scheme, ctx);
      },
    },
    // Nested under Paths so that webhooks and callbacks, requests the API sends rather than
    // receives, are left alone: a nested visitor only sees the first level of Operation below
    // Paths, and callback operations sit one level deeper (checked against Redocly 2.77).
    Paths: {
      Operation: {
        enter(operation, ctx) {
          if (!isNonEmptyString(scheme)) return;
          if (operation.security !== undefined) {
            checkRequirements(scheme, operation.security, ctx.location.child(['security']), ctx.report, false);
            return;
          }
          if (rootSecurity === undefined) {
            ctx.report({
              message: `Operation has no \`security\` and there is no root-level default; it must require \`${scheme}\`.`,
              location: ctx.location.key(),
            });
            return;
          }
          // Point at the operation: it is the thing that lacks a requirement, even though the
          // fix may be in the root default.
          checkRequirements(scheme, rootSecurity, ctx.location.key(), ctx.report, true);
        },
      },
    },
  };
}

/** The scheme must be one `components.securitySchemes` defines. */
function checkSchemeDefined(root, scheme, ctx) {
  const components = resolveIfRef(root.components, ctx.location.child(['components']), ctx);
  const schemes = isObject(components.node)
    ? resolveIfRef(components.node.securitySchemes, components.location.child(['securitySchemes']), ctx)
    : undefined;
  if (!schemes || !isObject(schemes.node) || !Object.hasOwn(schemes.node, scheme)) {
    const location = schemes && isObject(schemes.node)
      ? schemes.location.key()
      : isObject(components.node) ? components.location.key() : ctx.location.child(['openapi']).key();
    ctx.report({ message: `Security scheme \`${scheme}\` is not defined in \`components.securitySchemes\`.`, location });
  }
}

// An empty requirement object means "no credentials needed", so it would make auth optional
// even when another alternative names the scheme. Other alternatives (another scheme) are
// fine: accepting a second way to sign in does not weaken the first.
function checkRequirements(scheme, security, location, report, inherited) {
  const origin = inherited ? 'The inherited root-level `security`' : '`security`';
  if (!Array.isArray(security) || security.length === 0) {
    report({ message: `${origin} lists no requirement, so the operation can be called without \`${scheme}\`.`, location });
    return;
  }
  let found = false;
  security.forEach((requirement, index) => {
    if (!isObject(requirement)) return; // struct reports the shape; nothing useful to add
    const names = Object.keys(requirement);
    if (names.length === 0) {
      report({
        message: `${origin} has an empty requirement, which makes authentication optional.`,
        location: location.child([index]),
      });
    }
    if (names.includes(scheme)) found = true;
  });
  if (!found) {
    report({ message: `${origin} does not include the \`${scheme}\` security scheme.`, location });
  }
}
