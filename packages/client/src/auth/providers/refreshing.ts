/**
 * A value that expires (temporary credentials, an IAM token), fetched once and shared: every
 * caller gets the same value, concurrent callers wait for the same fetch, and the value is renewed
 * ahead of its expiry in the background so no call waits for it.
 *
 * When to renew: with `refreshAheadMs` left, and never earlier than half-way through the value's
 * life. Ten minutes is long enough to ride out a short outage of the source (a failed renewal is
 * tried again every `retryAfterFailureMs` while the value still works), and the half-life bound
 * keeps a value that lives only 15 minutes (the shortest temporary credentials) from being renewed
 * on every call. In its last `expiryMarginMs` a value is not handed out without a renewal attempt,
 * since a request made with it could arrive after it ends; if that renewal fails the value is still
 * used until its `expiresAt`, and after that the failure is thrown.
 */

/** What a fetch yields: the value, and when it stops working (epoch milliseconds; `undefined`: never). */
export interface Expiring<T> {
  readonly value: T;
  readonly expiresAt: number | undefined;
}

export interface RefreshPolicy {
  readonly refreshAheadMs: number;
  readonly expiryMarginMs: number;
  readonly retryAfterFailureMs: number;
  readonly now: () => number;
}

export const defaultRefreshPolicy: RefreshPolicy = {
  refreshAheadMs: 10 * 60_000,
  expiryMarginMs: 60_000,
  retryAfterFailureMs: 10_000,
  now: () => Date.now(),
};

interface Held<T> extends Expiring<T> {
  /** When a background renewal starts. */
  readonly renewAt: number;
}

/**
 * The current value of `fetch`. Called with `refused` (the value a server just rejected), it
 * fetches another unless a newer one is already held; concurrent refusals share that one fetch.
 */
export function refreshing<T>(fetch: () => Promise<Expiring<T>>, policy: RefreshPolicy = defaultRefreshPolicy): (refused?: T) => Promise<T> {
  const { now } = policy;
  let held: Held<T> | undefined;
  let pending: Promise<Held<T>> | undefined;
  let failedAt = -Infinity;

  const renew = (): Promise<Held<T>> =>
    (pending ??= fetch()
      .then(
        (fetched) => {
          const fetchedAt = now();
          const { expiresAt } = fetched;
          const ahead = expiresAt === undefined ? 0 : Math.min(policy.refreshAheadMs, (expiresAt - fetchedAt) / 2);
          held = { ...fetched, renewAt: expiresAt === undefined ? Infinity : expiresAt - ahead };
          return held;
        },
        (error: unknown) => {
          failedAt = now();
          throw error;
        },
      )
      .finally(() => {
        pending = undefined;
      }));

  return async (refused) => {
    if (held && refused !== undefined && held.value === refused) held = undefined;
    if (!held) return (await renew()).value;
    const current = held;
    const time = now();
    const expiresAt = current.expiresAt ?? Infinity;
    if (time < current.renewAt) return current.value;
    if (time >= expiresAt) return (await renew()).value;
    const mayTryAgain = time - failedAt >= policy.retryAfterFailureMs;
    if (time < expiresAt - policy.expiryMarginMs) {
      // Renewed in the background: this call goes on with the value it has.
      if (mayTryAgain) renew().catch(() => undefined);
      return current.value;
    }
    if (!mayTryAgain && !pending) return current.value;
    try {
      return (await renew()).value;
    } catch (error) {
      // The renewal failed, but the value still works until it expires: keep using it.
      if (now() < expiresAt) return current.value;
      throw error;
    }
  };
}
