/** sdkDate: the date header's form, YYYYMMDDTHHMMSSZ in UTC, read back as itself by the official signer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sdkDate } from '../../../src/auth/signing/sdk-date.js';
import { signRequest } from '../../../src/auth/signing/sign-request.js';
import { invokeRequest, key, official, options } from '../../helpers/signing-requests.js';

describe('sdkDate', () => {
  it('formats YYYYMMDDTHHMMSSZ in UTC, zero-padded', () => {
    expect(sdkDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 999)))).toBe('20240102T030405Z');
    expect(sdkDate(new Date(Date.UTC(2026, 11, 31, 23, 59, 59)))).toBe('20261231T235959Z');
    expect(sdkDate()).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('is a date the official signer reads back as itself (it re-parses the header with moment for the string to sign)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }), async (date) => {
        const request = invokeRequest({ headers: { 'x-sdk-date': sdkDate(date) }, body: undefined });
        expect((await signRequest(request, key, options)).authorization).toBe(official(request));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an invalid date or one without a four-digit year', () => {
    expect(() => sdkDate(new Date(Number.NaN))).toThrow('sdkDate: Invalid Date is not a date with a four-digit year');
    expect(() => sdkDate(new Date(Date.UTC(10000, 0, 1)))).toThrow(/is not a date with a four-digit year/);
    expect(() => sdkDate(new Date(Date.UTC(-1, 0, 1)))).toThrow(/is not a date with a four-digit year/);
    expect(sdkDate(new Date(Date.UTC(999, 0, 1)))).toBe('09990101T000000Z');
    // The first and last dates with a four-digit year.
    expect(sdkDate(new Date('0000-01-01T00:00:00Z'))).toBe('00000101T000000Z');
    expect(sdkDate(new Date('9999-12-31T23:59:59Z'))).toBe('99991231T235959Z');
  });
});
