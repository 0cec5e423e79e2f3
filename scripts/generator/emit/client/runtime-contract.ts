// The runtime contract: the descriptor types that generated/client.gen.ts shares with any runtime
// that interprets it (packages/client's). The generator copies everything below this comment into
// client.gen.ts as it is, right after the schema import (runtime-contract-text.ts), so it is
// TypeScript checked like any other source here (`npm run typecheck`), and the emitter builds its
// descriptors against these types (descriptors.ts). It must stand alone: no imports.

/** An HTTP method an operation can use. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** How one parameter travels: its wire name, location and the input property that carries it. */
export interface ParameterDescriptor {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly input: string;
  /** Absent when not required. */
  readonly required?: boolean;
  /** The client options may supply it for every call. */
  readonly clientDefault?: boolean;
  /** Sent when the caller gives no value (`x-ms-client-default`). */
  readonly sentByDefault?: string | number | boolean;
  /** Constraints a runtime checks before sending. */
  readonly rules?: ValueRules;
}

/** JSON Schema value constraints, with the spec's words for the pattern (`x-pattern-description`). */
export interface ValueRules {
  /** The value's type when it is not a string. */
  readonly type?: 'integer' | 'number' | 'boolean';
  readonly enum?: readonly (string | number | boolean)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly patternDescription?: string;
}

/** One documented successful answer: its status (`202`, `2XX`) and what its body must look like. */
export interface ResponseDescriptor {
  readonly status: string;
  readonly mediaType?: string;
  /** The top-level JSON type of the body's schema, when the spec states one. */
  readonly schemaType?: string;
  /** Every media type the spec lists for this answer, when it lists more than one. */
  readonly mediaTypes?: readonly string[];
  /** Top-level properties a success body must have. */
  readonly required?: readonly string[];
  /** The response headers the spec documents for this answer. */
  readonly headers?: readonly ResponseHeaderDescriptor[];
}

/**
 * A documented response header and how to decode it: `contentEncoding` (`base64`) and
 * `contentMediaType` (`application/json`) as JSON Schema uses them, `type` for a scalar that is
 * not a string.
 */
export interface ResponseHeaderDescriptor {
  /** The wire name. */
  readonly name: string;
  /** The property that carries the decoded value (`x-ms-client-name`, or the camelCase wire name). */
  readonly output: string;
  readonly type?: 'integer' | 'number' | 'boolean';
  readonly enum?: readonly (string | number | boolean)[];
  readonly contentEncoding?: string;
  readonly contentMediaType?: string;
}

/** Everything a runtime needs to send one operation and read its answer. */
export interface OperationDescriptor {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly parameters: readonly ParameterDescriptor[];
  readonly requestBody?: {
    readonly mediaType: string;
    /** Absent when not required. */
    readonly required?: boolean;
    /** Whether the runtime serializes the body as JSON. */
    readonly json: boolean;
    /** The top-level JSON type of the body's schema, when the spec states one. */
    readonly schemaType?: string;
    /** The largest body, in bytes of what is sent, accepted before sending (`x-max-body-bytes`). */
    readonly maxBytes?: number;
    /** For an object body: the top-level properties checked before sending. */
    readonly fields?: readonly BodyFieldDescriptor[];
  };
  /** The successful answers the spec documents (2xx and 2XX). */
  readonly responses: readonly ResponseDescriptor[];
  /** Alternatives, each a list of security scheme names that must all be satisfied. */
  readonly security: readonly (readonly string[])[];
  /** The request headers a token fills (header API keys of the first alternative that has only those); absent when none. */
  readonly tokenHeaders?: readonly string[];
  /** How requests are signed with an access key pair: the first alternative that is one signing scheme, by name, with its `x-signing`; absent when none. */
  readonly signing?: SigningDescriptor & { readonly scheme: string };
  /** Safe to repeat: an idempotent HTTP method, or `x-idempotent: true` on a POST. */
  readonly idempotent?: boolean;
  /** The longest the server may take to answer (`x-response-timeout-ms`). */
  readonly responseTimeoutMs?: number;
  readonly deprecated?: boolean;
  /** What to tell a caller of a deprecated operation, naming its successor when the spec does. */
  readonly deprecation?: string;
  /** How the pages of a list operation chain (`x-paging`); absent for any other operation. */
  readonly paging?: PagingDescriptor;
}

/**
 * A top-level property of an object body, checked before sending: present when `required`, and of
 * its scalar `type` (`null` only when `nullable`) within `rules` when given.
 */
export interface BodyFieldDescriptor {
  readonly name: string;
  readonly required?: boolean;
  readonly type?: 'string' | 'integer' | 'number' | 'boolean';
  readonly nullable?: boolean;
  readonly rules?: ValueRules;
}

/** How a list operation pages: the inputs a paginator sets, by input name, and the answer fields it reads. */
export interface PagingDescriptor {
  /** The input that asks for a page. */
  readonly marker: string;
  /** The answer field holding the next page's marker. */
  readonly nextMarker: string;
  /** The answer field holding the page's items. */
  readonly items: string;
  /** The input that sets how many items a page holds. */
  readonly pageSize?: string;
  /** The answer field holding how many items match, in all. */
  readonly count?: string;
}

/** A security scheme, as far as a runtime needs to apply it. */
export type SecuritySchemeDescriptor =
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }
  | { readonly type: 'http'; readonly scheme: string; readonly signing?: SigningDescriptor }
  | { readonly type: 'oauth2' | 'openIdConnect' | 'mutualTLS' };

/** How to sign a request with an access key pair (`x-signing`): the algorithm and the headers it fills. */
export interface SigningDescriptor {
  readonly algorithm: string;
  readonly dateHeader: string;
  readonly securityTokenHeader?: string;
  readonly projectIdHeader?: string;
  /** The path parameter (wire name) whose value `projectIdHeader` carries. */
  readonly projectIdParameter?: string;
  /** The error code of a rejected signature. */
  readonly rejectionCode?: string;
  readonly clockSkewMinutes?: number;
}

/** A server URL template and its variables. */
export interface ServerDescriptor {
  readonly url: string;
  readonly variables: { readonly [name: string]: { readonly default: string; readonly enum?: readonly string[] } };
}

/** Every item of a list operation, page after page (`for await`), or its pages whole (`pages()`). */
export interface Paginated<TItem, TPage> extends AsyncIterable<TItem> {
  pages(): AsyncIterable<TPage>;
}

/** What a runtime does with a list operation: iterate its pages as its `paging` says. */
export type Paginate<TPageOptions> = (
  operation: OperationDescriptor,
  input: object,
  options: TPageOptions | undefined,
) => Paginated<unknown, unknown>;

/** What a runtime does with one call: send it as the descriptor says, resolve to the parsed body. */
export type Invoke<TCallOptions> = (
  operation: OperationDescriptor,
  input: object,
  options: TCallOptions | undefined,
) => Promise<unknown>;
