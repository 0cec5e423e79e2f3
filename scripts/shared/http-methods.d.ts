/** The methods an OpenAPI 3.0 or 3.1 Path Item holds an operation under, in the specification's order. */
export declare const httpMethods: readonly ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** `httpMethods` and `query`, the field OpenAPI 3.2 adds to the Path Item. */
export declare const httpMethodsWithQuery: readonly [...typeof httpMethods, 'query'];
/** The methods HTTP defines as idempotent (RFC 9110 §9.2.2). */
export declare const idempotentMethods: readonly (typeof httpMethods)[number][];
