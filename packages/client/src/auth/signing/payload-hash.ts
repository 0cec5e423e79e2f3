/**
 * The payload hash: hex SHA-256 of exactly the body bytes sent, UTF-8 encoded; no body hashes as
 * the empty string.
 *
 * The official signer hashes `JSON.stringify(data)` when `data` is truthy, else the empty string,
 * so a string body is hashed with its JSON quotes and a body of `0`, `false`, `null` or `''` as no
 * body; an `X-Sdk-Content-Sha256` header (that exact key) replaces the hash. We hash the body text
 * sent, which for the JSON objects this client sends is the same text; we do not read
 * `X-Sdk-Content-Sha256`, which this client never sends.
 */
import { sha256 } from './crypto.js';

/** Hex SHA-256 of the body text sent (`undefined`: no body). */
export const payloadHash = (body: string | undefined): string | Promise<string> => sha256(body ?? '');
