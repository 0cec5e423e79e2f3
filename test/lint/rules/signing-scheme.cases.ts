/** conventions/signing-scheme: scripts/lint/rules/signing-scheme.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/signing-scheme',
  cases: [
    {
      fixture: 'signing-scheme.yaml',
      why: 'a custom HTTP scheme with no x-signing, and an x-signing that is wrong in four ways',
      // 53 a custom HTTP scheme without x-signing; 59 the x-signing object (project header without its
      // parameter); 60 algorithm differs from the scheme; 61 a header name with a space; 63 negative skew.
      problems: [
        ['signing-scheme.yaml:53', "HTTP scheme `X-HMAC-SHA1` is not in IANA's registry, so a client cannot apply it without `x-signing` saying how to sign."],
        ['signing-scheme.yaml:60', '`x-signing.algorithm` must equal the scheme\'s name on a `type: http` scheme (the Authorization header starts with it); got "X-HMAC-SHA512" for "X-HMAC-SHA256".'],
        ['signing-scheme.yaml:61', '`x-signing.dateHeader` must be a header name; got "X Date".'],
        ['signing-scheme.yaml:59', '`x-signing.projectIdHeader` and `x-signing.projectIdParameter` go together: the header carries that path parameter.'],
        ['signing-scheme.yaml:63', '`x-signing.clockSkewMinutes` must be a positive integer; got -15.'],
      ],
    },
  ],
} satisfies RuleCases;
