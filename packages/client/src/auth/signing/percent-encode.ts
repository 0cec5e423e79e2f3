/**
 * The one percent-encoding every part of the canonical request uses (path segments, query keys
 * and values): everything but `A-Z a-z 0-9 - _ . ~` is encoded, as UTF-8 with upper-case hex.
 *
 * The official signer's encoder takes a lone UTF-16 surrogate as half of a pair with whatever
 * follows it (or throws at the end of the text). What we encode is always well-formed: a decoded
 * URL part, or a segment of a WHATWG pathname, which is ASCII. So that difference never arises.
 */

const unreserved = /^[\w.~-]*$/;

/**
 * encodeURIComponent, then the `! ' ( ) *` it leaves raw. Most parts need nothing: they are
 * returned as they are.
 */
export const percentEncode = (text: string): string =>
  unreserved.test(text) ? text : encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
