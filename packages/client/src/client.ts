/**
 * `createFunctionGraphClient`: the generated operations bound to a small runtime on top of
 * openapi-fetch. The runtime reads operation descriptors; it knows no endpoint by name.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { resolveToken, type TokenOption } from './auth.js';
import {
  FunctionGraphApiError,
  FunctionGraphConnectionError,
  FunctionGraphError,
  FunctionGraphInputError,
  FunctionGraphResponseError,
} from './errors.js';
import {
  bindOperations,
  operationDescriptors,
  securitySchemes,
  type ClientDefaults,
  type OperationDescriptor,
  type Operations,
  type paths,
} from './generated.js';
import { checkPathParameter, serializePath } from './path-encoding.js';
import { resolveBaseUrl, type KnownRegion } from './server-url.js';

export interface FunctionGraphClientOptions extends ClientDefaults {
  /** Full endpoint, e.g. `https://functiongraph.cn-south-1.myhuaweicloud.com`. Takes precedence over `region`. */
  baseUrl?: string;
  /** Region ID; picks the spec's regional endpoint. */
  region?: KnownRegion | (string & {});
  /** IAM token sent as `X-Auth-Token`: a string, or a function called before every request. */
  token?: TokenOption;
  /** A fetch implementation to use instead of `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
}

export interface CallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Extra request headers for this call. */
  headers?: Record<string, string>;
}

export type FunctionGraphClient = Operations<CallOptions> & {
  /** The underlying openapi-fetch client, for `{ data, error, response }` style calls. Auth and path encoding apply to it too. */
  readonly raw: Client<paths>;
  /** The endpoint every request goes to. */
  readonly baseUrl: string;
};

type SecurityScheme = (typeof securitySchemes)[keyof typeof securitySchemes];

const descriptorsByRoute = new Map<string, OperationDescriptor>(
  Object.values(operationDescriptors as Record<string, OperationDescriptor>).map((d) => [`${d.method.toUpperCase()} ${d.path}`, d]),
);

function headerSchemesOf(descriptor: OperationDescriptor | undefined): { name: string }[] {
  if (!descriptor) return [];
  const schemes = securitySchemes as Record<string, SecurityScheme>;
  // The first alternative the runtime can satisfy with a token; apiKey-in-header is what a token fills.
  for (const alternative of descriptor.security) {
    const usable = alternative.map((name) => schemes[name]).filter((s): s is SecurityScheme => s?.type === 'apiKey' && s.in === 'header');
    if (usable.length === alternative.length) return usable;
  }
  return [];
}

function authMiddleware(token: TokenOption | undefined): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const schemes = headerSchemesOf(descriptorsByRoute.get(`${request.method} ${schemaPath}`));
      if (schemes.length === 0) return undefined;
      if (token === undefined) throw new FunctionGraphInputError('token', 'is required: this operation is secured and no token was given');
      const value = await resolveToken(token);
      for (const scheme of schemes) request.headers.set(scheme.name, value);
      return request;
    },
  };
}

function prepareBody(descriptor: OperationDescriptor, input: Record<string, unknown>): string | undefined {
  const spec = descriptor.requestBody;
  const body = input.body;
  if (!spec) return undefined;
  if (body === undefined) {
    if (spec.required) throw new FunctionGraphInputError('body', 'is required');
    return undefined;
  }
  if (spec.schemaType === 'object' && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new FunctionGraphInputError('body', `must be a JSON object, got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`);
  }
  if (!spec.json) return body as string;
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new FunctionGraphInputError('body', `cannot be serialized as JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (text === undefined) throw new FunctionGraphInputError('body', `cannot be serialized as JSON: ${typeof body} has no JSON form`);
  // An object with toJSON (a Date, say) can serialize to something that is not an object.
  if (spec.schemaType === 'object' && !text.startsWith('{')) {
    throw new FunctionGraphInputError('body', `must serialize to a JSON object, got ${text.slice(0, 40)}`);
  }
  return text;
}

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const headerValue = /^[\t\x20-\x7e]*$/;

/** Per-call headers are checked like the token: a CR or LF would smuggle in headers of its own. */
function checkHeaders(headers: Record<string, string> | undefined): void {
  if (headers === undefined) return;
  if (typeof headers !== 'object' || headers === null) throw new FunctionGraphInputError('headers', 'must be an object of header names to values');
  for (const [name, value] of Object.entries(headers)) {
    if (!headerName.test(name)) throw new FunctionGraphInputError('headers', `has an invalid header name ${JSON.stringify(name)}`);
    if (typeof value !== 'string' || !headerValue.test(value)) {
      throw new FunctionGraphInputError('headers', `has an invalid value for ${name} (CR, LF and other control characters are not allowed)`);
    }
  }
}

function successMediaType(descriptor: OperationDescriptor, status: number): string | undefined {
  const exact = descriptor.responses.find((r) => r.status === String(status));
  const range = descriptor.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`);
  return (exact ?? range)?.mediaType;
}

function parseSuccess(descriptor: OperationDescriptor, response: Response, text: string | undefined): unknown {
  const mediaType = successMediaType(descriptor, response.status);
  const facts = { operationId: descriptor.id, status: response.status, statusText: response.statusText, headers: response.headers };
  if (!mediaType) return text === '' ? undefined : text;
  if (!/json/i.test(mediaType)) return text;
  if (text === undefined || text === '') throw new FunctionGraphResponseError(facts, `expected a JSON body (${mediaType}), got an empty body`);
  try {
    return JSON.parse(text);
  } catch {
    throw new FunctionGraphResponseError(facts, `expected a JSON body (${mediaType}), got ${JSON.stringify(text.slice(0, 120))}`);
  }
}

export function createFunctionGraphClient(options: FunctionGraphClientOptions): FunctionGraphClient {
  if (typeof options !== 'object' || options === null) throw new FunctionGraphInputError('options', 'must be an object');
  const baseUrl = resolveBaseUrl(options);
  if (options.token !== undefined && typeof options.token !== 'string' && typeof options.token !== 'function') {
    throw new FunctionGraphInputError('token', 'must be a string or a function returning one');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new FunctionGraphInputError('fetch', 'must be a function');

  const defaults: Record<string, unknown> = {};
  for (const descriptor of Object.values(operationDescriptors as Record<string, OperationDescriptor>)) {
    for (const parameter of descriptor.parameters) {
      const value = (options as Record<string, unknown>)[parameter.input];
      if (parameter.clientDefault && value !== undefined) defaults[parameter.input] = checkPathParameter(parameter.input, value);
    }
  }

  const raw = createClient<paths>({
    baseUrl,
    fetch: options.fetch,
    pathSerializer: serializePath,
    // A redirect would carry the token to wherever it points; the client reports 3xx instead.
    redirect: 'manual',
  });
  raw.use(authMiddleware(options.token));

  async function invoke(descriptor: OperationDescriptor, input: object, call: CallOptions | undefined): Promise<unknown> {
    if (typeof input !== 'object' || input === null) throw new FunctionGraphInputError('input', 'must be an object');
    const values = input as Record<string, unknown>;
    const params: Record<'path' | 'query' | 'header', Record<string, unknown>> = { path: {}, query: {}, header: {} };
    for (const parameter of descriptor.parameters) {
      const value = values[parameter.input] ?? (parameter.clientDefault ? defaults[parameter.input] : undefined);
      if (parameter.in === 'path') params.path[parameter.name] = checkPathParameter(parameter.input, value);
      else if (value !== undefined && parameter.in !== 'cookie') params[parameter.in][parameter.name] = value;
      else if (parameter.required) throw new FunctionGraphInputError(parameter.input, 'is required');
    }
    const body = prepareBody(descriptor, values);
    checkHeaders(call?.headers);

    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      result = await raw.request(descriptor.method, descriptor.path as never, {
        params,
        body,
        bodySerializer: (text: unknown) => text,
        headers: {
          ...(descriptor.requestBody && body !== undefined ? { 'Content-Type': descriptor.requestBody.mediaType } : {}),
          ...call?.headers,
        },
        signal: call?.signal,
        parseAs: 'text',
      } as never);
    } catch (error) {
      if (error instanceof FunctionGraphError) throw error;
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new FunctionGraphConnectionError(descriptor.id, baseUrl, error);
    }
    const { response } = result;
    const facts = { operationId: descriptor.id, status: response.status, statusText: response.statusText, headers: response.headers };
    if (response.status >= 200 && response.status < 300) return parseSuccess(descriptor, response, result.data as string | undefined);
    if (response.status < 400) throw new FunctionGraphResponseError(facts, `unexpected HTTP ${response.status}; redirects are not followed`);
    throw new FunctionGraphApiError(facts, result.error);
  }

  return Object.assign(bindOperations<CallOptions>(invoke), { raw, baseUrl });
}
