/**
 * The canonical URI: the path exactly as sent, each segment percent-encoded again, a `/` at the end.
 *
 * The official signer takes `url.parse(endpoint).pathname`, splits it on `/`, encodes each
 * segment so that only `A-Z a-z 0-9 - _ . ~` stay raw, joins them and appends a `/`. It never
 * decodes first, so a `%3A` already in the path becomes `%253A`: the canonical URI must come from
 * the path exactly as sent, and ours comes from `new URL(url).pathname`, what fetch sends.
 * `url.parse` also escapes some characters by itself before that: `'` (which
 * `encodeURIComponent` and the WHATWG URL leave raw in a path) is signed by the SDK as `%2527`,
 * though the wire carries `'`; we sign `%27`, what the gateway sees. An empty path stays empty in
 * the SDK (no `/`); a WHATWG pathname is never empty.
 */
import { percentEncode } from './percent-encode.js';

/** The canonical URI of a pathname as sent. */
export function canonicalUri(pathname: string): string {
  const uri = pathname.split('/').map(percentEncode).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}
