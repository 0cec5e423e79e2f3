/**
 * The string to sign: the algorithm, the date signed (the date header's value, as sent) and the
 * hex SHA-256 of the canonical request, one per line. Unlike AWS Signature V4 there is no
 * credential scope line: the key is not derived from a date, region or service.
 */

/** `SDK-HMAC-SHA256\n20240101T000000Z\n<hex sha256 of the canonical request>` */
export const stringToSign = (algorithm: string, date: string, canonicalRequestHash: string): string =>
  `${algorithm}\n${date}\n${canonicalRequestHash}`;
