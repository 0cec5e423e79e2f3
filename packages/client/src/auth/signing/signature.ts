/**
 * The signature and the header that carries it: hex HMAC-SHA256 of the string to sign, keyed with
 * the secret access key string itself (UTF-8, no derived key), as the official signer does.
 */
import { hmacSha256 } from './crypto.js';

/** Hex HMAC-SHA256 of `stringToSign`, keyed with `secretAccessKey`. */
export const signature = (secretAccessKey: string, stringToSign: string): string | Promise<string> => hmacSha256(secretAccessKey, stringToSign);

/** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>` */
export const authorization = (algorithm: string, accessKeyId: string, signedHeaders: string, signature: string): string =>
  `${algorithm} Access=${accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
