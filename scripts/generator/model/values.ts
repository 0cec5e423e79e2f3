/**
 * Plain values read out of the spec. Each answers `undefined` for a value of another kind: a
 * malformed value reads as absent (the lint rules, not the generator, refuse it in our spec).
 */
import { isPositiveInteger } from '../../shared/positive-integer.js';

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function scalar(value: unknown): string | number | boolean | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** An `x-…` limit (bytes, milliseconds, minutes): a positive integer, or absent. */
export function positiveLimit(value: unknown): number | undefined {
  return isPositiveInteger(value) ? value : undefined;
}
