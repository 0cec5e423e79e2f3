/** conventions/response-timeout: scripts/lint/rules/response-timeout.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/response-timeout',
  cases: [
    {
      fixture: 'response-timeout.yaml',
      why: 'x-response-timeout-ms is a string and a negative number',
      problems: [
        ['response-timeout.yaml:36', '`x-response-timeout-ms` must be a positive integer (milliseconds); got -1.'],
        ['response-timeout.yaml:24', '`x-response-timeout-ms` must be a positive integer (milliseconds); got "90s".'],
      ],
    },
  ],
} satisfies RuleCases;
