/**
 * 1,000 calls at once, in a child `node` running the built package against a loopback server in
 * this process: all succeed, no timer is left behind (each attempt's 60 s timeout is cleared),
 * and the child exits on its own, well before a leaked default timer would let it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behave, DEFAULT_INSTANCE_ID, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { describeRun, runDistModule } from './helpers/node-child.js';
import { PROJECT, TOKEN, URN } from './helpers/calls.js';
import { childTransportOptions } from './helpers/transport.js';

const CALLS = 1_000;
/** After printing `done` the child must be gone within this; a leaked 60 s timer would hold it far longer. */
const EXIT_BOUND_MS = 10_000;

const childSource = `
const { createFunctionGraphClient } = await import(process.env.FGS_DIST);
const client = createFunctionGraphClient({ baseUrl: process.env.FGS_BASE_URL, projectId: process.env.FGS_PROJECT, token: process.env.FGS_TOKEN, ${childTransportOptions} });
const n = Number(process.env.FGS_CALLS);
const results = await Promise.allSettled(
  Array.from({ length: n }, (_, i) => client.asyncInvokeReservedFunction({ functionUrn: process.env.FGS_URN, body: { i } })),
);
const failed = results.filter((r) => r.status === 'rejected');
console.log('RESULT ' + JSON.stringify({
  ok: results.filter((r) => r.status === 'fulfilled' && r.value.instance_id === process.env.FGS_INSTANCE_ID).length,
  failed: failed.length,
  firstFailure: failed[0] ? String(failed[0].reason) : null,
}));
console.log('RESOURCES ' + JSON.stringify(process.getActiveResourcesInfo()));
console.log('done');
`;

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer({ fallback: behave.accepted(DEFAULT_INSTANCE_ID), backlog: 2_048, maxLifetimeMs: 90_000 });
});
afterAll(async () => {
  await server?.close();
});

describe(`${CALLS} concurrent calls`, () => {
  it('all succeed, leave no timer behind, and let the process exit on its own', async () => {
    const run = await runDistModule(childSource, {
      env: { FGS_BASE_URL: server.url, FGS_PROJECT: PROJECT, FGS_TOKEN: TOKEN, FGS_URN: URN, FGS_CALLS: String(CALLS), FGS_INSTANCE_ID: DEFAULT_INSTANCE_ID },
      timeoutMs: 55_000,
    });

    expect(run.killed, describeRun(run)).toBe(false);
    expect(run.exitCode, describeRun(run)).toBe(0);
    const result = JSON.parse(run.stdout.split('\n').find((line) => line.startsWith('RESULT '))!.slice('RESULT '.length)) as { ok: number; failed: number; firstFailure: string | null };
    expect(result).toEqual({ ok: CALLS, failed: 0, firstFailure: null });
    expect(server.requests).toHaveLength(CALLS);
    const resources = JSON.parse(run.stdout.split('\n').find((line) => line.startsWith('RESOURCES '))!.slice('RESOURCES '.length)) as string[];
    expect(resources, describeRun(run)).not.toContain('Timeout');
    const doneAt = run.lineArrivals.get('done');
    expect(doneAt).toBeDefined();
    expect(run.exitedAt - doneAt!).toBeLessThan(EXIT_BOUND_MS);
  }, 60_000);
});
