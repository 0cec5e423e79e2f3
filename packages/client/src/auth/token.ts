/**
 * The `token` option: a fixed IAM token or a provider called for every request, so callers can
 * refresh tokens (valid 24 h, revocable) without rebuilding the client. A token is checked before
 * use, and no message ever includes it.
 */
import { fail } from '../errors.js';
import { callProvider } from './provider-call.js';
import { isVisibleAscii, notAllowedInHeader } from '../runtime/header-syntax.js';

/** What the client tells a token provider when it asks again. */
export interface TokenRequest {
  /**
   * The token the API just answered 401 to: return another one (fetch a new token) rather than
   * this. The client asks once per call, and repeats the call once with the new token.
   */
  readonly refused?: string;
}

/** A token provider: called before every attempt; caching is its own business (see `iamToken`). */
export type TokenProvider = (request?: TokenRequest) => string | Promise<string>;
export type TokenOption = string | TokenProvider;

/** The token for one request: the fixed one, or what the provider returns now; checked either way. */
export async function resolveToken(option: TokenOption, request?: TokenRequest): Promise<string> {
  const token: unknown = typeof option === 'function' ? await callProvider('token', () => (request ? option(request) : option())) : option;
  return checkToken(token);
}

/** A token must be a non-empty header value of visible ASCII: a CR or LF would let it add headers of its own. */
export function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token === '') fail('token', 'must be a non-empty string');
  if (!isVisibleAscii(token)) fail('token', notAllowedInHeader);
  return token;
}
