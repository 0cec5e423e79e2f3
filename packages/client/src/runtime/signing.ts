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
 *   name's values with `, ` as fetch's `Headers` does, and trim leading and trailing spaces and tabs
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
 * change them on its own: the browser's forbidden request headers (which fetch silently drops),
 * the ones Node's fetch fills in (`user-agent`, `accept`, `accept-language`, `accept-encoding`),
 * hop-by-hop headers, and `host` (signed from the URL instead) and `authorization` (the signature
 * itself). Names starting with `proxy-` or `sec-` are unsigned too, as browsers forbid them.
 */
export const UNSIGNED_HEADERS: readonly string[] = [
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'access-control-request-headers',
  'access-control-request-method',
  'authorization',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
];
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
 * What each ASCII character becomes: `''` for the ones that stay raw (`A-Z a-z 0-9 - _ . ~`), its
 * `%XX` (upper-case hex) for the rest. A table walk is several times cheaper than
 * `encodeURIComponent` followed by a replace of the `! ' ( ) *` it leaves raw.
 */
const asciiEscapes: readonly string[] = Array.from({ length: 128 }, (_, code) =>
  /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(code)) ? '' : `%${code.toString(16).toUpperCase().padStart(2, '0')}`,
);
/** The same for a whole path, where `/` also stays raw. */
const pathEscapes: readonly string[] = asciiEscapes.map((escape, code) => (code === 0x2f ? '' : escape));

/**
 * Percent-encodes everything but `A-Z a-z 0-9 - _ . ~` (and `/` with `pathEscapes`), as UTF-8
 * with upper-case hex. `text` is well-formed UTF-16: a decoded URL part, or a pathname (ASCII).
 */
function encodeStrict(text: string, escapes: readonly string[] = asciiEscapes): string {
  let out = '';
  let done = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const escape = escapes[code]!;
      if (escape === '') continue;
      out += text.slice(done, i) + escape;
      done = i + 1;
    } else {
      // A run of non-ASCII: encodeURIComponent gives its UTF-8 bytes in upper-case hex.
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
      out += text.slice(done, i) + encodeURIComponent(text.slice(i, end));
      done = end;
      i = end - 1;
    }
  }
  return done === 0 ? text : out + text.slice(done);
}

/** The canonical URI of a pathname as sent: each raw segment encoded again, a `/` at the end. */
export function canonicalUri(pathname: string): string {
  const uri = encodeStrict(pathname, pathEscapes);
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

/** Leading and trailing HTTP whitespace (tab, LF, CR, space), which fetch strips from a header value before sending. */
const isHttpWhitespace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
function headerValueAsSent(value: unknown): string {
  let text = String(value);
  let start = 0;
  let end = text.length;
  while (start < end && isHttpWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(text.charCodeAt(end - 1))) end--;
  if (start > 0 || end < text.length) text = text.slice(start, end);
  return text;
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
  names.sort(byCodeUnits);
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

/** SHA-256 of the empty string: the payload hash of a request without a body. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The parts of `node:crypto` used here (string input is UTF-8). */
interface NodeHmac {
  update(data: string): NodeHmac;
  digest(encoding: 'hex'): string;
}
interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'hex'): string } };
  createHmac(algorithm: 'sha256', key: unknown): NodeHmac;
  createSecretKey(key: Uint8Array): unknown;
  /** One-shot hashing, Node >= 20.12: no Hash object per call. */
  hash?: (algorithm: 'sha256', data: string, outputEncoding: 'hex') => string;
}

const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/**
 * The HMAC key of the last secret used, and only that one: a client with rotating credentials
 * imports each new key once, and no earlier secret stays reachable. A Node KeyObject or a
 * non-extractable Web Crypto key (as a promise, so concurrent first calls share one import).
 */
let lastSecret: string | undefined;
let lastKey: unknown;

function keyFor<T>(secret: string, make: (secret: string) => T): T {
  if (secret !== lastSecret || lastKey === undefined) {
    lastKey = make(secret);
    lastSecret = secret;
  }
  return lastKey as T;
}

function forgetKey(): void {
  lastSecret = undefined;
  lastKey = undefined;
}

const sha256HexNode = (crypto: NodeCrypto, text: string): string =>
  crypto.hash ? crypto.hash('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');

const hexByte = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += hexByte[bytes[i]!];
  return out;
}

function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'AK/SK signing needs node:crypto or Web Crypto (crypto.subtle); this runtime has neither (browsers offer crypto.subtle only on https:// and localhost pages)',
    );
  }
  return subtle;
}

/** Strings are UTF-8 everywhere; TextEncoder turns a lone surrogate into U+FFFD as fetch does. */
const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

async function sha256HexWeb(subtle: SubtleCrypto, text: string): Promise<string> {
  return hex(await subtle.digest('SHA-256', utf8(text)));
}

function dateOf(request: SigningRequest, dateHeader: string): string {
  const wanted = dateHeader.toLowerCase();
  for (const name of Object.keys(request.headers)) {
    if (name.toLowerCase() === wanted) return headerValueAsSent(request.headers[name]);
  }
  throw new TypeError(`signing: the request has no ${dateHeader} header to sign`);
}

const authorizationOf = (options: SigningOptions, key: SigningKey, canonical: CanonicalRequest, signature: string): RequestSignature => ({
  authorization: `${options.algorithm} Access=${key.accessKeyId}, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`,
  signedHeaders: canonical.signedHeaders,
  canonicalRequest: canonical.shown,
});

/** Signs one request as it will be sent: the `Authorization` value, the signed header names and the (redacted) canonical request. */
export async function signRequest(request: SigningRequest, key: SigningKey, options: SigningOptions): Promise<RequestSignature> {
  const date = dateOf(request, options.dateHeader);
  const body = request.body;
  const crypto = nodeCrypto;
  if (crypto) {
    const payloadHash = body ? sha256HexNode(crypto, body) : EMPTY_SHA256;
    const canonical = canonicalRequestOf(request, payloadHash, options.redact);
    const stringToSign = `${options.algorithm}\n${date}\n${sha256HexNode(crypto, canonical.canonicalRequest)}`;
    const hmacKey = keyFor(key.secretAccessKey, (secret) => crypto.createSecretKey(utf8(secret)));
    return authorizationOf(options, key, canonical, crypto.createHmac('sha256', hmacKey).update(stringToSign).digest('hex'));
  }
  const subtle = subtleCrypto();
  const hmacKey = keyFor(key.secretAccessKey, (secret) => {
    const imported = subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // A failed import is not kept: the next call tries again.
    imported.catch(() => lastKey === imported && forgetKey());
    return imported;
  });
  const payloadHash = body ? await sha256HexWeb(subtle, body) : EMPTY_SHA256;
  const canonical = canonicalRequestOf(request, payloadHash, options.redact);
  const stringToSign = `${options.algorithm}\n${date}\n${await sha256HexWeb(subtle, canonical.canonicalRequest)}`;
  return authorizationOf(options, key, canonical, hex(await subtle.sign('HMAC', await hmacKey, utf8(stringToSign))));
}
