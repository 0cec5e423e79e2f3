/**
 * `npm run bench`: throughput of the client against a bare node:http request and raw fetch, AK/SK
 * signing cost against the official signer, bundle sizes and the browser check, and import time of
 * the built client, each held to its goal in goals.mjs; printed as tables and saved to
 * .bench/results.json. Run after a build (the npm script builds).
 * Sizes of the work can be lowered for a quick look: BENCH_ROUNDS, BENCH_SEQUENTIAL_CALLS (calls per
 * round at 1 in flight), BENCH_CONCURRENT_CALLS (at 16 in flight), BENCH_SIGNING_CALLS,
 * BENCH_IMPORT_RUNS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForBrowser, describeNodeModules } from './browser-bundle.mjs';
import { IMPORT_TIME_GOAL_MS, MAIN_CHUNK_BUDGET_GZIP_BYTES, MAIN_CHUNK_GOAL_GZIP_BYTES, SIGNING_SPEED_GOAL, THROUGHPUT_GOALS } from './goals.mjs';
import { measureImportTime } from './import-time.mjs';
import { startServerProcess } from './loopback-process.mjs';
import { BUDGETED_CHUNKS, chunkWith, clientDist, entries, measureSizes } from './measure-size.mjs';
import { measureSigning, SIGNING_HEADER, signingRows } from './signing.mjs';
import { CONTENDERS, createContenders, FLOOR, runScenario } from './throughput.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = { esm: clientDist, cjs: clientDist.replace(/\.js$/, '.cjs') };

const setting = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
// Many short rounds rather than a few long ones: on a shared machine the median of more, interleaved
// samples moves less when something else grabs the CPU for a while.
const rounds = setting('BENCH_ROUNDS', 7);
const scenarios = [
  { inFlight: 1, calls: setting('BENCH_SEQUENTIAL_CALLS', 1_500), warmup: 500, rounds },
  { inFlight: 16, calls: setting('BENCH_CONCURRENT_CALLS', 2_000), warmup: 1_000, rounds },
];
const importRuns = setting('BENCH_IMPORT_RUNS', 15);
const signingSettings = { rounds, calls: setting('BENCH_SIGNING_CALLS', 5_000) };
/** Throughput may use this long in all, shared evenly by the scenarios; later rounds are skipped past it (the table says how many ran). */
const THROUGHPUT_BUDGET_MS = 120_000;

for (const goal of THROUGHPUT_GOALS) {
  if (!scenarios.some((s) => s.inFlight === goal.inFlight)) throw new Error(`goals.mjs: no scenario runs ${goal.inFlight} in flight`);
  if (!(goal.contender in CONTENDERS) || !(goal.against in CONTENDERS)) throw new Error(`goals.mjs: unknown contender in ${JSON.stringify(goal)}`);
}
if (!existsSync(dist.esm) || !existsSync(dist.cjs)) {
  console.error(`No build at ${relative(root, dirname(dist.esm))}: run \`npm run build\` first (\`npm run bench\` does).`);
  process.exit(1);
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pad = (cells, widths) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
function table(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
  console.log(pad(header, widths));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(pad(row, widths));
}
/** Every goal checked in this run, printed as it is met or not and saved with the results. */
const goals = [];
function check(goal, measured, met) {
  goals.push({ goal, measured, met, verdict: met ? 'met' : 'NOT met' });
  console.log(`Goal: ${goal}: ${met ? 'met' : 'NOT met'} (${measured})`);
}
const load = () => loadavg().map((n) => fmt(n, 2)).join(', ');

async function measureThroughput() {
  const server = await startServerProcess();
  const { contenders, close } = await createContenders(server.url, pathToFileURL(dist.esm).href);
  try {
    let deadline = Date.now();
    const results = [];
    for (const scenario of scenarios) {
      deadline += THROUGHPUT_BUDGET_MS / scenarios.length;
      results.push({ ...scenario, results: await runScenario(contenders, { ...scenario, deadline }) });
    }
    return results;
  } finally {
    close();
    await server.stop();
  }
}

function reportThroughput(throughput) {
  for (const { inFlight, calls, results } of throughput) {
    console.log(
      `Throughput, ${inFlight} in flight (median of ${results.fetch.samples.length} rounds of ${fmt(calls)} calls; server in its own process; ` +
        'CPU µs/call: this process only, the contender and its transport)',
    );
    table(
      ['contender', 'calls/s', 'range', 'vs raw fetch', 'µs/call over bare', 'CPU µs/call'],
      Object.entries(CONTENDERS).map(([name, label]) => {
        const r = results[name];
        return [label, fmt(r.median), `${fmt(r.min)}-${fmt(r.max)}`, `${fmt(r.median / results.fetch.median, 2)}x`, name === FLOOR ? '-' : fmt(r.microsOverFloor, 1), fmt(r.cpuMicrosPerCall, 1)];
      }),
    );
    console.log('');
  }
  return THROUGHPUT_GOALS.map((goal) => {
    const { results } = throughput.find((s) => s.inFlight === goal.inFlight);
    const ratio = results[goal.contender].median / results[goal.against].median;
    check(`${CONTENDERS[goal.contender]} >= ${goal.atLeast}x ${CONTENDERS[goal.against]} at ${goal.inFlight} in flight`, `${fmt(ratio, 2)}x`, ratio >= goal.atLeast);
    return { ...goal, ratio, met: ratio >= goal.atLeast };
  });
}

async function reportSigning() {
  const signing = await measureSigning(signingSettings);
  console.log(
    `AK/SK signing cost (µs per signature, median of ${signing.rounds} rounds of ${fmt(signing.calls)} calls each, alternating who goes first; ` +
      `ours bundled from source, official: @huaweicloud/huaweicloud-sdk-core AKSKSigner.sign)`,
  );
  table(SIGNING_HEADER, signingRows(signing, fmt));
  const { ratio, ours, official } = signing.cases.temporary;
  check(`ours >= ${SIGNING_SPEED_GOAL}x faster than the official signer (temporary credentials)`, `${fmt(ratio, 2)}x; ${fmt(ours.median, 2)} µs vs ${fmt(official.median, 2)} µs`, ratio >= SIGNING_SPEED_GOAL);
  console.log('');
  return signing;
}

async function reportSizes() {
  const sizes = await measureSizes(dist.esm);
  const mainRow = (label, bundle) => [label, fmt(bundle.main.minifiedBytes), fmt(bundle.main.gzipBytes), bundle.main.hasOpenapiFetch ? 'yes' : 'no'];
  console.log('Bundle size, main chunk: what loads at start (esbuild: bundle, minify, split, ESM, platform neutral, dependencies included; gzip -9)');
  table(
    ['bundle', 'minified B', 'gzip B', 'has openapi-fetch'],
    [mainRow('client + asyncInvokeFunction', sizes.client), mainRow('... + waitForAsyncInvocation', sizes.clientAndWaiter), mainRow('createRawClient', sizes.rawClient), mainRow('openapi-fetch alone', sizes.openapiFetch)],
  );
  console.log('\nLazy chunks of the client + asyncInvokeFunction bundle (loaded by dynamic import when used), by the module they are made from');
  table(
    ['chunk', 'minified B', 'gzip B alone', 'gzip B added to the main chunk'],
    sizes.client.lazyChunks.map((chunk) => {
      const budgeted = BUDGETED_CHUNKS.find(({ marker }) => chunk.code.includes(marker));
      return [budgeted ? `${chunk.module} (${budgeted.name})` : chunk.module, fmt(chunk.minifiedBytes), fmt(chunk.gzipBytes), fmt(chunk.addsGzipBytes)];
    }),
  );
  const { main } = sizes.client;
  const under = (bytes, budget) => (bytes <= budget ? `${fmt(budget - bytes)} B under` : `${fmt(bytes - budget)} B over`);
  const enforced = '(the budget test/size-budget.test.ts enforces)';
  for (const [limit, kind] of [[MAIN_CHUNK_BUDGET_GZIP_BYTES, enforced], [MAIN_CHUNK_GOAL_GZIP_BYTES, '(the design goal)']]) {
    check(
      `main chunk of client + asyncInvokeFunction <= ${fmt(limit)} B gzipped, without openapi-fetch ${kind}`,
      `${fmt(main.gzipBytes)} B, ${under(main.gzipBytes, limit)}${main.hasOpenapiFetch ? '; openapi-fetch FOUND' : ''}`,
      main.gzipBytes <= limit && !main.hasOpenapiFetch,
    );
  }
  for (const { name, marker, budgetGzipBytes } of BUDGETED_CHUNKS) {
    const chunk = chunkWith(sizes.client, marker);
    check(
      `${name} in a lazy chunk adding <= ${fmt(budgetGzipBytes)} B gzipped ${enforced}`,
      chunk === undefined ? `no lazy chunk holds ${name}` : `${fmt(chunk.addsGzipBytes)} B, ${under(chunk.addsGzipBytes, budgetGzipBytes)}`,
      chunk !== undefined && chunk.addsGzipBytes <= budgetGzipBytes,
    );
  }
  return sizes;
}

async function reportBrowserBundle() {
  const bundles = [
    ['dist/index.js', await bundleForBrowser({ entryPoint: relative(root, dist.esm) })],
    ['consumer file', await bundleForBrowser({ contents: entries.client('@fgs-openapi/client') })],
  ];
  const reached = bundles.flatMap(([, bundle]) => bundle.nodeModules);
  check('esbuild --platform=browser bundles the client (dist/index.js, and a consumer file) with no Node built-in reached', reached.length === 0 ? `${bundles.map(([name, b]) => `${name}: ${b.modules.length} modules`).join(', ')}` : describeNodeModules(reached), reached.length === 0);
  console.log('');
  return Object.fromEntries(bundles.map(([name, bundle]) => [name, bundle]));
}

function reportOperationCosts() {
  // What each operation and each lib module costs (bundled from source with the part left out).
  const costs = spawnSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'scripts/size/operation-costs.ts')], { cwd: root, encoding: 'utf8' });
  console.log(costs.status === 0 ? costs.stdout : `operation costs not measured: ${costs.stderr || costs.stdout}`);
}

function reportImportTime() {
  const imports = measureImportTime(dist, importRuns);
  console.log(`Import time (wall time of a fresh process, median of ${importRuns} runs)`);
  const overBare = (name) => imports[name].median - imports.bare.median;
  table(
    ['process', 'ms', 'over node -e 0'],
    [
      ['node -e 0', fmt(imports.bare.median, 1), '-'],
      ['node --input-type=module -e 0', fmt(imports.bareEsm.median, 1), `${fmt(overBare('bareEsm'), 1)}`],
      ['await import(dist/index.js)', fmt(imports.esm.median, 1), `${fmt(overBare('esm'), 1)}`],
      ['require(dist/index.cjs)', fmt(imports.cjs.median, 1), `${fmt(overBare('cjs'), 1)}`],
    ],
  );
  check(`import adds < ${IMPORT_TIME_GOAL_MS} ms over bare node (ESM and CJS)`, `ESM ${fmt(overBare('esm'), 1)} ms, CJS ${fmt(overBare('cjs'), 1)} ms`, overBare('esm') < IMPORT_TIME_GOAL_MS && overBare('cjs') < IMPORT_TIME_GOAL_MS);
  console.log('');
  return { runs: importRuns, overBareMs: { esm: overBare('esm'), cjs: overBare('cjs') }, ...imports };
}

const began = Date.now();
const loadAtStart = loadavg();
console.log(`@fgs-openapi/client bench: node ${process.version}, ${availableParallelism()} CPUs, ${process.platform}/${process.arch}, load average ${load()}\n`);
const throughput = await measureThroughput();
const throughputGoals = reportThroughput(throughput);
console.log('');
// The rest runs in this process with the server gone.
const signing = await reportSigning();
const sizes = await reportSizes();
const browserBundle = await reportBrowserBundle();
reportOperationCosts();
const importTime = reportImportTime();
console.log(`Load average at the end: ${load()}`);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  platform: `${process.platform}/${process.arch}`,
  loadAverage: { start: loadAtStart, end: loadavg() },
  goals,
  throughput: { scenarios: throughput, goals: throughputGoals },
  signing,
  size: Object.fromEntries(Object.entries(sizes).map(([name, { main, lazyChunks }]) => [name, { main: withoutCode(main), lazyChunks: lazyChunks.map(withoutCode) }])),
  browserBundle,
  importTime,
};
function withoutCode({ code, ...measurement }) {
  return measurement;
}
const out = resolve(root, '.bench/results.json');
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Wrote ${relative(root, out)} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
