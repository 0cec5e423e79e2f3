/** The shape of a rule's cases file, test/lint/rules/<rule id>.cases.ts; test/lint/redocly-lint.test.ts runs them. */

export interface RuleCase {
  /** A description under test/lint/fixtures/ that breaks the rule, and nothing else. */
  fixture: string;
  /** What is wrong in it, in words. */
  why: string;
  /**
   * Every finding the rule must report, as `[file:line, message]` with the file under
   * test/lint/fixtures/ (another file than the fixture when the broken node lives behind a $ref).
   * Nothing else may be reported: that proves the rule points a person at the right line, with
   * the right words, and that the fixture's conforming parts are accepted.
   */
  problems: [at: string, message: string][];
}

export interface RuleCases {
  /** The rule's id in redocly.yaml: `conventions/<id>` for our plugin, `rule/<id>` for a configurable rule. */
  rule: string;
  cases: RuleCase[];
}
