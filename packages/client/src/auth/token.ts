/**
 * The `token` option: a fixed IAM token or a provider called for every request, so callers can
 * refresh tokens (valid 24 h, revocable) without rebuilding the client. A token is checked before
 * use, and no message ever includes it.
 */
import { fail } from '../errors.js';
import { isVisibleAscii, notAllowedInHeader } from '../runtime/header-syntax.js';

export type TokenProvider = () => string | Promise<string>;
export type TokenOption = string | TokenProvider;

/** The token for one request: the fixed one, or what the provider returns now; checked either way. */
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

/** A token must be a non-empty header value of visible ASCII: a CR or LF would let it add headers of its own. */
export function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token === '') fail('token', 'must be a non-empty string');
  if (!isVisibleAscii(token)) fail('token', notAllowedInHeader);
  return token;
}
