/**
 * The auth of a client given neither `credentials` nor `token`, and the provider's word on the
 * project. On Node, such a client finds credentials as the official SDKs do (`defaultCredentials`:
 * environment, profile file, instance metadata), whose code loads on its first request. Elsewhere (a browser) there is
 * nothing to search, and each call fails before sending, naming both options.
 */
import type { CredentialsOption } from './credentials.js';
import { defaultCredentials } from './providers/lazy-providers.js';
import { callProvider } from './provider-call.js';
import type { TokenOption } from './token.js';
import { isNodeProcess } from '../transport/choose.js';

export interface AuthOptions {
  readonly token?: TokenOption | undefined;
  readonly credentials?: CredentialsOption | undefined;
  /** `credentials` is the default chain, not the caller's choice: an operation that cannot be signed still needs one of the two options. */
  readonly credentialsByDefault?: boolean;
}

/** The options as given, or on Node with neither, `credentials` from the default chain. */
export function withDefaultAuth<T extends AuthOptions>(options: T): T {
  if (options.token !== undefined || options.credentials !== undefined || !isNodeProcess((globalThis as { process?: unknown }).process)) return options;
  return { ...options, credentials: defaultCredentials(), credentialsByDefault: true };
}

/**
 * The project the auth names, the last place a call's `projectId` comes from: an `iamToken`'s
 * `projectId`, or the `projectId` of the credentials (a profile's `project_id`,
 * `HUAWEICLOUD_SDK_PROJECT_ID`). `undefined` when the auth cannot name one.
 */
export function authProject({ token, credentials }: AuthOptions): (() => Promise<string | undefined>) | undefined {
  if (typeof token === 'function') {
    const { projectId } = token as { projectId?: unknown };
    return typeof projectId === 'string' ? async () => projectId : undefined;
  }
  if (typeof credentials === 'object') return async () => credentials.projectId;
  if (typeof credentials === 'function') return async () => (await callProvider('credentials', credentials))?.projectId;
  return undefined;
}
