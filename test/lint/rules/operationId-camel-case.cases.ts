/** rule/operationId-camel-case: a configurable rule, written in redocly.yaml. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'rule/operationId-camel-case',
  cases: [
    {
      fixture: 'operationId-camel-case.yaml',
      why: 'an operationId is kebab-case',
      problems: [
        ['operationId-camel-case.yaml:19', "operationId must be camelCase (it becomes the generated client's method name)."],
      ],
    },
  ],
} satisfies RuleCases;
