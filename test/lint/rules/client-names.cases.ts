/** conventions/client-names: scripts/lint/rules/client-names.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/client-names',
  cases: [
    {
      fixture: 'client-names.yaml',
      why: 'x-ms-client-name values that are not camelCase identifiers or clash within an operation or a response',
      // parts:18 clashes with the $ref-ed path-level parameter (its default name, from scripts/shared/camel-case.js);
      // 37 snake_case; 45 a reserved word; 53 takes `body` from the request body; 76 two response headers both named requestId.
      problems: [
        ['parts/client-name-params.yaml:18', 'Operation inputs: query parameter `trace` and path parameter `region_id` both get the client name `regionId`; client names must be unique.'],
        ['client-names.yaml:53', 'Operation inputs: query parameter `payload` and the request body both get the client name `body`; client names must be unique.'],
        ['client-names.yaml:37', '`x-ms-client-name` must be a camelCase identifier (a lower-case letter, then letters and digits); got "log_type".'],
        ['client-names.yaml:45', '`x-ms-client-name` `class` is a reserved word in JavaScript; pick another name.'],
        ['client-names.yaml:76', 'Response headers: header `X-Job-Request-Id` and header `X-Request-Id` both get the client name `requestId`; client names must be unique.'],
      ],
    },
  ],
} satisfies RuleCases;
