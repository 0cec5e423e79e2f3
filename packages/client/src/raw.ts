/**
 * `createRawClient`: openapi-fetch itself, typed by the generated `paths`, for callers who want
 * its `{ data, error, response }` style. It gets the same endpoint choice, token or signing (the
 * main client's authenticator), path encoding and no-redirect rule as the main client, but none of
 * its checks, timeouts or retries. It lives apart so the main client's bundle does not carry
 * openapi-fetch.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { createAuthenticator, type OperationAuth } from './auth/authenticator.js';
import { operationDescriptors, type OperationDescriptor, type paths } from './generated.js';
import { checkRawClientOptions, type RawClientOptions } from './options.js';
import { serializePath } from './runtime/path-encoding.js';

export type RawClient = Client<paths>;

/**
 * openapi-fetch, typed by the spec's paths, authenticated like the main client:
 *
 * ```ts
 * const raw = createRawClient({ region: 'cn-north-4', token });
 * const { data, error, response } = await raw.GET('/v2/{project_id}/fgs/functions/{function_urn}/async-invocations', {
 *   params: { path: { project_id, function_urn } },
 * });
 * ```
 *
 * It sends what you give it: no input checks, timeouts or retries (use `createFunctionGraphClient`
 * for those), but path values are encoded as the main client encodes them, redirects are never
 * followed, and each request carries the token or is signed with `credentials`.
 */
export function createRawClient(options: RawClientOptions): RawClient {
  const settings = checkRawClientOptions(options);
  const authenticate = createAuthenticator(settings);
  const byRoute = new Map<string, OperationAuth>();
  for (const descriptor of Object.values(operationDescriptors) as OperationDescriptor[]) {
    byRoute.set(`${descriptor.method.toUpperCase()} ${descriptor.path}`, authenticate(descriptor));
  }
  const auth: Middleware = {
    async onRequest({ request, schemaPath, params }) {
      const operation = byRoute.get(`${request.method} ${schemaPath}`);
      if (!operation) return undefined;
      // openapi-fetch fills the path only when path values are given: without them, the placeholders
      // would be sent as they are. The serializer refuses the first one, naming it.
      if ((params as { path?: unknown }).path === undefined) serializePath(schemaPath, undefined);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      const pathValues: Record<string, string> = {};
      for (const [name, value] of Object.entries((params as { path?: Record<string, unknown> }).path ?? {})) pathValues[name] = String(value);
      const body = request.body === null ? undefined : await request.clone().text();
      const authenticated = await operation.apply({ method: request.method, url: request.url, headers, body, pathValues });
      for (const [name, value] of Object.entries(authenticated.headers)) request.headers.set(name, value);
      return request;
    },
  };
  const client = createClient<paths>({
    baseUrl: settings.baseUrl,
    fetch: settings.fetch,
    pathSerializer: serializePath,
    // A redirect would carry the token to wherever it points.
    redirect: 'manual',
  });
  client.use(auth);
  return client;
}
