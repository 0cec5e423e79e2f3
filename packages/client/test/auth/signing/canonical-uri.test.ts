/** canonicalUri: each segment of the path as sent, encoded again, a `/` at the end. */
import { describe, expect, it } from 'vitest';
import { canonicalUri } from '../../../src/auth/signing/canonical-uri.js';
import { signRequest } from '../../../src/auth/signing/sign-request.js';
import { encodePathParameter } from '../../../src/runtime/path-encoding.js';
import { base, invokeRequest, key, options, project, urn } from '../../helpers/signing-requests.js';

describe('canonical URI: each segment of the path as sent, encoded again', () => {
  const rows: [name: string, given: string, want: string][] = [
    ['a URN sent raw', `/v2/p/fgs/functions/${urn}/invocations`, `/v2/p/fgs/functions/urn%3Afss%3Acn-north-4%3A${project}%3Afunction%3Adefault%3Athumbnail-maker%3A%21prod/invocations/`],
    ['a URN already percent-encoded: %3A is encoded again', '/v2/p/urn%3Afss%3Ax%3A%21prod', '/v2/p/urn%253Afss%253Ax%253A%2521prod/'],
    ['a trailing slash is kept, not doubled', '/v2/p/', '/v2/p/'],
    ['the root', '/', '/'],
    ['no path at all', '', '/'],
    ['unreserved characters stay raw', '/a-b_c.d~e/AZaz09', '/a-b_c.d~e/AZaz09/'],
    ["sub-delims encodeURIComponent leaves raw: ! ' ( ) *", "/!'()*", '/%21%27%28%29%2A/'],
    ['other reserved characters', '/@&=+$,;[]', '/%40%26%3D%2B%24%2C%3B%5B%5D/'],
    ['non-ASCII arrives percent-encoded and is encoded again', '/caf%C3%A9', '/caf%25C3%25A9/'],
    ['empty segments stay', '/a//b', '/a//b/'],
  ];
  it.each(rows)('%s', (_, pathname, want) => expect(canonicalUri(pathname)).toBe(want));

  it("is derived from the URL fetch sends: a raw ' in a path parameter is signed %27 (the official signer's url.parse makes it %2527)", async () => {
    const url = `${base}/v2/${project}/fgs/functions/${encodePathParameter("urn:fss:cn-north-4:p:function:o'k:f:!prod")}/invocations`;
    expect(new URL(url).pathname).toContain("o'k");
    const { canonicalRequest } = await signRequest(invokeRequest({ url }), key, options);
    expect(canonicalRequest.split('\n')[1]).toBe(`/v2/${project}/fgs/functions/urn%3Afss%3Acn-north-4%3Ap%3Afunction%3Ao%27k%3Af%3A%21prod/invocations/`);
  });

  it('is derived from the URL fetch sends: dot segments resolved, non-ASCII percent-encoded', async () => {
    const { canonicalRequest } = await signRequest(invokeRequest({ url: `${base}/v2/./p/../q/café` }), key, options);
    expect(canonicalRequest.split('\n')[1]).toBe('/v2/q/caf%25C3%25A9/');
  });
});
