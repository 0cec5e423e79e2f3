/**
 * The canonical headers: which headers are signed and the values signed for them, exactly as
 * fetch sends them.
 *
 * What the official signer does, and what we do about each point:
 * - It signs every header given, plus `host`. We sign every header given except the ones a fetch
 *   implementation, a browser or a proxy may add, drop or change on its own (`UNSIGNED_HEADERS`).
 * - Host: it signs `url.parse(endpoint).host`, which keeps an explicit default port
 *   (`https://h:443` signs `h:443`), while fetch sends `Host: h` (the WHATWG URL drops it); a `host`
 *   header (that exact key) replaces it. We sign `new URL(url).host`: what fetch sends.
 * - Order: `SignedHeaders` is sorted by UTF-16 code units (lodash `sortBy` on the lower-cased
 *   name), but the canonical header lines with `localeCompare` (ICU collation), which orders `_`
 *   before `-` (`x_a` before `x-a`), so for such names its two lists disagree with each other. We
 *   sort both by code units, like the gateway's other SDKs; the headers this client sends
 *   (letters, digits, `-`) sort the same either way.
 * - Two keys differing only in case (`Host` and `host`) are both signed; values are not trimmed,
 *   and an array value is `String(array)` (commas, no space). We lower-case names, join a repeated
 *   name's values with `, ` as fetch's `Headers` does, and strip leading and trailing HTTP
 *   whitespace as fetch does before sending (Huawei's guide and the Go SDK trim too).
 * - A `content-type` (that exact key) containing `multipart/form-data` is left unsigned. This
 *   client sends JSON only, so we sign the content type whatever it is.
 */

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

/**
 * A header value as fetch sends it: leading and trailing HTTP whitespace (tab, LF, CR, space)
 * stripped. `trim()` strips more kinds of space, so it only tells whether there is anything to strip.
 */
export function headerValueAsSent(value: unknown): string {
  const text = String(value);
  return text.trim() === text ? text : text.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

/** One signed header: its lower-case name and the value signed. */
export type CanonicalHeader = readonly [name: string, value: string];

/**
 * The headers signed for a request to `host` (as the URL gives it, port included) carrying
 * `headers`: `host` and every signed header, lower-case, sorted by name (UTF-16 code units).
 */
export function canonicalHeaders(host: string, headers: Readonly<Record<string, string>>): CanonicalHeader[] {
  const values = new Map([['host', host]]);
  for (const rawName of Object.keys(headers)) {
    const name = rawName.toLowerCase();
    if (isUnsigned(name)) continue;
    const value = headerValueAsSent(headers[rawName]);
    const earlier = values.get(name);
    // Two spellings of one name: fetch's Headers sends them as one, joined by `, `.
    values.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  // The default sort compares strings by UTF-16 code units; names are unique, so only names are compared.
  return [...values].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
