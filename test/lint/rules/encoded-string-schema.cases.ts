/** conventions/encoded-string-schema: scripts/lint/rules/encoded-string-schema.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/encoded-string-schema',
  cases: [
    {
      fixture: 'encoded-string-schema.yaml',
      why: 'content keywords on a non-string schema, an unknown encoding, contentSchema without contentMediaType',
      // 30 contentEncoding on an integer header parameter; 41 an unknown encoding; 47 contentSchema alone.
      problems: [
        ['encoded-string-schema.yaml:30', '`contentEncoding` applies only to strings; this schema must say `type: string`.'],
        ['encoded-string-schema.yaml:41', '`contentEncoding` must be one of base64, base64url, base32, base32hex, base16, 7bit, 8bit, binary, quoted-printable; got "gzip".'],
        ['encoded-string-schema.yaml:47', '`contentSchema` needs `contentMediaType` beside it; JSON Schema ignores it otherwise.'],
      ],
    },
  ],
} satisfies RuleCases;
