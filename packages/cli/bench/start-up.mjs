/**
 * `npm run bench` (after the client's benchmark): how long `fgs` takes to start, against bare
 * `node` running an empty module, as the wall time of fresh processes (output to a pipe, as in a
 * script). `--version` and `--help` should cost little more than node itself (they load the entry
 * and the command catalog; picocolors only on a terminal);
 * `fgs call --help` loads the client to list its operations, and importing the client alone is
 * shown beside it for scale. Variants are interleaved so a slow moment of the machine hits each
 * alike; medians are printed, with the time over bare node. Runs: BENCH_START_UP_RUNS (default 21).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/fgs.js', import.meta.url));
const client = createRequire(import.meta.url).resolve('@fgs-openapi/client').replace(/\.cjs$/, '.js');
const runs = Number(process.env.BENCH_START_UP_RUNS ?? 21);
if (!Number.isInteger(runs) || runs < 1) throw new Error('BENCH_START_UP_RUNS must be a positive integer');

// Bare node runs an empty module file, as fgs runs its entry file.
const scratch = mkdtempSync(join(tmpdir(), 'fgs-start-up-'));
const empty = join(scratch, 'empty.mjs');
writeFileSync(empty, '');
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const variants = {
  'node empty.mjs (bare)': [empty],
  'fgs --version': [bin, '--version'],
  'fgs --help': [bin, '--help'],
  'fgs invoke --help': [bin, 'invoke', '--help'],
  'fgs call --help': [bin, 'call', '--help'],
  'import the client (for scale)': ['--input-type=module', '-e', `await import(${JSON.stringify(client)})`],
};

function timeOnce(args) {
  const begin = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - begin) / 1e6;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const names = Object.keys(variants);
const samples = Object.fromEntries(names.map((name) => [name, []]));
for (const name of names) timeOnce(variants[name]); // fills the OS file cache
for (let run = 0; run < runs; run++) for (const name of names) samples[name].push(timeOnce(variants[name]));

const bare = median(samples[names[0]]);
console.log(`\nfgs start-up (wall time of a fresh process, median of ${runs} runs)`);
console.log(`${'variant'.padEnd(32)}${'median'.padStart(10)}${'over bare'.padStart(12)}${'× bare'.padStart(9)}`);
for (const name of names) {
  const ms = median(samples[name]);
  const over = name === names[0] ? '' : `+${(ms - bare).toFixed(1)} ms`;
  console.log(`${name.padEnd(32)}${`${ms.toFixed(1)} ms`.padStart(10)}${over.padStart(12)}${`${(ms / bare).toFixed(2)}×`.padStart(9)}`);
}
