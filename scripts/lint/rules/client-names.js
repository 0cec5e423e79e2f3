// conventions/client-names: `x-ms-client-name` values are camelCase identifiers, and no two inputs
// of an operation (or headers of a response) end up with one client name.

import { camelCase, reservedWords } from '../../shared/camel-case.js';
import { isObject, resolveIfRef } from '../nodes.js';

const CAMEL_CASE_IDENTIFIER = /^[a-z][A-Za-z0-9]*$/;

/**
 * `x-ms-client-name` (AutoRest's extension) names a parameter in the client's input object, or a
 * response header in its output. The name must be a camelCase identifier, and two inputs of one
 * operation (path-level and operation-level parameters, and `body` when there is a request body)
 * must not end up with one name: the generator would have to rename one behind the author's back.
 * The same holds for the headers of one response. Only clashes that involve an explicit name are
 * reported; two default names that clash are the generator's documented business.
 */
export function ClientNames() {
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

// One input or header with its effective name; none when its explicit name is malformed (reported
// on its own). Without `x-ms-client-name`, the name is the generator's default: the camelCase of
// the wire name (`project_id` → `projectId`, `X-Cff-Log-Type` → `xCffLogType`), from the one rule
// both use.
function entryOf(node, location, wireName, label) {
  const explicit = Object.hasOwn(node, 'x-ms-client-name');
  const name = node['x-ms-client-name'];
  if (explicit && (typeof name !== 'string' || !CAMEL_CASE_IDENTIFIER.test(name))) return [];
  return [{
    clientName: explicit ? name : camelCase(wireName),
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
