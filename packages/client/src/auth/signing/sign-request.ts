/**
 * AK/SK request signing, SDK-HMAC-SHA256, as Huawei Cloud's API gateway verifies it and as the
 * official Node SDK (`@huaweicloud/huaweicloud-sdk-core` 3.1.211, `auth/AKSKSigner.js`) computes it.
 * Everything signed is derived from exactly what fetch sends: the URL (path and query as they go on
 * the wire), the headers, and the body bytes.
 *
 * The runtime loads this module only with a dynamic `import()`, so a bundle that never signs leaves
 * it out. It has no dependency and no static `node:` import: on Node (and runtimes that offer
 * `process.getBuiltinModule`) it uses `node:crypto`, synchronous and ~30x cheaper per signature
 * than Web Crypto, whose every call is an asynchronous round trip; elsewhere (browsers) it uses
 * `crypto.subtle`, importing the HMAC key once per secret.
 *
 * What the official signer does, read from its source, and what we do about each point:
 * - Date: it reads only the header key spelled exactly `X-Sdk-Date`, re-parses the value with
 *   moment and formats it again for the string to sign; without that exact key it adds its own
 *   `X-Sdk-Date` with the current time. We sign the date header's value verbatim, and `sdkDate`
 *   produces the only form both agree on (`YYYYMMDDTHHMMSSZ`, UTC).
 * - Host: it signs `url.parse(endpoint).host`, which keeps an explicit default port
 *   (`https://h:443` signs `h:443`), while fetch sends `Host: h` (the WHATWG URL drops it). A
 *   `host` header (that exact key) replaces it. We sign `new URL(url).host`: what fetch sends.
 * - Headers: every header given is signed, plus `host`. `SignedHeaders` is sorted by UTF-16 code
 *   units (lodash `sortBy` on the lower-cased name), but the canonical header lines are sorted with
 *   `localeCompare` (ICU collation), which orders `_` before `-` (`x_a` before `x-a`), so for such
 *   names its two lists disagree with each other. We sort both by code units, like the gateway's
 *   other SDKs; the headers this client sends (letters, digits, `-`) sort the same either way.
 * - Two keys differing only in case (`Host` and `host`) are both signed; values are not trimmed,
 *   and an array value is `String(array)` (commas, no space). We lower-case names, join a repeated
 *   name's values with `, ` as fetch's `Headers` does, and strip leading and trailing HTTP whitespace
 *   as fetch does before sending (Huawei's guide and the Go SDK trim too).
 * - A `content-type` (that exact key) containing `multipart/form-data` is left unsigned. This
 *   client sends JSON only, so we sign the content type whatever it is.
 * - Canonical URI: `url.parse(endpoint).pathname` split on `/`, each segment percent-encoded so
 *   that only `A-Z a-z 0-9 - _ . ~` stay raw (UTF-8, upper-case hex), joined, `/` appended. It
 *   never decodes first, so a `%3A` already in the path becomes `%253A`: the canonical form must
 *   come from the path exactly as sent, and ours comes from `new URL(url).pathname`. `url.parse`
 *   also escapes some characters by itself before that: `'` (which `encodeURIComponent` and the
 *   WHATWG URL leave raw in a path) is signed by the SDK as `%2527`, though the wire carries `'`;
 *   we sign `%27`, what the gateway sees. An empty path stays empty (no `/`); a WHATWG path never is.
 * - Canonical query: built from the `queryParams` object, not from the URL. Keys are sorted raw
 *   (before encoding) by code units, then encoded; an array value is sorted raw, in place (the
 *   caller's array is reordered), one `k=v` each; an empty array drops the key; `undefined` is
 *   signed as the text `undefined`; an empty value is `k=`. We take the query from the URL as sent,
 *   split it on `&` and the first `=`, decode each part (`decodeURIComponent`; `+` stays `+`, the
 *   client encodes a space as `%20`), and sort by raw key, then raw value, to the same result.
 * - Its encoder takes a lone UTF-16 surrogate as half of a pair with whatever follows (or throws at
 *   the end of the text). Decoded URL parts are always well-formed, so this never arises for us.
 * - Payload: hex SHA-256 of `JSON.stringify(data)` when `data` is truthy, else of the empty
 *   string, so a string body is hashed with its JSON quotes and a body of `0`, `false`, `null` or
 *   `''` as no body; an `X-Sdk-Content-Sha256` header (that exact key) replaces the hash. We hash
 *   exactly the body text sent, UTF-8 encoded, which for the JSON objects this client sends is the
 *   same text; we do not read `X-Sdk-Content-Sha256`, which this client never sends.
 * - Signature: HMAC-SHA256 keyed with the secret key string itself (UTF-8, no derived key), lower-case hex.
 */

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

/**
 * Headers left unsigned because a fetch implementation, a browser or a proxy may add, drop or
 * change them on its own: the ones Node's fetch fills in (`user-agent`, `accept`,
 * `accept-language`, `accept-encoding`), hop-by-hop ones, the browser's forbidden request headers a
 * caller might pass (fetch silently drops them), `host` (signed from the URL instead) and
 * `authorization` (the signature itself). Names starting with `proxy-` or `sec-` are unsigned too,
 * as browsers forbid them.
 */
export const UNSIGNED_HEADERS: readonly string[] = (
  'accept accept-charset accept-encoding accept-language authorization connection content-length cookie date expect host ' +
  'keep-alive origin referer te trailer transfer-encoding upgrade user-agent via'
).split(' ');
const unsigned = new Set(UNSIGNED_HEADERS);
const isUnsigned = (name: string): boolean => unsigned.has(name) || name.startsWith('proxy-') || name.startsWith('sec-');

/** `YYYYMMDDTHHMMSSZ` in UTC: the form of `X-Sdk-Date`. */
export function sdkDate(now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  // Also false for an invalid date (NaN).
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`sdkDate: ${String(now)} is not a date with a four-digit year`);
  return now.toISOString().replace(/[-:]|\.\d+/g, '');
}

/**
 * Percent-encodes everything but `A-Z a-z 0-9 - _ . ~`, as UTF-8 with upper-case hex:
 * encodeURIComponent, then the `! ' ( ) *` it leaves raw. `text` is well-formed UTF-16 (a decoded
 * URL part, or a segment of a pathname, which is ASCII). Most parts need nothing: they are returned as they are.
 */
const encodeStrict = (text: string): string =>
  /^[\w.~-]*$/.test(text) ? text : encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonical URI of a pathname as sent: each raw segment encoded again, a `/` at the end. */
export function canonicalUri(pathname: string): string {
  const uri = pathname.split('/').map(encodeStrict).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function decodePart(part: string): string {
  if (!part.includes('%')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    // The client encodes every query part with encodeURIComponent, so this is a URL built elsewhere.
    throw new URIError(`signing: the query part ${JSON.stringify(part)} is not valid percent-encoded UTF-8`);
  }
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical query of a URL's `search` as sent (`?a=1&b=2`, or `''`): parts split on `&` and the
 * first `=`, decoded, sorted by key then value (UTF-16 code units), encoded strictly, `k=v` joined by `&`.
 */
export function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs: [string, string][] = [];
  for (const part of search.slice(1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(eq < 0 ? [decodePart(part), ''] : [decodePart(part.slice(0, eq)), decodePart(part.slice(eq + 1))]);
  }
  if (pairs.length > 1) pairs.sort((a, b) => byCodeUnits(a[0], b[0]) || byCodeUnits(a[1], b[1]));
  let query = '';
  for (const [key, value] of pairs) query += `${query ? '&' : ''}${encodeStrict(key)}=${encodeStrict(value)}`;
  return query;
}

/**
 * A header value as fetch sends it: leading and trailing HTTP whitespace (tab, LF, CR, space)
 * stripped. `trim()` strips more kinds of space, so it only tells whether there is anything to strip.
 */
function headerValueAsSent(value: unknown): string {
  const text = String(value);
  return text.trim() === text ? text : text.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

export interface CanonicalRequest {
  /** What is hashed and signed. */
  canonicalRequest: string;
  /** The same, with redacted header values replaced by `<redacted>`. */
  shown: string;
  signedHeaders: string;
}

/** The canonical request of what will be sent, given the hex SHA-256 of the body. */
export function canonicalRequestOf(request: SigningRequest, payloadHash: string, redact: readonly string[] = []): CanonicalRequest {
  const url = new URL(request.url);
  const values: Record<string, string> = Object.create(null);
  values.host = url.host;
  const names = ['host'];
  for (const rawName of Object.keys(request.headers)) {
    const name = rawName.toLowerCase();
    if (isUnsigned(name)) continue;
    const value = headerValueAsSent(request.headers[rawName]);
    const earlier = values[name];
    // Two spellings of one name: fetch's Headers sends them as one, joined by `, `.
    if (earlier === undefined) names.push(name);
    values[name] = earlier === undefined ? value : `${earlier}, ${value}`;
  }
  // The default sort compares strings by UTF-16 code units.
  names.sort();
  let lines = '';
  let shown = '';
  let redacted = false;
  for (const name of names) {
    const line = `${name}:${values[name]}\n`;
    lines += line;
    if (redact.length > 0 && redact.some((hidden) => hidden.toLowerCase() === name)) {
      shown += `${name}:<redacted>\n`;
      redacted = true;
    } else {
      shown += line;
    }
  }
  const signedHeaders = names.join(';');
  const head = `${request.method}\n${canonicalUri(url.pathname)}\n${canonicalQuery(url.search)}\n`;
  const tail = `\n${signedHeaders}\n${payloadHash}`;
  const canonicalRequest = head + lines + tail;
  return { canonicalRequest, shown: redacted ? head + shown + tail : canonicalRequest, signedHeaders };
}

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

/** Hex SHA-256 of the UTF-8 bytes of `text`: at once with node:crypto, as a promise with Web Crypto. */
const sha256 = (text: string): string | Promise<string> =>
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

/** Hex HMAC-SHA256 keyed with the UTF-8 bytes of `secret` itself. */
function hmac(secret: string, text: string): string | Promise<string> {
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

/** Signs one request as it will be sent: the `Authorization` value, the signed header names and the (redacted) canonical request. */
export async function signRequest(request: SigningRequest, key: SigningKey, options: SigningOptions): Promise<RequestSignature> {
  const dateHeader = options.dateHeader.toLowerCase();
  const dateName = Object.keys(request.headers).find((name) => name.toLowerCase() === dateHeader);
  if (dateName === undefined) throw new TypeError(`signing: the request has no ${options.dateHeader} header to sign`);
  const canonical = canonicalRequestOf(request, await sha256(request.body ?? ''), options.redact);
  const stringToSign = `${options.algorithm}\n${headerValueAsSent(request.headers[dateName])}\n${await sha256(canonical.canonicalRequest)}`;
  const signature = await hmac(key.secretAccessKey, stringToSign);
  return {
    authorization: `${options.algorithm} Access=${key.accessKeyId}, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`,
    signedHeaders: canonical.signedHeaders,
    canonicalRequest: canonical.shown,
  };
}
