// conventions/paging-declared: a list operation declares how it pages (`x-paging`), and the
// declaration names a query parameter and answer fields the operation has.

import { isNonEmptyString, isObject, resolveIfRef } from '../nodes.js';

/** Answer fields that carry the next page's marker, whatever an API calls them. */
const NEXT_MARKER_LIKE = /^next[_-]?(?:marker|token|cursor|page(?:[_-]?token)?)$/i;
const KEYS = ['marker', 'nextMarker', 'items', 'pageSize', 'count'];

/**
 * `x-paging` tells the generator how the pages of a list operation chain: `marker`, the query
 * parameter that asks for a page; `nextMarker`, the answer field holding the marker of the next
 * one; `items`, the answer's array of items; optionally `pageSize` (the query parameter that sets
 * how many items a page holds) and `count` (the answer field with the total). The client iterates
 * only what is declared, so an answer with an array and a next-marker-like field and no
 * declaration is a list operation left without paging; and a declaration naming a parameter or a
 * field the operation does not have would make a paginator that never turns a page.
 */
export function PagingDeclared() {
  return {
    PathItem: {
      Operation: {
        enter(operation, ctx, parents) {
          if (!isObject(operation)) return;
          const answer = successBody(operation, ctx);
          if (!Object.hasOwn(operation, 'x-paging')) {
            reportUndeclared(operation, answer, ctx);
            return;
          }
          const location = ctx.location.child(['x-paging']);
          const paging = operation['x-paging'];
          if (!isObject(paging)) {
            ctx.report({ message: `\`x-paging\` must be an object ({ marker, nextMarker, items, pageSize?, count? }); got ${JSON.stringify(paging)}.`, location });
            return;
          }
          const queries = queryParameterNames(parents?.PathItem, operation, ctx);
          for (const problem of pagingProblems(paging, queries, answer)) {
            ctx.report({ message: problem.message, location: problem.key ? location.child([problem.key]) : location.key() });
          }
        },
      },
    },
  };
}

function reportUndeclared(operation, answer, ctx) {
  if (!answer) return;
  const array = Object.keys(answer).find((name) => answer[name]?.type === 'array');
  const next = Object.keys(answer).find((name) => NEXT_MARKER_LIKE.test(name));
  if (array === undefined || next === undefined) return;
  const name = isNonEmptyString(operation.operationId) ? `\`${operation.operationId}\`` : 'This operation';
  ctx.report({
    message: `${name} answers a list (\`${array}\`) with a next marker (\`${next}\`) but declares no \`x-paging\`; declare its marker parameter, \`nextMarker\` and \`items\` so the client can iterate its pages.`,
    location: ctx.location.key(),
  });
}

/** Each problem of a declaration, with the key it is at (none: the declaration as a whole). */
function pagingProblems(paging, queries, answer) {
  const problems = [];
  for (const key of Object.keys(paging)) {
    if (!KEYS.includes(key)) problems.push({ key, message: `\`x-paging.${key}\` is not a paging key; the keys are ${KEYS.join(', ')}.` });
  }
  for (const key of ['marker', 'nextMarker', 'items']) {
    if (!Object.hasOwn(paging, key)) problems.push({ message: `\`x-paging\` needs \`${key}\`.` });
  }
  // The name a key holds, or none (a malformed one is reported here).
  const named = (key) => {
    if (!Object.hasOwn(paging, key)) return undefined;
    if (isNonEmptyString(paging[key])) return paging[key];
    const what = key === 'marker' || key === 'pageSize' ? 'a query parameter' : 'an answer field';
    problems.push({ key, message: `\`x-paging.${key}\` must name ${what}; got ${JSON.stringify(paging[key])}.` });
    return undefined;
  };
  for (const key of ['marker', 'pageSize']) {
    const name = named(key);
    if (name !== undefined && !queries.has(name)) {
      problems.push({ key, message: `\`x-paging.${key}\` names the query parameter \`${name}\`, which this operation does not have${queries.size > 0 ? ` (it has ${[...queries].map((q) => `\`${q}\``).join(', ')})` : ''}.` });
    }
  }
  const fieldKinds = { items: ['array'], nextMarker: ['string', 'integer', 'number'], count: ['integer', 'number'] };
  for (const [key, kinds] of Object.entries(fieldKinds)) {
    const name = named(key);
    if (name === undefined) continue;
    const field = answer?.[name];
    if (!field) {
      problems.push({ key, message: `\`x-paging.${key}\` names \`${name}\`, which the success answer's schema does not have${answer ? '' : ' (the operation has no JSON success answer with properties)'}.` });
    } else if (typeof field.type === 'string' && !kinds.includes(field.type)) {
      problems.push({ key, message: `\`x-paging.${key}\` names \`${name}\`, which is ${field.type === 'array' || field.type === 'integer' ? 'an' : 'a'} ${field.type}; it must be ${kinds.join(' or ')}.` });
    }
  }
  return problems;
}

/** The properties (resolved) of the JSON body of the operation's first 2xx answer, or none. */
function successBody(operation, ctx) {
  const responses = resolveIfRef(operation.responses, ctx.location.child(['responses']), ctx);
  if (!isObject(responses.node)) return undefined;
  const status = Object.keys(responses.node).find((code) => /^2/.test(code));
  if (status === undefined) return undefined;
  const response = resolveIfRef(responses.node[status], responses.location.child([status]), ctx);
  const content = isObject(response.node) && isObject(response.node.content) ? response.node.content : {};
  const mediaType = Object.keys(content).find((type) => /json/i.test(type));
  if (mediaType === undefined || !isObject(content[mediaType])) return undefined;
  const schema = resolveIfRef(content[mediaType].schema, response.location.child(['content', mediaType, 'schema']), ctx);
  if (!isObject(schema.node) || !isObject(schema.node.properties)) return undefined;
  const properties = {};
  for (const [name, raw] of Object.entries(schema.node.properties)) {
    const resolved = resolveIfRef(raw, schema.location.child(['properties', name]), ctx).node;
    if (isObject(resolved)) properties[name] = resolved;
  }
  return properties;
}

/** The wire names of the operation's query parameters, path-level ones included. */
function queryParameterNames(pathItem, operation, ctx) {
  const names = new Set();
  const lists = [
    [isObject(pathItem) ? pathItem.parameters : undefined, (ctx.parentLocations?.PathItem ?? ctx.location).child(['parameters'])],
    [operation.parameters, ctx.location.child(['parameters'])],
  ];
  for (const [list, base] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const { node } = resolveIfRef(raw, base.child([index]), ctx);
      if (isObject(node) && node.in === 'query' && typeof node.name === 'string') names.add(node.name);
    });
  }
  return names;
}
