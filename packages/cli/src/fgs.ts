#!/usr/bin/env node
/**
 * The `fgs` binary: the command line as a process. Ctrl-C aborts what is in flight (a call, a
 * wait) so the command can say what it left running; a second Ctrl-C ends the process at once.
 */
import { main } from './main.js';
import { processIo } from './io.js';

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.exitCode = await main(process.argv.slice(2), processIo(), interrupt.signal);
