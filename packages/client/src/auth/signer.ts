/**
 * Signing one attempt with an access key pair, and explaining a rejected signature. Loaded only by
 * a dynamic import from the runtime, the first time a client with `credentials` sends a request, so
 * a bundle that never signs leaves this module and the signer out.
 *
 * What the scheme fills (the date, project and security-token headers) and the error code of a
 * rejection come from the spec's `x-signing`, through the descriptors.
 */
import { sdkDate } from './signing/sdk-date.js';
import { signRequest } from './signing/sign-request.js';
import type { AuthenticationError, FunctionGraphApiError } from '../errors.js';
import { credentialsSource, type Credentials, type CredentialsOption, type Fail } from './credentials.js';
import type { SigningDescriptor } from '../generated.js';

/** What the client signed, kept for a person comparing it with the gateway's; never the secret key, the security token redacted. */
export interface SigningDetails {
  /** The access key id the request was signed with (an identifier, like the one in `Authorization`). */
  readonly accessKeyId: string;
  /** The signing time sent in the date header (`YYYYMMDDTHHMMSSZ`). */
  readonly date: string;
  /** The header names signed, `;`-separated. */
  readonly signedHeaders: string;
  /** The canonical request the client signed, the security token shown as `<redacted>`. */
  readonly canonicalRequest: string;
  /** The canonical request the gateway computed, from its error message (`|` read as a new line); absent when it sent none. */
  readonly serverCanonicalRequest?: string;
}

export interface SignedAttempt {
  headers: Record<string, string>;
  details: SigningDetails;
  /** The security token, to scrub from an error answer that echoes it. */
  secrets: readonly string[];
}

/** The date header's value, made once per second: every request signed within one second carries the same. */
let lastSecond = NaN;
let lastDate = '';
function dateOf(now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastSecond) {
    lastDate = sdkDate(now);
    lastSecond = second;
  }
  return lastDate;
}

/** One request as it will be sent, and the project its path names. */
export interface UnsignedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  projectId: string | undefined;
}

/** Signs one attempt of a request, with credentials resolved for it. */
export type Signer = (scheme: SigningDescriptor, request: UnsignedRequest) => Promise<SignedAttempt>;

/**
 * A client's signer: its credentials (checked; a provider called for every attempt and shared while
 * pending) and the signing of each attempt. `fail` is the runtime's, so this chunk imports no error classes.
 */
export function createSigner(option: CredentialsOption, fail: Fail): Signer {
  const credentials = credentialsSource(option, fail);
  return async (scheme, request) => signAttempt(scheme, await credentials(), request, fail);
}

/**
 * Adds the scheme's headers to a copy of the request's headers and signs exactly what will be
 * sent: method, URL, those headers and the body text.
 */
async function signAttempt(scheme: SigningDescriptor, credentials: Readonly<Credentials>, request: UnsignedRequest, fail: Fail): Promise<SignedAttempt> {
  const headers = { ...request.headers };
  const date = dateOf(new Date());
  headers[scheme.dateHeader.toLowerCase()] = date;
  if (scheme.projectIdHeader && request.projectId !== undefined) {
    // The path may carry any project id its pattern allows; the header only visible ASCII.
    if (!/^[\x21-\x7e]+$/.test(request.projectId)) fail('projectId', `has characters that cannot be sent in the ${scheme.projectIdHeader} header a signed request carries`);
    headers[scheme.projectIdHeader.toLowerCase()] = request.projectId;
  }
  const redact: string[] = [];
  if (credentials.securityToken !== undefined && scheme.securityTokenHeader) {
    headers[scheme.securityTokenHeader.toLowerCase()] = credentials.securityToken;
    redact.push(scheme.securityTokenHeader.toLowerCase());
  }
  const signature = await signRequest(
    { method: request.method, url: request.url, headers, body: request.body },
    { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    { algorithm: scheme.algorithm, dateHeader: scheme.dateHeader, redact },
  );
  headers.authorization = signature.authorization;
  return {
    headers,
    details: { accessKeyId: credentials.accessKeyId, date, signedHeaders: signature.signedHeaders, canonicalRequest: signature.canonicalRequest },
    secrets: credentials.securityToken === undefined ? [] : [credentials.securityToken],
  };
}

const methodLine = /\b(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\|/;

/**
 * A 401 with the scheme's rejection code (or any 401 when the spec names none) becomes an
 * `AuthenticationError` that says what to check and shows the gateway's canonical request, so a
 * person can set it beside the client's (`error.signing.canonicalRequest`).
 */
export function explainRejection(scheme: SigningDescriptor, failure: FunctionGraphApiError, signed: SignedAttempt): FunctionGraphApiError {
  if (failure.status !== 401 || (scheme.rejectionCode !== undefined && failure.errorCode !== scheme.rejectionCode)) return failure;
  const echoed = failure.errorMsg?.match(methodLine);
  const serverCanonicalRequest = echoed ? failure.errorMsg!.slice(echoed.index).split('|').join('\n') : undefined;
  const { accessKeyId, date } = signed.details;
  const skew = scheme.clockSkewMinutes === undefined ? '' : ` within ${scheme.clockSkewMinutes} minutes`;
  const message = [
    `${failure.message}`,
    `The gateway rejected the ${scheme.algorithm} signature made with access key id ${accessKeyId} at ${date} (UTC). Check that:`,
    `- this machine's clock is${skew} of the gateway's;`,
    `- the secret access key is the one issued with access key id ${accessKeyId};`,
    `- for temporary credentials, the security token goes with this key pair and has not expired.`,
    serverCanonicalRequest
      ? `The gateway's canonical request (compare it with error.signing.canonicalRequest, the client's):\n${serverCanonicalRequest}`
      : 'The gateway sent no canonical request; the client signed error.signing.canonicalRequest.',
  ].join('\n');
  const { name: _name, message: _message, stack: _stack, ...fields } = failure;
  // A 401 is already an AuthenticationError; its own class is reused so this chunk imports no error classes.
  const Class = failure.constructor as typeof AuthenticationError;
  return new Class(message, { ...fields, signing: { ...signed.details, serverCanonicalRequest } });
}
