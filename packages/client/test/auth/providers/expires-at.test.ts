/** `expires_at` as IAM and the metadata API write it, read leniently; anything else is not a date. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseExpiresAt } from '../../../src/auth/providers/expires-at.js';

const at = Date.UTC(2026, 11, 5, 10, 0, 0);

describe('parseExpiresAt', () => {
  it.each([
    ['microseconds and Z, as the metadata API writes it', '2026-12-05T10:00:00.000000Z', at],
    ['milliseconds and Z', '2026-12-05T10:00:00.250Z', at + 250],
    ['no fraction', '2026-12-05T10:00:00Z', at],
    ['nine fraction digits', '2026-12-05T10:00:00.123456789Z', at + 123],
    ['no zone: UTC, as the APIs mean it', '2026-12-05T10:00:00.000000', at],
    ['a space for the T', '2026-12-05 10:00:00Z', at],
    ['a lower-case z', '2026-12-05T10:00:00z', at],
    ['an offset', '2026-12-05T18:00:00+08:00', at],
    ['an offset without a colon', '2026-12-05T18:00:00+0800', at],
    ['spaces around it', ' 2026-12-05T10:00:00Z ', at],
  ])('reads %s', (_name, text, expected) => {
    expect(parseExpiresAt(text)).toBe(expected);
  });

  it.each([['a date alone', '2026-12-05'], ['words before the date', 'until 2026-12-05T10:00:00Z'], ['words after it', '2026-12-05T10:00:00Z or so'], ['words', 'tomorrow'], ['an empty string', ''], ['a month 13', '2026-13-05T10:00:00Z'], ['a number', 1_733_392_800_000], ['nothing', undefined]])(
    'refuses %s',
    (_name, value) => {
      expect(parseExpiresAt(value)).toBeUndefined();
    },
  );
});

describe('parseExpiresAt, where local time is not UTC', () => {
  // Eight hours from UTC: a time read as local instead of UTC would be that far off.
  beforeEach(() => {
    vi.stubEnv('TZ', 'Asia/Shanghai');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ['Z', '2026-12-05T10:00:00Z'],
    ['no zone', '2026-12-05T10:00:00.000000'],
    ['an offset', '2026-12-05T18:00:00+08:00'],
  ])('reads a time with %s as the same instant', (_name, text) => {
    expect(new Date(2026, 11, 5, 10).getTime()).not.toBe(at);
    expect(parseExpiresAt(text)).toBe(at);
  });
});
