/**
 * How each attempt of an operation is authenticated, decided once per operation from its
 * descriptor and the client's options: signed when the client has credentials and the spec offers
 * a signing scheme, with a token when it has a token and the spec offers token headers. An
 * operation that needs either and gets neither fails before anything is sent.
 *
 * The signer is loaded on first use: a client that never signs never loads it, and a bundle that
 * never passes `credentials` can leave it out.
 */
import { fail, type FunctionGraphApiError } from '../errors.js';
import type { OperationDescriptor, SigningDescriptor } from '../generated.js';
import type { AuthOptions } from './default-auth.js';
import type { SignedAttempt } from './signer.js';
import { resolveToken, type TokenRequest } from './token.js';

/** One attempt as it will be sent, before its auth headers. */
export interface AttemptRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  /** Path parameter values by wire name. */
  readonly pathValues: Readonly<Record<string, string>>;
}

/** The headers an attempt is sent with, and what was signed (for explaining a rejection). */
export interface AuthenticatedAttempt {
  readonly headers: Record<string, string>;
  readonly signed?: SignedAttempt;
  /** Set when the token came from a provider: what to ask it for if the API answers 401 (one other token). */
  readonly renewal?: TokenRequest;
}

export interface OperationAuth {
  /**
   * Adds the attempt's auth headers: a fresh token or signature per attempt, so a retry carries a
   * refreshed token, a new date and rotated keys. `renewal` (from the attempt the API answered 401)
   * asks a token provider for another token.
   */
  apply(request: AttemptRequest, renewal?: TokenRequest): Promise<AuthenticatedAttempt>;
  /** An error answer to a signed attempt: the echoed security token scrubbed, and a rejected signature explained. */
  explain?(failure: FunctionGraphApiError, signed: SignedAttempt): Promise<FunctionGraphApiError>;
}

const unauthenticated: OperationAuth = { apply: async (request) => ({ headers: request.headers }) };

/** A client's authentication: per operation, how its attempts are authenticated. */
export function createAuthenticator(options: AuthOptions): (descriptor: OperationDescriptor) => OperationAuth {
  const { token, credentials, credentialsByDefault } = options;
  /** This client's signing, made once when its chunk loads; concurrent first requests share it. */
  let signing: Promise<(scheme: SigningDescriptor) => OperationAuth> | undefined;
  const loadSigning = () => (signing ??= import('./signing-auth.js').then((chunk) => chunk.signingAuthenticator(credentials!)));
  /** The auth of an operation signed with `scheme`, made on its first attempt. */
  const signed = (scheme: SigningDescriptor): OperationAuth => {
    let auth: Promise<OperationAuth> | undefined;
    const load = () => (auth ??= loadSigning().then((forScheme) => forScheme(scheme)));
    return {
      apply: async (request) => (await load()).apply(request),
      explain: async (failure, attempt) => (await load()).explain!(failure, attempt),
    };
  };
  return (descriptor) => {
    const scheme = credentials ? descriptor.signing : undefined;
    const tokenHeaders = credentials || token === undefined ? [] : (descriptor.tokenHeaders ?? []).map((name) => name.toLowerCase());
    if (scheme) return signed(scheme);
    if (tokenHeaders.length > 0) {
      return {
        async apply(request, renewal) {
          if (typeof token === 'string') {
            for (const name of tokenHeaders) request.headers[name] = token;
            return { headers: request.headers };
          }
          // The provider runs for every attempt, so a refreshed token is picked up by a retry.
          const value = await resolveToken(token!, renewal);
          for (const name of tokenHeaders) request.headers[name] = value;
          return { headers: request.headers, renewal: { refused: value } };
        },
      };
    }
    const secured = descriptor.security.length > 0 && descriptor.security.every((alternative) => alternative.length > 0);
    if (!secured) return unauthenticated;
    const refuse = () =>
      (credentials && !credentialsByDefault) || token !== undefined
        ? fail(credentials ? 'credentials' : 'token', `cannot authenticate ${descriptor.id}: the spec secures it with another scheme`)
        : fail('credentials', `or token is required by ${descriptor.id}: give the client \`credentials\` (an access key pair) or \`token\` (an IAM token)`);
    return { apply: async () => refuse() };
  };
}
