/**
 * `createRawClient`: openapi-fetch itself, typed by the generated `paths`, for callers who want
 * its `{ data, error, response }` style. It gets the same endpoint choice, token or signing, path
 * encoding and no-redirect rule as the main client, but none of its checks, timeouts or retries.
 * It lives apart so the main client's bundle does not carry openapi-fetch.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { resolveToken, type TokenOption } from './runtime/auth.js';
import { serializePath } from './runtime/path-encoding.js';
import { resolveBaseUrl, type KnownRegion } from './runtime/server-url.js';
import { fail, FunctionGraphInputError } from './errors.js';
import type { Credentials, CredentialsOption } from './runtime/credentials.js';
import { operationDescriptors, securitySchemes, type OperationDescriptor, type paths, type SecuritySchemeDescriptor } from './generated.js';

export interface RawClientOptions {
  baseUrl?: string;
  region?: KnownRegion | (string & {});
  token?: TokenOption;
  /** An access key pair, or a provider of one, that signs every request instead of a token (see the main client's option). */
  credentials?: CredentialsOption;
  fetch?: (request: Request) => Promise<Response>;
}

export type RawClient = Client<paths>;

function tokenHeaderNames(descriptor: OperationDescriptor | undefined): string[] {
  if (!descriptor) return [];
  const schemes: { readonly [name: string]: SecuritySchemeDescriptor } = securitySchemes;
  for (const alternative of descriptor.security) {
    const names = alternative.map((name): string | undefined => {
      const scheme = schemes[name];
      return scheme?.type === 'apiKey' && scheme.in === 'header' ? scheme.name : undefined;
    });
    if (names.every((name): name is string => name !== undefined)) return names;
  }
  return [];
}

export function createRawClient(options: RawClientOptions): RawClient {
  if (typeof options !== 'object' || options === null) throw new FunctionGraphInputError('options', 'must be an object');
  const byRoute = new Map(Object.values(operationDescriptors as Record<string, OperationDescriptor>).map((d) => [`${d.method.toUpperCase()} ${d.path}`, d]));
  const { token } = options;
  if (token !== undefined && typeof token !== 'string' && typeof token !== 'function') {
    throw new FunctionGraphInputError('token', 'must be a string or a function returning one');
  }
  const { credentials } = options;
  if (credentials !== undefined && token !== undefined) fail('credentials', 'and token were both given: a request is either signed or sent with a token; give one');
  let source: (() => Promise<Readonly<Credentials>>) | undefined;
  const auth: Middleware = {
    async onRequest({ request, schemaPath, params }) {
      const descriptor = byRoute.get(`${request.method} ${schemaPath}`);
      const scheme = credentials !== undefined && descriptor?.signing !== undefined ? (securitySchemes as Record<string, SecuritySchemeDescriptor>)[descriptor.signing] : undefined;
      if (credentials !== undefined && scheme && 'signing' in scheme && scheme.signing) {
        const { signing } = scheme;
        const { signAttempt, credentialsSource } = await import('./runtime/signed-request.js');
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => (headers[name] = value));
        const body = request.body === null ? undefined : await request.clone().text();
        const path = (params as { path?: Record<string, unknown> }).path;
        const projectId = signing.projectIdParameter === undefined ? undefined : path?.[signing.projectIdParameter];
        const signed = await signAttempt(signing, await (source ??= credentialsSource(credentials, fail))(), {
          method: request.method,
          url: request.url,
          headers,
          body,
          projectId: projectId === undefined ? undefined : String(projectId),
        }, fail);
        for (const [name, value] of Object.entries(signed.headers)) request.headers.set(name, value);
        return request;
      }
      const names = tokenHeaderNames(descriptor);
      if (names.length === 0) return undefined;
      if (token === undefined) throw new FunctionGraphInputError('credentials', 'or token is required: this operation is secured and neither was given');
      const value = await resolveToken(token);
      for (const name of names) request.headers.set(name, value);
      return request;
    },
  };
  const client = createClient<paths>({
    baseUrl: resolveBaseUrl(options),
    fetch: options.fetch,
    pathSerializer: serializePath,
    // A redirect would carry the token to wherever it points.
    redirect: 'manual',
  });
  client.use(auth);
  return client;
}
