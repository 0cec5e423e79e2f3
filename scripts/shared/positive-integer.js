// What our `x-…` limits hold (`x-max-body-bytes`, `x-response-timeout-ms`, `x-signing.clockSkewMinutes`):
// the lint rules refuse any other value, and the generator reads any other value as absent. Plain
// JavaScript, so the Redocly lint plugin can import it too (types: positive-integer.d.ts).

/**
 * A whole number above zero that a JSON number holds exactly (at most 2^53 − 1): a larger one has
 * already lost digits when it was parsed, so it is no limit anyone wrote.
 */
export function isPositiveInteger(value) {
  return Number.isSafeInteger(value) && value > 0;
}
