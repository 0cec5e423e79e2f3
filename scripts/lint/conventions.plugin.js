// Redocly CLI plugin with the house conventions that no built-in or configurable rule can express.
//
// Redocly 2.x imports this file with a dynamic import() (the repo is "type": "module", so it is
// ESM) and calls the default export (a factory). Exporting the plugin object itself still loads,
// but 2.x then prints a "Deprecated plugin format detected" notice on every lint run.
//
// Every rule here is generic: anything that names a particular API lives in redocly.yaml as an
// option. A rule must never throw: Redocly drops every finding for the whole document when one
// rule does, so malformed input is reported, not assumed away.

import { camelCase, reservedWords } from '../generator/camel-case.js';

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

/**
 * `x-successor` is read by the generated client (its deprecation warning) and the docs (a link),
 * so it must name an operation a reader can actually call: one this description has, at that
 * method and path, under that operationId, and not itself deprecated. The shape of the object is
 * deprecated-names-successor's business; this rule only looks up what a well-formed one names.
 */
function SuccessorExists() {
  // `METHOD path` → what the description has there; built from the root before any operation.
  let operations = new Map();

  return {
    Root: {
      enter(root, ctx) {
        operations = new Map();
        const paths = resolveIfRef(root.paths, ctx.location.child(['paths']), ctx).node;
        if (!isObject(paths)) return;
        for (const [path, rawItem] of Object.entries(paths)) {
          const item = resolveIfRef(rawItem, ctx.location.child(['paths', path]), ctx).node;
          if (!isObject(item)) continue;
          for (const method of HTTP_METHODS) {
            const operation = item[method];
            if (!isObject(operation)) continue;
            operations.set(`${method} ${path}`, { operationId: operation.operationId, deprecated: operation.deprecated === true });
          }
        }
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

// The generator's default input name for a parameter without `x-ms-client-name`: `project_id` →
// `projectId`, `X-Cff-Log-Type` → `xCffLogType`. The generator's own rule, imported, so the two
// cannot drift apart.
export const defaultClientName = camelCase;

const CAMEL_CASE_IDENTIFIER = /^[a-z][A-Za-z0-9]*$/;

function checkClientNameValue(value, location, report) {
  if (typeof value !== 'string' || !CAMEL_CASE_IDENTIFIER.test(value)) {
    report({
      message: `\`x-ms-client-name\` must be a camelCase identifier (a lower-case letter, then letters and digits); got ${JSON.stringify(value)}.`,
      location,
    });
    return false;
  }
  if (reservedWords.has(value)) {
    report({ message: `\`x-ms-client-name\` \`${value}\` is a reserved word in JavaScript; pick another name.`, location });
    return false;
  }
  return true;
}

/**
 * `x-ms-client-name` (AutoRest's extension) names a parameter in the client's input object, or a
 * response header in its output. The name must be a camelCase identifier, and two inputs of one
 * operation (path-level and operation-level parameters, and `body` when there is a request body)
 * must not end up with one name: the generator would have to rename one behind the author's back.
 * The same holds for the headers of one response. Only clashes that involve an explicit name are
 * reported; two default names that clash are the generator's documented business.
 */
function ClientNames() {
  // Every input of the operation with its effective name, then the clashes among them.
  function checkUnique(entries, report, what) {
    const byName = new Map();
    for (const entry of entries) {
      const earlier = byName.get(entry.clientName);
      if (earlier && (entry.explicit || earlier.explicit)) {
        const blame = entry.explicit ? entry : earlier;
        const other = blame === entry ? earlier : entry;
        report({
          message: `${what} ${blame.label} and ${other.label} both get the client name \`${entry.clientName}\`; client names must be unique.`,
          location: blame.location,
        });
      } else if (!earlier) {
        byName.set(entry.clientName, entry);
      }
    }
  }

  // One input or header with its effective name; none when its explicit name is malformed (reported on its own).
  function entryOf(node, location, wireName, label) {
    const explicit = Object.hasOwn(node, 'x-ms-client-name');
    const name = node['x-ms-client-name'];
    if (explicit && (typeof name !== 'string' || !CAMEL_CASE_IDENTIFIER.test(name))) return [];
    return [{
      clientName: explicit ? name : defaultClientName(wireName),
      explicit,
      label,
      location: explicit ? location.child(['x-ms-client-name']) : location,
    }];
  }

  function parameterEntries(list, baseLocation, ctx) {
    if (!Array.isArray(list)) return [];
    return list.flatMap((raw, index) => {
      const { node, location } = resolveIfRef(raw, baseLocation.child([index]), ctx);
      if (!isObject(node) || typeof node.name !== 'string') return [];
      return entryOf(node, location, node.name, `${node.in} parameter \`${node.name}\``).map((entry) => ({ ...entry, key: `${node.in}:${node.name}` }));
    });
  }

  // A Parameter's or Header's own `x-ms-client-name` value.
  const checkValue = {
    enter(node, ctx) {
      if (!isObject(node) || !Object.hasOwn(node, 'x-ms-client-name')) return;
      checkClientNameValue(node['x-ms-client-name'], ctx.location.child(['x-ms-client-name']), ctx.report);
    },
  };

  return {
    Parameter: checkValue,
    Header: checkValue,
    Response: {
      enter(response, ctx) {
        const { node: headers, location } = resolveIfRef(response?.headers, ctx.location.child(['headers']), ctx);
        if (!isObject(headers)) return;
        const entries = Object.entries(headers).flatMap(([headerName, raw]) => {
          const resolved = resolveIfRef(raw, location.child([headerName]), ctx);
          return isObject(resolved.node) ? entryOf(resolved.node, resolved.location, headerName, `header \`${headerName}\``) : [];
        });
        checkUnique(entries, ctx.report, 'Response headers:');
      },
    },
    PathItem: {
      Operation: {
        enter(operation, ctx, parents) {
          const pathItem = parents?.PathItem;
          // Path-level parameters are resolved from the path item's own file, operation-level
          // ones from the operation's; an operation-level parameter replaces a path-level one
          // with the same name and location, as OpenAPI says.
          const pathLevel = isObject(pathItem)
            ? parameterEntries(pathItem.parameters, (ctx.parentLocations?.PathItem ?? ctx.location).child(['parameters']), ctx)
            : [];
          const operationLevel = parameterEntries(operation.parameters, ctx.location.child(['parameters']), ctx);
          const overridden = new Set(operationLevel.map((entry) => entry.key));
          const entries = [...pathLevel.filter((entry) => !overridden.has(entry.key)), ...operationLevel];
          if (operation.requestBody !== undefined) {
            // `body` is the request body's name in every generated input; it goes first so that a
            // parameter named `body` is the one reported.
            entries.unshift({ clientName: 'body', explicit: false, label: 'the request body', location: ctx.location.child(['requestBody']) });
          }
          checkUnique(entries, ctx.report, 'Operation inputs:');
        },
      },
    },
  };
}

const positiveInteger = (value) => Number.isSafeInteger(value) && value > 0;

/**
 * `x-max-body-bytes` is the largest request body, in bytes sent, that the client lets through.
 * It means something only on a Request Body Object; anywhere else the runtime never reads it, so
 * a limit put on the operation or the media type would silently not apply.
 */
function MaxBodyBytes() {
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
        if (!positiveInteger(value)) {
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

// Methods HTTP already defines as idempotent (RFC 9110 §9.2.2).
const IDEMPOTENT_METHODS = new Set(['get', 'head', 'put', 'delete', 'options', 'trace']);

/**
 * `x-idempotent: true` tells the client that a POST (or PATCH) is safe to repeat, so it may be
 * retried like a GET. On a method HTTP already calls idempotent the mark says nothing, and
 * `false` there would contradict HTTP; either way it only misleads a reader.
 */
function IdempotentMark() {
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
        if (method && IDEMPOTENT_METHODS.has(method)) {
          ctx.report({
            message: `\`x-idempotent\` on a ${method.toUpperCase()} operation: HTTP already makes ${method.toUpperCase()} idempotent; the mark is only for methods that are not (POST, PATCH).`,
            location: location.key(),
          });
        }
      },
    },
  };
}

/**
 * `x-response-timeout-ms` is how long the server may take to answer; the client derives its
 * default timeout from it, so it must be a positive whole number of milliseconds.
 */
function ResponseTimeout() {
  return {
    Operation: {
      enter(operation, ctx) {
        if (!isObject(operation) || !Object.hasOwn(operation, 'x-response-timeout-ms')) return;
        const value = operation['x-response-timeout-ms'];
        if (!positiveInteger(value)) {
          ctx.report({
            message: `\`x-response-timeout-ms\` must be a positive integer (milliseconds); got ${JSON.stringify(value)}.`,
            location: ctx.location.child(['x-response-timeout-ms']),
          });
        }
      },
    },
  };
}

// JSON Schema 2020-12 §8.3 names the encodings from RFC 4648 and RFC 2045.
const CONTENT_ENCODINGS = new Set(['base64', 'base64url', 'base32', 'base32hex', 'base16', '7bit', '8bit', 'binary', 'quoted-printable']);

/**
 * `contentEncoding`, `contentMediaType` and `contentSchema` describe what a string holds (an
 * encoded header, a JSON document in a header). JSON Schema ignores them on anything but a
 * string, so a decoder driven by them would silently do nothing; `contentSchema` means nothing
 * without `contentMediaType` (JSON Schema 2020-12 §8.5).
 */
function EncodedStringSchema() {
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

/**
 * `x-ms-client-default` is a value the client sends when the caller gives none, so it must be a
 * value the parameter accepts: of the schema's type and, when there is an enum, one of it. A
 * required parameter never lacks a value, so a client default there would never be used.
 */
function ClientDefaultValid() {
  const typeOf = (value) => (value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value);
  const fits = (value, type) => type === undefined || type === typeOf(value) || (type === 'number' && typeof value === 'number');
  return {
    Parameter: {
      enter(parameter, ctx) {
        if (!isObject(parameter) || !Object.hasOwn(parameter, 'x-ms-client-default')) return;
        const value = parameter['x-ms-client-default'];
        const location = ctx.location.child(['x-ms-client-default']);
        if (parameter.required === true || parameter.in === 'path') {
          ctx.report({ message: '`x-ms-client-default` on a required parameter is never used: the caller always gives a value.', location: location.key() });
        }
        const { node: schema } = resolveIfRef(parameter.schema, ctx.location.child(['schema']), ctx);
        if (!isObject(schema)) return;
        const types = Array.isArray(schema.type) ? schema.type : [schema.type];
        if (!types.some((type) => fits(value, type))) {
          ctx.report({ message: `\`x-ms-client-default\` ${JSON.stringify(value)} is not of the parameter's type (${types.join(' or ')}).`, location });
        } else if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) {
          ctx.report({ message: `\`x-ms-client-default\` ${JSON.stringify(value)} is not one of the parameter's values (${schema.enum.map((v) => JSON.stringify(v)).join(', ')}).`, location });
        }
      },
    },
  };
}

/**
 * A client refuses a value that misses a `pattern` before sending it, and a raw regular
 * expression is no message for a person: `x-pattern-description` says the pattern in words, and
 * the generated client puts those words in its error. A pattern without them, or words without a
 * pattern, is a mistake either way.
 */
function PatternDescribed() {
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

const HEADER_TYPES = ['string', 'integer', 'boolean'];

/**
 * The generated client reads response headers by their schema: it turns a header's text into the
 * schema's type (and decodes it per the content keywords). A header described by `content`
 * instead of `schema`, or typed as an object or array, leaves it nothing to read by.
 */
function ResponseHeaderSchema() {
  return {
    Response: {
      enter(response, ctx) {
        const { node: headers, location } = resolveIfRef(response?.headers, ctx.location.child(['headers']), ctx);
        if (!isObject(headers)) return;
        for (const [name, raw] of Object.entries(headers)) {
          const { node: header, location: at } = resolveIfRef(raw, location.child([name]), ctx);
          if (!isObject(header)) continue;
          if (!Object.hasOwn(header, 'schema')) {
            ctx.report({
              message: `Response header \`${name}\` needs a \`schema\` (of type ${HEADER_TYPES.join(', ')}); the client reads headers by it.`,
              location: at.key(),
            });
            continue;
          }
          const { node: schema, location: schemaAt } = resolveIfRef(header.schema, at.child(['schema']), ctx);
          const type = isObject(schema) ? schema.type : undefined;
          if (!HEADER_TYPES.includes(type)) {
            ctx.report({
              message: `Response header \`${name}\` must have a schema of type ${HEADER_TYPES.join(', ')}; got ${JSON.stringify(type)}.`,
              location: isObject(schema) && Object.hasOwn(schema, 'type') ? schemaAt.child(['type']) : schemaAt.key(),
            });
          }
        }
      },
    },
  };
}

// RFC 9110 §5.1: a header name is a token.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// IANA's HTTP Authentication Scheme registry: schemes any client knows how to send.
const REGISTERED_HTTP_SCHEMES = new Set(['basic', 'bearer', 'concealed', 'digest', 'dpop', 'gnap', 'hoba', 'mutual', 'negotiate', 'oauth', 'privatetoken', 'scram-sha-1', 'scram-sha-256', 'vapid']);
const SIGNING_HEADERS = ['dateHeader', 'securityTokenHeader', 'projectIdHeader'];

/**
 * `x-signing` on a security scheme tells a client how to sign requests (AK/SK). An `http` scheme
 * outside IANA's registry names a signature the client computes itself, so it must say how; and
 * what it says must be complete: the algorithm (the scheme's own name), the date header, valid
 * header names, a project header together with the path parameter that fills it.
 */
function SigningScheme() {
  return {
    NamedSecuritySchemes: {
      SecurityScheme: {
        enter(scheme, ctx) {
          if (!isObject(scheme)) return;
          const has = Object.hasOwn(scheme, 'x-signing');
          const custom = scheme.type === 'http' && typeof scheme.scheme === 'string' && !REGISTERED_HTTP_SCHEMES.has(scheme.scheme.toLowerCase());
          if (!has) {
            if (custom) {
              ctx.report({
                message: `HTTP scheme \`${scheme.scheme}\` is not in IANA's registry, so a client cannot apply it without \`x-signing\` saying how to sign.`,
                location: ctx.location.child(['scheme']),
              });
            }
            return;
          }
          const at = ctx.location.child(['x-signing']);
          const signing = scheme['x-signing'];
          if (!isObject(signing)) {
            ctx.report({ message: '`x-signing` must be an object.', location: at });
            return;
          }
          if (scheme.type !== 'http' || signing.algorithm !== scheme.scheme) {
            ctx.report({
              message: `\`x-signing.algorithm\` must equal the scheme's name on a \`type: http\` scheme (the Authorization header starts with it); got ${JSON.stringify(signing.algorithm)} for ${JSON.stringify(scheme.scheme)}.`,
              location: at.child(['algorithm']),
            });
          }
          if (!Object.hasOwn(signing, 'dateHeader')) ctx.report({ message: '`x-signing.dateHeader` is required: the date is part of what is signed.', location: at.key() });
          for (const key of SIGNING_HEADERS) {
            if (Object.hasOwn(signing, key) && !(typeof signing[key] === 'string' && HEADER_NAME.test(signing[key]))) {
              ctx.report({ message: `\`x-signing.${key}\` must be a header name; got ${JSON.stringify(signing[key])}.`, location: at.child([key]) });
            }
          }
          if (Object.hasOwn(signing, 'projectIdHeader') !== Object.hasOwn(signing, 'projectIdParameter')) {
            ctx.report({ message: '`x-signing.projectIdHeader` and `x-signing.projectIdParameter` go together: the header carries that path parameter.', location: at.key() });
          }
          if (Object.hasOwn(signing, 'clockSkewMinutes') && !positiveInteger(signing.clockSkewMinutes)) {
            ctx.report({ message: `\`x-signing.clockSkewMinutes\` must be a positive integer; got ${JSON.stringify(signing.clockSkewMinutes)}.`, location: at.child(['clockSkewMinutes']) });
          }
        },
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
        'successor-exists': SuccessorExists,
        'client-names': ClientNames,
        'max-body-bytes': MaxBodyBytes,
        'idempotent-mark': IdempotentMark,
        'response-timeout': ResponseTimeout,
        'encoded-string-schema': EncodedStringSchema,
        'client-default-valid': ClientDefaultValid,
        'pattern-described': PatternDescribed,
        'response-header-schema': ResponseHeaderSchema,
        'signing-scheme': SigningScheme,
      },
    },
  };
}
