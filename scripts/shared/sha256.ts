/**
 * SHA-256 as every script here writes it: lower-case hex. The generator's manifest (the spec's
 * and the output's hashes), the release fingerprint and the test helpers all compare these strings,
 * so they must be made one way.
 */
import { createHash } from 'node:crypto';

/** The SHA-256 of text (as UTF-8) or bytes, in lower-case hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
