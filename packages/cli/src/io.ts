/**
 * What a run of `fgs` reads and writes, as one value: the three standard streams, whether each is a
 * terminal, the environment and the working folder. Commands write through it and never touch
 * `process` themselves, so where output goes (data on stdout, people's messages on stderr) is
 * decided in one place.
 */
import { createRequire } from 'node:module';

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

/** The process's streams; stdin is opened only when a command asks for it (`stdinOpened`). */
export function processIo(): Io & { readonly stdinOpened: boolean } {
  let stdinOpened = false;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      stdinOpened = true;
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    get stdinOpened() {
      return stdinOpened;
    },
  };
}

/** The styles fgs uses. */
export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const same = (text: string) => text;
const plain: Colors = { bold: same, dim: same, red: same, green: same, yellow: same };

/**
 * Colour on a stream only when it is a terminal, never with `NO_COLOR` (any value but empty, as
 * no-color.org says), `--no-color` or `TERM=dumb`: a pipe or a file gets plain text. picocolors is
 * loaded only when colour is on, so `fgs --help | less` or a script loads nothing it does not print.
 */
export function colorsFor(stream: OutputStream, env: NodeJS.ProcessEnv, noColor: boolean): Colors {
  const wanted = stream.isTTY === true && !noColor && !env.NO_COLOR && env.TERM !== 'dumb';
  if (!wanted) return plain;
  const picocolors = createRequire(import.meta.url)('picocolors') as typeof import('picocolors');
  return picocolors.createColors(true);
}
