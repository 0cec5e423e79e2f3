/**
 * Preloaded (NODE_OPTIONS=--import) into every Node process a generator bench run starts: at exit
 * it appends the process's peak resident set size to $BENCH_RSS_FILE. A command that runs its
 * work in a child process (tsx does) reports once per process; the bench takes the largest.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
