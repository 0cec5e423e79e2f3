/**
 * How a client with `credentials` authenticates: each attempt signed afresh (a new date, rotated
 * keys), and an answer that rejects the signature explained. Loaded with the signer, by dynamic
 * `import()`, the first time such a client sends a request: a client that never signs never loads
 * it, and a bundle that never passes `credentials` can leave it out.
 */
import { AuthenticationError, type FunctionGraphApiError } from '../errors.js';
import type { SigningDescriptor } from '../generated.js';
import type { OperationAuth } from './authenticator.js';
import type { CredentialsOption } from './credentials.js';
import { explainRejection } from './rejection.js';
import { createSigner } from './signer.js';

/** A client's signing: one signer (its credentials shared by every operation), and per signing scheme how an attempt is signed. */
export function signingAuthenticator(credentials: CredentialsOption): (signing: SigningDescriptor) => OperationAuth {
  const signer = createSigner(credentials);
  return (signing) => ({
    async apply(request) {
      const projectId = signing.projectIdParameter === undefined ? undefined : request.pathValues[signing.projectIdParameter];
      const signed = await signer(signing, { method: request.method, url: request.url, headers: request.headers, body: request.body, projectId });
      return { headers: signed.headers, signed };
    },
    async explain(failure: FunctionGraphApiError, signed) {
      const explained = explainRejection(signing, failure, signed.details);
      if (!explained) return failure;
      const { name: _name, message: _message, stack: _stack, ...facts } = failure;
      return new AuthenticationError(explained.message, { ...facts, signing: explained.signing });
    },
  });
}
