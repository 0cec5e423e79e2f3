/** conventions/operation-secured-by: scripts/lint/rules/operation-secured-by.js, with `scheme: iamToken` from redocly.yaml. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/operation-secured-by',
  cases: [
    {
      fixture: 'operation-secured-by.yaml',
      why: 'an operation overrides the root security with another scheme only',
      problems: [
        ['operation-secured-by.yaml:36', '`security` does not include the `iamToken` security scheme.'],
      ],
    },
    {
      fixture: 'operation-secured-by-undefined-scheme.yaml',
      why: 'the required scheme is not defined and the inherited root default uses another one',
      // 41: components.securitySchemes lacks the scheme; 19: the operation inheriting the root default.
      problems: [
        ['operation-secured-by-undefined-scheme.yaml:41', 'Security scheme `iamToken` is not defined in `components.securitySchemes`.'],
        ['operation-secured-by-undefined-scheme.yaml:19', 'The inherited root-level `security` does not include the `iamToken` security scheme.'],
      ],
    },
  ],
} satisfies RuleCases;
