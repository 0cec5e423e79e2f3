/** conventions/successor-exists: scripts/lint/rules/successor-exists.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/successor-exists',
  cases: [
    {
      fixture: 'successor-exists.yaml',
      why: 'x-successor names a missing path, another operationId, and a deprecated operation',
      // 46: names a deprecated operation; 61: right method and path, wrong operationId; 80: no such path.
      problems: [
        ['successor-exists.yaml:46', '`x-successor` names `POST /legacy-jobs`, which is deprecated too; name the operation callers should move to.'],
        ['successor-exists.yaml:61', '`x-successor.operationId` is `startJob`, but the operation at `POST /jobs` is `beginJob`.'],
        ['successor-exists.yaml:80', '`x-successor` names `POST /v2/jobs`, which this description does not have; add that operation or name one it has.'],
      ],
    },
  ],
} satisfies RuleCases;
