/**
 * What one AK/SK signature costs: our signer (src/auth/signing/sign-request.ts) against the official one
 * (`@huaweicloud/huaweicloud-sdk-core`, `AKSKSigner.sign`), side by side in one process, on the
 * request the client sends most: a synchronous invokeFunction with temporary credentials (security
 * token), and the same with permanent credentials. Rounds alternate which signer goes first so a
 * slow moment of the machine hits both alike; the median of the rounds is reported, in µs per
 * signature. Both signers are first checked to give the same Authorization for the request timed.
 *
 * Our signer is bundled from source with esbuild (the module reaches the built client only through
 * a dynamic import, as a separate chunk), the way tsup builds it.
 *
 * `measureSigning()` is called by run.mjs (`npm run bench`); `node packages/client/bench/signing.mjs`
 * prints the same table alone.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIGNING_SPEED_GOAL } from './goals.mjs';
import { FUNCTION_URN, median, PROJECT_ID } from './throughput.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const signerSource = resolve(here, '../src/auth/signing/sign-request.ts');

/** Our signer, bundled from source into a module imported from a data: URL. */
async function loadOurSigner() {
  const result = await build({ entryPoints: [signerSource], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', write: false, logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

function loadOfficialSigner() {
  const require = createRequire(resolve(here, '../../../package.json'));
  return require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner').AKSKSigner;
}

/**
 * A fake temporary credential. Huawei's security tokens run to well over a thousand characters
 * (they carry the session's policy); every signer hashes it as part of the canonical request.
 */
export const TOKEN_LENGTH = 1_200;
const credentials = {
  accessKeyId: 'HSTFAKEACCESSKEY0000',
  secretAccessKey: 'fakeSecretAccessKeyForTheBench000000000',
  securityToken: `gQpjbi1ub3J0aC00${'FAKE'.repeat((TOKEN_LENGTH - 16) / 4)}`,
};
/** A small JSON event with nesting and non-ASCII, as a function is usually invoked with. */
const event = { bucket: 'images', object: 'uploads/2026/12/01/café.jpg', sizes: [128, 256, 512], options: { quality: 0.85, tags: ['ünïcode', '中文'] } };

/** The two requests timed, as our runtime sends them and as the official signer takes them. */
function requests(temporary) {
  const date = '20261201T010203Z';
  const path = `/v2/${PROJECT_ID}/fgs/functions/${FUNCTION_URN}/invocations`;
  const base = 'https://functiongraph.cn-south-1.myhuaweicloud.com';
  const headers = { 'content-type': 'application/json', 'x-cff-request-version': 'v1', 'x-project-id': PROJECT_ID, 'x-sdk-date': date };
  const officialHeaders = { 'Content-Type': 'application/json', 'X-CFF-Request-Version': 'v1', 'X-Project-Id': PROJECT_ID, 'X-Sdk-Date': date };
  if (temporary) {
    headers['x-security-token'] = credentials.securityToken;
    officialHeaders['X-Security-Token'] = credentials.securityToken;
  }
  return {
    ours: { method: 'POST', url: base + path, headers, body: JSON.stringify(event) },
    official: { method: 'POST', endpoint: base + path, queryParams: {}, headers: officialHeaders, data: event },
  };
}

const OPTIONS = { algorithm: 'SDK-HMAC-SHA256', dateHeader: 'X-Sdk-Date', redact: ['x-security-token'] };

/** µs per call of `n` sequential calls. */
async function timeAsync(fn, n) {
  const begin = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - begin) / 1e3 / n;
}
function timeSync(fn, n) {
  const begin = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - begin) / 1e3 / n;
}

/**
 * @param {{ rounds?: number, calls?: number, warmup?: number }} [settings] calls per signer per round
 * @returns {Promise<{ rounds: number, calls: number, tokenLength: number, cases: Record<'temporary' | 'permanent', { ours: object, official: object, ratio: number }>, goal: number, met: boolean }>}
 */
export async function measureSigning({ rounds = 9, calls = 5_000, warmup = 3_000 } = {}) {
  const { signRequest } = await loadOurSigner();
  const AKSKSigner = loadOfficialSigner();
  const key = { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
  const credential = { getAk: () => credentials.accessKeyId, getSk: () => credentials.secretAccessKey };
  const cases = {};
  for (const [name, temporary] of [['temporary', true], ['permanent', false]]) {
    const request = requests(temporary);
    const ours = () => signRequest(request.ours, key, OPTIONS);
    const official = () => AKSKSigner.sign(request.official, credential);
    const [a, b] = [(await ours()).authorization, official().Authorization];
    if (a !== b) throw new Error(`signing bench: the two signers disagree on the ${name} request:\n  ours     ${a}\n  official ${b}`);
    await timeAsync(ours, warmup);
    timeSync(official, warmup);
    const samples = { ours: [], official: [] };
    for (let round = 0; round < rounds; round++) {
      // Alternate who goes first.
      if (round % 2 === 0) {
        samples.ours.push(await timeAsync(ours, calls));
        samples.official.push(timeSync(official, calls));
      } else {
        samples.official.push(timeSync(official, calls));
        samples.ours.push(await timeAsync(ours, calls));
      }
    }
    const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), samples: values });
    cases[name] = { ours: summary(samples.ours), official: summary(samples.official) };
    cases[name].ratio = cases[name].official.median / cases[name].ours.median;
  }
  return { rounds, calls, tokenLength: TOKEN_LENGTH, cases, goal: SIGNING_SPEED_GOAL, met: cases.temporary.ratio >= SIGNING_SPEED_GOAL };
}

/** The rows run.mjs prints: one per credential kind. */
export function signingRows(result, fmt) {
  const label = { temporary: `invokeFunction, temporary (token ${fmt(result.tokenLength)} chars)`, permanent: 'invokeFunction, permanent' };
  return Object.entries(result.cases).map(([name, c]) => [
    label[name],
    fmt(c.ours.median, 2),
    `${fmt(c.ours.min, 2)}-${fmt(c.ours.max, 2)}`,
    fmt(c.official.median, 2),
    `${fmt(c.official.min, 2)}-${fmt(c.official.max, 2)}`,
    `${fmt(c.ratio, 2)}x`,
  ]);
}
export const SIGNING_HEADER = ['request', 'ours µs', 'range', 'official µs', 'range', 'official/ours'];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const result = await measureSigning();
  console.log(`Signing cost (µs per signature, median of ${result.rounds} rounds of ${fmt(result.calls)} calls each; node ${process.version})`);
  const rows = signingRows(result, fmt);
  const widths = SIGNING_HEADER.map((_, i) => Math.max(...[SIGNING_HEADER, ...rows].map((row) => String(row[i]).length)));
  for (const row of [SIGNING_HEADER, widths.map((w) => '-'.repeat(w)), ...rows]) {
    console.log(row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '));
  }
  console.log(`Goal: ours >= ${SIGNING_SPEED_GOAL}x faster than the official signer (temporary credentials): ${result.met ? 'met' : 'NOT met'} (${fmt(result.cases.temporary.ratio, 2)}x)`);
}
