/**
 * The model: a small, typed view of what a client needs from an OpenAPI 3.0/3.1 document
 * (operations, parameters by location, bodies, responses by status, security, servers,
 * deprecation, docs). The emitters read only this, never the raw document; build-model.ts builds
 * it, one module per part of the document beside it.
 */
import type { httpMethods } from '../../shared/http-methods.js';

/** An HTTP method an operation can use: the runtime contract's `HttpMethod`. */
export type HttpMethod = (typeof httpMethods)[number];
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  /** The property name in the method's input object. */
  inputName: string;
  required: boolean;
  description?: string;
  deprecated: boolean;
  /** `x-client-default: true`: the client options may supply it for every call. */
  clientDefault: boolean;
  /** `x-ms-client-default`: the value the client sends when the caller gives none (AutoRest's meaning). */
  sentByDefault?: string | number | boolean;
  /** The constraints of the parameter's value a client can check before sending. */
  rules?: ValueRulesModel;
}

/** A scalar JSON Schema type a parameter or header value can have. */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';

/** JSON Schema value constraints worth checking before a request, plus the spec's words for the pattern. */
export interface ValueRulesModel {
  /** The schema's scalar type when it is not a string (a string needs no conversion). */
  type?: Exclude<ScalarType, 'string'>;
  enum?: (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** `x-pattern-description`: the pattern in words, for error messages. */
  patternDescription?: string;
}

/** A top-level property of an object body that a client can check before sending. */
export interface BodyFieldModel {
  name: string;
  required: boolean;
  /** The property's one scalar JSON type; absent for any other schema (only presence is checked). */
  type?: ScalarType;
  /** Whether the schema also allows `null` (`type: [integer, 'null']`). */
  nullable: boolean;
  rules?: ValueRulesModel;
}

export interface RequestBodyModel {
  required: boolean;
  mediaType: string;
  /** The top-level JSON type of the schema, when the spec states one. */
  schemaType?: string;
  /** For an object body: the required properties and those with a scalar type, in the spec's order. */
  fields?: BodyFieldModel[];
  description?: string;
  /** The description of the body's schema, for when the body itself has none. */
  schemaDescription?: string;
  /** For an object body: each top-level property's schema description, by property name, in the spec's order. */
  propertyDescriptions?: Record<string, string>;
  /** `x-max-body-bytes`: the largest body, in bytes of what is sent, a client accepts before sending. */
  maxBytes?: number;
}

/**
 * A documented response header. Encoded values use JSON Schema's words in its schema:
 * `contentEncoding: base64` (text sent as Base64) and `contentMediaType: application/json`
 * (a JSON document, its shape in `contentSchema`).
 */
export interface ResponseHeaderModel {
  /** The wire name, as the spec writes it. */
  name: string;
  /** `x-ms-client-name`, or the camelCase of the wire name. */
  outputName: string;
  description?: string;
  required: boolean;
  type?: ScalarType;
  enum?: (string | number | boolean)[];
  contentEncoding?: string;
  contentMediaType?: string;
  /** The header's schema (resolved), for typing its decoded value. */
  schema?: unknown;
}

export interface ResponseModel {
  /** `200`, `4XX` or `default`, as in the spec. */
  status: string;
  description?: string;
  /** The media type the generator types the body by; absent for a response without a body. */
  mediaType?: string;
  /** The top-level JSON type of the body's schema, when the spec states one. */
  schemaType?: string;
  /** Top-level properties the body's schema requires. */
  requiredProperties?: string[];
  /** Every media type the response lists; a runtime may meet any of them. */
  mediaTypes?: string[];
  /** Response headers the spec documents, in the spec's order. */
  headers: ResponseHeaderModel[];
}

export interface SuccessorModel {
  operationId?: string;
  method?: string;
  path?: string;
}

export interface OperationModel {
  operationId: string;
  /** Whether `operationId` came from the spec or was derived from method and path. */
  idSource: 'spec' | 'derived';
  methodName: string;
  typeName: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  successor?: SuccessorModel;
  externalDocs?: { url: string; description?: string };
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  /** Alternatives, each a list of scheme names that must all be satisfied; `[]` means public. */
  security: string[][];
  /**
   * Safe to repeat: an idempotent HTTP method (GET, HEAD, PUT, DELETE, OPTIONS, TRACE), or
   * `x-idempotent: true` on the operation.
   */
  idempotent: boolean;
  /** `x-response-timeout-ms`: the longest the server may take to answer. */
  responseTimeoutMs?: number;
  /** `x-paging`: how the pages of a list operation chain. */
  paging?: PagingModel;
}

/**
 * `x-paging` on a list operation, with its parameters by input name (what a runtime sets) and its
 * answer fields by name (what a runtime reads).
 */
export interface PagingModel {
  /** Input name of the query parameter that asks for a page. */
  marker: string;
  /** Answer field holding the marker of the next page. */
  nextMarker: string;
  /** Answer field holding the page's items (an array). */
  items: string;
  /** Input name of the query parameter that sets how many items a page holds. */
  pageSize?: string;
  /** Answer field holding how many items match, in all. */
  count?: string;
}

export type SecuritySchemeModel =
  | { name: string; type: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameterName: string; description?: string }
  | { name: string; type: 'http'; scheme: string; description?: string; signing?: SigningModel }
  | { name: string; type: 'oauth2' | 'openIdConnect' | 'mutualTLS'; description?: string };

/** `x-signing` on an `http` security scheme: how a client signs a request itself (AK/SK). */
export interface SigningModel {
  /** The algorithm, also the first word of the `Authorization` header (`SDK-HMAC-SHA256`). */
  algorithm: string;
  /** The header that carries the signing time, itself signed. */
  dateHeader: string;
  /** The header that carries a temporary credential's security token, when the credentials have one. */
  securityTokenHeader?: string;
  /** A header that repeats a path parameter (the project), and that parameter's wire name. */
  projectIdHeader?: string;
  projectIdParameter?: string;
  /** The error code a server answers when it rejects a signature. */
  rejectionCode?: string;
  /** How far the date may be from the server's clock. */
  clockSkewMinutes?: number;
}

export interface ServerVariableModel {
  name: string;
  default: string;
  enum?: string[];
  description?: string;
}

export interface ServerModel {
  url: string;
  description?: string;
  variables: ServerVariableModel[];
}

export interface ErrorCodeModel {
  code: string;
  status?: number;
  description?: string;
}

/** Where the error body keeps its machine code and its message, marked in the spec by `x-error-codes` and `x-error-message`. */
export interface ErrorFieldsModel {
  code: string;
  message?: string;
}

export interface ApiModel {
  title: string;
  version: string;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  operations: OperationModel[];
  errorCodes: ErrorCodeModel[];
  errorFields?: ErrorFieldsModel;
  /** Things the maintainer should know that do not stop generation. */
  warnings: string[];
}
