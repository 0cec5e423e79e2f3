/** A whole number above zero that a JSON number holds exactly (at most 2^53 − 1). */
export declare function isPositiveInteger(value: unknown): value is number;
