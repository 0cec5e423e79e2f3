/**
 * The memo every expiring provider shares (refreshing.ts), on a clock the test moves and a source
 * whose every fetch the test settles by hand: when a value is renewed (min(10 min, half its life)
 * before `expiresAt`), that a background renewal keeps callers from waiting, that concurrent
 * callers share one fetch, that a failed renewal keeps the value until `expiresAt` and is not
 * retried on every call, that past `expiresAt` the failure is thrown, and that `refused` replaces
 * the value once for all who refuse it.
 */
import { describe, expect, it } from 'vitest';
import { defaultRefreshPolicy, refreshing, type Expiring } from '../../../src/auth/providers/refreshing.js';
import { rejection } from '../../helpers/calls.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);

/** A fetch the test settles: each call waits until `settle` answers it. */
function controlledSource() {
  const pending: { resolve(value: Expiring<string>): void; reject(error: unknown): void }[] = [];
  let calls = 0;
  const fetch = () =>
    new Promise<Expiring<string>>((resolve, reject) => {
      calls += 1;
      pending.push({ resolve, reject });
    });
  return {
    fetch,
    get calls() {
      return calls;
    },
    /** Answers the oldest unanswered fetch with `value`, or fails it with `error`. */
    settle(value: string | Error, expiresAt?: number) {
      const next = pending.shift();
      if (!next) throw new Error('no fetch is waiting');
      if (value instanceof Error) next.reject(value);
      else next.resolve({ value, expiresAt });
    },
    get waiting() {
      return pending.length;
    },
  };
}

/** A memo over a controlled source on a clock at `T0` the test moves with `clock.at`. */
function setup() {
  const source = controlledSource();
  const clock = { time: T0, at(ms: number) { clock.time = ms; } };
  const current = refreshing(source.fetch, { ...defaultRefreshPolicy, now: () => clock.time });
  return { source, clock, current };
}

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(() => (done = true), () => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/** Starts with value `v1`, expiring `lifetimeMs` after T0. */
async function started(lifetimeMs: number | undefined) {
  const parts = setup();
  const first = parts.current();
  parts.source.settle('v1', lifetimeMs === undefined ? undefined : T0 + lifetimeMs);
  expect(await first).toBe('v1');
  return parts;
}

describe('one fetch shared', () => {
  it('50 concurrent first callers wait for one fetch and all get its value', async () => {
    const { source, current } = setup();
    const all = Array.from({ length: 50 }, () => current());
    expect(source.calls).toBe(1);
    source.settle('v1', T0 + HOUR);
    expect(await Promise.all(all)).toEqual(Array(50).fill('v1'));
  });

  it('a first fetch that fails fails every waiting caller, and the next call tries again', async () => {
    const { source, current } = setup();
    const all = Array.from({ length: 5 }, () => current());
    const reason = new Error('source down');
    source.settle(reason);
    for (const call of all) expect(await rejection(call)).toBe(reason);
    const again = current();
    expect(source.calls).toBe(2);
    source.settle('v2', T0 + HOUR);
    expect(await again).toBe('v2');
  });
});

describe('when a value is renewed: min(10 minutes, half its life) before expiresAt', () => {
  // [lifetime, how long before the end renewal starts]
  const lifetimes: [string, number, number][] = [
    ['24 hours (an IAM token)', 24 * HOUR, 10 * MINUTE],
    ['1 hour', HOUR, 10 * MINUTE],
    ['20 minutes: exactly half', 20 * MINUTE, 10 * MINUTE],
    ['15 minutes (the shortest temporary credentials): half', 15 * MINUTE, 7.5 * MINUTE],
    ['90 seconds: half', 90_000, 45_000],
  ];
  it.each(lifetimes)('a value that lives %s', async (_label, lifetime, ahead) => {
    const { source, clock, current } = await started(lifetime);
    const renewAt = T0 + lifetime - ahead;

    clock.at(renewAt - 1);
    expect(await current()).toBe('v1');
    expect(source.calls).toBe(1);

    clock.at(renewAt);
    const call = current();
    expect(source.calls).toBe(2);
    source.settle('v2', renewAt + lifetime);
    await call;
    expect(await current()).toBe('v2');
    expect(source.calls).toBe(2);
  });

  it('a value without expiresAt is never renewed', async () => {
    const { source, clock, current } = await started(undefined);
    clock.at(T0 + 365 * 24 * HOUR);
    expect(await current()).toBe('v1');
    expect(source.calls).toBe(1);
  });

  it('a value that arrives already expired is fetched again on the next call', async () => {
    const { source, current } = setup();
    const first = current();
    source.settle('stale', T0 - MINUTE);
    expect(await first).toBe('stale');
    const second = current();
    expect(source.calls).toBe(2);
    source.settle('fresh', T0 + HOUR);
    expect(await second).toBe('fresh');
  });
});

describe('renewing in the background', () => {
  it('ahead of the last minute, callers get the current value at once while one renewal runs', async () => {
    const { source, clock, current } = await started(HOUR);
    clock.at(T0 + 55 * MINUTE);

    const calls = Array.from({ length: 50 }, () => current());
    expect(await Promise.all(calls)).toEqual(Array(50).fill('v1'));
    // The renewal is still waiting: nobody waited for it.
    expect(source.waiting).toBe(1);
    expect(source.calls).toBe(2);

    source.settle('v2', T0 + 2 * HOUR);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await current()).toBe('v2');
  });

  it('in the last minute, callers wait for the renewal, all for the same one', async () => {
    const { source, clock, current } = await started(HOUR);
    clock.at(T0 + 59 * MINUTE + 30_000);

    const calls = Array.from({ length: 50 }, () => current());
    expect(await settled(calls[0]!)).toBe(false);
    expect(source.calls).toBe(2);
    source.settle('v2', T0 + 2 * HOUR);
    expect(await Promise.all(calls)).toEqual(Array(50).fill('v2'));
  });

  it('from exactly a minute before expiresAt, callers wait for the renewal', async () => {
    const { source, clock, current } = await started(HOUR);
    clock.at(T0 + HOUR - MINUTE);
    const call = current();
    expect(await settled(call)).toBe(false);
    expect(source.calls).toBe(2);
    source.settle('v2', T0 + 2 * HOUR);
    expect(await call).toBe('v2');
  });

  it('a renewal in the last minute that fails once the value has expired throws, rather than hand out the expired value', async () => {
    const { source, clock, current } = await started(HOUR);
    clock.at(T0 + 59 * MINUTE + 30_000);
    const call = current();
    expect(source.calls).toBe(2);
    const outage = new Error('source down');
    // The renewal takes until the very end of the value's life, then fails.
    clock.at(T0 + HOUR);
    source.settle(outage);
    expect(await rejection(call)).toBe(outage);
  });

  it('a failed background renewal keeps the value, is tried again only after 10 s, and the value ends at expiresAt', async () => {
    const { source, clock, current } = await started(HOUR);
    const outage = new Error('source restarting');

    clock.at(T0 + 52 * MINUTE);
    expect(await current()).toBe('v1');
    source.settle(outage);
    await new Promise((resolve) => setImmediate(resolve));

    // Within 10 s of the failure: no new attempt, the value goes on.
    clock.at(T0 + 52 * MINUTE + 9_999);
    expect(await current()).toBe('v1');
    expect(source.calls).toBe(2);

    // After 10 s: another attempt, in the background again.
    clock.at(T0 + 52 * MINUTE + 10_000);
    expect(await current()).toBe('v1');
    expect(source.calls).toBe(3);
    source.settle(outage);
    await new Promise((resolve) => setImmediate(resolve));

    // In the last minute: the caller waits for an attempt; it fails; the value still works.
    clock.at(T0 + 59 * MINUTE + 30_000);
    const late = current();
    expect(source.calls).toBe(4);
    source.settle(outage);
    expect(await late).toBe('v1');

    // Within 10 s of that failure, still in the last minute: no new attempt, the value goes on.
    clock.at(T0 + 59 * MINUTE + 35_000);
    expect(await current()).toBe('v1');
    expect(source.calls).toBe(4);

    // At expiresAt: the value is over, and the failure is what the caller gets.
    clock.at(T0 + HOUR);
    const over = current();
    source.settle(outage);
    expect(await rejection(over)).toBe(outage);

    // The source is back: so is the value.
    const back = current();
    source.settle('v2', T0 + 2 * HOUR);
    expect(await back).toBe('v2');
  });
});

describe('refused: a value a server rejected', () => {
  it('is replaced by one fetch, shared by every caller that refuses it', async () => {
    const { source, current } = await started(24 * HOUR);
    const refusals = Array.from({ length: 50 }, () => current('v1'));
    expect(source.calls).toBe(2);
    source.settle('v2', T0 + 24 * HOUR);
    expect(await Promise.all(refusals)).toEqual(Array(50).fill('v2'));
  });

  it('a refusal of a value already replaced fetches nothing', async () => {
    const { source, current } = await started(24 * HOUR);
    const renewed = current('v1');
    source.settle('v2', T0 + 24 * HOUR);
    await renewed;
    expect(await current('v1')).toBe('v2');
    expect(source.calls).toBe(2);
  });

  it('a refused value whose replacement fails is not handed out again', async () => {
    const { source, current } = await started(24 * HOUR);
    const renewal = current('v1');
    const reason = new Error('IAM down');
    source.settle(reason);
    expect(await rejection(renewal)).toBe(reason);
    const next = current();
    expect(source.calls).toBe(3);
    source.settle('v2', T0 + 24 * HOUR);
    expect(await next).toBe('v2');
  });
});
