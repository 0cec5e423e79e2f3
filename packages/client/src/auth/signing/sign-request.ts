/**
 * AK/SK request signing, SDK-HMAC-SHA256, as Huawei Cloud's API gateway verifies it and as the
 * official Node SDK (`@huaweicloud/huaweicloud-sdk-core` 3.1.211, `auth/AKSKSigner.js`) computes
 * it: one pure step per module beside this one, each with the official signer's quirks that
 * concern it, composed here. Everything signed is derived from exactly what fetch sends: the URL
 * (path and query as they go on the wire), the headers, and the body bytes. The date is whatever
 * the request's date header says: the caller sets it (from its clock), as it sets every header.
 *
 * The steps, in order: canonical-uri, canonical-query, canonical-headers and payload-hash make the
 * parts of canonical-request; string-to-sign hashes it; signature keys the HMAC. None of them
 * imports anything from `node:` statically (crypto.ts reaches node:crypto at run time), so the
 * chunk that carries them bundles for browsers as it is.
 */
import { canonicalRequestOf } from './canonical-request.js';
import { headerValueAsSent } from './canonical-headers.js';
import { sha256 } from './crypto.js';
import { payloadHash } from './payload-hash.js';
import { authorization, signature } from './signature.js';
import { stringToSign } from './string-to-sign.js';

export interface SigningRequest {
  /** Upper-case, as sent. */
  method: string;
  /** The full URL exactly as fetch receives it (base + path + query). */
  url: string;
  /**
   * Lower-case names to values, exactly what will be sent, already including the date header,
   * `x-project-id` and `x-security-token` when used.
   */
  headers: Record<string, string>;
  /** The body text sent (UTF-8 encoded on the wire). */
  body: string | undefined;
}

export interface SigningKey {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RequestSignature {
  /** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>` */
  authorization: string;
  /** `content-type;host;x-sdk-date` */
  signedHeaders: string;
  /** The canonical request, with the value of every header named in `redact` replaced by `<redacted>`. */
  canonicalRequest: string;
}

export interface SigningOptions {
  /** `SDK-HMAC-SHA256` (the spec's `x-signing.algorithm`). */
  algorithm: string;
  /** `X-Sdk-Date` (the spec's `x-signing.dateHeader`): its value in `request.headers` is the date signed. */
  dateHeader: string;
  /** Header names whose values never appear in `canonicalRequest` (the security token). */
  redact?: readonly string[];
}

/** Signs one request as it will be sent: the `Authorization` value, the signed header names and the (redacted) canonical request. */
export async function signRequest(request: SigningRequest, key: SigningKey, options: SigningOptions): Promise<RequestSignature> {
  const dateHeader = options.dateHeader.toLowerCase();
  const dateName = Object.keys(request.headers).find((name) => name.toLowerCase() === dateHeader);
  if (dateName === undefined) throw new TypeError(`signing: the request has no ${options.dateHeader} header to sign`);
  const canonical = canonicalRequestOf(request, await payloadHash(request.body), options.redact);
  const toSign = stringToSign(options.algorithm, headerValueAsSent(request.headers[dateName]), await sha256(canonical.canonicalRequest));
  return {
    authorization: authorization(options.algorithm, key.accessKeyId, canonical.signedHeaders, await signature(key.secretAccessKey, toSign)),
    signedHeaders: canonical.signedHeaders,
    canonicalRequest: canonical.shown,
  };
}
