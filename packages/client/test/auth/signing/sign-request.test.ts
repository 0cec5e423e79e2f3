/**
 * signRequest, the steps composed: the known vector from the facts (§5b), the date header it
 * signs, agreement with the official signer on the request the client sends most, and what it
 * returns (never a secret). Each step has its own test beside this one; the official signer is
 * compared on generated requests in signing.differential.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { signRequest, type RequestSignature, type SigningRequest } from '../../../src/auth/signing/sign-request.js';
import { invokeRequest, key, official, options, project, sha256, token } from '../../helpers/signing-requests.js';

describe('the known vector (facts §5b)', () => {
  it('GET https://h.example.com/v2/p/x, no query, no body, AK "AK", SK "SK", 20240101T000000Z', async () => {
    const signature = await signRequest(
      { method: 'GET', url: 'https://h.example.com/v2/p/x', headers: { 'x-sdk-date': '20240101T000000Z' }, body: undefined },
      { accessKeyId: 'AK', secretAccessKey: 'SK' },
      { algorithm: 'SDK-HMAC-SHA256', dateHeader: 'X-Sdk-Date' },
    );
    expect(signature.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=e7c63f9f50b854160505f7fc0629d34317e968332b9712df52c16548d0c49824',
    );
    expect(signature.signedHeaders).toBe('host;x-sdk-date');
    expect(signature.canonicalRequest).toBe(
      ['GET', '/v2/p/x/', '', 'host:h.example.com', 'x-sdk-date:20240101T000000Z', '', 'host;x-sdk-date', sha256('')].join('\n'),
    );
  });
});

describe('the date header', () => {
  it('refuses a request without the date header, naming it', async () => {
    await expect(signRequest(invokeRequest({ headers: { 'x-project-id': project } }), key, options)).rejects.toThrow('signing: the request has no X-Sdk-Date header to sign');
  });

  it('signs the date header given, whatever its spelling', async () => {
    const lower = await signRequest(invokeRequest(), key, options);
    const { 'x-sdk-date': date, ...rest } = invokeRequest().headers;
    const upper = await signRequest(invokeRequest({ headers: { ...rest, 'X-SDK-DATE': date! } }), key, options);
    expect(upper.authorization).toBe(lower.authorization);
  });
});

describe('the signature', () => {
  it('matches the official signer on a synchronous invocation with temporary credentials', async () => {
    const request = invokeRequest();
    expect((await signRequest(request, key, options)).authorization).toBe(official(request, {}, JSON.parse(request.body!)));
  });

  it('the same request always gets the same signature, and a changed byte a different one', async () => {
    const a = await signRequest(invokeRequest(), key, options);
    const b = await signRequest(invokeRequest(), key, options);
    expect(b).toEqual(a);
    const changes: Partial<SigningRequest>[] = [
      { body: '{"key":"valuf","ünï":"😀"}' },
      { url: invokeRequest().url.replace('!prod', '!prof') },
      { url: `${invokeRequest().url}?a=1` },
      { method: 'PUT' },
      { headers: { ...invokeRequest().headers, 'x-sdk-date': '20261201T010204Z' } },
      { headers: { ...invokeRequest().headers, 'x-security-token': `${token}y` } },
    ];
    for (const change of changes) expect((await signRequest(invokeRequest(change), key, options)).authorization).not.toBe(a.authorization);
    expect((await signRequest(invokeRequest(), { ...key, secretAccessKey: `${key.secretAccessKey}x` }, options)).authorization).not.toBe(a.authorization);
  });

  it('puts neither the secret key nor the token in anything it returns', async () => {
    const signed: RequestSignature = await signRequest(invokeRequest(), key, options);
    const text = JSON.stringify(signed) + Object.values(signed).join('\n');
    expect(text).not.toContain(key.secretAccessKey);
    expect(text).not.toContain(token);
    expect(Object.keys(signed).sort()).toEqual(['authorization', 'canonicalRequest', 'signedHeaders']);
  });
});
