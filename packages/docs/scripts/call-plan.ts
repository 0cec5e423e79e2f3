/**
 * One example call per operation: which values go where, taken from the bundled spec and the
 * generated operation descriptors. Both code samples (TypeScript and curl) are printed from this,
 * so they always show the same call.
 */

import { exampleOf, isObject, resolveRef, type Json, type JsonObject } from './spec-values.js';

/** The part of a generated operation descriptor (generated/client.gen.ts) that samples need. */
export interface DescribedOperation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly {
    readonly name: string;
    readonly in: string;
    readonly input: string;
    readonly required?: boolean;
    readonly clientDefault?: boolean;
    /** What the client sends when the call gives nothing (`x-ms-client-default`). */
    readonly sentByDefault?: string | number | boolean;
  }[];
  readonly requestBody?: { readonly mediaType: string; readonly required?: boolean };
  readonly responses: readonly { readonly status: string; readonly mediaType?: string; readonly schemaType?: string }[];
  readonly security: readonly (readonly string[])[];
  /** The security scheme that signs the operation's requests with an access key pair, when the spec offers one. */
  readonly signing?: { readonly scheme: string };
  readonly deprecated?: boolean;
  readonly deprecation?: string;
}

/** The part of a generated security scheme descriptor that samples need. */
export interface DescribedSecurityScheme {
  readonly type: string;
  readonly in?: string;
  readonly name?: string;
  readonly scheme?: string;
  /** How to sign with an access key pair (`x-signing`), for a signing scheme. */
  readonly signing?: SigningScheme;
}

/** The part of a generated signing descriptor (`x-signing`) that the docs show. */
export interface SigningScheme {
  readonly algorithm: string;
  readonly dateHeader: string;
  readonly securityTokenHeader?: string;
  readonly projectIdHeader?: string;
  readonly rejectionCode?: string;
  readonly clockSkewMinutes?: number;
}

export interface PlannedParameter {
  readonly name: string;
  readonly in: string;
  /** The property name the client takes it under. */
  readonly input: string;
  /** Supplied by the client options rather than by each call. */
  readonly clientDefault: boolean;
  /** What the client sends when the call gives nothing; the samples leave it out of a TypeScript call that would pass the same. */
  readonly sentByDefault: Json | undefined;
  readonly value: Json;
}

/** Where the credential goes on the wire; `prefix` precedes it (`Bearer `). */
export interface PlannedCredential {
  readonly in: string;
  readonly name: string;
  readonly prefix: string;
}

export interface CallPlan {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string | undefined;
  readonly deprecation: string | undefined;
  /** The first server's URL with every variable at its default. */
  readonly serverUrl: string;
  /** Server variables and their defaults, in the order the URL names them. */
  readonly serverVariables: readonly (readonly [string, string])[];
  readonly parameters: readonly PlannedParameter[];
  readonly body: { readonly mediaType: string; readonly value: Json } | undefined;
  readonly credential: PlannedCredential | undefined;
  /** The signing scheme the client signs this operation's requests with when given `credentials`: its name and `x-signing`. */
  readonly signing?: { readonly scheme: string; readonly signing: SigningScheme } | undefined;
  /**
   * Whether a successful answer has a body worth reading (not the JSON `null` alone), a top-level
   * property of it worth printing, and the spec's example of it.
   */
  readonly result: { readonly property: string | undefined; readonly example: Json | undefined } | undefined;
  /** The operation a deprecated one names as its successor (`x-successor`), as the spec has it. */
  readonly successor: { readonly operationId: string; readonly method: string; readonly path: string } | undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of the document as `[path, method, operation, path item]`, in document order. */
export function specOperations(document: JsonObject): [string, string, JsonObject, JsonObject][] {
  const found: [string, string, JsonObject, JsonObject][] = [];
  for (const [path, rawItem] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    const item = resolveRef(document, rawItem);
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation)) found.push([path, method, operation, item]);
    }
  }
  return found;
}

export function planCall(
  document: JsonObject,
  descriptor: DescribedOperation,
  schemes: { readonly [name: string]: DescribedSecurityScheme },
): CallPlan {
  const item = resolveRef(document, (document.paths as JsonObject | undefined)?.[descriptor.path]);
  const operation = isObject(item) ? item[descriptor.method] : undefined;
  if (!isObject(item) || !isObject(operation)) {
    throw new Error(`${descriptor.id}: ${descriptor.method.toUpperCase()} ${descriptor.path} is not in the spec`);
  }

  const specParameters = [
    ...(Array.isArray(item.parameters) ? item.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ]
    .map((p) => resolveRef(document, p))
    .filter(isObject);
  const parameters: PlannedParameter[] = [];
  for (const parameter of descriptor.parameters) {
    // Operation-level parameters come last, so they win over path-level ones of the same name.
    const spec = [...specParameters].reverse().find((p) => p.name === parameter.name && p.in === parameter.in);
    const stated = spec && (spec.example !== undefined || spec.examples !== undefined);
    // Optional parameters are shown only when the spec gives them an example of their own, or
    // when the client sends them anyway (the curl sample shows what the client sends).
    if (!parameter.required && !stated && parameter.sentByDefault === undefined) continue;
    const value = (stated ? exampleOf(document, spec) : undefined) ?? parameter.sentByDefault ??
      (spec && exampleOf(document, spec)) ?? parameter.name;
    parameters.push({
      name: parameter.name,
      in: parameter.in,
      input: parameter.input,
      clientDefault: parameter.clientDefault === true,
      sentByDefault: parameter.sentByDefault,
      value,
    });
  }

  let body: CallPlan['body'];
  if (descriptor.requestBody) {
    const requestBody = resolveRef(document, operation.requestBody);
    const media = isObject(requestBody) && isObject(requestBody.content)
      ? resolveRef(document, requestBody.content[descriptor.requestBody.mediaType])
      : undefined;
    const value = isObject(media) ? exampleOf(document, media) : undefined;
    body = { mediaType: descriptor.requestBody.mediaType, value: value ?? {} };
  }

  const success = descriptor.responses.find((r) => /^2\d\d$/.test(r.status)) ??
    descriptor.responses.find((r) => /^2XX$/i.test(r.status));
  let result: CallPlan['result'];
  // An answer whose schema is `null` carries nothing to read: the sample awaits it.
  if (success?.mediaType && success.schemaType !== 'null') {
    const responses = isObject(operation.responses) ? operation.responses : {};
    const response = resolveRef(document, responses[success.status]);
    const media = isObject(response) && isObject(response.content)
      ? resolveRef(document, response.content[success.mediaType])
      : undefined;
    const example = isObject(media) ? exampleOf(document, media) : undefined;
    const property = isObject(example)
      ? Object.keys(example).find((key) => /^[A-Za-z_$][\w$]*$/.test(key))
      : undefined;
    result = { property, example };
  }

  const declared = operation['x-successor'];
  const successor = descriptor.deprecated && isObject(declared) && typeof declared.operationId === 'string'
    ? {
        operationId: declared.operationId,
        method: typeof declared.method === 'string' ? declared.method : '',
        path: typeof declared.path === 'string' ? declared.path : '',
      }
    : undefined;

  const servers = [operation.servers, item.servers, document.servers].find(
    (s): s is Json[] => Array.isArray(s) && s.length > 0,
  );
  const server = servers?.[0];
  const template = isObject(server) && typeof server.url === 'string' ? server.url : '';
  const variables = isObject(server) && isObject(server.variables) ? server.variables : {};
  const serverVariables: [string, string][] = [];
  const serverUrl = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = variables[name];
    const value = isObject(variable) && typeof variable.default === 'string' ? variable.default : name;
    serverVariables.push([name, value]);
    return value;
  });

  return {
    operationId: descriptor.id,
    method: descriptor.method,
    path: descriptor.path,
    summary: typeof operation.summary === 'string' ? operation.summary : undefined,
    deprecation: descriptor.deprecated ? (descriptor.deprecation ?? `${descriptor.id} is deprecated.`) : undefined,
    serverUrl,
    serverVariables,
    parameters,
    body,
    credential: credentialOf(descriptor, schemes),
    signing: signingOf(descriptor, schemes),
    result,
    successor,
  };
}

/** The first scheme of the first security alternative, as far as a header or query can carry it. */
function credentialOf(
  descriptor: DescribedOperation,
  schemes: { readonly [name: string]: DescribedSecurityScheme },
): PlannedCredential | undefined {
  const name = descriptor.security[0]?.[0];
  const scheme = name === undefined ? undefined : schemes[name];
  if (!scheme) return undefined;
  if (scheme.type === 'apiKey' && scheme.in && scheme.name) return { in: scheme.in, name: scheme.name, prefix: '' };
  if (scheme.type === 'http' && scheme.scheme) {
    const word = scheme.scheme.toLowerCase() === 'bearer' ? 'Bearer' : scheme.scheme.toLowerCase() === 'basic' ? 'Basic' : scheme.scheme;
    return { in: 'header', name: 'Authorization', prefix: `${word} ` };
  }
  return undefined;
}

/** The scheme that signs the operation, as the descriptor names it, when it carries `x-signing`. */
function signingOf(
  descriptor: DescribedOperation,
  schemes: { readonly [name: string]: DescribedSecurityScheme },
): CallPlan['signing'] {
  const name = descriptor.signing?.scheme;
  const signing = name === undefined ? undefined : schemes[name]?.signing;
  return name !== undefined && signing ? { scheme: name, signing } : undefined;
}
