/**
 * What the transport tests share: both transports as the client makes them, a request builder, a
 * bounded wait, and the check that a promise rejected with a TransportError.
 */
import { expect } from 'vitest';
import { createFetchTransport } from '../../src/transport/fetch.js';
import { createNodeTransport } from '../../src/transport/node.js';
import { TransportError, type Transport, type TransportRequest } from '../../src/transport/transport.js';
import { rejection } from './calls.js';

export interface TransportUnderTest {
  name: 'fetch' | 'node';
  make(): Transport;
  /**
   * Whether an abort before any socket connected is known as "not sent". The Node transport sees the
   * socket; fetch cannot tell how far an attempt got, so its abort always says "may have been sent".
   */
  abortKnowsNotSent: boolean;
}

export const transportsUnderTest: TransportUnderTest[] = [
  { name: 'fetch', make: () => createFetchTransport((url, init) => fetch(url, init)), abortKnowsNotSent: false },
  { name: 'node', make: () => createNodeTransport(), abortKnowsNotSent: true },
];

/** A request to `url`: GET with no body unless `rest` says otherwise. */
export function request(url: string, rest: Partial<TransportRequest> = {}): TransportRequest {
  return { method: 'GET', url, headers: {}, body: undefined, ...rest };
}

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** The TransportError a promise rejected with; fails the test on anything else. */
export async function transportError(promise: Promise<unknown>): Promise<TransportError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

/** Resolves when `promise` does; fails if that takes longer than `withinMs`. */
export async function within<T>(promise: Promise<T>, what: string, withinMs = 2_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${withinMs} ms: ${what}`)), withinMs);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
