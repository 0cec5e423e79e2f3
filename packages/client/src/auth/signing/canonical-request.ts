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

/** What a URL contributes to the canonical request: the host signed, the canonical URI and the canonical query. */
export interface CanonicalTarget {
  readonly host: string;
  readonly uri: string;
  readonly query: string;
}

/**
 * The canonical targets of the URLs signed lately. A client calls the same few functions over and
 * over, so each URL is parsed and re-encoded once, not on every attempt (about 2 µs an attempt on
 * Node 20). Bounded: a process that signs for many URLs starts afresh when 256 are held.
 */
const targets = new Map<string, CanonicalTarget>();
const TARGETS_KEPT = 256;

/** The canonical target of a URL as sent. */
export function canonicalTarget(url: string): CanonicalTarget {
  let target = targets.get(url);
  if (target === undefined) {
    const parsed = new URL(url);
    target = { host: parsed.host, uri: canonicalUri(parsed.pathname), query: canonicalQuery(parsed.search) };
    if (targets.size >= TARGETS_KEPT) targets.clear();
    targets.set(url, target);
  }
  return target;
}

/** The canonical request of what will be sent, given the hex SHA-256 of the body. */
export function canonicalRequestOf(
  request: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>> },
  payloadHash: string,
  redact: readonly string[] = [],
): CanonicalRequest {
  const target = canonicalTarget(request.url);
  const headers = canonicalHeaders(target.host, request.headers);
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
  const head = `${request.method}\n${target.uri}\n${target.query}\n`;
  const tail = `\n${signedHeaders}\n${payloadHash}`;
  const canonicalRequest = head + lines + tail;
  return { canonicalRequest, shown: redacted ? head + shown + tail : canonicalRequest, signedHeaders };
}
