/** conventions/response-header-schema: scripts/lint/rules/response-header-schema.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/response-header-schema',
  cases: [
    {
      fixture: 'response-header-schema.yaml',
      why: 'response headers without a scalar schema the client can read them by',
      // 29 described by content; 38 an object; 71 an array behind a $ref. The string header passes.
      problems: [
        ['response-header-schema.yaml:29', 'Response header `X-Trace` needs a `schema` (of type string, integer, boolean); the client reads headers by it.'],
        ['response-header-schema.yaml:38', 'Response header `X-Summary` must have a schema of type string, integer, boolean; got "object".'],
        ['response-header-schema.yaml:71', 'Response header `X-Tags` must have a schema of type string, integer, boolean; got "array".'],
      ],
    },
  ],
} satisfies RuleCases;
