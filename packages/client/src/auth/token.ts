/**
 * Tokens: a fixed string or a provider called for every request, so callers can refresh IAM
 * tokens (valid 24 h, revocable) without rebuilding the client. A token is checked before use,
 * and no message ever includes it.
 */
import { fail } from '../errors.js';

export type TokenProvider = () => string | Promise<string>;
export type TokenOption = string | TokenProvider;

/** Header values are visible ASCII; CR or LF would let a token inject headers of its own. */
const headerValue = /^[\x21-\x7e]+$/;

export async function resolveToken(option: TokenOption): Promise<string> {
  let token: unknown;
  if (typeof option === 'function') {
    try {
      token = await option();
    } catch (error) {
      // The provider's own error stays as `cause`; its text is the caller's, not ours to repeat.
      fail('token', 'provider threw; see `cause`', { cause: error });
    }
  } else {
    token = option;
  }
  return checkToken(token);
}

/** A token must be a non-empty header value; the message never repeats it. */
export function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token === '') fail('token', 'must be a non-empty string');
  if (!headerValue.test(token)) {
    fail('token', 'has characters not allowed in a header (CR, LF, space, non-ASCII)');
  }
  return token;
}

/**
 * The `credentials` option next to `token`: one or the other, and an object or a provider. The
 * fields are checked with the signer, which loads on the first signed request, before anything is sent.
 */
export function checkCredentialsOption(credentials: unknown, token: unknown): void {
  if (credentials === undefined) return;
  if (token !== undefined) fail('credentials', 'and token were both given: a request is either signed or sent with a token; give one');
  if (typeof credentials !== 'function' && (typeof credentials !== 'object' || credentials === null)) fail('credentials', 'must be an object with accessKeyId and secretAccessKey, or a function returning one');
}
