/**
 * The `credentials` option as a client receives it: one or the other of `credentials` and
 * `token`, and an object or a provider. Checked when the client is made. The pair's fields are
 * checked by credentials.ts, with the signer, which loads on the first signed request, before
 * anything is sent: this module stays apart from it so that every client carries this check and
 * only signing clients carry that one.
 */
import { fail } from '../errors.js';

export function checkCredentialsOption(credentials: unknown, token: unknown): void {
  if (credentials === undefined) return;
  if (token !== undefined) fail('credentials', 'and token were both given: a request is either signed or sent with a token; give one');
  if (typeof credentials !== 'function' && (typeof credentials !== 'object' || credentials === null)) fail('credentials', 'must be an object with accessKeyId and secretAccessKey, or a function returning one');
}
