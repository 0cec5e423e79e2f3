/**
 * `npm run bench:generate`: our generator against openapi-typescript alone on a large public
 * description, side by side in one run. The description is installed from the npm registry into
 * a temporary folder at bench time (never committed, never a dependency) and removed afterwards.
 *
 * Each contender runs as the maintainer runs it, in its own process, alternating, BENCH_RUNS times
 * (default 3): ours as `node scripts/run.mjs generate --spec <file> --out <tmp>` (what `npm run
 * generate` runs), openapi-typescript as its CLI from a folder without a redocly.yaml. Printed:
 * median wall time, median peak memory (largest RSS of any Node process of the run), median CPU
 * time (steadier than wall time on a shared machine), the ratios and the load average.
 *
 * BENCH_SPEC_PACKAGE (default @octokit/openapi@23.0.2) and BENCH_SPEC_FILE (the file inside it)
 * choose another description.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specPackage = process.env.BENCH_SPEC_PACKAGE ?? '@octokit/openapi@23.0.2';
const specFile = process.env.BENCH_SPEC_FILE ?? 'generated/api.github.com.json';
const runs = Number(process.env.BENCH_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error('BENCH_RUNS must be a positive integer');
const GOAL = 1.2;

const work = await mkdtemp(path.join(tmpdir(), 'fgs-bench-generate-'));
try {
  console.log(`Generator bench: node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  console.log(`Installing ${specPackage} into ${work} (not saved anywhere) ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--prefix', work, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', specPackage], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const packageName = specPackage.replace(/(?<=.)@[^@/]+$/, '');
  const spec = path.join(work, 'node_modules', packageName, specFile);
  if (!existsSync(spec)) throw new Error(`${spec} not found in ${specPackage}`);
  const sizeMiB = (await readFile(spec)).length / 2 ** 20;
  console.log(`Description: ${packageName}/${specFile}, ${sizeMiB.toFixed(1)} MiB\n`);

  // openapi-typescript runs from here: a folder without a redocly.yaml (from our root it would lint with our rules and stop).
  const alone = path.join(work, 'openapi-typescript');
  await mkdir(alone);
  const contenders = {
    ours: {
      label: 'our generator (npm run generate)',
      command: process.execPath,
      args: (run) => [path.join(root, 'scripts/run.mjs'), 'generate', '--spec', spec, '--out', path.join(work, `ours-${run}`)],
      cwd: root,
    },
    openapiTypescript: {
      label: 'openapi-typescript 7 alone (CLI)',
      command: path.join(root, 'node_modules/.bin/openapi-typescript'),
      args: (run) => [spec, '--output', path.join(alone, `schema-${run}.ts`)],
      cwd: alone,
    },
  };

  const results = { ours: [], openapiTypescript: [] };
  for (let run = 0; run < runs; run++) {
    for (const [name, contender] of Object.entries(contenders)) {
      const rssFile = path.join(work, `rss-${name}-${run}.txt`);
      await writeFile(rssFile, '');
      const began = process.hrtime.bigint();
      const code = await new Promise((resolve) => {
        const child = spawn(contender.command, contender.args(run), {
          cwd: contender.cwd,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: {
            ...process.env,
            BENCH_RSS_FILE: rssFile,
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${path.join(root, 'scripts/bench/rss-report.mjs')}`.trim(),
          },
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (exitCode) => {
          if (exitCode !== 0) process.stderr.write(stderr);
          resolve(exitCode);
        });
      });
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      if (code !== 0) throw new Error(`${contender.label} failed (exit code ${code})`);
      const reports = (await readFile(rssFile, 'utf8')).split('\n').filter(Boolean).map((line) => line.split(' ').map(Number));
      const rssKiB = Math.max(...reports.map(([kib]) => kib));
      const cpuSeconds = reports.reduce((sum, [, micros]) => sum + micros, 0) / 1e6;
      results[name].push({ seconds, rssMiB: rssKiB / 1024, cpuSeconds });
      console.log(`  run ${run + 1}/${runs} ${contender.label}: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, ${(rssKiB / 1024).toFixed(0)} MiB`);
    }
  }

  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, samples]) => [
      name,
      { seconds: median(samples.map((s) => s.seconds)), rssMiB: median(samples.map((s) => s.rssMiB)), cpuSeconds: median(samples.map((s) => s.cpuSeconds)) },
    ]),
  );
  const timeRatio = summary.ours.seconds / summary.openapiTypescript.seconds;
  const memoryRatio = summary.ours.rssMiB / summary.openapiTypescript.rssMiB;
  const cpuRatio = summary.ours.cpuSeconds / summary.openapiTypescript.cpuSeconds;
  console.log(`\nMedian of ${runs} runs each (wall time of the whole command; peak RSS of its largest Node process; CPU of all its Node processes)`);
  const rows = [
    ['contender', 'wall s', 'peak MiB', 'CPU s'],
    ...Object.entries(contenders).map(([name, c]) => [c.label, summary[name].seconds.toFixed(2), summary[name].rssMiB.toFixed(0), summary[name].cpuSeconds.toFixed(2)]),
    ['ours / openapi-typescript', `${timeRatio.toFixed(2)}x`, `${memoryRatio.toFixed(2)}x`, `${cpuRatio.toFixed(2)}x`],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  const verdict = (ratio) => (ratio <= GOAL ? 'met' : 'NOT met');
  console.log(`Goal: <= ${GOAL}x openapi-typescript's wall time: ${verdict(timeRatio)}; <= ${GOAL}x its peak memory: ${verdict(memoryRatio)}`);
  console.log(`Load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
