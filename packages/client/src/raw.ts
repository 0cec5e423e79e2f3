/**
 * `createRawClient`: openapi-fetch itself, typed by the generated `paths`, for callers who want
 * its `{ data, error, response }` style. It gets the same endpoint choice, token or signing, path
 * encoding and no-redirect rule as the main client, but none of its checks, timeouts or retries.
 * It lives apart so the main client's bundle does not carry openapi-fetch.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { resolveToken, type TokenOption } from './auth/token.js';
import { checkCredentialsOption } from './auth/credentials-option.js';
import { serializePath } from './runtime/path-encoding.js';
import { resolveBaseUrl, type KnownRegion } from './runtime/server-url.js';
import { FunctionGraphInputError } from './errors.js';
import type { CredentialsOption } from './auth/credentials.js';
import type { Signer } from './auth/signer.js';
import { operationDescriptors, type OperationDescriptor, type paths } from './generated.js';

export interface RawClientOptions {
  baseUrl?: string;
  region?: KnownRegion | (string & {});
  token?: TokenOption;
  /** An access key pair, or a provider of one, that signs every request instead of a token (see the main client's option). */
  credentials?: CredentialsOption;
  fetch?: (request: Request) => Promise<Response>;
}

export type RawClient = Client<paths>;

export function createRawClient(options: RawClientOptions): RawClient {
  if (typeof options !== 'object' || options === null) throw new FunctionGraphInputError('options', 'must be an object');
  const byRoute = new Map(Object.values(operationDescriptors as Record<string, OperationDescriptor>).map((d) => [`${d.method.toUpperCase()} ${d.path}`, d]));
  const { token } = options;
  if (token !== undefined && typeof token !== 'string' && typeof token !== 'function') {
    throw new FunctionGraphInputError('token', 'must be a string or a function returning one');
  }
  const { credentials } = options;
  checkCredentialsOption(credentials, token);
  /** Made once (concurrent first requests share it) when the signer chunk loads. */
  let signer: Promise<Signer> | undefined;
  const auth: Middleware = {
    async onRequest({ request, schemaPath, params }) {
      const descriptor = byRoute.get(`${request.method} ${schemaPath}`);
      const signing = credentials === undefined ? undefined : descriptor?.signing;
      if (signing) {
        signer ??= import('./auth/signer.js').then((chunk) => chunk.createSigner(credentials!));
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => (headers[name] = value));
        const projectId = signing.projectIdParameter === undefined ? undefined : (params as { path?: Record<string, unknown> }).path?.[signing.projectIdParameter];
        const signed = await (await signer)(signing, {
          method: request.method,
          url: request.url,
          headers,
          body: request.body === null ? undefined : await request.clone().text(),
          projectId: projectId === undefined ? undefined : String(projectId),
        });
        for (const [name, value] of Object.entries(signed.headers)) request.headers.set(name, value);
        return request;
      }
      const names = descriptor?.tokenHeaders ?? [];
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
