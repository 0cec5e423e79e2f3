// Redocly CLI plugin with the house conventions that no built-in or configurable rule can express.
//
// Redocly 2.x imports this file with a dynamic import() (the repo is "type": "module", so it is
// ESM) and calls the default export (a factory). Exporting the plugin object itself still loads,
// but 2.x then prints a "Deprecated plugin format detected" notice on every lint run.
//
// Every rule here is generic: anything that names a particular API lives in redocly.yaml as an
// option. A rule must never throw: Redocly drops every finding for the whole document when one
// rule does, so malformed input is reported, not assumed away.

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isRef = (value) => isObject(value) && typeof value.$ref === 'string';
const isNonEmptyString = (value) => typeof value === 'string' && value.trim() !== '';

// Extension values are not typed, so the walker never resolves a $ref inside them for us.
function resolveIfRef(value, location, ctx) {
  if (!isRef(value)) return { node: value, location };
  const resolved = ctx.resolve(value);
  return resolved.location ? { node: resolved.node, location: resolved.location } : { node: undefined, location };
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

/**
 * Generated clients send whatever credentials the description asks for, so an operation that
 * forgets `security` (or inherits an empty root default) becomes an unauthenticated call in the
 * client. Option `scheme`: the security scheme every operation must accept.
 */
function OperationSecuredBy(options) {
  const scheme = options?.scheme;
  let rootSecurity;

  // An empty requirement object means "no credentials needed", so it would make auth optional
  // even when another alternative names the scheme. Other alternatives (another scheme) are
  // fine: accepting a second way to sign in does not weaken the first.
  function checkRequirements(security, location, report, inherited) {
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
            checkRequirements(operation.security, ctx.location.child(['security']), ctx.report, false);
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
          checkRequirements(rootSecurity, ctx.location.key(), ctx.report, true);
        },
      },
    },
  };
}

/**
 * A deprecated operation is only useful to a client author if it says what to call instead.
 * `x-successor` makes that machine-readable (docs and generated JSDoc can link it); the
 * description must say it in words too, because most renderers ignore extensions.
 */
function DeprecatedNamesSuccessor() {
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
          field('method', (v) => typeof v === 'string' && HTTP_METHODS.has(v), `a lower-case HTTP method (${[...HTTP_METHODS].join(', ')})`);
          field('path', (v) => typeof v === 'string' && v.startsWith('/'), 'a path template starting with `/`');

          if (isNonEmptyString(successor.operationId) && successor.operationId === operation.operationId) {
            ctx.report({
              message: '`x-successor.operationId` names the deprecated operation itself.',
              location: location.child(['operationId']),
            });
          }

          const tokens = [successor.operationId, successor.path].filter(isNonEmptyString);
          if (tokens.length === 0) return; // already reported above; nothing to look for
          const description = operation.description;
          if (!isNonEmptyString(description) || !tokens.some((token) => mentions(description, token))) {
            ctx.report({
              message: `Deprecated operation's \`description\` must mention its successor (${tokens.map((t) => `\`${t}\``).join(' or ')}).`,
              location: description === undefined ? ctx.location.key() : ctx.location.child(['description']),
            });
          }
        },
      },
    },
  };
}

/**
 * `x-error-codes` feeds generated error-code unions and the docs' error tables, so a typo there
 * (a numeric code, a status of 4040, two entries with one code) ends up in the client's types.
 */
function ErrorCodesWellFormed() {
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

export default function conventionsPlugin() {
  return {
    id: 'conventions',
    rules: {
      // Registered for OpenAPI 3.x only: Swagger 2 has no components.securitySchemes, and the
      // project does not lint 2.0 documents.
      oas3: {
        'operation-secured-by': OperationSecuredBy,
        'deprecated-names-successor': DeprecatedNamesSuccessor,
        'error-codes-well-formed': ErrorCodesWellFormed,
      },
    },
  };
}
