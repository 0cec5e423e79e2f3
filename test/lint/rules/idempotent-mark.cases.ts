/** conventions/idempotent-mark: scripts/lint/rules/idempotent-mark.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/idempotent-mark',
  cases: [
    {
      fixture: 'idempotent-mark.yaml',
      why: 'x-idempotent on a GET, and a non-boolean x-idempotent on a POST',
      problems: [
        ['idempotent-mark.yaml:24', '`x-idempotent` on a GET operation: HTTP already makes GET idempotent; the mark is only for methods that are not (POST, PATCH).'],
        ['idempotent-mark.yaml:36', '`x-idempotent` must be `true` or `false`; got "yes".'],
      ],
    },
  ],
} satisfies RuleCases;
