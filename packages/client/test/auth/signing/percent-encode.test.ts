/** percentEncode: only `A-Z a-z 0-9 - _ . ~` stay raw; everything else is UTF-8 with upper-case hex. */
import { describe, expect, it } from 'vitest';
import { percentEncode } from '../../../src/auth/signing/percent-encode.js';

describe('percentEncode', () => {
  const rows: [name: string, given: string, want: string][] = [
    ['the empty text', '', ''],
    ['unreserved characters stay raw', 'AZaz09-_.~', 'AZaz09-_.~'],
    ['a space is %20, never +', 'a b', 'a%20b'],
    ['+ is encoded', '1+1', '1%2B1'],
    ["sub-delims encodeURIComponent leaves raw: ! ' ( ) *", "!'()*", '%21%27%28%29%2A'],
    ['reserved characters', ':/?#[]@&=$,;', '%3A%2F%3F%23%5B%5D%40%26%3D%24%2C%3B'],
    ['% itself, so an encoded text is encoded again', '%3A', '%253A'],
    ['non-ASCII as UTF-8, upper-case hex, two to four bytes', 'é中😀', '%C3%A9%E4%B8%AD%F0%9F%98%80'],
    ['controls', '\u0000\u007f', '%00%7F'],
  ];
  it.each(rows)('%s', (_, given, want) => expect(percentEncode(given)).toBe(want));
});
