/** canonicalRequestOf: the six parts in order, from what is sent; and the text shown, the security token redacted. */
import { describe, expect, it } from 'vitest';
import { canonicalRequestOf } from '../../../src/auth/signing/canonical-request.js';
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
