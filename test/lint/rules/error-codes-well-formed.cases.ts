/** conventions/error-codes-well-formed: scripts/lint/rules/error-codes-well-formed.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/error-codes-well-formed',
  cases: [
    {
      fixture: 'error-codes-well-formed.yaml',
      why: 'x-error-codes in a referenced file repeats a code',
      problems: [
        ['parts/bad-error-body.yaml:13', 'Error code `E.400` is listed twice in `x-error-codes` (first at index 0).'],
      ],
    },
  ],
} satisfies RuleCases;
