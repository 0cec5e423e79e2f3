/**
 * The signature and the header that carries it: hex HMAC-SHA256 of the string to sign, keyed with
 * the secret access key string itself (UTF-8, no derived key), as the official signer does.
 */
import { hex, nodeCrypto, subtle, utf8 } from './crypto.js';

/**
 * The HMAC key of the last secret used, and only that one: a client with rotating credentials
 * imports each new key once, and no earlier secret stays reachable. A Node KeyObject, or a
 * non-extractable Web Crypto key as a promise (so concurrent first calls share one import; a
 * failed import is dropped, and the next call tries again).
 */
let lastSecret: string | undefined;
let lastKey: unknown;

/** Hex HMAC-SHA256 of the UTF-8 bytes of `stringToSign`, keyed with the UTF-8 bytes of `secretAccessKey`. */
export function signature(secretAccessKey: string, stringToSign: string): string | Promise<string> {
  if (secretAccessKey !== lastSecret) {
    lastSecret = secretAccessKey;
    if (nodeCrypto) {
      lastKey = nodeCrypto.createSecretKey(utf8(secretAccessKey));
    } else {
      const imported = subtle().importKey('raw', utf8(secretAccessKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      imported.catch(() => lastKey === imported && (lastSecret = lastKey = undefined));
      lastKey = imported;
    }
  }
  return nodeCrypto
    ? nodeCrypto.createHmac('sha256', lastKey).update(stringToSign).digest('hex')
    : (lastKey as Promise<CryptoKey>).then((key) => subtle().sign('HMAC', key, utf8(stringToSign))).then(hex);
}

/** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>` */
export const authorization = (algorithm: string, accessKeyId: string, signedHeaders: string, signature: string): string =>
  `${algorithm} Access=${accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
