// Types for goals.mjs, so TypeScript tests can import it.
export interface ThroughputGoal {
  /** The contender measured, a key of bench/throughput.mjs's contenders. */
  contender: string;
  /** The contender it is compared with. */
  against: string;
  /** The scenario: calls in flight. */
  inFlight: number;
  /** The least ratio of calls per second, contender / against. */
  atLeast: number;
}
export declare const THROUGHPUT_GOALS: readonly ThroughputGoal[];
export declare const MAIN_CHUNK_GOAL_GZIP_BYTES: number;
export declare const MAIN_CHUNK_BUDGET_GZIP_BYTES: number;
export declare const SIGNER_BUDGET_GZIP_BYTES: number;
export declare const PAGE_LOOP_BUDGET_GZIP_BYTES: number;
export declare const PROVIDERS_BUDGET_GZIP_BYTES: number;
export declare const SIGNING_SPEED_GOAL: number;
export declare const IMPORT_TIME_GOAL_MS: number;
