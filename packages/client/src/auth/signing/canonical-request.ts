/**
 * The canonical request: `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nPAYLOAD_HASH`, every part
 * derived from exactly what is sent (the URL fetch receives, the headers, the body's hash). The
 * headers block ends with its own `\n`, so an empty line precedes the signed header names.
 *
 * Beside the text signed, a text to show: the same with the value of every header named in
 * `redact` (the security token) replaced by `<redacted>`, for a person comparing it with the
 * gateway's when a signature is rejected.
 */
import { canonicalHeaders } from './canonical-headers.js';
import { canonicalQuery } from './canonical-query.js';
import { canonicalUri } from './canonical-uri.js';

export interface CanonicalRequest {
  /** What is hashed and signed. */
  canonicalRequest: string;
  /** The same, with redacted header values replaced by `<redacted>`. */
  shown: string;
  /** The header names signed, `;`-separated: `content-type;host;x-sdk-date`. */
  signedHeaders: string;
}

/** The canonical request of what will be sent, given the hex SHA-256 of the body. */
export function canonicalRequestOf(
  request: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>> },
  payloadHash: string,
  redact: readonly string[] = [],
): CanonicalRequest {
  const url = new URL(request.url);
  const headers = canonicalHeaders(url.host, request.headers);
  const hidden = new Set(redact.map((name) => name.toLowerCase()));
  let lines = '';
  let shown = '';
  let redacted = false;
  for (const [name, value] of headers) {
    const line = `${name}:${value}\n`;
    lines += line;
    if (hidden.has(name)) {
      shown += `${name}:<redacted>\n`;
      redacted = true;
    } else {
      shown += line;
    }
  }
  const signedHeaders = headers.map(([name]) => name).join(';');
  const head = `${request.method}\n${canonicalUri(url.pathname)}\n${canonicalQuery(url.search)}\n`;
  const tail = `\n${signedHeaders}\n${payloadHash}`;
  const canonicalRequest = head + lines + tail;
  return { canonicalRequest, shown: redacted ? head + shown + tail : canonicalRequest, signedHeaders };
}
