/**
 * What each transport costs per request: the client's Node transport and fetch transport (bundled
 * from src/transport/ with esbuild), against a bare `node:http` request on a keep-alive agent and
 * raw fetch, all sending the same asyncInvokeFunction request (POST, JSON body, token header) to
 * bench/server.mjs in its own process and reading the JSON answer. At 1 and 16 in flight; the
 * figures that matter are the Node transport's CPU microseconds per request over bare node:http.
 *
 * Usage: node packages/client/bench/transports.mjs   (BENCH_ROUNDS, BENCH_CALLS to change the work)
 */
import { build } from 'esbuild';
import { request as httpRequest, Agent } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REQUEST_ID, startServerProcess } from './loopback-process.mjs';
import { PROJECT_ID, FUNCTION_URN, callsPerSecond, median } from './throughput.mjs';

const setting = (name, fallback) => Number(process.env[name] ?? fallback);
const rounds = setting('BENCH_ROUNDS', 7);
const calls = setting('BENCH_CALLS', 3_000);

/** The transports as the package would ship them: bundled from the sources, in a temporary folder. */
async function bundleTransports() {
  const outdir = await mkdtemp(join(tmpdir(), 'fgs-transports-'));
  const source = (name) => fileURLToPath(new URL(`../src/transport/${name}.ts`, import.meta.url));
  await build({ entryPoints: [source('node'), source('fetch')], bundle: true, format: 'esm', platform: 'neutral', outdir, logLevel: 'error' });
  const [node, fetchTransport] = await Promise.all([import(pathToFileURL(join(outdir, 'node.js')).href), import(pathToFileURL(join(outdir, 'fetch.js')).href)]);
  await rm(outdir, { recursive: true, force: true });
  return { createNodeTransport: node.createNodeTransport, createFetchTransport: fetchTransport.createFetchTransport };
}

function contenders(baseUrl, { createNodeTransport, createFetchTransport }) {
  const url = `${baseUrl}/v2/${PROJECT_ID}/fgs/functions/${FUNCTION_URN}/invocations-async`;
  const headers = { accept: 'application/json', 'content-type': 'application/json', 'x-auth-token': 'bench-token' };
  const body = { key: 'value', n: 1 };
  const encoder = new TextEncoder();
  const idOf = (text) => JSON.parse(text).request_id;

  const viaTransport = (transport) => async () => {
    const response = await transport.send({ method: 'POST', url, headers, body: encoder.encode(JSON.stringify(body)) }).response;
    if (response.status !== 202) throw new Error(`HTTP ${response.status}`);
    return idOf(await response.text());
  };

  // The fastest plain node:http request: one keep-alive agent, the body collected as strings.
  const { hostname, port, pathname } = new URL(url);
  const agent = new Agent({ keepAlive: true });
  const bareNodeHttp = () =>
    new Promise((resolve, reject) => {
      const text = JSON.stringify(body);
      const req = httpRequest({ agent, hostname, port, method: 'POST', path: pathname, headers: { ...headers, 'content-length': Buffer.byteLength(text) } }, (res) => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (answer += chunk));
        res.on('end', () => (res.statusCode === 202 ? resolve(idOf(answer)) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(text);
    });

  const rawFetch = async () => {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 202) throw new Error(`HTTP ${res.status}`);
    return idOf(await res.text());
  };

  return {
    nodeTransport: viaTransport(createNodeTransport()),
    bareNodeHttp,
    fetchTransport: viaTransport(createFetchTransport((input, init) => fetch(input, init))),
    rawFetch,
  };
}

const labels = { nodeTransport: 'Node transport', bareNodeHttp: 'bare node:http', fetchTransport: 'fetch transport', rawFetch: 'raw fetch' };

/**
 * Rounds in which every contender runs once, in an order rotated each round. Each run records
 * calls per second and this process's CPU time per call: on a shared machine the CPU time moves
 * less than the wall clock, and it is what a transport adds.
 */
async function measure(all, inFlight, total) {
  const names = Object.keys(all);
  for (const name of names) await callsPerSecond(all[name], 500, inFlight);
  const samples = Object.fromEntries(names.map((name) => [name, { rate: [], cpu: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      const before = process.cpuUsage();
      samples[name].rate.push(await callsPerSecond(all[name], total, inFlight));
      const used = process.cpuUsage(before);
      samples[name].cpu.push((used.user + used.system) / total);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { rate: median(samples[name].rate), min: Math.min(...samples[name].rate), max: Math.max(...samples[name].rate), cpu: median(samples[name].cpu) }]));
}

const transports = await bundleTransports();
const server = await startServerProcess();
const loadBefore = loadavg()[0];
const results = {};
try {
  const all = contenders(server.url, transports);
  if ((await all.nodeTransport()) !== REQUEST_ID) throw new Error('the Node transport read the wrong answer');
  for (const inFlight of [1, 16]) results[inFlight] = await measure(all, inFlight, inFlight === 1 ? calls / 2 : calls);
} finally {
  await server.stop();
}

console.log(`Transports: node ${process.version}, ${availableParallelism()} CPUs, load average ${loadBefore.toFixed(2)} before / ${loadavg()[0].toFixed(2)} after; median of ${rounds} rounds`);
const row = (cells) => console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(16) : cell.padStart(i === 2 ? 14 : 9))).join('  '));
for (const [inFlight, scenario] of Object.entries(results)) {
  console.log(`\n${inFlight} in flight`);
  row(['contender', 'calls/s', 'range', 'vs fetch', 'CPU µs', 'over bare']);
  for (const name of Object.keys(labels)) {
    const { rate, min, max, cpu } = scenario[name];
    row([labels[name], rate.toFixed(0), `${min.toFixed(0)}-${max.toFixed(0)}`, `${(rate / scenario.rawFetch.rate).toFixed(2)}x`, cpu.toFixed(1), (cpu - scenario.bareNodeHttp.cpu).toFixed(1)]);
  }
}
