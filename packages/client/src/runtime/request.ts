/**
 * Building the request of one call from an operation's descriptor. Everything the descriptor
 * decides (the path template, each parameter's check and where it goes, the body's rules, which
 * input names exist) is worked out once, by `requestBuilder`, when a client is made; a call only
 * checks its own values and writes them.
 */
import { fail } from '../errors.js';
import type { BodyFieldDescriptor, OperationDescriptor, ParameterDescriptor } from '../generated.js';
import { isHeaderValue } from './header-syntax.js';
import { encodePathParameter, pathParameterCheck } from './path-encoding.js';
import { inputNames, refuseUnknownKeys } from './unknown-keys.js';
import { typeWords, valueCheck } from './value-rules.js';

/** The parts of a request that its input decides; auth headers are added per attempt. */
export interface BuiltRequest {
  /** Path and query, encoded, to append to the base URL. */
  readonly target: string;
  /** Lower-case names: the header parameters, the content type, then the caller's own headers. */
  readonly headers: Record<string, string>;
  /** The body as sent: its text (what a signature hashes) and its UTF-8 bytes. */
  readonly bodyText: string | undefined;
  readonly body: Uint8Array<ArrayBuffer> | undefined;
  /** Path parameter values as checked, by wire name (a signing scheme may repeat one in a header). */
  readonly pathValues: Readonly<Record<string, string>>;
}

/** Checks an input (and the client's defaults and the call's headers) and builds the request; throws a `FunctionGraphInputError` before anything is sent. */
export type RequestBuilder = (
  input: Record<string, unknown>,
  defaults: Readonly<Record<string, string>>,
  callHeaders: Readonly<Record<string, string>> | undefined,
) => BuiltRequest;

/** A request under construction: what each parameter's writer adds to. */
interface Draft {
  query: string;
  headers: Record<string, string>;
  pathValues: Record<string, string>;
}

type ParameterWriter = (draft: Draft, value: unknown) => void;

/** How one parameter is checked and written, worked out once. */
function parameterWriter(parameter: ParameterDescriptor): ParameterWriter {
  const { input: argument, name, required } = parameter;
  if (parameter.in === 'path') {
    // A client default (projectId) may also come from the client, and from the credentials' source.
    const check = pathParameterCheck(parameter.rules, parameter.clientDefault ? ': give it to the call or to the client, or use credentials whose source names it' : '');
    return (draft, value) => {
      draft.pathValues[name] = check(argument, value);
    };
  }
  const check = valueCheck(parameter.rules);
  // Query and header values: scalars, or arrays of them (repeated in a query, comma-joined in a header).
  const texts = (value: unknown) => (Array.isArray(value) ? value.map((item) => check(argument, item)) : [check(argument, value)]);
  /** Whether a value was given; a required parameter without one is refused. */
  const given = (value: unknown): boolean => {
    if (value != null) return true;
    if (required) fail(argument, 'is required');
    return false;
  };
  if (parameter.in === 'query') {
    const key = `${encodeURIComponent(name)}=`;
    return (draft, value) => {
      if (given(value)) for (const text of texts(value)) draft.query += `${draft.query ? '&' : '?'}${key}${encodeURIComponent(text)}`;
    };
  }
  if (parameter.in === 'header') {
    const header = name.toLowerCase();
    return (draft, value) => {
      if (!given(value)) return;
      const text = texts(value).join(', ');
      if (!isHeaderValue(text)) fail(argument, 'has characters not allowed in a header');
      draft.headers[header] = text;
    };
  }
  // Cookie parameters are not sent: a browser's fetch would drop them, and FunctionGraph has none.
  return () => {};
}

/** The path template split once into literal text and the wire names of its parameters. */
function pathTemplate(path: string): (values: Readonly<Record<string, string>>) => string {
  const pieces = path.split(/\{([^}]+)\}/);
  return (values) => {
    let result = pieces[0]!;
    for (let i = 1; i < pieces.length; i += 2) result += encodePathParameter(values[pieces[i]!]!) + pieces[i + 1]!;
    return result;
  };
}

const utf8 = new TextEncoder();

/**
 * The check of an object body's top-level properties the spec describes, worked out once: each
 * required one present, each of a scalar type of that JSON type (not its text: `"3"` is not 3)
 * and within its rules. Named `body.<property>`, as the caller wrote it.
 */
function bodyFieldsCheck(fields: readonly BodyFieldDescriptor[] | undefined): ((body: Record<string, unknown>) => void) | undefined {
  if (!fields) return undefined;
  const checks = fields.map((field) => {
    const argument = `body.${field.name}`;
    const rules = field.rules && valueCheck(field.rules);
    const ofType = (value: unknown) => (field.type === 'integer' ? Number.isInteger(value) : typeof value === field.type);
    return (body: Record<string, unknown>) => {
      const value = body[field.name];
      if (value === undefined) return field.required ? fail(argument, 'is required') : undefined;
      if (value === null && field.nullable) return;
      if (field.type && !ofType(value)) fail(argument, `must be ${typeWords[field.type]}, got ${JSON.stringify(value)?.slice(0, 40) ?? typeof value}`);
      rules?.(argument, value);
    };
  });
  return (body) => {
    for (const check of checks) check(body);
  };
}

/** How the body is checked and serialized: JSON (of the schema's top-level type, its described properties, within the size limit) or text. */
function bodyWriter(descriptor: OperationDescriptor): (body: unknown) => string | undefined {
  const spec = descriptor.requestBody;
  if (!spec) return () => undefined;
  const checkFields = bodyFieldsCheck(spec.fields);
  return (body) => {
    if (body === undefined) return spec.required ? fail('body', 'is required') : undefined;
    if (!spec.json) return String(body);
    let text: string | undefined;
    try {
      text = JSON.stringify(body);
    } catch (error) {
      // A BigInt or a cycle; the engine's message names which.
      fail('body', `cannot be serialized as JSON: ${String((error as Error).message).split('\n')[0]}`);
    }
    // Checked on the JSON text, which also catches an object whose toJSON (a Date's, say) yields something else.
    if (spec.schemaType === 'object' && !text?.startsWith('{')) fail('body', `must be a JSON object, got ${Array.isArray(body) ? 'an array' : (text?.slice(0, 40) ?? typeof body)}`);
    // Checked on what is sent: the JSON text read back, so a toJSON's output is what the rules see.
    if (checkFields) checkFields(JSON.parse(text!) as Record<string, unknown>);
    return text;
  };
}

/** Works out once how `descriptor`'s requests are built, and returns the builder a call runs. */
export function requestBuilder(descriptor: OperationDescriptor): RequestBuilder {
  const known = inputNames(descriptor);
  const parameters = descriptor.parameters.map((parameter) => ({ parameter, write: parameterWriter(parameter) }));
  const fillPath = pathTemplate(descriptor.path);
  const writeBody = bodyWriter(descriptor);
  const contentType = descriptor.requestBody?.mediaType;
  const maxBytes = descriptor.requestBody?.maxBytes;
  return (input, defaults, callHeaders) => {
    refuseUnknownKeys(input, known, 'input', descriptor.id);
    const draft: Draft = { query: '', headers: {}, pathValues: {} };
    for (const { parameter, write } of parameters) {
      write(draft, input[parameter.input] ?? (parameter.clientDefault ? defaults[parameter.input] : undefined) ?? parameter.sentByDefault);
    }
    const bodyText = writeBody(input.body);
    const body = bodyText === undefined ? undefined : utf8.encode(bodyText);
    if (body && maxBytes !== undefined && body.byteLength > maxBytes) fail('body', `is ${body.byteLength} bytes as JSON (UTF-8); the limit is ${maxBytes} bytes`);
    if (body) draft.headers['content-type'] = contentType!;
    if (callHeaders) for (const name in callHeaders) draft.headers[name.toLowerCase()] = callHeaders[name]!;
    return { target: fillPath(draft.pathValues) + draft.query, headers: draft.headers, bodyText, body, pathValues: draft.pathValues };
  };
}
