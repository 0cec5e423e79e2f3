/**
 * Calls per second of five ways to make the same asyncInvokeFunction call against the same loopback
 * server: a bare `node:http` request on a keep-alive agent (the floor on Node: nothing but Node's
 * HTTP stack), raw `fetch`, the generated client with a token, the same client signing every request
 * with an access key pair (AK/SK, temporary credentials), and openapi-fetch. Each sends POST to the
 * same route with the same headers and JSON body, and reads the JSON answer, so the differences are
 * the clients'. (openapi-fetch's default path serializer writes the URN's ":" as "%3A"; the others
 * send it raw.)
 */
import { Agent, request } from 'node:http';
import createClient from 'openapi-fetch';
import { REQUEST_ID } from './loopback-process.mjs';

export const PROJECT_ID = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
export const FUNCTION_URN = `urn:fss:cn-south-1:${PROJECT_ID}:function:default:thumbnail-maker:latest`;
const TOKEN = 'bench-token';
const CREDENTIALS = { accessKeyId: 'BENCHACCESSKEYID0001', secretAccessKey: 'bench-secret-access-key-0000000000000001', securityToken: 'bench-security-token-'.padEnd(600, 'x') };
const BODY = { key: 'value', n: 1 };
const PATH = '/v2/{project_id}/fgs/functions/{function_urn}/invocations-async';

/** The contenders in the order they are printed, with their labels. */
export const CONTENDERS = {
  nodeHttp: 'bare node:http, keep-alive agent',
  fetch: 'raw fetch',
  client: 'generated client, token',
  signedClient: 'generated client, AK/SK signed',
  openapiFetch: 'openapi-fetch',
};
/** The contender every other one's per-call cost is measured over. */
export const FLOOR = 'nodeHttp';

/** The request id of a 202 answer, as each contender reads it. */
const requestIdOf = (answer) => answer.request_id ?? answer.requestId;

/**
 * The floor: one POST on Node's own HTTP stack, with nothing a client adds (no checks, no timers, no
 * abort wiring), reusing sockets like every other contender.
 */
function nodeHttpContender(url, headers) {
  const agent = new Agent({ keepAlive: true });
  const call = () =>
    new Promise((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(BODY));
      const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': body.byteLength } }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode !== 202) reject(new Error(`node:http: HTTP ${res.statusCode}`));
          else resolve(requestIdOf(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return { call, close: () => agent.destroy() };
}

/**
 * Each contender is a function making one asyncInvokeFunction call and resolving to the request id.
 * `close()` frees what the contenders hold (the bare request's agent).
 * @param {string} baseUrl
 * @param {string} distPath the built client's ESM entry
 * @returns {Promise<{ contenders: Record<keyof typeof CONTENDERS, () => Promise<string>>, close: () => void }>}
 */
export async function createContenders(baseUrl, distPath) {
  const { createFunctionGraphClient } = await import(distPath);

  const client = createFunctionGraphClient({ baseUrl, projectId: PROJECT_ID, token: TOKEN });
  const viaClient = () => client.asyncInvokeFunction({ functionUrn: FUNCTION_URN, body: BODY });

  // The server does not check signatures; what is measured is the cost of making them.
  const signing = createFunctionGraphClient({ baseUrl, projectId: PROJECT_ID, credentials: CREDENTIALS });
  const viaSignedClient = () => signing.asyncInvokeFunction({ functionUrn: FUNCTION_URN, body: BODY });

  // createClient<paths> in TypeScript; the type argument has no runtime part.
  const openapi = createClient({ baseUrl });
  const viaOpenapiFetch = async () => {
    const { data, error } = await openapi.POST(PATH, {
      params: { path: { project_id: PROJECT_ID, function_urn: FUNCTION_URN } },
      body: BODY,
      headers: { accept: 'application/json', 'x-auth-token': TOKEN },
    });
    if (error !== undefined) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
    return requestIdOf(data);
  };

  const url = `${baseUrl}/v2/${PROJECT_ID}/fgs/functions/${FUNCTION_URN}/invocations-async`;
  const headers = { accept: 'application/json', 'content-type': 'application/json', 'x-auth-token': TOKEN };
  const viaFetch = async () => {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(BODY) });
    if (res.status !== 202) throw new Error(`fetch: HTTP ${res.status}`);
    return requestIdOf(await res.json());
  };

  const nodeHttp = nodeHttpContender(url, headers);
  return {
    contenders: { nodeHttp: nodeHttp.call, fetch: viaFetch, client: viaClient, signedClient: viaSignedClient, openapiFetch: viaOpenapiFetch },
    close: nodeHttp.close,
  };
}

/**
 * Makes `total` calls with at most `inFlight` pending at once. Returns calls per second (wall time)
 * and the CPU time this process spent per call, in µs: the server runs in another process, so that
 * is the contender's own work and its transport's, and it moves less than wall time when other
 * work shares the machine.
 */
export async function measureCalls(call, total, inFlight) {
  let started = 0;
  let wrong = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      if ((await call()) !== REQUEST_ID) wrong++;
    }
  };
  const cpu = process.cpuUsage();
  const begin = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(inFlight, total) }, worker));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  const { user, system } = process.cpuUsage(cpu);
  if (wrong > 0) throw new Error(`${wrong} calls returned the wrong request id`);
  return { rate: total / seconds, cpuMicrosPerCall: (user + system) / total };
}

/** Calls per second alone, for benches that compare rates only (bench/transports.mjs). */
export const callsPerSecond = async (call, total, inFlight) => (await measureCalls(call, total, inFlight)).rate;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs one scenario: a warm-up per contender, then `rounds` rounds in which every contender
 * runs once, in an order rotated each round so none always goes first (or right after GC-heavy
 * work). Stops adding rounds once `deadline` (ms since epoch) passes, keeping at least one.
 * Each contender's result: the median calls per second and its range, the microseconds each call
 * costs over the floor's (1e6/rate − 1e6/floorRate: the contender's own work, as wall time), and the
 * median CPU µs per call of this process.
 */
export async function runScenario(contenders, { calls, inFlight, warmup, rounds, deadline = Infinity }) {
  const names = Object.keys(contenders);
  for (const name of names) await measureCalls(contenders[name], warmup, inFlight);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    if (round > 0 && Date.now() > deadline) break;
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      samples[name].push(await measureCalls(contenders[name], calls, inFlight));
    }
  }
  const floorRate = median(samples[FLOOR].map((sample) => sample.rate));
  return Object.fromEntries(
    names.map((name) => {
      const rates = samples[name].map((sample) => sample.rate);
      const rate = median(rates);
      const cpuMicrosPerCall = median(samples[name].map((sample) => sample.cpuMicrosPerCall));
      return [name, { median: rate, min: Math.min(...rates), max: Math.max(...rates), microsOverFloor: 1e6 / rate - 1e6 / floorRate, cpuMicrosPerCall, samples: samples[name] }];
    }),
  );
}
