/**
 * Reading `expires_at` as IAM and the ECS metadata API write it: an ISO 8601 date and time in
 * UTC, with fractional seconds of any length (`2026-12-05T10:00:00.000000Z`). Read leniently:
 * a space for the `T`, no fraction, a missing `Z` (the APIs mean UTC), or an explicit offset.
 */

const isoDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Epoch milliseconds, or `undefined` when `text` is not such a date. */
export function parseExpiresAt(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = isoDateTime.exec(text.trim());
  if (!parts) return undefined;
  const [, date, time, fraction = '', zone = 'Z'] = parts;
  // Date.parse reads at most milliseconds reliably; the rest of a longer fraction does not matter here.
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const epoch = Date.parse(`${date}T${time}.${millis}${offset}`);
  return Number.isNaN(epoch) ? undefined : epoch;
}
