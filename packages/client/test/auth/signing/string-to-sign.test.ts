/** stringToSign: the algorithm, the date signed and the hash of the canonical request, one per line. */
import { describe, expect, it } from 'vitest';
import { stringToSign } from '../../../src/auth/signing/string-to-sign.js';

describe('stringToSign', () => {
  const hash = 'a'.repeat(64);
  const rows: [name: string, given: [algorithm: string, date: string, canonicalRequestHash: string], want: string][] = [
    ['three lines, no trailing newline', ['SDK-HMAC-SHA256', '20240101T000000Z', hash], `SDK-HMAC-SHA256\n20240101T000000Z\n${hash}`],
    ['the algorithm as the spec names it', ['OTHER-ALGORITHM', '20261201T010203Z', hash], `OTHER-ALGORITHM\n20261201T010203Z\n${hash}`],
  ];
  it.each(rows)('%s', (_, given, want) => expect(stringToSign(...given)).toBe(want));
});
