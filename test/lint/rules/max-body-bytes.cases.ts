/** conventions/max-body-bytes: scripts/lint/rules/max-body-bytes.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/max-body-bytes',
  cases: [
    {
      fixture: 'max-body-bytes.yaml',
      why: 'x-max-body-bytes is not a positive integer, or sits on the operation',
      // 26 a string, 43 on the operation where nothing reads it, 46 zero.
      problems: [
        ['max-body-bytes.yaml:43', "`x-max-body-bytes` on an operation is never read; put it on the operation's `requestBody`."],
        ['max-body-bytes.yaml:46', '`x-max-body-bytes` must be a positive integer (bytes); got 0.'],
        ['max-body-bytes.yaml:26', '`x-max-body-bytes` must be a positive integer (bytes); got "6MB".'],
      ],
    },
  ],
} satisfies RuleCases;
