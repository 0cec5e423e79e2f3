/**
 * The canonical query: the query as sent, split into key/value pairs, decoded, sorted by key then
 * value (UTF-16 code units), encoded strictly, `k=v` joined by `&`; no query is an empty line.
 *
 * The official signer builds it from its `queryParams` object, not from the URL: keys sorted raw
 * (before encoding) by code units, then encoded; an array value sorted raw, in place (the
 * caller's array is reordered), one `k=v` each; an empty array drops the key; `undefined` signed
 * as the text `undefined`; an empty value as `k=`. We take the query from the URL as sent, split
 * it on `&` and the first `=`, decode each part (`decodeURIComponent`: `+` stays `+`, the client
 * encodes a space as `%20`), and sort by raw key, then raw value, which comes to the same text.
 */
import { percentEncode } from './percent-encode.js';

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

/** The canonical query of a URL's `search` as sent (`?a=1&b=2`, or `''`). */
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
  for (const [key, value] of pairs) query += `${query ? '&' : ''}${percentEncode(key)}=${percentEncode(value)}`;
  return query;
}
