// The HTTP methods, as OpenAPI writes them (lower case, the keys of a Path Item). Plain JavaScript,
// so the Redocly lint plugin can import them too (types: http-methods.d.ts). The client runtime's
// `HttpMethod` type (scripts/generator/emit/client/runtime-contract.ts) is the same set as
// `httpMethods`; test/shared/http-methods.test-d.ts holds them together.

/**
 * The methods an OpenAPI 3.0 or 3.1 Path Item holds an operation under, in the order the
 * specification lists its fields: every operation the generator reads uses one of them.
 */
export const httpMethods = Object.freeze(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * `httpMethods` and `query`, the field OpenAPI 3.2 adds to the Path Item: the methods a lint rule,
 * which reads any OpenAPI 3.x description, accepts.
 */
export const httpMethodsWithQuery = Object.freeze([...httpMethods, 'query']);

/**
 * The methods HTTP defines as idempotent (RFC 9110 §9.2.2): repeating one has the effect of one
 * request, so a client may retry it. A POST or PATCH is idempotent only when the spec marks it
 * (`x-idempotent: true`).
 */
export const idempotentMethods = Object.freeze(['get', 'head', 'put', 'delete', 'options', 'trace']);
