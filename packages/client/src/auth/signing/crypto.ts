/**
 * The platform's crypto, and SHA-256 as lower-case hex over the UTF-8 bytes of a string. This
 * module has no static `node:` import: on Node (and runtimes that offer `process.getBuiltinModule`)
 * the signer uses `node:crypto`, synchronous and ~30x cheaper per signature than Web Crypto, whose
 * every call is an asynchronous round trip; elsewhere (browsers) it uses `crypto.subtle`. Results
 * are a string at once with node:crypto and a promise with Web Crypto, so the Node path never
 * waits on a promise it need not.
 */
import { nodeBuiltin } from '../../runtime/node-builtin.js';

/** The parts of `node:crypto` the signer uses (string input is UTF-8). */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'hex'): string } };
  createHmac(algorithm: 'sha256', key: unknown): { update(data: string): { digest(encoding: 'hex'): string } };
  createSecretKey(key: Uint8Array): unknown;
  /** One-shot hashing (Node >= 20.12), cheaper than a Hash object per call. */
  hash?: (algorithm: 'sha256', data: string, outputEncoding: 'hex') => string;
}

/** `node:crypto`, where the runtime offers it; `undefined` in browsers. */
export const nodeCrypto = nodeBuiltin<NodeCrypto>('node:crypto');

/** Strings are UTF-8 everywhere; TextEncoder turns a lone surrogate into U+FFFD as fetch does. */
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
export const hex = (buffer: ArrayBuffer): string => Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Web Crypto, or an error that says where it is missing. */
export function subtle(): SubtleCrypto {
  const webCrypto = globalThis.crypto?.subtle;
  if (!webCrypto) throw new Error('AK/SK signing needs Web Crypto (crypto.subtle), which browsers offer only to https:// and localhost pages');
  return webCrypto;
}

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export const sha256 = (text: string): string | Promise<string> =>
  nodeCrypto
    ? (nodeCrypto.hash?.('sha256', text, 'hex') ?? nodeCrypto.createHash('sha256').update(text).digest('hex'))
    : subtle().digest('SHA-256', utf8(text)).then(hex);
