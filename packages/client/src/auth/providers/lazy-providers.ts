/**
 * The credential and token providers as the package exports them: each returns at once a provider
 * whose implementation (file reading, the metadata and IAM exchanges, the renewal logic) loads by
 * dynamic `import()` the first time it is called. A bundle that uses none of them carries none of
 * that, and one whose client finds its credentials by itself loads them only on its first request.
 * Options are checked on that first call, before anything is sent.
 */
import type { CredentialsProvider } from '../credentials.js';
import type { TokenProvider, TokenRequest } from '../token.js';
import type { DefaultCredentialsOptions } from './chain.js';
import type { IamTokenOptions, IamTokenProvider } from './iam-token.js';
import type { MetadataOptions } from './metadata.js';
import type { ProfileOptions } from './profile.js';

type Implementations = typeof import('./implementations.js');

let implementations: Promise<Implementations> | undefined;
const load = () => (implementations ??= import('./implementations.js'));

/** A provider made by `make` from the implementations on its first call, then called directly. */
function onFirstCall<A extends unknown[], R>(make: (chunk: Implementations) => (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  let provider: Promise<(...args: A) => R | Promise<R>> | undefined;
  return async (...args) => (await (provider ??= load().then(make)))(...args);
}

/**
 * Credentials found where the official SDKs look, in their order: the variables
 * `HUAWEICLOUD_SDK_AK`/`_SK`/`_SECURITY_TOKEN`, then the profile file `~/.huaweicloud/credentials`,
 * then the instance metadata of an ECS instance with an agency. The first source that has
 * credentials wins; when none has, the error lists each source, why it had none, and how to
 * provide it. On Node, a client made with neither `credentials` nor `token` uses this.
 *
 * ```ts
 * const client = createFunctionGraphClient({ region: 'cn-north-4', credentials: defaultCredentials({ metadata: false }) });
 * ```
 */
export function defaultCredentials(options?: DefaultCredentialsOptions): CredentialsProvider {
  return onFirstCall((chunk) => chunk.defaultCredentials(options));
}

/**
 * The access key pair in a profile file's section: `[basic]` of `~/.huaweicloud/credentials` (or
 * of the file `HUAWEICLOUD_SDK_CREDENTIALS_FILE` names), keys `ak`, `sk`, `security_token`,
 * `project_id`. For a workstation. A malformed file is named with its line; no value is shown.
 *
 * ```ts
 * const client = createFunctionGraphClient({ region: 'cn-north-4', credentials: credentialsFromProfile() });
 * ```
 */
export function credentialsFromProfile(options?: ProfileOptions): CredentialsProvider {
  return onFirstCall((chunk) => chunk.credentialsFromProfile(options));
}

/**
 * The temporary access key pair of the agency bound to the ECS instance this runs on, from the
 * instance metadata API; renewed in the background before it expires, one request shared by
 * every caller. Off the cloud it fails within `timeoutMs` (1 s), and only once per process.
 *
 * ```ts
 * const client = createFunctionGraphClient({ region: 'cn-north-4', credentials: credentialsFromMetadata() });
 * ```
 */
export function credentialsFromMetadata(options?: MetadataOptions): CredentialsProvider {
  return onFirstCall((chunk) => chunk.credentialsFromMetadata(options));
}

/**
 * A `token` provider that gets project-scoped IAM tokens itself, with an IAM user's password, or
 * by assuming an agency with another token, and keeps each until shortly before it expires. When
 * the API answers 401, the client asks it for a new token and repeats the call once. `projectId`
 * is also the client's project when nothing else names one.
 *
 * ```ts
 * const token = iamToken({ region: 'cn-north-4', domainName: 'my-account', userName: 'deployer', password: process.env.IAM_PASSWORD!, projectId: '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8' });
 * const client = createFunctionGraphClient({ region: 'cn-north-4', token });
 * ```
 */
export function iamToken(options: IamTokenOptions): IamTokenProvider {
  const provider: TokenProvider = onFirstCall((chunk) => chunk.iamToken(options));
  const projectId = (options as { projectId?: unknown } | null)?.projectId;
  return Object.defineProperty(provider as (request?: TokenRequest) => Promise<string>, 'projectId', { value: projectId, enumerable: true }) as IamTokenProvider;
}
