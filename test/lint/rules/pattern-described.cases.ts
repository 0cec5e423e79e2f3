/** conventions/pattern-described: scripts/lint/rules/pattern-described.js. */
import type { RuleCases } from '../helpers/rule-cases.js';

export default {
  rule: 'conventions/pattern-described',
  cases: [
    {
      fixture: 'pattern-described.yaml',
      why: 'a pattern without x-pattern-description, the words without a pattern, and empty words',
      // 31 a pattern without words; 47 empty words; 74 words without a pattern, behind a $ref.
      problems: [
        ['pattern-described.yaml:31', 'A schema with `pattern` needs `x-pattern-description`: the pattern in words, for the error a caller sees.'],
        ['pattern-described.yaml:74', '`x-pattern-description` without a `pattern` describes nothing; remove it or add the pattern.'],
        ['pattern-described.yaml:47', '`x-pattern-description` must be a non-empty string.'],
      ],
    },
  ],
} satisfies RuleCases;
