/**
 * The signing date, as the date header (`X-Sdk-Date`) carries it: `YYYYMMDDTHHMMSSZ`, UTC.
 *
 * The official signer reads only the header key spelled exactly `X-Sdk-Date`, re-parses the value
 * with moment and formats it again for the string to sign; without that exact key it adds its own
 * `X-Sdk-Date` with the current time. We sign the date header's value verbatim, and `sdkDate`
 * produces the only form both agree on.
 */

/** `YYYYMMDDTHHMMSSZ` in UTC, for dates with a four-digit year. */
export function sdkDate(now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  // Also false for an invalid date (NaN).
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`sdkDate: ${String(now)} is not a date with a four-digit year`);
  return now.toISOString().replace(/[-:]|\.\d+/g, '');
}
