/** canonicalQuery: the query as sent, decoded, sorted by key then value, encoded strictly. */
import { describe, expect, it } from 'vitest';
import { canonicalQuery } from '../../../src/auth/signing/canonical-query.js';
import { signRequest } from '../../../src/auth/signing/sign-request.js';
import { encodePathParameter } from '../../../src/runtime/path-encoding.js';
import { base, invokeRequest, key, official, officialQuery, options, project, urn } from '../../helpers/signing-requests.js';

describe('canonical query: the query as sent, decoded, sorted, encoded strictly', () => {
  const rows: [name: string, given: string, want: string][] = [
    ['no query', '', ''],
    ['a bare ?', '?', ''],
    ['a space', '?q=a%20b', 'q=a%20b'],
    [': raw or encoded', '?t=12:00&u=12%3A00', 't=12%3A00&u=12%3A00'],
    ['/ raw or encoded', '?p=a/b&r=a%2Fb', 'p=a%2Fb&r=a%2Fb'],
    ['%', '?p=100%25', 'p=100%25'],
    ['+ encoded is a plus', '?p=a%2Bb', 'p=a%2Bb'],
    ['+ raw is a plus too, not a space (the client never sends one raw)', '?p=a+b', 'p=a%2Bb'],
    ['~ raw or encoded stays raw', '?p=~&r=%7E', 'p=~&r=~'],
    ["! ' ( ) * are encoded", "?p=!'()*", 'p=%21%27%28%29%2A'],
    ['non-ASCII, two to four bytes', '?p=%C3%A9%E4%B8%AD%F0%9F%98%80', 'p=%C3%A9%E4%B8%AD%F0%9F%98%80'],
    ['an empty value', '?a=&b=1', 'a=&b=1'],
    ['a key without =', '?a&b=1', 'a=&b=1'],
    ['an empty key', '?=v', '=v'],
    ['only the first = splits', '?a=b=c', 'a=b%3Dc'],
    ['empty parts are skipped', '?&a=1&&b=2&', 'a=1&b=2'],
    ['keys sorted', '?b=1&a=2&c=0', 'a=2&b=1&c=0'],
    ['repeated keys: values sorted', '?k=b&k=a&k=c&k=', 'k=&k=a&k=b&k=c'],
    ['keys sorted by their decoded text, before encoding, as the official signer does', '?%C3%A9=1&z=2&a%20b=3&a-b=4', 'a%20b=3&a-b=4&z=2&%C3%A9=1'],
    ['values of a key sorted by their decoded text', '?k=%C3%A9&k=z&k=%20', 'k=%20&k=z&k=%C3%A9'],
  ];
  it.each(rows)('%s', (_, search, want) => expect(canonicalQuery(search)).toBe(want));

  it('agrees with the official signer on the rows with one value per key or repeated keys', () => {
    // The official signer takes the query as an object of raw values: the same rows, decoded.
    for (const [, search, want] of rows) {
      const params: Record<string, string | string[]> = {};
      for (const [name, value] of new URLSearchParams(search.replace(/\+/g, '%2B'))) {
        const earlier = params[name];
        params[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
      }
      expect(officialQuery({ queryParams: params }), search).toBe(want);
    }
  });

  it('refuses malformed percent-encoding with a message naming the part', () => {
    expect(() => canonicalQuery('?a=%zz')).toThrow(/the query part "%zz" is not valid percent-encoded UTF-8/);
    expect(() => canonicalQuery('?a=%ED%A0%80')).toThrow(URIError);
  });

  it('is derived from the URL fetch sends, as the runtime builds it with encodeURIComponent', async () => {
    const values = ['a b', 'x:y/z', '100%', '1+1', '~', 'é中😀', ''];
    const query = values.map((value) => `marker=${encodeURIComponent(value)}`).join('&');
    const url = `${base}/v2/${project}/fgs/functions/${encodePathParameter(urn)}/async-invocations?${query}`;
    const request = invokeRequest({ method: 'GET', url, body: undefined });
    delete request.headers['content-type'];
    const signature = await signRequest(request, key, options);
    expect(signature.canonicalRequest.split('\n')[2]).toBe(
      'marker=&marker=1%2B1&marker=100%25&marker=a%20b&marker=x%3Ay%2Fz&marker=~&marker=%C3%A9%E4%B8%AD%F0%9F%98%80',
    );
    expect(signature.authorization).toBe(official(request, { marker: values }));
  });
});
