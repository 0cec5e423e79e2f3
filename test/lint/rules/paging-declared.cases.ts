/** conventions/paging-declared: scripts/lint/rules/paging-declared.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/paging-declared',
  cases: [
    {
      fixture: 'paging-declared.yaml',
      why: 'a list answer (array and next_token) without x-paging; declarations naming a parameter, fields and keys that do not exist, or fields of the wrong kind; one missing nextMarker with an empty items',
      problems: [
        ['paging-declared.yaml:18', '`listJobs` answers a list (`jobs`) with a next marker (`next_token`) but declares no `x-paging`; declare its marker parameter, `nextMarker` and `items` so the client can iterate its pages.'],
        ['paging-declared.yaml:39', '`x-paging.marker` names the query parameter `start`, which this operation does not have (it has `cursor`).'],
        ['paging-declared.yaml:40', '`x-paging.pageSize` names the query parameter `size`, which this operation does not have (it has `cursor`).'],
        ['paging-declared.yaml:41', '`x-paging.items` names `entries`, which the success answer\'s schema does not have.'],
        ['paging-declared.yaml:42', '`x-paging.nextMarker` names `jobs`, which is an array; it must be string or integer or number.'],
        ['paging-declared.yaml:43', '`x-paging.count` names `next_token`, which is a string; it must be integer or number.'],
        ['paging-declared.yaml:44', '`x-paging.total` is not a paging key; the keys are marker, nextMarker, items, pageSize, count.'],
        ['paging-declared.yaml:59', '`x-paging` needs `nextMarker`.'],
        ['paging-declared.yaml:61', '`x-paging.items` must name an answer field; got "".'],
      ],
    },
  ],
} satisfies RuleCases;
