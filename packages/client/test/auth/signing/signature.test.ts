/** signature and authorization: HMAC-SHA256 keyed with the secret itself, and the header that carries it. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorization, signature } from '../../../src/auth/signing/signature.js';
import { signRequest } from '../../../src/auth/signing/sign-request.js';
import { invokeRequest, key, official, options } from '../../helpers/signing-requests.js';

const hmac = (secret: string, text: string) => createHmac('sha256', Buffer.from(secret, 'utf8')).update(text, 'utf8').digest('hex');

describe('signature', () => {
  const rows: [name: string, given: [secret: string, stringToSign: string], want: string][] = [
    ['keyed with the secret string itself', ['SK', 'SDK-HMAC-SHA256\n20240101T000000Z\nabc'], hmac('SK', 'SDK-HMAC-SHA256\n20240101T000000Z\nabc')],
    ['a non-ASCII secret as UTF-8', ['é', 'text'], hmac('é', 'text')],
    ['a secret longer than a block (64 bytes)', ['k'.repeat(65), 'text'], hmac('k'.repeat(65), 'text')],
    ['another secret after the first (the cached key is replaced)', ['SK2', 'text'], hmac('SK2', 'text')],
    ['the first secret again', ['SK', 'text'], hmac('SK', 'text')],
  ];
  it.each(rows)('%s', async (_, [secret, text], want) => expect(await signature(secret, text)).toBe(want));

  it('keys the HMAC with the secret itself as UTF-8, of any length (longer than a block is hashed first)', async () => {
    for (const secretAccessKey of ['é', 'k'.repeat(65), '😀'.repeat(40), ' leading and trailing spaces ']) {
      const other = { ...key, secretAccessKey };
      const request = invokeRequest();
      expect((await signRequest(request, other, options)).authorization).toBe(official(request, {}, JSON.parse(request.body!), other));
    }
  });
});

describe('authorization', () => {
  it('is the algorithm, the access key id, the signed header names and the signature', () => {
    expect(authorization('SDK-HMAC-SHA256', 'AK', 'host;x-sdk-date', 'f'.repeat(64))).toBe(`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${'f'.repeat(64)}`);
  });
});
