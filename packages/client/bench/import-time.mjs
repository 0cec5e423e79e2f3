/**
 * What importing the client adds to a process's start: wall time of fresh `node` processes that
 * do nothing, import the ESM build, or require the CJS build. Runs are interleaved so a slow
 * moment of the machine hits every variant alike; the median is reported.
 */
import { spawnSync } from 'node:child_process';
import { median } from './throughput.mjs';

function timeOnce(args) {
  const begin = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - begin) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

/**
 * @param {{ esm: string, cjs: string }} dist absolute paths of the two builds
 * @param {number} runs
 */
export function measureImportTime(dist, runs) {
  const variants = {
    bare: ['-e', '0'],
    bareEsm: ['--input-type=module', '-e', '0'],
    esm: ['--input-type=module', '-e', `await import(${JSON.stringify(dist.esm)})`],
    cjs: ['-e', `require(${JSON.stringify(dist.cjs)})`],
  };
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  // One untimed pass fills the OS file cache.
  for (const name of names) timeOnce(variants[name]);
  for (let run = 0; run < runs; run++) {
    for (const name of names) samples[name].push(timeOnce(variants[name]));
  }
  return Object.fromEntries(names.map((name) => [name, { median: median(samples[name]), samples: samples[name] }]));
}
