/**
 * Durations on the command line: `90s`, `15m`, `1h`, `500ms`, or a bare number of milliseconds.
 * The client and the waiter take milliseconds; timers hold at most 2^31 - 1 of them.
 */
import { UsageError } from './exit-codes.js';

const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const maxTimerMs = 2 ** 31 - 1;

export function parseDuration(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${option} "${text}" is not a duration: write 90s, 15m, 1h, 500ms, or a number of milliseconds`);
  const ms = Math.round(Number(match[1]) * unitMs[(match[2] ?? 'ms') as keyof typeof unitMs]);
  if (ms > maxTimerMs) throw new UsageError(`${option} ${text} is too long: at most 596h (2147483647 ms)`);
  return ms;
}

/** A duration as people read it: `850 ms`, `12.3 s`, `4 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(1))} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
