/** conventions/client-default-valid: scripts/lint/rules/client-default-valid.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/client-default-valid',
  cases: [
    {
      fixture: 'client-default-valid.yaml',
      why: 'x-ms-client-default outside the enum, of the wrong type, and on a required parameter',
      problems: [
        ['client-default-valid.yaml:35', '`x-ms-client-default` "v2" is not one of the parameter\'s values ("v0", "v1").'],
        ['client-default-valid.yaml:43', '`x-ms-client-default` "128" is not of the parameter\'s type (integer).'],
        ['client-default-valid.yaml:51', '`x-ms-client-default` on a required parameter is never used: the caller always gives a value.'],
      ],
    },
  ],
} satisfies RuleCases;
