/**
 * The model: a small, typed view of what the client needs from an OpenAPI 3.0/3.1 document
 * (operations, parameters by location, bodies, responses by status, security, servers,
 * deprecation, docs). Emitters read only this, never the raw document.
 */
import { camelCase, deriveOperationName, pascalCase } from './naming.js';
import { SpecError, type SpecProblem } from './errors.js';
import { pointerKeys, valueAtKeys } from './json-pointer.js';
import { isObject, type Json } from './json.js';

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
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

export interface RequestBodyModel {
  required: boolean;
  mediaType: string;
  /** The top-level JSON type of the schema, when the spec states one. */
  schemaType?: string;
  description?: string;
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

/** A whole number above zero, as the `x-…` limits must be; anything else reads as absent. */
const positiveInteger = (value: unknown): number | undefined => (Number.isInteger(value) && (value as number) > 0 ? (value as number) : undefined);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Follows internal references (`#/components/...`), which is all a bundled document has. */
function createResolver(document: Json) {
  return function resolve(value: unknown, seen: string[] = []): unknown {
    if (!isObject(value) || typeof value.$ref !== 'string') return value;
    const ref = value.$ref;
    if (!ref.startsWith('#/')) throw new SpecError([{ message: `external $ref left after bundling: ${ref}` }]);
    if (seen.includes(ref)) throw new SpecError([{ message: `$ref cycle: ${[...seen, ref].join(' → ')}` }]);
    const target = valueAtKeys(document, pointerKeys(ref));
    if (target === undefined) throw new SpecError([{ message: `dangling $ref after bundling: ${ref}` }]);
    return resolve(target, [...seen, ref]);
  };
}

const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json(?:;.*)?$/i;

/** JSON first (the client serializes it), then whatever the spec lists first. */
export function pickMediaType(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  return types.find((type) => /^application\/json$/i.test(type)) ?? types.find((type) => jsonMediaType.test(type)) ?? types[0];
}

export function isJsonMediaType(mediaType: string): boolean {
  return jsonMediaType.test(mediaType);
}

/** RFC 9110 §9.2.2: methods whose repetition has the effect of one request. */
const idempotentMethods = new Set<HttpMethod>(['get', 'head', 'put', 'delete', 'options', 'trace']);

const locationOrder: Record<ParameterLocation, number> = { path: 0, query: 1, header: 2, cookie: 3 };

function collectParameters(
  resolve: (value: unknown) => unknown,
  pathLevel: unknown,
  operationLevel: unknown,
  path: string,
): ParameterModel[] {
  // Operation-level parameters override path-level ones with the same name and location.
  const byKey = new Map<string, Json>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = resolve(entry);
      if (!isObject(parameter) || typeof parameter.name !== 'string') continue;
      byKey.set(`${String(parameter.in)}:${parameter.name}`, parameter);
    }
  }
  const templateOrder = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const parameters = [...byKey.values()].map((parameter): ParameterModel => {
    const schema = resolve(parameter.schema);
    return {
      name: parameter.name as string,
      in: parameter.in as ParameterLocation,
      inputName: clientName(parameter) ?? camelCase(parameter.name as string),
      required: parameter.in === 'path' || parameter.required === true,
      description: text(parameter.description),
      deprecated: parameter.deprecated === true,
      clientDefault: parameter['x-client-default'] === true,
      sentByDefault: scalar(parameter['x-ms-client-default']),
      rules: collectValueRules(schema),
    };
  });
  parameters.sort(
    (a, b) =>
      locationOrder[a.in] - locationOrder[b.in] ||
      (a.in === 'path' ? templateOrder.indexOf(a.name) - templateOrder.indexOf(b.name) : 0),
  );
  // Two parameters may share a camelCase name (`id` in path and query); the later gets its location as a prefix.
  // A name the spec chose (`x-ms-client-name`) is never changed: a clash there is the spec's to fix.
  const taken = new Set(['body']);
  const explicit = new Set([...byKey.values()].map(clientName).filter((name): name is string => name !== undefined));
  for (const parameter of parameters) {
    if (taken.has(parameter.inputName)) {
      if (explicit.has(parameter.inputName)) {
        throw new SpecError([{ message: `${path}: two parameters take the client name "${parameter.inputName}" (x-ms-client-name); give them different names` }]);
      }
      parameter.inputName = camelCase(`${parameter.in} ${parameter.name}`);
    }
    taken.add(parameter.inputName);
  }
  return parameters;
}

/** `x-ms-client-name` (AutoRest): the name a client gives a parameter or header instead of its wire name. */
function clientName(object: Json): string | undefined {
  const name = object['x-ms-client-name'];
  return typeof name === 'string' && /^[A-Za-z_$][\w$]*$/.test(name) ? name : undefined;
}

function scalar(value: unknown): string | number | boolean | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** The schema's scalar `enum` members; undefined when it lists none. */
function scalarEnum(schema: Json): (string | number | boolean)[] | undefined {
  const values = Array.isArray(schema.enum) ? schema.enum.map(scalar).filter((value) => value !== undefined) : [];
  return values.length > 0 ? values : undefined;
}

/** The schema's one scalar type (`type: [integer, 'null']` counts as integer); undefined for anything else. */
function scalarType(schema: Json): ScalarType | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type) => type !== 'null');
  const [type] = types;
  return types.length === 1 && ['string', 'integer', 'number', 'boolean'].includes(type as string) ? (type as ScalarType) : undefined;
}

/** Checks a client can make on a scalar value before sending: type, enum, range, lengths and pattern. */
function collectValueRules(schema: unknown): ValueRulesModel | undefined {
  if (!isObject(schema)) return undefined;
  const type = scalarType(schema);
  if (schema.type !== undefined && type === undefined) return undefined;
  const count = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined);
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const numeric = type === 'integer' || type === 'number';
  const textual = type === undefined || type === 'string';
  const rules: ValueRulesModel = {
    type: type === 'string' ? undefined : type,
    enum: scalarEnum(schema),
    minimum: numeric ? number(schema.minimum) : undefined,
    maximum: numeric ? number(schema.maximum) : undefined,
    // 3.0 writes exclusiveMinimum as a boolean beside minimum; 3.1 as the bound itself.
    exclusiveMinimum: numeric ? number(schema.exclusiveMinimum) ?? (schema.exclusiveMinimum === true ? number(schema.minimum) : undefined) : undefined,
    exclusiveMaximum: numeric ? number(schema.exclusiveMaximum) ?? (schema.exclusiveMaximum === true ? number(schema.maximum) : undefined) : undefined,
    minLength: textual ? count(schema.minLength) : undefined,
    maxLength: textual ? count(schema.maxLength) : undefined,
    pattern: textual && typeof schema.pattern === 'string' ? schema.pattern : undefined,
    patternDescription: textual ? text(schema['x-pattern-description']) : undefined,
  };
  if (schema.exclusiveMinimum === true) rules.minimum = undefined;
  if (schema.exclusiveMaximum === true) rules.maximum = undefined;
  return Object.values(rules).some((value) => value !== undefined) ? rules : undefined;
}

function collectRequestBody(resolve: (value: unknown) => unknown, raw: unknown): RequestBodyModel | undefined {
  const body = resolve(raw);
  if (!isObject(body)) return undefined;
  const mediaType = pickMediaType(body.content);
  if (!mediaType) return undefined;
  const schema = resolve((body.content as Json)[mediaType] && ((body.content as Json)[mediaType] as Json).schema);
  const schemaType = isObject(schema) && typeof schema.type === 'string' ? schema.type : undefined;
  const maxBytes = body['x-max-body-bytes'];
  return {
    required: body.required === true,
    mediaType,
    schemaType,
    description: text(body.description),
    maxBytes: positiveInteger(maxBytes),
  };
}

/** A schema with every reference inside it followed (to a bounded depth), for emitters that type it inline. */
function resolveDeep(resolve: (value: unknown) => unknown, value: unknown, depth = 0): unknown {
  const resolved = resolve(value);
  if (depth > 16) return {};
  if (Array.isArray(resolved)) return resolved.map((item) => resolveDeep(resolve, item, depth + 1));
  if (!isObject(resolved)) return resolved;
  return Object.fromEntries(Object.entries(resolved).map(([key, item]) => [key, resolveDeep(resolve, item, depth + 1)]));
}

/** A Response Object's `headers`, each with its schema's type, enum and encoding keywords. */
function collectResponseHeaders(resolve: (value: unknown) => unknown, raw: unknown): ResponseHeaderModel[] {
  if (!isObject(raw)) return [];
  return Object.keys(raw)
    // Content-Type is described by `content`, and OpenAPI says to ignore it here.
    .filter((name) => name.toLowerCase() !== 'content-type')
    .flatMap((name): ResponseHeaderModel[] => {
      const header = resolve(raw[name]);
      if (!isObject(header)) return [];
      const schema = resolveDeep(resolve, header.schema);
      const json = isObject(schema) ? schema : {};
      return [
        {
          name,
          outputName: clientName(header) ?? camelCase(name),
          description: text(header.description),
          required: header.required === true,
          type: scalarType(json),
          enum: scalarEnum(json),
          contentEncoding: text(json.contentEncoding),
          contentMediaType: text(json.contentMediaType),
          schema: isObject(schema) ? schema : undefined,
        },
      ];
    });
}

function statusOrder(status: string): number {
  if (status === 'default') return 1000;
  // A range (`4XX`) sorts after every exact code it covers.
  const numeric = Number.parseInt(status.replace(/X/gi, '9'), 10);
  return Number.isNaN(numeric) ? 999 : numeric + (/X/i.test(status) ? 0.5 : 0);
}

function collectResponses(resolve: (value: unknown) => unknown, raw: unknown): ResponseModel[] {
  if (!isObject(raw)) return [];
  return Object.keys(raw)
    .sort((a, b) => statusOrder(a) - statusOrder(b))
    .map((status) => {
      const response = resolve(raw[status]);
      const content = isObject(response) ? response.content : undefined;
      const mediaType = pickMediaType(content);
      const schema = mediaType && isObject(content) && isObject(content[mediaType]) ? resolve((content[mediaType] as Json).schema) : undefined;
      const required = isObject(schema) && Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : [];
      return {
        status,
        description: isObject(response) ? text(response.description) : undefined,
        mediaType,
        schemaType: isObject(schema) && typeof schema.type === 'string' ? schema.type : undefined,
        requiredProperties: required.length > 0 ? required : undefined,
        mediaTypes: isObject(content) && Object.keys(content).length > 1 ? Object.keys(content) : undefined,
        headers: isObject(response) ? collectResponseHeaders(resolve, response.headers) : [],
      };
    });
}

function collectSecurity(raw: unknown): string[][] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isObject).map((requirement) => Object.keys(requirement).sort());
}

function collectSuccessor(raw: unknown): SuccessorModel | undefined {
  if (!isObject(raw)) return undefined;
  return { operationId: text(raw.operationId), method: text(raw.method), path: text(raw.path) };
}

function collectServers(raw: unknown): ServerModel[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((server) => ({
    url: String(server.url),
    description: text(server.description),
    variables: Object.entries(isObject(server.variables) ? server.variables : {})
      .filter((entry): entry is [string, Json] => isObject(entry[1]))
      .map(([name, variable]) => ({
        name,
        default: String(variable.default),
        enum: Array.isArray(variable.enum) ? variable.enum.map(String) : undefined,
        description: text(variable.description),
      })),
  }));
}

function collectSecuritySchemes(resolve: (value: unknown) => unknown, raw: unknown): SecuritySchemeModel[] {
  if (!isObject(raw)) return [];
  return Object.keys(raw)
    .sort()
    .flatMap((name): SecuritySchemeModel[] => {
      const scheme = resolve(raw[name]);
      if (!isObject(scheme)) return [];
      const description = text(scheme.description);
      if (scheme.type === 'apiKey') {
        return [{ name, type: 'apiKey', in: scheme.in as 'header' | 'query' | 'cookie', parameterName: String(scheme.name), description }];
      }
      if (scheme.type === 'http') {
        return [{ name, type: 'http', scheme: String(scheme.scheme).toLowerCase(), description, signing: collectSigning(scheme['x-signing']) }];
      }
      return [{ name, type: scheme.type as 'oauth2' | 'openIdConnect' | 'mutualTLS', description }];
    });
}

/** `x-signing`, as far as it is well formed (the lint rule `signing-scheme` reports the rest). */
function collectSigning(raw: unknown): SigningModel | undefined {
  if (!isObject(raw) || typeof raw.algorithm !== 'string' || typeof raw.dateHeader !== 'string') return undefined;
  const optional = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  return {
    algorithm: raw.algorithm,
    dateHeader: raw.dateHeader,
    securityTokenHeader: optional('securityTokenHeader'),
    projectIdHeader: optional('projectIdHeader'),
    projectIdParameter: optional('projectIdParameter'),
    rejectionCode: optional('rejectionCode'),
    clockSkewMinutes: positiveInteger(raw.clockSkewMinutes),
  };
}

/** Every `x-error-codes` list in the document, merged by code (first description wins). */
function collectErrorCodes(document: Json): ErrorCodeModel[] {
  const byCode = new Map<string, ErrorCodeModel>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const list = node['x-error-codes'];
    if (Array.isArray(list)) {
      for (const entry of list) {
        if (!isObject(entry) || typeof entry.code !== 'string' || byCode.has(entry.code)) continue;
        byCode.set(entry.code, {
          code: entry.code,
          status: typeof entry.status === 'number' ? entry.status : undefined,
          description: text(entry.description),
        });
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'x-error-codes') visit(value);
  };
  visit(document);
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The first schema with a property carrying `x-error-codes`: that property is the code, a sibling marked `x-error-message` the message. */
function collectErrorFields(document: Json): ErrorFieldsModel | undefined {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const name of Object.keys(schemas).sort()) {
    const schema = schemas[name];
    const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
    const code = Object.keys(properties).find((key) => isObject(properties[key]) && Array.isArray((properties[key] as Json)['x-error-codes']));
    if (!code) continue;
    const message = Object.keys(properties).find((key) => isObject(properties[key]) && (properties[key] as Json)['x-error-message'] === true);
    return { code, message };
  }
  return undefined;
}

export function collectOperations(document: Json): { operations: OperationModel[]; warnings: string[] } {
  const resolve = createResolver(document);
  const warnings: string[] = [];
  const operations: OperationModel[] = [];
  const rootSecurity = collectSecurity(document.security) ?? [];
  const paths = isObject(document.paths) ? document.paths : {};

  for (const path of Object.keys(paths)) {
    const pathItem = resolve(paths[path]);
    if (!isObject(pathItem)) continue;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const specId = text(operation.operationId);
      const operationId = specId ?? deriveOperationName(method, path);
      if (!specId) {
        warnings.push(`${method.toUpperCase()} ${path} has no operationId; named it "${operationId}" from its method and path`);
      }
      operations.push({
        operationId,
        idSource: specId ? 'spec' : 'derived',
        methodName: camelCase(operationId),
        typeName: pascalCase(operationId),
        method,
        path,
        summary: text(operation.summary),
        description: text(operation.description),
        tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
        deprecated: operation.deprecated === true,
        successor: collectSuccessor(operation['x-successor']),
        externalDocs:
          isObject(operation.externalDocs) && typeof operation.externalDocs.url === 'string'
            ? { url: operation.externalDocs.url, description: text(operation.externalDocs.description) }
            : undefined,
        parameters: collectParameters(resolve, pathItem.parameters, operation.parameters, path),
        requestBody: collectRequestBody(resolve, operation.requestBody),
        responses: collectResponses(resolve, operation.responses),
        security: collectSecurity(operation.security) ?? rootSecurity,
        idempotent: idempotentMethods.has(method) || operation['x-idempotent'] === true,
        responseTimeoutMs: positiveInteger(operation['x-response-timeout-ms']),
      });
    }
  }
  assertUniqueNames(operations);
  return { operations, warnings };
}

/** Different operationIds can still collide once made into identifiers (`get-pet`, `getPet`). */
function assertUniqueNames(operations: OperationModel[]): void {
  const seen = new Map<string, OperationModel>();
  const problems: SpecProblem[] = [];
  for (const operation of operations) {
    const clash = seen.get(operation.methodName);
    if (clash) {
      problems.push({
        message: `operations ${clash.method.toUpperCase()} ${clash.path} ("${clash.operationId}") and ${operation.method.toUpperCase()} ${operation.path} ("${operation.operationId}") both become the method name "${operation.methodName}"; give one a different operationId`,
      });
    }
    seen.set(operation.methodName, operation);
  }
  if (problems.length > 0) throw new SpecError(problems);
}

export function buildModel(document: Json): ApiModel {
  const info = isObject(document.info) ? document.info : {};
  const components = isObject(document.components) ? document.components : {};
  const resolve = createResolver(document);
  const { operations, warnings } = collectOperations(document);
  return {
    title: text(info.title) ?? 'API',
    version: text(info.version) ?? '0.0.0',
    servers: collectServers(document.servers),
    securitySchemes: collectSecuritySchemes(resolve, components.securitySchemes),
    operations,
    errorCodes: collectErrorCodes(document),
    errorFields: collectErrorFields(document),
    warnings,
  };
}
