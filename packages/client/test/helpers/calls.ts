/**
 * What the behaviour tests share: a recognisable fake token, a valid URN, a way to catch a
 * rejection, and a guard that fails a test when any promise rejection goes unhandled.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/** A fake token that is easy to search for in messages, stacks and inspections. */
export const TOKEN = 'fake-token-SECRET-9d1e';
export const PROJECT = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
export const URN_PREFIX = `urn:fss:cn-south-1:${PROJECT}:function:default`;
export const URN = `${URN_PREFIX}:my-func:latest`;
export const INPUT = { functionUrn: URN, body: { k: 'v' } } as const;
/** Retry delays short enough for tests. */
export const FAST_BACKOFF = { initialDelayMs: 10, maxDelayMs: 50 } as const;

/** The error a promise rejects with; fails if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected the promise to reject, but it resolved with ${JSON.stringify(value)}`);
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return performance.now() - start;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Records every unhandled rejection in this file and fails the test during which one surfaced.
 * The client must turn every failure into one rejection of the call's own promise.
 */
export function guardUnhandledRejections(): void {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', record);
  });
  afterEach(async () => {
    // Rejections are reported after the microtask queue drains; give them a moment to surface.
    await sleep(10);
    const found = seen.splice(0);
    expect(found.map(String), 'unhandled rejections').toEqual([]);
  });
  afterAll(() => {
    process.off('unhandledRejection', record);
  });
}
