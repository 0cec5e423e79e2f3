/**
 * The status of a wait, on stderr: one live line on a terminal (rewritten in place, with the time
 * waited), plain lines when stderr is a pipe or a file. It writes to stderr only and never touches
 * stdin, so a payload piped into fgs is read whole.
 */
import { formatDuration } from './duration.js';
import type { Colors, OutputStream } from './io.js';
import { statusColor } from './output.js';

export interface StatusLine {
  /** A new status (or the first). */
  show(status: string): void;
  /** The wait is over: the live line is cleared; `message` (if any) is written as a line. */
  end(message?: string): void;
}

const clearLine = '\r\x1b[2K';

export function statusLine(stderr: OutputStream, colors: Colors, subject: string, now: () => number = Date.now): StatusLine {
  const started = now();
  let status = 'waiting for the first record';
  const text = () => `${subject}: ${statusColor(status, colors)(status)} ${colors.dim(`(${formatDuration(now() - started)})`)}`;
  if (!stderr.isTTY) {
    return {
      show(next) {
        status = next;
        stderr.write(`${subject}: ${status} after ${formatDuration(now() - started)}\n`);
      },
      end(message) {
        if (message) stderr.write(`${message}\n`);
      },
    };
  }
  stderr.write(text());
  // Refreshes the time waited; unref'd, so it never keeps the process alive.
  const timer = setInterval(() => stderr.write(`${clearLine}${text()}`), 1_000);
  timer.unref();
  return {
    show(next) {
      status = next;
      stderr.write(`${clearLine}${text()}`);
    },
    end(message) {
      clearInterval(timer);
      stderr.write(clearLine + (message ? `${message}\n` : ''));
    },
  };
}
