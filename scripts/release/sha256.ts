import { createHash } from 'node:crypto';

/** The SHA-256 of a file's bytes or text, in hex: how the baseline and the fingerprint name content. */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
