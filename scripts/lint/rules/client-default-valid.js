// conventions/client-default-valid: `x-ms-client-default` is a value the parameter accepts, on a
// parameter a caller may leave out.

import { isObject, resolveIfRef } from '../nodes.js';

/**
 * `x-ms-client-default` is a value the client sends when the caller gives none, so it must be a
 * value the parameter accepts: of the schema's type and, when there is an enum, one of it. A
 * required parameter never lacks a value, so a client default there would never be used.
 */
export function ClientDefaultValid() {
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
