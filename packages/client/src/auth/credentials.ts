/**
 * Access key pairs: what they are, how they are checked, and how a provider is called. This module
 * imports no error classes: the caller passes its `fail`, so the module can live in the chunk that
 * only clients with `credentials` load. No message ever repeats a secret access key or a security
 * token; it names the field.
 */

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
}

export type CredentialsProvider = () => Credentials | Promise<Credentials>;
export type CredentialsOption = Credentials | CredentialsProvider;

/** Throws the input error for an argument (the runtime's `fail`). */
export type Fail = (argument: string, problem: string, options?: ErrorOptions) => never;

/** Visible ASCII: what a header value (the AK, the token) may hold, and what a Huawei Cloud SK is made of. */
const visible = /^[\x21-\x7e]+$/;

/** Checks an access key pair; an empty or absent `securityToken` means permanent credentials. */
export function checkCredentials(value: unknown, fail: Fail, from = 'credentials'): Readonly<Credentials> {
  if (typeof value !== 'object' || value === null) fail(from, `must be an object with accessKeyId and secretAccessKey, got ${value === null ? 'null' : typeof value}`);
  const fields = value as Record<string, unknown>;
  const checked = {} as Credentials;
  for (const name of ['accessKeyId', 'secretAccessKey', 'securityToken'] as const) {
    const text = fields[name];
    if (name === 'securityToken' && (text === undefined || text === null || text === '')) continue;
    if (typeof text !== 'string' || text === '') fail(`${from}.${name}`, 'must be a non-empty string');
    if (!visible.test(text)) fail(`${from}.${name}`, 'has characters not allowed in a header (CR, LF, space, non-ASCII)');
    checked[name] = text;
  }
  return checked;
}

/**
 * Where a client's requests get their credentials. A provider runs for every request (retries
 * included), so rotated temporary credentials are used at once; while it is pending, concurrent
 * requests wait for the same call instead of starting their own.
 */
export function credentialsSource(option: CredentialsOption, fail: Fail): () => Promise<Readonly<Credentials>> {
  if (typeof option !== 'function') {
    const fixed = checkCredentials(option, fail);
    return async () => fixed;
  }
  let pending: Promise<Readonly<Credentials>> | undefined;
  const call = async () => {
    let value: unknown;
    try {
      value = await option();
    } catch (error) {
      // The provider's own error stays as `cause`; its text is the caller's, not ours to repeat.
      fail('credentials', 'provider threw; see `cause`', { cause: error });
    }
    return checkCredentials(value, fail, 'credentials provider result');
  };
  return () =>
    (pending ??= call().finally(() => {
      pending = undefined;
    }));
}
