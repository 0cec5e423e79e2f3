/**
 * The model: a small, typed view of what the client needs from an OpenAPI 3.0/3.1 document
 * (operations, parameters by location, bodies, responses by status, security, servers,
 * deprecation, docs). Emitters read only this, never the raw document.
 */
import { camelCase, deriveOperationName, pascalCase } from './naming.js';
import { SpecError, type SpecProblem } from './errors.js';

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
  /** The constraints of a string parameter a client can check before sending. */
  rules?: ValueRulesModel;
}

/** JSON Schema string constraints worth checking before a request, plus the spec's words for the pattern. */
export interface ValueRulesModel {
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
}

export type SecuritySchemeModel =
  | { name: string; type: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameterName: string; description?: string }
  | { name: string; type: 'http'; scheme: string; description?: string }
  | { name: string; type: 'oauth2' | 'openIdConnect' | 'mutualTLS'; description?: string };

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

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
    let target: unknown = document;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) || Array.isArray(target) ? (target as Json)[key] : undefined;
    }
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
  const parameters = [...byKey.values()].map(
    (parameter): ParameterModel => ({
      name: parameter.name as string,
      in: parameter.in as ParameterLocation,
      inputName: camelCase(parameter.name as string),
      required: parameter.in === 'path' || parameter.required === true,
      description: text(parameter.description),
      deprecated: parameter.deprecated === true,
      clientDefault: parameter['x-client-default'] === true,
      rules: collectValueRules(resolve(parameter.schema)),
    }),
  );
  parameters.sort(
    (a, b) =>
      locationOrder[a.in] - locationOrder[b.in] ||
      (a.in === 'path' ? templateOrder.indexOf(a.name) - templateOrder.indexOf(b.name) : 0),
  );
  // Two parameters may share a camelCase name (`id` in path and query); the later gets its location as a prefix.
  const taken = new Set(['body']);
  for (const parameter of parameters) {
    if (taken.has(parameter.inputName)) parameter.inputName = camelCase(`${parameter.in} ${parameter.name}`);
    taken.add(parameter.inputName);
  }
  return parameters;
}

function collectValueRules(schema: unknown): ValueRulesModel | undefined {
  if (!isObject(schema) || (schema.type !== undefined && schema.type !== 'string')) return undefined;
  const integer = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined);
  const rules: ValueRulesModel = {
    minLength: integer(schema.minLength),
    maxLength: integer(schema.maxLength),
    pattern: typeof schema.pattern === 'string' ? schema.pattern : undefined,
    patternDescription: text(schema['x-pattern-description']),
  };
  return Object.values(rules).some((value) => value !== undefined) ? rules : undefined;
}

function collectRequestBody(resolve: (value: unknown) => unknown, raw: unknown): RequestBodyModel | undefined {
  const body = resolve(raw);
  if (!isObject(body)) return undefined;
  const mediaType = pickMediaType(body.content);
  if (!mediaType) return undefined;
  const schema = resolve((body.content as Json)[mediaType] && ((body.content as Json)[mediaType] as Json).schema);
  const schemaType = isObject(schema) && typeof schema.type === 'string' ? schema.type : undefined;
  return { required: body.required === true, mediaType, schemaType, description: text(body.description) };
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
      if (scheme.type === 'http') return [{ name, type: 'http', scheme: String(scheme.scheme).toLowerCase(), description }];
      return [{ name, type: scheme.type as 'oauth2' | 'openIdConnect' | 'mutualTLS', description }];
    });
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
