/**
 * What a run of `fgs` reads and writes, as one value: the three standard streams, whether each is a
 * terminal, the environment and the working folder. Commands write through it and never touch
 * `process` themselves, so where output goes (data on stdout, people's messages on stderr) is
 * decided in one place.
 */
import { createColors } from 'picocolors';

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface InputStream extends AsyncIterable<string | Uint8Array> {
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: InputStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

export type Colors = ReturnType<typeof createColors>;

/**
 * Colour on a stream only when it is a terminal, never with `NO_COLOR` (any value but empty, as
 * no-color.org says), `--no-color` or `TERM=dumb`: a pipe or a file gets plain text.
 */
export function colorsFor(stream: OutputStream, env: NodeJS.ProcessEnv, noColor: boolean): Colors {
  const wanted = stream.isTTY === true && !noColor && !env.NO_COLOR && env.TERM !== 'dumb';
  return createColors(wanted);
}
