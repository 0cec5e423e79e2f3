/**
 * Preloaded (NODE_OPTIONS=--import) into every Node process a generator bench run starts: at exit
 * it appends the process's peak resident set size (KiB) and CPU time (µs, user + system) to
 * $BENCH_RSS_FILE. A command that runs its work in a child process reports once per process; the
 * bench takes the largest RSS and the sum of CPU.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
