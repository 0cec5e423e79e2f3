/**
 * A loopback API gateway stand-in that checks AK/SK signatures (SDK-HMAC-SHA256) the way the real one
 * must: from what actually arrived on the wire. For every request it recomputes the signature with
 * the OFFICIAL signer (`@huaweicloud/huaweicloud-sdk-core`'s AKSKSigner) from the method, the raw
 * request-target (`req.url`, nothing decoded or normalised), the headers the request names in
 * `SignedHeaders` with their values as received, `host` as received and the body bytes, with the
 * secret it finds for the access key id in a keyring the test gives it. It also checks the date
 * against its own clock (15 minutes either way), the security token of temporary credentials, and
 * that no header the gateway needs signed was sent unsigned.
 *
 * A request that fails any check gets 401 `APIGW.0301` with the canonical request the server
 * computed (newlines as `|`) in `error_msg`, and never reaches the test's responder. One that passes
 * goes to the responder, like loopback-server.ts's `reset(responder)`. Every request is recorded with
 * its verdict. CORS is answered (preflights and exposed headers) so a page on another loopback origin
 * can call it from Chromium.
 *
 * 127.0.0.1 only, port chosen by the OS, closed by the test.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { parse as legacyParseUrl } from 'node:url';
import { accepted, json, listenOnLoopback, recordingServer, respond, type RecordedRequest } from './loopback-server.js';

// The official signer is CommonJS; from ESM it is reached through createRequire.
interface OfficialSigner {
  sign(
    request: { method: string; endpoint: string; queryParams?: Record<string, string | string[]>; headers: Record<string, string>; data?: unknown },
    credential: { getAk(): string; getSk(): string },
  ): Record<string, string>;
  CanonicalURI(path: string): string;
  CanonicalQueryString(request: { queryParams?: Record<string, string | string[]> }): string;
  buildCanonicalHeaders(headers: Record<string, string>): string;
  buildCanonicalRequest(method: string, uri: string, query: string, headers: string, signedHeaders: string, payloadHash: string): string;
  getStringToSign(algorithm: string, date: string, canonicalRequestHash: string): string;
  Hex(data: string | Uint8Array): string;
  hmacSHA256(secret: string, data: string): string;
  EMPTY_BODY_SHA256: string;
  SDK_SIGNING_ALGORITHM: string;
}
const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as { AKSKSigner: OfficialSigner };

/** An AK/SK pair the server knows. With `securityToken` it is a temporary pair: requests must carry that token. */
export interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials only: the `X-Security-Token` every request with this AK must send (and sign). */
  securityToken?: string;
  /** Temporary credentials only: after this instant (server clock) the pair is refused. */
  expiresAt?: Date;
}

export interface Verdict {
  accepted: boolean;
  /** Why the request was refused; no secret or token value in it. */
  reason?: string;
  /** The access key id named in `Authorization`, when there was one. */
  accessKeyId?: string;
  /** `SignedHeaders` as the request named it (or, with no usable Authorization, the gateway's required headers present). */
  signedHeaders: string;
  /** The canonical request the server computed from the wire. */
  canonicalRequest: string;
  /**
   * How the expected signature was computed: `sign` by `AKSKSigner.sign()` itself, `parts` by its
   * static building blocks with the exact body bytes hashed (see expectedSignature).
   */
  route: 'sign' | 'parts';
}

export interface VerifiedRequest extends RecordedRequest {
  verdict: Verdict;
}

export type VerifiedResponder = (request: VerifiedRequest, res: ServerResponse) => void;

export interface VerifyingServerOptions {
  keys: readonly KeyPair[];
  /** The server's clock (default: the real one). */
  now?: () => Date;
  /** Largest accepted distance between `X-Sdk-Date` and the server's clock (default 15, as the gateway). */
  maxSkewMinutes?: number;
  responder?: VerifiedResponder;
}

export interface VerifyingServer {
  readonly url: string;
  readonly port: number;
  /** Every request except CORS preflights, with its verdict, in arrival order. */
  readonly requests: VerifiedRequest[];
  /** The CORS preflights answered (never verified: a browser sends them without credentials). */
  readonly preflights: RecordedRequest[];
  /** Sets how accepted requests are answered from now on, and forgets the requests seen so far. */
  reset(responder?: VerifiedResponder): void;
  setKeys(keys: readonly KeyPair[]): void;
  setNow(now: () => Date): void;
  close(): Promise<void>;
}

/** The headers the gateway requires to be signed whenever they are sent. */
export const REQUIRED_SIGNED_HEADERS = ['content-type', 'host', 'x-project-id', 'x-sdk-date', 'x-security-token'] as const;

export const SIGNATURE_REJECTION_CODE = 'APIGW.0301';

/**
 * The 401 body. The live gateway's exact text is not published: Huawei's API request signing guide
 * (FAQ "Common Errors Related to IAM Authentication Information", devg-apisign/api-sign-0001) shows
 * `{"error_msg": "Incorrect IAM authentication information: verify aksk signature fail, ......",
 * "error_code": "APIGW.0301", "request_id": "******"}`, elided after "fail,", and the facts sheet (§5b)
 * says the elided part echoes the server's canonical request with `|` for newlines. This reproduces
 * that shape. The documented gateway words an unknown AK differently ("Get secretKey failed, ... ak not
 * exist"); here every refusal uses the one shape so a client has one thing to parse. The canonical
 * request is echoed as computed, security token included: a client must not assume the server redacts it
 * (AWS API Gateway's equivalent message does echo `x-amz-security-token`), so whatever of the error body
 * a client keeps (message, body text, parsed body) must have the token taken out.
 */
export function rejectionBody(canonicalRequest: string): { error_code: string; error_msg: string; request_id: string } {
  return {
    error_code: SIGNATURE_REJECTION_CODE,
    error_msg: `Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest: ${canonicalRequest.replace(/\n/g, '|')}`,
    request_id: randomUUID().replace(/-/g, ''),
  };
}

/** The server's canonical request back from a rejection's `error_msg` (`|` → newline), or undefined. */
export function canonicalRequestOf(errorMsg: string): string | undefined {
  const marker = 'canonicalRequest: ';
  const at = errorMsg.indexOf(marker);
  return at < 0 ? undefined : errorMsg.slice(at + marker.length).replace(/\|/g, '\n');
}

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `X-Sdk-Date` as an instant, or undefined when it is not a real `YYYYMMDDTHHMMSSZ` time. */
export function parseSdkDate(value: string): Date | undefined {
  const m = SDK_DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const sameFields =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day &&
    date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second;
  return sameFields ? date : undefined;
}

/**
 * The raw query as the SDK's `queryParams`: split on `&` and the first `=`, each part decoded with
 * decodeURIComponent (`+` stays `+`, as in the contract), a repeated key collected into an array in
 * arrival order (the signer sorts values), a part without `=` an empty value. Empty parts (`a=1&&b=2`,
 * a trailing `&`) carry no parameter and are skipped. A part that is not valid percent-encoding is
 * kept raw and reported, so the request is refused.
 */
export function queryParamsOf(rawQuery: string): { params: Record<string, string | string[]>; malformed?: string } {
  const params: Record<string, string | string[]> = Object.create(null);
  let malformed: string | undefined;
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      malformed ??= part;
      return part;
    }
  };
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    const seen = params[key];
    params[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return malformed === undefined ? { params } : { params, malformed };
}

/** The part of a request the signature covers, as it arrived. */
export interface WireRequest {
  method: string;
  /** `req.url`: raw path and raw query. */
  url: string;
  /** Lower-case header name → value as received (Node joins repeated headers with ', '). */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/**
 * The body as the SDK's `data`, when handing it to `AKSKSigner.sign()` hashes exactly the bytes
 * received. The SDK hashes `JSON.stringify(data)` (and the empty string when `data` is falsy), so
 * parsing the body and passing the value would lose fidelity: `{"a":1.0}` re-serialises as
 * `{"a":1}`, `{"b":1,"1":2}` comes back with the integer key first, whitespace, `\u00e9` escapes,
 * duplicate keys and big numbers change, a body of `null`/`0`/`false`/`""` is hashed as empty, and a
 * non-JSON or non-UTF-8 body cannot be passed at all. Either way the server would hash bytes other
 * than those sent, refusing a correct client or accepting a wrong one. So `sign()` gets the parsed
 * body only when re-serialising it gives back the received bytes exactly; otherwise (see
 * expectedSignature) the signature is assembled from the official signer's own static steps with the
 * SHA-256 of the raw bytes.
 */
function faithfulData(body: Buffer): { data: unknown } | undefined {
  if (body.length === 0) return { data: undefined };
  const text = body.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(body)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  return JSON.stringify(data) === text ? { data } : undefined;
}

/**
 * The signature the request should carry, computed by the official signer.
 *
 * The canonical request is always assembled from AKSKSigner's own static steps (CanonicalURI,
 * CanonicalQueryString, buildCanonicalHeaders, buildCanonicalRequest, Hex, getStringToSign,
 * hmacSHA256) fed with exactly what arrived: `sign()` does not return it, and the server must echo it.
 * When `sign()` itself can be given the same request without losing a byte — the body passes
 * faithfulData and the raw path survives the legacy `url.parse` that `sign()` applies to its endpoint
 * (which escapes `'`, `|`, `^`, `{`, `}`, `"` and turns `\` into `/`) — `sign()` computes the expected
 * `Authorization`, and the assembled one must equal it (otherwise this helper is wrong and says so).
 * Otherwise the assembled one is used: the same official code, with the raw path and the raw body
 * bytes instead of the SDK's re-serialisations of them.
 */
export function expectedSignature(
  request: WireRequest,
  signedHeaderNames: readonly string[],
  key: { accessKeyId: string; secretAccessKey: string },
): { authorization: string; canonicalRequest: string; route: 'sign' | 'parts' } {
  const q = request.url.indexOf('?');
  const rawPath = q < 0 ? request.url : request.url.slice(0, q);
  const rawQuery = q < 0 ? '' : request.url.slice(q + 1);
  const { params } = queryParamsOf(rawQuery);

  // The headers to sign, keyed as sign() expects: the date under its exact name (sign() reads
  // 'X-Sdk-Date' literally, and would otherwise make up a fresh date), host under 'host'.
  const headers: Record<string, string> = {};
  const SDK_KEYS: Record<string, string> = { 'x-sdk-date': 'X-Sdk-Date', 'x-sdk-content-sha256': 'X-Sdk-Content-Sha256' };
  for (const name of signedHeaderNames) headers[SDK_KEYS[name] ?? name] = request.headers[name] ?? '';
  const date = headers['X-Sdk-Date'] ?? '';

  // What sign() does, step by step, on the exact wire values.
  const allHeaders: Record<string, string> = { ...headers };
  if (allHeaders['content-type']?.includes('multipart/form-data')) delete allHeaders['content-type'];
  allHeaders.host = request.headers.host ?? '';
  const names = Object.keys(allHeaders).map((k) => k.toLowerCase());
  const signedHeaders = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(';');
  const payloadHash = headers['X-Sdk-Content-Sha256'] ?? (request.body.length > 0 ? AKSKSigner.Hex(request.body) : AKSKSigner.EMPTY_BODY_SHA256);
  const canonicalRequest = AKSKSigner.buildCanonicalRequest(
    request.method,
    AKSKSigner.CanonicalURI(rawPath),
    AKSKSigner.CanonicalQueryString({ queryParams: { ...params } }),
    AKSKSigner.buildCanonicalHeaders(allHeaders),
    signedHeaders,
    payloadHash,
  );
  const stringToSign = AKSKSigner.getStringToSign(AKSKSigner.SDK_SIGNING_ALGORITHM, date, AKSKSigner.Hex(canonicalRequest));
  const assembled = `${AKSKSigner.SDK_SIGNING_ALGORITHM} Access=${key.accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${AKSKSigner.hmacSHA256(key.secretAccessKey, stringToSign)}`;

  const ENDPOINT_BASE = 'http://verifier.invalid';
  const body = faithfulData(request.body);
  const pathSurvives = rawPath.startsWith('/') && legacyParseUrl(ENDPOINT_BASE + rawPath).pathname === rawPath;
  if (!body || !pathSurvives || parseSdkDate(date) === undefined) return { authorization: assembled, canonicalRequest, route: 'parts' };

  const signed = AKSKSigner.sign(
    { method: request.method, endpoint: ENDPOINT_BASE + rawPath, queryParams: { ...params }, headers: { ...headers, host: request.headers.host ?? '' }, data: body.data },
    { getAk: () => key.accessKeyId, getSk: () => key.secretAccessKey },
  );
  const authorization = signed.Authorization ?? '';
  if (authorization !== assembled) {
    throw new Error(`verifying-server: AKSKSigner.sign() and its own steps disagree for ${request.method} ${request.url}; the helper needs fixing`);
  }
  return { authorization, canonicalRequest, route: 'sign' };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** One header's value as received: rawHeaders keeps every occurrence; repeated ones are joined like Node does. */
function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null);
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

/** Checks one request; the canonical request is computed even when a check fails, to be echoed. */
export function verify(request: WireRequest, keys: readonly KeyPair[], now: Date, maxSkewMinutes = 15): Verdict {
  const header = request.headers.authorization;
  const match = header === undefined ? null : AUTHORIZATION.exec(header);
  const presentRequired = REQUIRED_SIGNED_HEADERS.filter((name) => request.headers[name] !== undefined);
  const signedNames = match ? match[2]!.split(';').map((n) => n.toLowerCase()) : [...presentRequired];
  const accessKeyId = match?.[1];
  const pair = accessKeyId === undefined ? undefined : keys.find((k) => k.accessKeyId === accessKeyId);
  // The canonical request does not depend on the secret: with no pair, any stands in for it.
  const expected = expectedSignature(request, signedNames, { accessKeyId: accessKeyId ?? '', secretAccessKey: pair?.secretAccessKey ?? '' });
  const base = { signedHeaders: match ? match[2]! : signedNames.join(';'), canonicalRequest: expected.canonicalRequest, route: expected.route };
  const refuse = (reason: string): Verdict => ({ accepted: false, reason, ...(accessKeyId === undefined ? {} : { accessKeyId }), ...base });

  if (header === undefined) return refuse('no Authorization header');
  if (!match) return refuse('Authorization is not "SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=<64 hex>"');
  if (!pair) return refuse('unknown access key id');
  const unsigned = presentRequired.filter((name) => !signedNames.includes(name));
  if (unsigned.length > 0) return refuse(`sent but not signed: ${unsigned.join(', ')}`);
  const absent = signedNames.filter((name) => name !== 'host' && request.headers[name] === undefined);
  if (absent.length > 0) return refuse(`signed but not sent: ${absent.join(', ')}`);
  const q = request.url.indexOf('?');
  const malformed = q < 0 ? undefined : queryParamsOf(request.url.slice(q + 1)).malformed;
  if (malformed !== undefined) return refuse('query part is not valid percent-encoding');
  const date = parseSdkDate(request.headers['x-sdk-date'] ?? '');
  if (!date) return refuse('X-Sdk-Date missing or not YYYYMMDDTHHMMSSZ');
  if (Math.abs(date.getTime() - now.getTime()) > maxSkewMinutes * 60_000) return refuse(`X-Sdk-Date more than ${maxSkewMinutes} minutes from the server clock`);
  const token = request.headers['x-security-token'];
  if (pair.securityToken === undefined) {
    if (token !== undefined) return refuse('security token sent with a permanent access key');
  } else {
    if (token === undefined) return refuse('temporary access key without X-Security-Token');
    if (!sameText(token, pair.securityToken)) return refuse('security token does not belong to this access key');
    if (pair.expiresAt && now.getTime() >= pair.expiresAt.getTime()) return refuse('temporary credentials expired');
  }
  if (!sameText(header, expected.authorization)) return refuse('signature mismatch');
  return { accepted: true, accessKeyId, ...base };
}

const PREFLIGHT_MAX_AGE = '600';

function allowCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  // Expose every header of the answer, named one by one (`*` is not honoured for credentialed requests).
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const given = args.find((a) => typeof a === 'object' && a !== null) as Record<string, unknown> | unknown[] | undefined;
    const names = new Set(res.getHeaderNames());
    if (Array.isArray(given)) for (let i = 0; i < given.length; i += 2) names.add(String(given[i]).toLowerCase());
    else if (given) for (const name of Object.keys(given)) names.add(name.toLowerCase());
    names.delete('access-control-allow-origin');
    names.delete('vary');
    res.setHeader('Access-Control-Expose-Headers', [...names].join(', '));
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

export async function startVerifyingServer(options: VerifyingServerOptions): Promise<VerifyingServer> {
  const initial = options.responder ?? (accepted('00000000-0000-4000-8000-000000000000') as VerifiedResponder);
  let responder = initial;
  let keys = [...options.keys];
  let now = options.now ?? (() => new Date());
  const maxSkewMinutes = options.maxSkewMinutes ?? 15;
  const requests: VerifiedRequest[] = [];
  const preflights: RecordedRequest[] = [];

  const server: Server = recordingServer((recorded, req, res) => {
    allowCors(req, res);
    if (recorded.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      preflights.push(recorded);
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '',
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
      });
      res.end();
      return;
    }
    let verdict: Verdict;
    try {
      verdict = verify({ method: recorded.method, url: recorded.url, headers: headersOf(req), body: recorded.body }, keys, now(), maxSkewMinutes);
    } catch (error) {
      res.writeHead(599, { 'Content-Type': 'text/plain' });
      res.end(String(error));
      return;
    }
    const verified: VerifiedRequest = { ...recorded, verdict };
    requests.push(verified);
    if (!verdict.accepted) {
      json(res, 401, rejectionBody(verdict.canonicalRequest));
      return;
    }
    respond(responder, verified, res);
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    preflights,
    reset(next = initial) {
      responder = next;
      requests.length = 0;
      preflights.length = 0;
    },
    setKeys(next) {
      keys = [...next];
    },
    setNow(next) {
      now = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
