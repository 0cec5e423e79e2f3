/** `expires_at` as IAM and the metadata API write it, read leniently; anything else is not a date. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
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
  // In a process of its own started with TZ eight hours from UTC (a worker thread's TZ cannot be
  // changed), so a time read as local instead of UTC would be that far off.
  it('reads a time with Z, with no zone and with an offset as the same instant', () => {
    const source = fileURLToPath(new URL('../../../src/auth/providers/expires-at.ts', import.meta.url));
    const script = `import { parseExpiresAt } from ${JSON.stringify(pathToFileURL(source).href)};
      console.log(JSON.stringify({ local: new Date(2026, 11, 5, 10).getTime(), read: ${JSON.stringify(['2026-12-05T10:00:00Z', '2026-12-05T10:00:00.000000', '2026-12-05T18:00:00+08:00'])}.map(parseExpiresAt) }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stderr).toBe(0);
    const { local, read } = JSON.parse(run.stdout) as { local: number; read: number[] };
    expect(local).not.toBe(at);
    expect(read).toEqual([at, at, at]);
  });
});
