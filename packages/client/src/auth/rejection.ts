/**
 * Explaining a rejected signature. A 401 with the scheme's rejection code (or any 401 when the
 * spec names none) gets a message that says what to check, and shows the canonical request the
 * gateway echoed in its error message (`|` for each new line) once, as lines, so a person can set
 * it beside the client's (`error.signing.canonicalRequest`). It returns data; the runtime makes
 * the error.
 */
import type { SigningDescriptor } from '../generated.js';
import type { SigningDetails } from './signing-details.js';

/** What the runtime read from the answer that rejected a signed request. */
export interface RejectedAnswer {
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  /** The error's message as the runtime wrote it: it quotes `errorMsg`. */
  readonly message: string;
}

export interface RejectionExplanation {
  /** The error's message: the runtime's first line, what to check, and the gateway's canonical request. */
  readonly message: string;
  /** `AuthenticationError['signing']`: what the client signed, and what the gateway did. */
  readonly signing: SigningDetails;
}

/** The canonical request the gateway echoes at the end of its message: from its method (then `|` for the new line) on. */
const echo = /\b(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\|.*/s;

/** The explanation of `failure`, when it is the scheme's rejection of the signature described by `signed`; else `undefined`. */
export function explainRejection(scheme: SigningDescriptor, failure: RejectedAnswer, signed: SigningDetails): RejectionExplanation | undefined {
  if (failure.status !== 401 || (scheme.rejectionCode !== undefined && failure.errorCode !== scheme.rejectionCode)) return undefined;
  const echoed = failure.errorMsg?.match(echo)?.[0];
  const serverCanonicalRequest = echoed?.split('|').join('\n');
  const { accessKeyId, date } = signed;
  const near = scheme.clockSkewMinutes === undefined ? 'close to' : `within ${scheme.clockSkewMinutes} minutes of`;
  const message = [
    // The first line quotes the gateway's message; its canonical request is shown once, below, as lines.
    echoed === undefined ? failure.message : failure.message.replace(echoed, '(shown below)'),
    `The gateway rejected the ${scheme.algorithm} signature made with access key id ${accessKeyId} at ${date} (UTC). Check that:`,
    `- this machine's clock is ${near} the gateway's;`,
    `- the secret access key is the one issued with access key id ${accessKeyId};`,
    `- for temporary credentials, the security token goes with this key pair and has not expired.`,
    serverCanonicalRequest === undefined
      ? 'The gateway sent no canonical request; the client signed error.signing.canonicalRequest.'
      : `The gateway's canonical request (compare it with error.signing.canonicalRequest, the client's):\n${serverCanonicalRequest}`,
  ].join('\n');
  return { message, signing: { ...signed, serverCanonicalRequest } };
}
