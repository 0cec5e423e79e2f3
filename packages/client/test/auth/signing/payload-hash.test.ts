/** payloadHash: hex SHA-256 of the UTF-8 bytes of the body sent; no body hashes as the empty string. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { payloadHash } from '../../../src/auth/signing/payload-hash.js';
import { signRequest } from '../../../src/auth/signing/sign-request.js';
import { invokeRequest, key, options, sha256 } from '../../helpers/signing-requests.js';

describe('payloadHash', () => {
  const rows: [name: string, given: string | undefined, want: string][] = [
    ['no body: the hash of the empty string', undefined, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['an empty body: the same', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a JSON object, as sent', '{"k":"v"}', sha256('{"k":"v"}')],
    ['a JSON string keeps its quotes: the text sent is hashed', '"text"', sha256('"text"')],
    ['non-ASCII hashed as UTF-8 bytes', 'é😀', createHash('sha256').update(Buffer.from('é😀', 'utf8')).digest('hex')],
  ];
  it.each(rows)('%s', async (_, given, want) => expect(await payloadHash(given)).toBe(want));
});

describe('the payload hash in the signed request', () => {
  it('hashes the UTF-8 bytes of the body sent; no body and an empty body hash as the empty string', async () => {
    const body = '{"ünï":"😀","中":[1,{"a":null}]}';
    const { canonicalRequest } = await signRequest(invokeRequest({ body }), key, options);
    expect(canonicalRequest.split('\n').at(-1)).toBe(createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex'));
    for (const empty of [undefined, '']) {
      const signed = await signRequest(invokeRequest({ body: empty }), key, options);
      expect(signed.canonicalRequest.split('\n').at(-1)).toBe(sha256(''));
    }
  });
});
