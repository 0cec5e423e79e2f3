/**
 * Calling a `token` or `credentials` provider. This package's providers throw errors that say what
 * was missing and where (`FunctionGraphCredentialsError`, IAM's `AuthenticationError`): those reach
 * the caller as they are. Any other provider's error becomes a `FunctionGraphInputError` naming the
 * option, with the error kept as `cause`: its text is the caller's, not ours to repeat.
 */
import { fail, FunctionGraphError } from '../errors.js';

export async function callProvider<T>(option: 'token' | 'credentials', call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof FunctionGraphError) throw error;
    return fail(option, 'provider threw; see `cause`', { cause: error });
  }
}
