/**
 * Access key pairs: what they are, how one is checked, and where each signed request gets its
 * pair (a fixed one, or a provider called per attempt). Used by the signer, in the chunk only
 * clients with `credentials` load; the rest of the client imports only the types from here. No
 * message ever repeats a secret access key or a security token; it names the field.
 */
import { fail } from '../errors.js';
import { callProvider } from './provider-call.js';
import { isVisibleAscii, notAllowedInHeader } from '../runtime/header-syntax.js';

/**
 * An access key pair (AK/SK) that signs requests instead of a token: permanent (an IAM user's),
 * or temporary with the security token that goes with it (what a function with an agency gets
 * from its context).
 */
export interface Credentials {
  /** The access key id (AK). It is an identifier: it appears in the `Authorization` header and may appear in errors. */
  accessKeyId: string;
  /** The secret access key (SK). It signs; it is never sent, shown or logged. */
  secretAccessKey: string;
  /** The security token of temporary credentials, sent as `X-Security-Token`; never shown or logged. */
  securityToken?: string;
  /**
   * The project these credentials are for, when their source names one (a profile's `project_id`,
   * `HUAWEICLOUD_SDK_PROJECT_ID`): a call's `projectId` when neither the call, the client nor the
   * function URN gives one.
   */
  projectId?: string;
}

export type CredentialsProvider = () => Credentials | Promise<Credentials>;
export type CredentialsOption = Credentials | CredentialsProvider;

/**
 * Checks an access key pair, naming the field at fault under `from`; an empty or absent
 * `securityToken` means permanent credentials. The access key id and the security token are
 * header values; a Huawei Cloud secret access key is made of the same visible ASCII.
 */
export function checkCredentials(value: unknown, from = 'credentials'): Readonly<Credentials> {
  if (typeof value !== 'object' || value === null) fail(from, `must be an object with accessKeyId and secretAccessKey, got ${value === null ? 'null' : typeof value}`);
  const fields = value as Record<string, unknown>;
  const checked = {} as Credentials;
  for (const name of ['accessKeyId', 'secretAccessKey', 'securityToken'] as const) {
    const text = fields[name];
    if (name === 'securityToken' && (text === undefined || text === null || text === '')) continue;
    if (typeof text !== 'string' || text === '') fail(`${from}.${name}`, 'must be a non-empty string');
    if (!isVisibleAscii(text)) fail(`${from}.${name}`, notAllowedInHeader);
    checked[name] = text;
  }
  const { projectId } = fields;
  if (projectId !== undefined && projectId !== '') {
    if (typeof projectId !== 'string') fail(`${from}.projectId`, 'must be a string');
    checked.projectId = projectId;
  }
  return checked;
}

/**
 * Where a client's requests get their credentials. A fixed pair is checked here, once. A
 * provider runs for every request (retries included), so rotated temporary credentials are used
 * at once; while it is pending, concurrent requests wait for the same call instead of starting
 * their own.
 */
export function credentialsSource(option: CredentialsOption): () => Promise<Readonly<Credentials>> {
  if (typeof option !== 'function') {
    const fixed = checkCredentials(option);
    return async () => fixed;
  }
  let pending: Promise<Readonly<Credentials>> | undefined;
  const call = async () => checkCredentials(await callProvider('credentials', option), 'credentials provider result');
  return () =>
    (pending ??= call().finally(() => {
      pending = undefined;
    }));
}
