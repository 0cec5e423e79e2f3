/** canonicalHeaders: host and every header given, lower-cased, sorted, valued as fetch sends them; the unsigned ones left out. */
import { describe, expect, it } from 'vitest';
import { canonicalHeaders, headerValueAsSent, UNSIGNED_HEADERS, type CanonicalHeader } from '../../../src/auth/signing/canonical-headers.js';
import { signRequest } from '../../../src/auth/signing/sign-request.js';
import { invokeRequest, key, options } from '../../helpers/signing-requests.js';

describe('canonicalHeaders', () => {
  const rows: [name: string, given: { host: string; headers: Record<string, string> }, want: CanonicalHeader[]][] = [
    ['host alone', { host: 'h.example.com', headers: {} }, [['host', 'h.example.com']]],
    ['host with its port', { host: '127.0.0.1:8443', headers: {} }, [['host', '127.0.0.1:8443']]],
    ['a host header is not signed: the URL gives it', { host: 'h', headers: { Host: 'other' } }, [['host', 'h']]],
    ['names lower-cased and sorted by code units', { host: 'h', headers: { 'X-B': '2', 'x-a': '1', 'Content-Type': 'application/json' } }, [['content-type', 'application/json'], ['host', 'h'], ['x-a', '1'], ['x-b', '2']]],
    ['- sorts before _ (code units), digits before letters', { host: 'h', headers: { x_a: '1', 'x-a': '2', x0: '3' } }, [['host', 'h'], ['x-a', '2'], ['x0', '3'], ['x_a', '1']]],
    ['two spellings of one name joined with ", "', { host: 'h', headers: { 'X-A': '1', 'x-a': '2' } }, [['host', 'h'], ['x-a', '1, 2']]],
    ['values stripped of leading and trailing HTTP whitespace', { host: 'h', headers: { 'x-note': '\t a  b \r\n' } }, [['host', 'h'], ['x-note', 'a  b']]],
    ['an empty value stays', { host: 'h', headers: { 'x-cff-log-type': '' } }, [['host', 'h'], ['x-cff-log-type', '']]],
    ['proxy- and sec- names left out', { host: 'h', headers: { 'proxy-authorization': 'p', 'sec-fetch-mode': 'cors', 'x-a': '1' } }, [['host', 'h'], ['x-a', '1']]],
    ['the content type signed whatever it is', { host: 'h', headers: { 'content-type': 'multipart/form-data; boundary=x' } }, [['content-type', 'multipart/form-data; boundary=x'], ['host', 'h']]],
  ];
  it.each(rows)('%s', (_, { host, headers }, want) => expect(canonicalHeaders(host, headers)).toEqual(want));

  it('leaves out every header of UNSIGNED_HEADERS, in any case', () => {
    const headers = Object.fromEntries(UNSIGNED_HEADERS.map((name) => [name.toUpperCase(), 'v']));
    expect(canonicalHeaders('h', headers)).toEqual([['host', 'h']]);
  });
});

describe('headerValueAsSent', () => {
  const rows: [name: string, given: unknown, want: string][] = [
    ['a plain value', 'v1', 'v1'],
    ['spaces and tabs at both ends', ' \tv 1\t ', 'v 1'],
    ['CR and LF at both ends', '\r\nv\r\n', 'v'],
    ['a no-break space is not HTTP whitespace', '\u00a0v\u00a0', '\u00a0v\u00a0'],
    ['a number', 7, '7'],
  ];
  it.each(rows)('%s', (_, given, want) => expect(headerValueAsSent(given)).toBe(want));
});

describe('headers in the signed request', () => {
  it('signs host (with its port, as fetch sends it) and every header given, lower-cased and sorted', async () => {
    const request = invokeRequest({ url: 'http://127.0.0.1:8443/v2/p/x', headers: { 'X-Sdk-Date': '20240101T000000Z', 'X-B': '2', 'x-a': '1' }, body: undefined });
    const { signedHeaders, canonicalRequest } = await signRequest(request, key, options);
    expect(signedHeaders).toBe('host;x-a;x-b;x-sdk-date');
    expect(canonicalRequest).toContain('\nhost:127.0.0.1:8443\nx-a:1\nx-b:2\nx-sdk-date:20240101T000000Z\n\n');
  });

  it('signs the host fetch sends: a default port is dropped, a host name lower-cased', async () => {
    const { canonicalRequest } = await signRequest(invokeRequest({ url: 'https://H.Example.COM:443/x', body: undefined }), key, options);
    expect(canonicalRequest).toContain('\nhost:h.example.com\n');
  });

  it('leaves unsigned the headers a fetch implementation may add or change', async () => {
    const extra = Object.fromEntries([...UNSIGNED_HEADERS, 'sec-fetch-mode', 'proxy-authorization'].map((name) => [name, 'v']));
    const plain = await signRequest(invokeRequest(), key, options);
    const withExtra = await signRequest(invokeRequest({ headers: { ...invokeRequest().headers, ...extra } }), key, options);
    expect(withExtra.signedHeaders).toBe('content-type;host;x-cff-request-version;x-project-id;x-sdk-date;x-security-token');
    expect(withExtra.authorization).toBe(plain.authorization);
    for (const name of ['user-agent', 'accept', 'accept-encoding', 'content-length', 'connection', 'host', 'authorization']) {
      expect(UNSIGNED_HEADERS).toContain(name);
    }
  });

  it('signs values as fetch sends them: leading and trailing spaces and tabs stripped, inner ones kept', async () => {
    const { canonicalRequest } = await signRequest(invokeRequest({ headers: { 'x-sdk-date': ' 20240101T000000Z\t', 'x-note': '\t a  b \t' }, body: undefined }), key, options);
    expect(canonicalRequest).toContain('\nx-note:a  b\nx-sdk-date:20240101T000000Z\n');
  });

  it('signs an empty value as an empty line value', async () => {
    const { canonicalRequest } = await signRequest(invokeRequest({ headers: { 'x-sdk-date': '20240101T000000Z', 'x-cff-log-type': '' } }), key, options);
    expect(canonicalRequest).toContain('\nx-cff-log-type:\n');
  });

  it('joins two spellings of one name with ", ", as fetch Headers sends them', async () => {
    const { canonicalRequest, signedHeaders } = await signRequest(invokeRequest({ headers: { 'x-sdk-date': '20240101T000000Z', 'X-A': '1', 'x-a': '2' } }), key, options);
    expect(signedHeaders).toBe('host;x-a;x-sdk-date');
    expect(canonicalRequest).toContain('\nx-a:1, 2\n');
  });
});
