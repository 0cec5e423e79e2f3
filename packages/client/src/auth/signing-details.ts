/**
 * What a rejected signature's error carries (`AuthenticationError['signing']`). A module of its
 * own, holding only this type, so that errors.ts and the signer each depend on it and neither on
 * the other.
 */

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
