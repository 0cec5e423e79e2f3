/**
 * The `fgs` process (bin/fgs.js loads this build of it): the command line as a process. Ctrl-C
 * aborts what is in flight (reading stdin, a call, a wait) so the command can say what it left
 * running; a second Ctrl-C ends the process at once.
 */
import { main } from './main.js';
import { processIo } from './io.js';

// A reader that stops early (`fgs invoke … | head -c 100`) closes the pipe: the rest of the output
// has nowhere to go, which is no failure of the run, so the exit code stays the run's and no
// "Unhandled 'error' event" stack is printed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});
const io = processIo();
process.exitCode = await main(process.argv.slice(2), io, interrupt.signal);
// A read of stdin cut short by Ctrl-C would keep the process waiting for a pipe that never closes.
if (io.stdinOpened) process.stdin.destroy();
