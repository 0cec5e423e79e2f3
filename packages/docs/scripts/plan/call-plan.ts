/**
 * Stage 2: one example call per operation. The operation's descriptor (from the client) says what
 * the call takes and how it authenticates; the spec gives the values: parameter and body examples,
 * the server, the summary, the successor of a deprecated operation. Both samples (TypeScript and
 * curl) are printed from the plan, so they always show the same call.
 */

import type { OperationDescriptor, ParameterDescriptor } from '../read/client-api.js';
import { exampleOf, isObject, resolveRef, type Json, type JsonObject } from '../read/spec-values.js';

/** A parameter the sample passes (or that the client sends anyway), with its value. */
export type PlannedParameter = ParameterDescriptor & { readonly value: Json };

export interface CallPlan {
  readonly operation: OperationDescriptor;
  readonly summary: string | undefined;
  /** What a caller of a deprecated operation is told; undefined when it is not deprecated. */
  readonly deprecation: string | undefined;
  readonly server: PlannedServer;
  readonly parameters: readonly PlannedParameter[];
  readonly body: { readonly mediaType: string; readonly value: Json } | undefined;
  /**
   * Whether a successful answer has a body worth reading (not the JSON `null` alone), a top-level
   * property of it worth printing, and the spec's example of it.
   */
  readonly result: { readonly property: string | undefined; readonly example: Json | undefined } | undefined;
  /** The operation a deprecated one names as its successor (`x-successor`), as the spec has it. */
  readonly successor: { readonly operationId: string; readonly method: string; readonly path: string } | undefined;
}

export interface PlannedServer {
  /** The first server's URL with every variable at its default. */
  readonly url: string;
  /** Server variables and their defaults, in the order the URL names them. */
  readonly variables: readonly (readonly [string, string])[];
}

/** The spec's Operation Object of a descriptor, and the Path Item holding it. */
export function specOperation(document: JsonObject, operation: OperationDescriptor): { item: JsonObject; spec: JsonObject } {
  const item = resolveRef(document, (document.paths as JsonObject | undefined)?.[operation.path]);
  const spec = isObject(item) ? item[operation.method] : undefined;
  if (!isObject(item) || !isObject(spec)) {
    throw new Error(`${operation.id}: ${operation.method.toUpperCase()} ${operation.path} is not in the spec: generated/ is out of date (npm run generate)`);
  }
  return { item, spec };
}

export function planCall(document: JsonObject, operation: OperationDescriptor): CallPlan {
  const { item, spec } = specOperation(document, operation);
  return {
    operation,
    summary: typeof spec.summary === 'string' ? spec.summary : undefined,
    deprecation: operation.deprecated ? (operation.deprecation ?? `${operation.id} is deprecated.`) : undefined,
    server: firstServer(document, item, spec),
    parameters: plannedParameters(document, operation, item, spec),
    body: plannedBody(document, operation, spec),
    result: plannedResult(document, operation, spec),
    successor: successorOf(operation, spec),
  };
}

/**
 * The required parameters, and the optional ones the spec gives an example of their own or the
 * client sends anyway (the curl sample shows what the client sends).
 */
function plannedParameters(document: JsonObject, operation: OperationDescriptor, item: JsonObject, spec: JsonObject): PlannedParameter[] {
  // Operation-level parameters come last, so they win over path-level ones of the same name.
  const declared = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(spec.parameters) ? spec.parameters : [])]
    .map((p) => resolveRef(document, p))
    .filter(isObject)
    .reverse();
  const planned: PlannedParameter[] = [];
  for (const parameter of operation.parameters) {
    const own = declared.find((p) => p.name === parameter.name && p.in === parameter.in);
    const stated = own && (own.example !== undefined || own.examples !== undefined);
    if (!parameter.required && !stated && parameter.sentByDefault === undefined) continue;
    const value = (stated ? exampleOf(document, own) : undefined) ?? parameter.sentByDefault ??
      (own && exampleOf(document, own)) ?? parameter.name;
    planned.push({ ...parameter, value });
  }
  return planned;
}

function plannedBody(document: JsonObject, operation: OperationDescriptor, spec: JsonObject): CallPlan['body'] {
  if (!operation.requestBody) return undefined;
  const { mediaType } = operation.requestBody;
  const media = mediaOf(document, spec.requestBody, mediaType);
  return { mediaType, value: (media && exampleOf(document, media)) ?? {} };
}

function plannedResult(document: JsonObject, operation: OperationDescriptor, spec: JsonObject): CallPlan['result'] {
  const success = operation.responses.find((r) => /^2\d\d$/.test(r.status)) ?? operation.responses.find((r) => /^2XX$/i.test(r.status));
  // An answer whose schema is `null` carries nothing to read: the sample awaits it.
  if (!success?.mediaType || success.schemaType === 'null') return undefined;
  const responses = isObject(spec.responses) ? spec.responses : {};
  const media = mediaOf(document, responses[success.status], success.mediaType);
  const example = media ? exampleOf(document, media) : undefined;
  const property = isObject(example) ? Object.keys(example).find((key) => /^[A-Za-z_$][\w$]*$/.test(key)) : undefined;
  return { property, example };
}

/** The Media Type Object of a request body or response (either possibly a `$ref`). */
function mediaOf(document: JsonObject, holder: Json | undefined, mediaType: string): JsonObject | undefined {
  const resolved = resolveRef(document, holder);
  const media = isObject(resolved) && isObject(resolved.content) ? resolveRef(document, resolved.content[mediaType]) : undefined;
  return isObject(media) ? media : undefined;
}

function successorOf(operation: OperationDescriptor, spec: JsonObject): CallPlan['successor'] {
  const declared = spec['x-successor'];
  if (!operation.deprecated || !isObject(declared) || typeof declared.operationId !== 'string') return undefined;
  return {
    operationId: declared.operationId,
    method: typeof declared.method === 'string' ? declared.method : '',
    path: typeof declared.path === 'string' ? declared.path : '',
  };
}

/** The first server that applies (the operation's, its path's, the document's), variables at their defaults. */
function firstServer(document: JsonObject, item: JsonObject, spec: JsonObject): PlannedServer {
  const servers = [spec.servers, item.servers, document.servers].find((s): s is Json[] => Array.isArray(s) && s.length > 0);
  const server = servers?.[0];
  const template = isObject(server) && typeof server.url === 'string' ? server.url : '';
  const declared = isObject(server) && isObject(server.variables) ? server.variables : {};
  const variables: [string, string][] = [];
  const url = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = declared[name];
    const value = isObject(variable) && typeof variable.default === 'string' ? variable.default : name;
    variables.push([name, value]);
    return value;
  });
  return { url, variables };
}
