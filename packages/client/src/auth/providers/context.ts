/**
 * `credentialsFromContext`: inside a FunctionGraph function, the temporary access key pair of the
 * function's agency, from the `context` its handler receives. The runtime renews those keys (it
 * caches them for 10 minutes), so they are read from the context for every request.
 */
import { fail, FunctionGraphCredentialsError } from '../../errors.js';
import type { Credentials, CredentialsProvider } from '../credentials.js';

/** The part of a FunctionGraph handler's `context` this reads. */
export interface FunctionGraphContext {
  getSecurityAccessKey(): string;
  getSecuritySecretKey(): string;
  getSecurityToken(): string;
}

const getters = ['getSecurityAccessKey', 'getSecuritySecretKey', 'getSecurityToken'] as const;

/**
 * A provider of the calling function's own temporary credentials: for a function that calls
 * another function.
 *
 * ```ts
 * export const handler = async (event: unknown, context: FunctionGraphContext) => {
 *   const client = createFunctionGraphClient({ region: 'cn-north-4', credentials: credentialsFromContext(context) });
 *   return (await client.invokeFunction({ functionUrn: process.env.NEXT_FUNCTION_URN!, body: event })).result;
 * };
 * ```
 */
export function credentialsFromContext(context: FunctionGraphContext): CredentialsProvider {
  for (const name of getters) {
    if (typeof (context as unknown as Record<string, unknown> | null)?.[name] !== 'function') {
      fail('context', `must be the context a FunctionGraph handler receives (it has no ${name}())`);
    }
  }
  return () => {
    const [accessKeyId, secretAccessKey, securityToken] = getters.map((name) => context[name]());
    if (!accessKeyId || !secretAccessKey || !securityToken) {
      throw new FunctionGraphCredentialsError(
        "the function's context has no temporary keys: the function has no agency. Give it one (function configuration → Permissions → agency) that may invoke the functions it calls",
        { source: 'function context' },
      );
    }
    return { accessKeyId, secretAccessKey, securityToken } satisfies Credentials;
  };
}
