/**
 * The JSON a command sends, from `--data <json>`, `--data @<file>`, `--data -` (stdin), or piped
 * stdin when there is no `--data`. Checked before anything is sent: text that is not JSON is
 * refused with the line and column where it breaks.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError, ExitCode, UsageError } from './exit-codes.js';
import type { InputStream, Io } from './io.js';
import { locateJsonProblem } from './json-error.js';

export interface Payload {
  /** Parsed. */
  readonly value: unknown;
  /** Where it came from, as errors name it: `--data`, `--data @event.json`, `stdin`. */
  readonly source: string;
}

/** Stdin to its end; Ctrl-C stops the wait for it (a pipe that never closes), before anything is sent. */
async function readAll(stream: InputStream, signal: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  const reading = (async () => {
    for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  })();
  let stop: (() => void) | undefined;
  const interrupted = new Promise<never>((_, reject) => {
    stop = () => reject(new CliError('interrupted while reading the event from stdin; nothing was sent', ExitCode.interrupted));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  try {
    await Promise.race([reading, interrupted]);
  } finally {
    signal.removeEventListener('abort', stop!);
    // The read left behind ends with an error when the process closes stdin; nobody waits for it.
    reading.catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readSource(data: string | undefined, io: Io, signal: AbortSignal): Promise<{ text: string; source: string } | undefined> {
  if (data === undefined) {
    // A terminal on stdin means nobody is piping a payload; an empty pipe means none either.
    if (io.stdin.isTTY) return undefined;
    const text = await readAll(io.stdin, signal);
    return text.trim() === '' ? undefined : { text, source: 'stdin' };
  }
  if (data === '-') {
    if (io.stdin.isTTY) throw new UsageError('--data - reads stdin, but stdin is a terminal', 'pipe the JSON in: fgs … --data - < event.json');
    return { text: await readAll(io.stdin, signal), source: '--data - (stdin)' };
  }
  if (data.startsWith('@')) {
    const file = data.slice(1);
    if (file === '') throw new UsageError('--data @ needs a file name: --data @event.json');
    try {
      return { text: await readFile(path.resolve(io.cwd, file), 'utf8'), source: `--data @${file}` };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      throw new UsageError(`--data @${file}: cannot read ${file}: ${why}`);
    }
  }
  return { text: data, source: '--data' };
}

export function parseJson(text: string, source: string): unknown {
  if (text.trim() === '') throw new UsageError(`${source} is empty: a JSON value is needed (use {} for an empty event)`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const problem = locateJsonProblem(text);
    const where = problem ? `line ${problem.line}, column ${problem.column}: ${problem.reason}` : 'not valid JSON';
    throw new UsageError(`${source} is not JSON: ${where}`, 'nothing was sent');
  }
}

/** The payload, or undefined when none was given (no --data, and stdin a terminal or empty). */
export async function readPayload(data: string | undefined, io: Io, signal: AbortSignal): Promise<Payload | undefined> {
  const read = await readSource(data, io, signal);
  return read && { value: parseJson(read.text, read.source), source: read.source };
}
