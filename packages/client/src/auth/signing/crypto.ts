/**
 * SHA-256 and HMAC-SHA256 as lower-case hex, over the UTF-8 bytes of a string, on whatever the
 * platform offers. This module has no static `node:` import: on Node (and runtimes that offer
 * `process.getBuiltinModule`) it uses `node:crypto`, synchronous and ~30x cheaper per signature
 * than Web Crypto, whose every call is an asynchronous round trip; elsewhere (browsers) it uses
 * `crypto.subtle`, importing the HMAC key once per secret. Results are a string at once with
 * node:crypto and a promise with Web Crypto, so the Node path never waits on a promise it need not.
 */

/** The parts of `node:crypto` used here (string input is UTF-8). */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'hex'): string } };
  createHmac(algorithm: 'sha256', key: unknown): { update(data: string): { digest(encoding: 'hex'): string } };
  createSecretKey(key: Uint8Array): unknown;
  /** One-shot hashing (Node >= 20.12), cheaper than a Hash object per call. */
  hash?: (algorithm: 'sha256', data: string, outputEncoding: 'hex') => string;
}

const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/** Strings are UTF-8 everywhere; TextEncoder turns a lone surrogate into U+FFFD as fetch does. */
const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
const hex = (buffer: ArrayBuffer): string => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

function subtle(): SubtleCrypto {
  const webCrypto = globalThis.crypto?.subtle;
  if (!webCrypto) throw new Error('AK/SK signing needs Web Crypto (crypto.subtle), which browsers offer only to https:// and localhost pages');
  return webCrypto;
}

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export const sha256 = (text: string): string | Promise<string> =>
  nodeCrypto
    ? (nodeCrypto.hash?.('sha256', text, 'hex') ?? nodeCrypto.createHash('sha256').update(text).digest('hex'))
    : subtle().digest('SHA-256', utf8(text)).then(hex);

/**
 * The HMAC key of the last secret used, and only that one: a client with rotating credentials
 * imports each new key once, and no earlier secret stays reachable. A Node KeyObject, or a
 * non-extractable Web Crypto key as a promise (so concurrent first calls share one import; a
 * failed import is dropped, and the next call tries again).
 */
let lastSecret: string | undefined;
let lastKey: unknown;

/** Hex HMAC-SHA256 of the UTF-8 bytes of `text`, keyed with the UTF-8 bytes of `secret`. */
export function hmacSha256(secret: string, text: string): string | Promise<string> {
  if (secret !== lastSecret) {
    lastSecret = secret;
    if (nodeCrypto) {
      lastKey = nodeCrypto.createSecretKey(utf8(secret));
    } else {
      const imported = subtle().importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      imported.catch(() => lastKey === imported && (lastSecret = lastKey = undefined));
      lastKey = imported;
    }
  }
  return nodeCrypto
    ? nodeCrypto.createHmac('sha256', lastKey).update(text).digest('hex')
    : (lastKey as Promise<CryptoKey>).then((key) => subtle().sign('HMAC', key, utf8(text))).then(hex);
}
