import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../src/duration.js';
import { UsageError } from '../src/exit-codes.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['500ms', 500],
    ['2500', 2_500],
    ['1.5s', 1_500],
    [' 2m ', 120_000],
    ['0', 0],
  ])('%j is %d ms', (text, ms) => expect(parseDuration('--timeout', text)).toBe(ms));

  it.each(['', 'soon', '-5s', '5 s', '1d', 's', '1e3'])('refuses %j, naming the option and the forms it takes', (text) => {
    expect(() => parseDuration('--wait-timeout', text)).toThrow(UsageError);
    expect(() => parseDuration('--wait-timeout', text)).toThrow(/^--wait-timeout ".*" is not a duration: write 90s, 15m, 1h, 500ms, or a number of milliseconds$/);
  });

  it('refuses what a timer cannot hold', () => {
    expect(parseDuration('--timeout', '596h')).toBe(2_145_600_000);
    expect(() => parseDuration('--timeout', '597h')).toThrow('--timeout 597h is too long: at most 596h (2147483647 ms)');
  });
});

describe('formatDuration', () => {
  it.each([
    [12.4, '12 ms'],
    [999, '999 ms'],
    [1_000, '1 s'],
    [12_340, '12.3 s'],
    [60_000, '1 min'],
    [245_000, '4 min 5 s'],
  ])('%d ms reads %j', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
