/** conventions/deprecated-names-successor: scripts/lint/rules/deprecated-names-successor.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/deprecated-names-successor',
  cases: [
    {
      fixture: 'deprecated-names-successor.yaml',
      why: 'the description does not mention the successor (a longer look-alike name does not count)',
      problems: [
        ['deprecated-names-successor.yaml:35', "Deprecated operation's `description` must mention its successor (`startJob` or `/jobs`)."],
      ],
    },
    {
      fixture: 'deprecated-names-successor-missing.yaml',
      why: 'a deprecated operation has no x-successor',
      problems: [
        ['deprecated-names-successor-missing.yaml:24', 'Deprecated operation must name its replacement in an `x-successor` object ({operationId, method, path}).'],
      ],
    },
  ],
} satisfies RuleCases;
