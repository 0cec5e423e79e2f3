/** canonicalRequestOf: the six parts in order, from what is sent; and the text shown, the security token redacted. */
import { describe, expect, it } from 'vitest';
import { canonicalRequestOf, canonicalTarget } from '../../../src/auth/signing/canonical-request.js';
import { signRequest } from '../../../src/auth/signing/sign-request.js';
import { invokeRequest, key, options, sha256, token } from '../../helpers/signing-requests.js';

describe('canonicalRequestOf', () => {
  const hash = sha256('');
  const rows: [name: string, given: { method: string; url: string; headers: Record<string, string> }, want: string][] = [
    [
      'method, URI, empty query line, headers, an empty line, signed names, payload hash',
      { method: 'GET', url: 'https://h.example.com/v2/p/x', headers: { 'x-sdk-date': '20240101T000000Z' } },
      ['GET', '/v2/p/x/', '', 'host:h.example.com', 'x-sdk-date:20240101T000000Z', '', 'host;x-sdk-date', hash].join('\n'),
    ],
    [
      'the query line from the URL',
      { method: 'GET', url: 'https://h.example.com/?b=2&a=1', headers: {} },
      ['GET', '/', 'a=1&b=2', 'host:h.example.com', '', 'host', hash].join('\n'),
    ],
    [
      'the method as given',
      { method: 'DELETE', url: 'http://127.0.0.1:8080/a', headers: { 'X-A': '1' } },
      ['DELETE', '/a/', '', 'host:127.0.0.1:8080', 'x-a:1', '', 'host;x-a', hash].join('\n'),
    ],
  ];
  it.each(rows)('%s', (_, request, want) => {
    const made = canonicalRequestOf(request, hash);
    expect(made.canonicalRequest).toBe(want);
    expect(made.shown).toBe(want);
    expect(made.signedHeaders).toBe(want.split('\n').at(-2));
  });

  it('returns the signed text and the shown text separately', () => {
    const { canonicalRequest, shown } = canonicalRequestOf(invokeRequest(), sha256(''), ['x-security-token']);
    expect(canonicalRequest).toContain(token);
    expect(shown).not.toContain(token);
  });
});

describe('redaction', () => {
  it('shows <redacted> for the security token in canonicalRequest, and signs the real value', async () => {
    const signed = await signRequest(invokeRequest(), key, options);
    expect(signed.canonicalRequest).toContain('\nx-security-token:<redacted>\n');
    expect(signed.canonicalRequest).not.toContain(token);
    expect(signed.canonicalRequest).not.toContain('FAKE-security-token');
    // Redaction changes what is shown, not what is signed.
    const unredacted = await signRequest(invokeRequest(), key, { ...options, redact: [] });
    expect(unredacted.authorization).toBe(signed.authorization);
    expect(unredacted.canonicalRequest).toContain(`\nx-security-token:${token}\n`);
    expect(unredacted.canonicalRequest.replace(token, '<redacted>')).toBe(signed.canonicalRequest);
  });

  it('matches redacted names in any case', async () => {
    const signed = await signRequest(invokeRequest(), key, { ...options, redact: ['X-Security-Token'] });
    expect(signed.canonicalRequest).not.toContain(token);
  });
});

describe('canonicalTarget', () => {
  it('is the host, the canonical URI and the canonical query of the URL as sent', () => {
    expect(canonicalTarget('https://h.example.com:8443/v2/a%3Ab/x?b=2&a=%20')).toEqual({ host: 'h.example.com:8443', uri: '/v2/a%253Ab/x/', query: 'a=%20&b=2' });
  });

  it('works a URL out once: signing it again, with others between, reuses what was worked out', () => {
    const url = 'https://kept.example.com/v2/p/functions/f/invocations';
    const first = canonicalTarget(url);
    for (let i = 0; i < 10; i++) canonicalTarget(`https://other.example.com/${i}`);
    expect(canonicalTarget(url)).toBe(first);
  });

  it('holds 256 URLs: the 257th starts afresh, and what was forgotten is worked out again, the same', () => {
    const sentinel = 'https://sentinel.example.com/v2/p/functions/f/invocations';
    let fresh = 0;
    const signAnother = () => canonicalTarget(`https://many.example.com/${fresh++}`);
    // Until a fresh start is seen, the count held is unknown: sign others until the sentinel is forgotten.
    let kept = canonicalTarget(sentinel);
    for (let i = 0; i < 300 && canonicalTarget(sentinel) === kept; i++) signAnother();
    // Now held: the URL that started afresh and the sentinel, worked out again.
    kept = canonicalTarget(sentinel);
    for (let i = 0; i < 254; i++) signAnother();
    expect(canonicalTarget(sentinel)).toBe(kept);
    signAnother();
    const again = canonicalTarget(sentinel);
    expect(again).not.toBe(kept);
    expect(again).toEqual(kept);
  });

  it('keeps nothing for a URL it cannot parse: the error comes every time', () => {
    expect(() => canonicalTarget('not a url')).toThrow(TypeError);
    expect(() => canonicalTarget('not a url')).toThrow(TypeError);
  });
});
